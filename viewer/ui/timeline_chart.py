"""A compact chart above the timeline: each layer's area over time, reports per day,
change markers, and a movable cursor line bound to the time cursor."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QWidget

from viewer.analysis.areas import Areas
from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.model.text import safe_line
from viewer.render.language import fill, translate
from viewer.ui.chart_series import (SERIES, TITLES, UNITS, ChartLabels, HoverReadout,
                                    series_values, sparse_levels, tick_strings)
from viewer.ui.date_axis import LocalDateAxis
from viewer.ui.qt_utils import ModelConnections, blocked

DAY = 86400.0
MAX_MARKS = 120         # more changes than this: no marks on the chart


def epoch(t: datetime) -> float:
    return t.timestamp()


def from_epoch(x: float) -> datetime:
    return datetime.fromtimestamp(x, timezone.utc)


class AreaAxis(pg.AxisItem):
    """km² ticks short enough for a narrow axis: 400, 2.5k, 116.5k, 1.2M, never two alike."""

    def tickStrings(self, values, scale, spacing):
        return tick_strings(values, scale, spacing)

    def tickSpacing(self, minVal, maxVal, size):      # labels half a line apart at least
        least = 1.5 * QFontMetrics(self.style["tickFont"] or self.font()).height()
        levels = super().tickSpacing(minVal, maxVal, size)
        return sparse_levels(levels, maxVal - minVal, size, least)


def compact_number(v: float) -> str:
    locale = QLocale()
    for limit, suffix in ((1e6, translate("Timeline", "M", "million")),
                          (1e3, translate("Timeline", "k", "thousand"))):
        if abs(v) >= limit:
            return locale.toString(v / limit, "g", 3) + suffix
    return locale.toString(float(v), "g", 3)


def style_chart(chart: pg.PlotWidget, axes: tuple[str, ...]) -> pg.PlotItem:
    """The look both charts share: the palette's colours, no menu, buttons or mouse
    zoom, short inward ticks on ``axes``; returns the plot item."""
    pal = chart.palette()
    chart.setBackground(pal.color(QPalette.ColorRole.Base))
    ink = pal.color(QPalette.ColorRole.Text)
    plot = chart.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    for name in axes:
        plot.showAxis(name)
        axis = plot.getAxis(name)
        axis.setPen(ink)
        axis.setTextPen(ink)
        axis.setStyle(tickLength=-4, tickTextOffset=2)
        # drawn from a pixmap made when its ticks change: a time step repaints columns
        # of the plot, which reach into the axes' inward ticks (replaying an axis's
        # picture of tick texts cost 0.1 ms a step)
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    # wide enough for the longest tick label in the interface language ("888.8k" and
    # "888,8 тис.": pyqtgraph drops tick labels wider than the axis)
    widest = QLocale().toString(888.8, "f", 1) + translate("Timeline", "k", "thousand")
    plot.getAxis("left").setWidth(max(46, QFontMetrics(chart.font()).horizontalAdvance(widest) + 8))
    plot.getViewBox().setDefaultPadding(0.04)
    return plot


class CursorLine(pg.InfiniteLine):
    """The time cursor's line. It is left out of the auto range (``ignoreBounds``), so a
    move need not tell the view box: pyqtgraph would otherwise queue an auto-range
    update, repainting the whole plot and measuring every curve again at each time step,
    where the old and new strips of the line are all that change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No itemChange calls for its moves: pyqtgraph's (two Python calls, each
        # converting the position to and from Qt) only told the view of new bounds,
        # which this line does not have (below); 0.08 -> 0.045 ms a move.
        self.setFlag(self.GraphicsItemFlag.ItemSendsGeometryChanges, False)

    def informViewBoundsChanged(self) -> None:
        pass

    def setPos(self, pos) -> None:      # noqa: N802 (pyqtgraph's name)
        """A move along the time axis keeps the line's bounding rect and end points:
        along the line they span the view's height, across it the pen's width, neither
        of which a move changes. pyqtgraph's setPos drops them (as a change of the view
        would), and worked them out again from the view rect at each time step (in
        the scene's processing of the move, and in the paint)."""
        if self.angle != 90 or isinstance(pos, (list, tuple, np.ndarray, QPointF)) \
                or self._boundingRect is None:
            super().setPos(pos)
            return
        x = float(pos)
        low, high = self.maxRange
        x = x if low is None else max(x, low)
        x = x if high is None else min(x, high)
        if self.p != [x, 0]:
            self.p = [x, 0]
            self._cachedView = None         # the view rect in the line's coordinates
            pg.GraphicsObject.setPos(self, pg.Point(self.p))
            self.sigPositionChanged.emit(self)


class TimelineChart(pg.PlotWidget):
    """Area (km², left axis) of each layer as steps, reports per day as bars (right
    axis), faint marks at change times, and the cursor line (drag it, or click)."""

    def __init__(self, cursor: TimeCursor, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": LocalDateAxis("bottom"),
                                            "left": AreaAxis("left")})
        self.cursor = cursor
        self.snap_seconds = 3600.0
        self._curves: list[pg.PlotDataItem] = []
        plot = style_chart(self, ("left", "bottom", "right"))
        plot.getAxis("right").setWidth(26)
        plot.getAxis("left").setStyle(hideOverlappingLabels=True)  # none cut by the top
        plot.getAxis("left").setToolTip(translate("Timeline", "Area of each layer, km²"))
        plot.getAxis("right").setToolTip(translate("Timeline", "Reports published per day"))
        plot.getAxis("bottom").setToolTip(translate("Timeline", "Date (UTC)"))
        self.labels = ChartLabels(plot, translate("Timeline", "reports/day"))
        self.hover = HoverReadout(plot)
        self.kind, self.analytics = "area", None
        self._shown: tuple[Situation, Areas] | None = None
        self.series_box = QComboBox(parent)
        self.series_box.setToolTip(translate("Timeline", "What the chart shows for each layer"))
        for key, text, _, _ in SERIES:
            self.series_box.addItem(translate("Timeline", text), key)
        self.series_box.currentIndexChanged.connect(self._on_series)
        plot.setContentsMargins(0, 2, 0, 0)

        # Report counts and change marks live in a second view box over the same x axis.
        self.counts_view = pg.ViewBox(enableMouse=False, enableMenu=False)
        plot.scene().addItem(self.counts_view)
        self.counts_view.setZValue(-10)
        self.counts_view.setXLink(plot)
        plot.getAxis("right").linkToView(self.counts_view)
        plot.getViewBox().sigResized.connect(self._sync_views)
        self.bars = pg.BarGraphItem(x=[], height=[], width=DAY * 0.8,
                                    brush=QColor(120, 130, 150, 70), pen=pg.mkPen(None))
        self.counts_view.addItem(self.bars)
        self.marks = pg.PlotCurveItem(connect="pairs",
                                      pen=pg.mkPen(QColor(90, 90, 90, 110), width=1,
                                                   style=Qt.PenStyle.DotLine))
        self.counts_view.addItem(self.marks)

        self.line = CursorLine(epoch(cursor.time), angle=90, movable=True,
                               pen=pg.mkPen("#1f5fbf", width=2),
                               hoverPen=pg.mkPen("#1f5fbf", width=4))
        self.line.setZValue(100)
        plot.addItem(self.line, ignoreBounds=True)
        self.line.sigPositionChanged.connect(self._on_line_moved)
        plot.scene().sigMouseClicked.connect(self._on_clicked)

        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(cursor.span_changed, self._on_span)
        self._on_span(cursor.start, cursor.end)

    def sizeHint(self) -> QSize:
        return QSize(400, 120)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 90)

    # -- data ------------------------------------------------------------------------
    def set_situation(self, situation: Situation, areas: Areas) -> None:
        self._shown = situation, areas
        self._set_curves()
        self._set_counts(situation)
        plot = self.getPlotItem()
        plot.enableAutoRange(axis="y")
        plot.setAutoVisible(y=True)
        self._on_span(self.cursor.start, self.cursor.end)

    def set_analytics(self, analytics) -> None:
        """The measured front analytics (None: not yet): the front series needs them."""
        self.analytics = analytics
        if self.kind == "front" and self._shown is not None:
            self._set_curves()

    def set_kind(self, kind: str) -> None:
        """Plot each layer's "area", "front" length, or "rate7"/"rate30"."""
        self.kind = kind
        with blocked(self.series_box):
            self.series_box.setCurrentIndex(self.series_box.findData(kind))
        if self._shown is not None:
            self._set_curves()
            self.getPlotItem().enableAutoRange(axis="y")

    def _on_series(self, _index: int) -> None:
        self.set_kind(self.series_box.currentData())

    def _set_curves(self) -> None:
        plot = self.getPlotItem()
        for curve in self._curves:
            plot.removeItem(curve)
        self._curves = []
        situation, areas = self._shown
        _, x_end = self._x_range()
        hover, legend = [], []
        for layer in situation.layers:
            times, km2 = areas.series(layer.id)
            values = series_values(self.kind, layer.id, times, km2, self.analytics)
            if not times or values is None:
                continue
            edges = np.array([epoch(t) for t in times] + [max(x_end, epoch(times[-1]))])
            curve = pg.PlotDataItem(edges, values, stepMode="center", connect="finite",
                                    pen=pg.mkPen(layer.style.color, width=2))   # NaN: a gap
            # a time step repaints the strips of the cursor line and the band's ends:
            # from a pixmap of the curve, not by stroking its hundreds of steps again
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.addItem(curve)
            self._curves.append(curve)
            name = safe_line(layer.name, 60)
            hover.append((name, edges[:-1], values))
            legend.append((name, layer.style.color))
        title = translate("Timeline", TITLES[self.kind])
        self.labels.set_title(title)
        self.labels.set_legend(legend)
        self.labels.fit_y([values for _, _, values in hover], self._x_range()[0])
        plot.getAxis("left").setToolTip(
            title if self._curves or self.kind != "front"
            else fill(translate("Timeline", "%1 (being measured)"), title))
        self.hover.set_curves(hover, translate("Timeline", UNITS[self.kind]))

    def _set_counts(self, situation: Situation) -> None:
        days = np.array([epoch(r.published) // DAY for r in situation.reports], dtype=float)
        day, count = np.unique(days, return_counts=True)
        self.bars.setOpts(x=day * DAY + DAY / 2, height=count, width=DAY * 0.8)
        most = int(count.max()) if count.size else 1
        top = most * 1.6        # bars keep to the lower part, under the area lines
        self.counts_view.setYRange(0.0, top, padding=0)
        self.getPlotItem().getAxis("right").setTickSpacing(max(1, math.ceil(most / 2)), 1)
        stops = np.array([epoch(c.at) for c in situation.changes], dtype=float)
        # Daily data changes every day: marks there would only grey the chart over (the
        # slider's ticks still show each change).
        if stops.size > MAX_MARKS:
            stops = stops[:0]
        self.marks.setData(np.repeat(stops, 2), np.tile([0.0, top], stops.size))

    # -- cursor <-> line -------------------------------------------------------------
    def _x_range(self) -> tuple[float, float]:
        lo, hi = epoch(self.cursor.start), epoch(self.cursor.end)
        if hi <= lo:
            lo, hi = lo - DAY, hi + DAY
        return lo, hi

    def _on_span(self, _start: datetime, _end: datetime) -> None:
        lo, hi = self._x_range()
        self.getPlotItem().setXRange(lo, hi, padding=0)
        with blocked(self.line):
            self.line.setBounds((epoch(self.cursor.start), epoch(self.cursor.end)))
            self.line.setValue(epoch(self.cursor.time))

    def _on_time(self, t: datetime) -> None:
        with blocked(self.line):
            self.line.setValue(epoch(t))

    def _snapped(self, x: float) -> datetime:
        start = epoch(self.cursor.start)
        return from_epoch(start + round((x - start) / self.snap_seconds) * self.snap_seconds)

    def _on_line_moved(self, line: pg.InfiniteLine) -> None:
        self.cursor.set_time(self._snapped(line.value()))

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted():
            return
        vb = self.getPlotItem().getViewBox()
        if vb.sceneBoundingRect().contains(event.scenePos()):
            self.cursor.set_time(self._snapped(vb.mapSceneToView(event.scenePos()).x()))

    def plot_span_in(self, widget: QWidget) -> tuple[int, int]:
        """Left and right pixel x of the plotting area, in ``widget``'s coordinates."""
        rect = self.mapFromScene(self.getPlotItem().getViewBox().sceneBoundingRect()).boundingRect()
        left = self.mapTo(widget, rect.topLeft()).x()
        return left, left + rect.width()

    def _sync_views(self) -> None:
        self.counts_view.setGeometry(self.getPlotItem().getViewBox().sceneBoundingRect())
        self.counts_view.linkedViewChanged(self.getPlotItem().getViewBox(), self.counts_view.XAxis)
