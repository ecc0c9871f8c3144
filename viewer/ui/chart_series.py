"""What the timeline chart plots (a choice: each layer's area, its front length, or its
7- or 30-day rate of advance), with the axis title and unit of each; the tick labels of
the left axis; and the hover readout (the exact value and date under the pointer)."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGraphicsItem

from viewer.analysis.rates import rate_per_day
from viewer.render.language import QT_TRANSLATE_NOOP, fill, format_number, translate
from viewer.ui.qt_utils import format_time

# (key, menu text, axis title (short: the chart is low), unit), each text in the
# context "Timeline", translated where shown
SERIES = (("area", QT_TRANSLATE_NOOP("Timeline", "Area"),
           QT_TRANSLATE_NOOP("Timeline", "area, km²"), QT_TRANSLATE_NOOP("Timeline", "km²")),
          ("front", QT_TRANSLATE_NOOP("Timeline", "Front length"),
           QT_TRANSLATE_NOOP("Timeline", "front, km"), QT_TRANSLATE_NOOP("Timeline", "km")),
          ("rate7", QT_TRANSLATE_NOOP("Timeline", "Rate, 7 days"),
           QT_TRANSLATE_NOOP("Timeline", "km²/day, 7 d"), QT_TRANSLATE_NOOP("Timeline", "km²/day")),
          ("rate30", QT_TRANSLATE_NOOP("Timeline", "Rate, 30 days"),
           QT_TRANSLATE_NOOP("Timeline", "km²/day, 30 d"),
           QT_TRANSLATE_NOOP("Timeline", "km²/day")))
TITLES = {key: title for key, _, title, _ in SERIES}
UNITS = {key: unit for key, _, _, unit in SERIES}
LINE_PX = 14                # a line of the chart's title and legend
GAP_PX = 3                  # between a title and the axis beside it
WINDOW = {"rate7": 7, "rate30": 30}


def series_values(kind: str, layer_id: str, times, km2: np.ndarray, analytics) -> np.ndarray | None:
    """The values of ``kind`` at each state of the layer (None: not measured yet)."""
    if kind == "area":
        return np.asarray(km2, float)
    if kind in WINDOW:
        return rate_per_day(times, km2, WINDOW[kind])
    if analytics is None:
        return None
    return analytics.front.series(layer_id)


def tick_strings(values, scale: float, spacing: float) -> list[str]:
    """Short labels (400, 2.5k, 116.5k, 1.2M), with as many decimals as the spacing
    needs for neighbouring ticks to differ (never "116k, 116k, 117k")."""
    span = max(abs(v * scale) for v in values) if len(values) else 0.0
    suffixes = ((1e6, translate("Timeline", "M", "million")),
                (1e3, translate("Timeline", "k", "thousand")))
    limit, suffix = next(((lim, suf) for lim, suf in suffixes if span >= lim), (1.0, ""))
    step = abs(spacing * scale) / limit
    decimals = 0 if step <= 0 or step >= 1 else min(6, math.ceil(-math.log10(step) - 1e-9))
    locale = QLocale()
    return [locale.toString(float(v * scale / limit), "f", decimals) + suffix for v in values]


def sparse_levels(levels: list, span: float, size: float, least_px: float) -> list:
    """pyqtgraph's tick levels ((spacing, offset) per level) with the major ticks at least
    ``least_px`` apart on an axis ``size`` pixels long showing ``span``, the next step of
    1, 2, 5, 10... (it puts 2.25 intervals on the shortest axis: in a low chart their
    labels touch); the finer levels kept where they divide it."""
    if not levels or span <= 0 or size <= 0:
        return levels
    major = levels[0][0]
    while major * size / span < least_px:
        mantissa = round(major / 10 ** math.floor(math.log10(major) + 1e-9))
        major *= 2.5 if mantissa == 2 else 2
    if major == levels[0][0]:
        return levels
    finer = [(s, o) for s, o in levels if s < major and abs(major / s - round(major / s)) < 1e-6]
    return [(major, 0), *finer]


def cached(item: pg.TextItem) -> None:
    """The item's text drawn from a pixmap made when it changes: the title and legend
    sit over the plot, where a time step repaints columns (laying the text out again
    each time cost some 0.05 ms a step)."""
    item.textItem.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class HoverReadout:
    """A text beside the pointer: each curve's exact value at the time under
    the pointer (the state in force then), and the date of that state; hidden when the pointer
    leaves the plot."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.text = pg.TextItem(anchor=(0, 0), color=plot.getAxis("left").textPen().color())
        self.text.setZValue(200)
        cached(self.text)
        plot.addItem(self.text, ignoreBounds=True)
        self.text.hide()
        self.curves: list[tuple[str, np.ndarray, np.ndarray]] = []     # name, x, y
        self.unit = ""
        plot.scene().sigMouseMoved.connect(self._on_moved)

    def set_curves(self, curves: list[tuple[str, np.ndarray, np.ndarray]], unit: str) -> None:
        self.curves, self.unit = curves, unit
        self.text.hide()

    def readout(self, x: float) -> str | None:
        """The text for time ``x`` (epoch seconds), or None where no curve has a state."""
        lines, latest = [], None
        for name, xs, ys in self.curves:
            k = int(np.searchsorted(xs, x, side="right")) - 1
            if 0 <= k < len(ys):
                v = ys[k]
                latest = xs[k] if latest is None else max(latest, xs[k])
                shown = format_number(v) if np.isfinite(v) else "—"
                lines.append(f"{name}: {shown} {self.unit}")
        if not lines:
            return None
        day = format_time(datetime.fromtimestamp(latest, timezone.utc))
        return "\n".join([fill(translate("Timeline", "state of %1"), day), *lines])

    def _on_moved(self, pos) -> None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            self.text.hide()
            return
        x = vb.mapSceneToView(pos).x()
        text = self.readout(x)
        if text is None:
            self.text.hide()
            return
        (_, y1) = vb.viewRange()[1]
        self.text.setText(text)
        _, line = vb.viewPixelSize()
        self.text.setPos(x, y1 - 16 * line)         # beside the pointer, under the title
        self.text.show()


class ChartLabels:
    """Axis titles (left: what is plotted; right: the bars) and a legend of the layers,
    as plain-text items in the plot's top corners (pyqtgraph's own axis labels and legend
    are rich text, and layer names come from files), kept there as the view changes."""

    def __init__(self, plot: pg.PlotItem, right_title: str):
        self.plot = plot
        ink = plot.getAxis("left").textPen().color()
        self.left = pg.TextItem("", color=ink, anchor=(0, 0))
        self.right = pg.TextItem(right_title, color=ink, anchor=(1, 0))
        self.legend: list[pg.TextItem] = []
        for item in (self.left, self.right):
            item.setZValue(150)
            cached(item)
            plot.addItem(item, ignoreBounds=True)
        plot.getViewBox().sigRangeChanged.connect(self._place)
        self._lo_hi: tuple[float, float] | None = None
        self._x = 0.0
        self.headroom = pg.PlotCurveItem([], [], pen=pg.mkPen(0, 0, 0, 0))
        plot.addItem(self.headroom)
        plot.getViewBox().sigResized.connect(self._fit)
        plot.getViewBox().sigResized.connect(self._place)       # side by side or not

    def fit_y(self, values: list[np.ndarray], x: float) -> None:
        """Keep a band on top free for the title and legend, so they never sit on a
        curve's peak: an invisible item the y auto range takes in, as far above the
        curves' highest value as the band is tall (no finite value: no band), at ``x``
        (a time shown: the auto range takes in only what is in view)."""
        self._x = x
        finite = [v[np.isfinite(v)] for v in values]
        finite = [v for v in finite if v.size]
        self._lo_hi = ((min(float(v.min()) for v in finite), max(float(v.max()) for v in finite))
                       if finite else None)
        self._fit()

    def line_px(self) -> float:
        """The height of a line of these labels in pixels, and one for the gap (their
        font's: Cyrillic "д" and "у" reach below the line, and a desktop font of 11 or 12
        pt is taller than Qt's 9 pt)."""
        text = self.right.textItem
        return max(float(LINE_PX),
                   text.boundingRect().height() - 2 * text.document().documentMargin() + 1)

    def _side_by_side(self) -> bool:
        """Whether the left and right titles fit on the top row together."""
        margin = 2 * self.right.textItem.document().documentMargin()
        need = (self.left.textItem.boundingRect().width() - margin
                + self.right.textItem.boundingRect().width() - margin + LINE_PX + 2 * GAP_PX)
        return need <= self.plot.getViewBox().width()

    def _width(self, item: pg.TextItem) -> float:
        """The width of an item's text, without its document's margins."""
        margin = 2 * item.textItem.document().documentMargin()
        return item.textItem.boundingRect().width() - margin

    def _one_row(self) -> bool:
        """Whether the titles and legend share the top row: the plot is too low for a
        band of a row each (it would take more than a third of it, or push the curves
        into the titles), and they fit side by side."""
        vb = self.plot.getViewBox()
        stacked = (1 if self._side_by_side() else 2) + len(self.legend)
        if not self.legend or vb.height() >= 3 * (stacked * self.line_px() + 4):
            return False
        texts = [self.left, self.right, *self.legend]
        need = sum(self._width(t) for t in texts) + LINE_PX * (len(texts) - 1) + 2 * GAP_PX
        return need <= vb.width()

    def _rows(self) -> int:
        """Rows of the top band: the titles (one row, or two when they do not fit side by
        side), then the legend; or one row for all in a low plot."""
        if self._one_row():
            return 1
        return (1 if self._side_by_side() else 2) + len(self.legend)

    def _fit(self, *_args) -> None:
        height = self.plot.getViewBox().height()
        band = self._rows() * self.line_px() + 4           # the titles, then the legend
        if self._lo_hi is None or height <= 2 * band:
            self.headroom.setData([], [])
            return
        lo, hi = self._lo_hi
        top = lo + ((hi - lo) or abs(hi) or 1.0) * height / (height - band)
        self.headroom.setData([self._x, self._x], [hi, top])

    def set_title(self, text: str) -> None:
        self.left.setText(text)
        self._place()
        self._fit()

    def set_legend(self, entries: list[tuple[str, str]]) -> None:
        """(name, colour) per curve: a line of the curve's colour before each name."""
        for item in self.legend:
            self.plot.removeItem(item)
        self.legend = []
        for name, colour in entries:
            item = pg.TextItem(f"━ {name}", color=colour, anchor=(1, 0))
            item.setZValue(150)
            cached(item)
            self.plot.addItem(item, ignoreBounds=True)
            self.legend.append(item)
        self._place()
        self._fit()

    def _place(self, *_args) -> None:
        """The left title top left; the right title top right, or on the next row when
        both do not fit on one; the legend below it, a whole line per row (in a low
        plot, on the top row left of the right title); each clear of its axis."""
        vb = self.plot.getViewBox()
        (x0, x1), (_, y1) = vb.viewRange()
        across, line = vb.viewPixelSize()       # view units per pixel
        step = self.line_px() * line
        self.left.setPos(x0 + GAP_PX * across, y1)
        right = x1 - GAP_PX * across
        if self._one_row():
            for item in (self.right, *self.legend):
                item.setPos(right, y1)
                right -= (self._width(item) + LINE_PX) * across
            return
        first = 0 if self._side_by_side() else 1
        self.right.setPos(right, y1 - first * step)
        for k, item in enumerate(self.legend, start=first + 1):
            item.setPos(right, y1 - k * step)
