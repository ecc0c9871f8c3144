"""A chart's time axis in the interface language, readable at every width.

pyqtgraph's DateAxisItem spells the months with Python's strftime (English whatever the
language); this one asks QLocale. pyqtgraph also picks its ticks for its own short
example texts ("YYYY", "MMM"), then draws a level's labels only while they fill little
of the axis, always drawing the coarsest level, even an empty one: a range from January
to June has no year tick, and its months ("серп. 2025", "Aug 2025") crowd a narrow
chart, so no label at all was drawn. Here each level's labels are made to fit first:

- a level's ticks get the longest of its formats whose labels keep apart ("серп. 2025",
  then "08.2025"), else the shortest one on every 2nd, 3rd… tick (months on every 2nd,
  3rd, 6th month, years on every 2nd, 5th, 10th year: the same ticks as the view moves);
- a label that would overlap one already placed (a coarser level's: "31 Jul" drawn into
  "Aug 2025") or stick out of the axis is left out, as pyqtgraph would;
- levels left with no label come off the top, so the first one drawn has labels (and
  when the zoom pyqtgraph chose has fewer than two ticks in the range, the next finer
  one's are used); a finer level is thinned too while fewer than 3 labels are placed, else it
  is left out whole if it doesn't fit.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

from viewer.render.language import translate

DAY = 86400.0
LABEL_GAP_PX = 6            # kept between two labels
EDGE_SLACK_PX = 1           # pyqtgraph's text rectangles are a little wider than the text
THINNING = (1, 2, 3, 4, 6, 12, 24, 60, 120)
FEW = 3                     # fewer labels placed: the next level may be thinned to fit


def _count(levels: list) -> int:
    return sum(len(values) for _, values in levels)


def _when(v: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(v, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


class LocalDateAxis(pg.DateAxisItem):
    def __init__(self, orientation: str = "bottom"):
        super().__init__(orientation, utcOffset=0)
        self._formats: dict[float, str] = {}     # the format chosen for each level's spacing

    # -- which ticks are labelled, and how ------------------------------------------------
    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        self._formats = {}
        metrics = getattr(self, "fontMetrics", None)     # set by pyqtgraph once laid out
        if metrics is None or maxVal <= minVal or size <= 0:
            return levels
        per_second = size / (maxVal - minVal)
        out = self._labelled(levels, minVal, per_second, size, metrics)
        zooms = list(self.zoomLevels.values())
        finer = zooms[zooms.index(self.zoomLevel) + 1:][:1] if self.zoomLevel in zooms else []
        for zoom in finer:          # one tick or none in the range (5-20 June: no month)
            if _count(out) >= FEW - 1:
                break
            zoom.utcOffset = self.utcOffset
            formats = self._formats
            more = self._labelled(zoom.tickValues(minVal, maxVal, minSpc=10 / per_second),
                                  minVal, per_second, size, metrics)
            if _count(more) > _count(out):
                out = more
            else:
                self._formats = formats
        return out

    def _labelled(self, levels, minVal, per_second, size, metrics) -> list:
        """The levels as drawn: each with the ticks that get a label (see the module's
        docstring); their formats in ``_formats``."""
        self._formats = {}
        placed: list[tuple[float, float]] = []          # (x, half width) in px
        out = []
        for spacing, values in levels:
            values = [v for v in values if _when(v) is not None]
            fitted = self._fit(spacing, values, minVal, per_second, size, placed, metrics,
                               thin=len(placed) < FEW)
            if fitted is None:
                if out:
                    break                       # a finer level that doesn't fit: none finer
                continue                        # nothing of the coarsest fits: the next one
            fmt, kept, halves = fitted
            self._formats[spacing] = fmt
            placed += [((v - minVal) * per_second, h) for v, h in zip(kept, halves)]
            out.append((spacing, kept))
        return out

    def _fit(self, spacing, values, low, per_second, size, placed, metrics, thin):
        """(format, ticks, half widths) of the level, or None: the longest format whose
        labels keep apart, else (``thin``) the shortest one on every k-th tick."""
        formats = self.formats(spacing)
        tries = [(fmt, 1) for fmt in formats]
        if thin:
            tries += [(formats[-1], k) for k in THINNING[1:]]
        for fmt, k in tries:
            chosen = [v for i, v in enumerate(values) if self._step(spacing, v, i) % k == 0]
            texts = [self._text(v, fmt) for v in chosen]
            labels = []
            for v, text in zip(chosen, texts):
                x, half = (v - low) * per_second, metrics.horizontalAdvance(text) / 2 + \
                    EDGE_SLACK_PX
                if x - half < 0 or x + half > size or any(
                        abs(x - px) < half + ph + LABEL_GAP_PX for px, ph in placed):
                    continue                    # off the axis, or on a coarser label
                labels.append((v, x, half))
            if labels and all(b[1] - a[1] >= a[2] + b[2] + LABEL_GAP_PX
                              for a, b in zip(labels, labels[1:])):
                return fmt, [v for v, _, _ in labels], [h for _, _, h in labels]
        return None

    @staticmethod
    def _step(spacing: float, v: float, index: int) -> int:
        """Which tick of its kind ``v`` is, for thinning: a year's number, a month's count
        since year 0 (every 3rd month: Jan, Apr, Jul, Oct), else its place in the list."""
        t = _when(v)
        if spacing >= 360 * DAY:
            return t.year
        if spacing >= 28 * DAY:
            return t.year * 12 + t.month - 1
        return index

    @staticmethod
    def formats(spacing: float) -> list[str]:
        """The QLocale date formats of a level's labels, longest first."""
        if spacing >= 360 * DAY:
            return ["yyyy"]
        if spacing >= 28 * DAY:
            return ["MMM yyyy", translate("Timeline", "MM/yyyy",
                                          "Qt date format: month and year in digits")]
        if spacing >= DAY:
            return ["d MMM", translate("Timeline", "d/M",
                                       "Qt date format: month and day in digits")]
        return ["HH:mm"]

    # -- the labels -----------------------------------------------------------------------
    def tickStrings(self, values, scale, spacing):
        fmt = self._formats.get(spacing) or self.formats(spacing)[0]
        return [self._text(v, fmt) for v in values]

    @staticmethod
    def _text(v: float, fmt: str) -> str:
        t = _when(v)
        if t is None:
            return ""
        if fmt == "HH:mm":
            return f"{t:%H:%M}"
        return QLocale().toString(QDate(t.year, t.month, t.day), fmt)
