"""A chart's time axis in the interface language: pyqtgraph's DateAxisItem spells the
months with Python's strftime (English whatever the language); this one asks QLocale."""

from __future__ import annotations

from datetime import datetime, timezone

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

DAY = 86400.0
LABEL_GAP_PX = 6            # kept between two labels of different levels


class LocalDateAxis(pg.DateAxisItem):
    def __init__(self, orientation: str = "bottom"):
        super().__init__(orientation, utcOffset=0)

    def tickValues(self, minVal, maxVal, size):
        """pyqtgraph's levels (months, then days…), with each finer label that would
        overlap a coarser one left out ("31 Jul" drawn into "Aug 2025"): pyqtgraph drops
        only a finer tick at the very same time."""
        levels = super().tickValues(minVal, maxVal, size)
        metrics = getattr(self, "fontMetrics", None)     # set by pyqtgraph once laid out
        if metrics is None or maxVal <= minVal or len(levels) < 2:
            return levels
        per_second = size / (maxVal - minVal)
        placed: list[tuple[float, float]] = []          # (time, half width in px)
        out = []
        for spacing, values in levels:
            texts = self.tickStrings(values, 1.0, spacing)
            kept = [(v, metrics.horizontalAdvance(t) / 2) for v, t in zip(values, texts)]
            kept = [(v, half) for v, half in kept
                    if all(abs(v - x) * per_second >= half + h + LABEL_GAP_PX
                           for x, h in placed)]
            placed += kept
            out.append((spacing, [v for v, _ in kept]))
        return out

    def tickStrings(self, values, scale, spacing):
        locale = QLocale()
        if spacing >= 360 * DAY:
            fmt = "yyyy"
        elif spacing >= 28 * DAY:
            fmt = "MMM yyyy"
        elif spacing >= DAY:
            fmt = "d MMM"
        else:
            fmt = None
        out = []
        for v in values:
            try:
                t = datetime.fromtimestamp(v, timezone.utc)
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            out.append(locale.toString(QDate(t.year, t.month, t.day), fmt) if fmt
                       else f"{t:%H:%M}")
        return out
