"""A chart's time axis in the interface language: pyqtgraph's DateAxisItem spells the
months with Python's strftime (English whatever the language); this one asks QLocale."""

from __future__ import annotations

from datetime import datetime, timezone

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

DAY = 86400.0


class LocalDateAxis(pg.DateAxisItem):
    def __init__(self, orientation: str = "bottom"):
        super().__init__(orientation, utcOffset=0)

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
