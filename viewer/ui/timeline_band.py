"""On the timeline chart: the highlight window (t - days, t] as a faint band, and, while
comparing, date A as a second cursor line that can be dragged."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Callable

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QTransform

from viewer.model.cursor import TimeCursor
from viewer.model.times import shifted
from viewer.ui.qt_utils import ModelConnections, blocked
from viewer.ui.timeline_chart import CursorLine, TimelineChart, epoch, from_epoch

BAND = QColor(123, 16, 32, 28)          # the gain colour, faint
PAD_PX = 8          # beyond a stretch's ends: the cursor line's half width (3 px), Qt's
                    # antialiasing margin (2 px) and some to spare
MERGE_PX = 48       # stretches closer than this are repainted as one rectangle
STRIP_ROWS = 40     # device rows the band is filled in at a time (see row_strips): with
                    # two columns repainted, 80 spans a fill, under the pool's 96


class BandItem(pg.GraphicsObject):
    """A vertical band over the whole height of the plot. Its bounds are the view's, so
    it stays out of the auto range. A new span marks nothing for repainting itself: the
    HighlightBand repaints the chart's columns where the band and the cursor line
    changed (``repaint_columns``)."""

    def __init__(self):
        super().__init__()
        self.span = (0.0, 0.0)

    def boundingRect(self) -> QRectF:
        view = self.viewRect()
        return QRectF(view) if view is not None else QRectF()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()

    def paint(self, painter, *args) -> None:
        view = self.viewRect()
        lo, hi = self.span
        if view is None or hi <= lo:
            return
        band = QRectF(lo, view.top(), hi - lo, view.height())
        strips = row_strips(band, painter.deviceTransform(), STRIP_ROWS)
        if len(strips) == 1:
            painter.fillRect(band, BAND)
            return
        for strip in strips:        # the same fill, each time clipped to a few rows
            painter.save()
            painter.setClipRect(strip, Qt.ClipOperation.IntersectClip)
            painter.fillRect(band, BAND)
            painter.restore()


def row_strips(rect: QRectF, device: QTransform, rows: int) -> list[QRectF]:
    """``rect`` cut across into strips of at most ``rows`` device rows, as clip
    rectangles (they reach two pixels past its sides, and the outer two a row past its
    ends; each cut falls on a whole device row, so one fill clipped to each strip in
    turn paints the pixels of one fill unclipped).

    Qt's raster engine hands a translucent fill of 96 rows or more to its thread pool
    (qdrawhelper's QT_THREAD_PARALLEL_FILLS), and waits for it: for the band's few
    columns at a time step, waking the pool's threads cost more than the fill, and
    under load the wait for them was most of the chart's paint. ``[rect]`` unless
    ``device`` only scales and moves and the rect is taller than ``rows``."""
    if device.type().value > QTransform.TransformationType.TxScale.value or not device.m22():
        return [rect]
    mapped = device.mapRect(rect)
    top, bottom = round(mapped.top()) - 1, round(mapped.bottom()) + 1
    if bottom - top <= rows + 2:
        return [rect]
    cuts = list(range(top, bottom, rows)) + [bottom]
    ys = sorted((y - device.dy()) / device.m22() for y in cuts)
    margin = 2 / abs(device.m11()) if device.m11() else 0.0
    return [QRectF(rect.left() - margin, y0, rect.width() + 2 * margin, y1 - y0)
            for y0, y1 in zip(ys, ys[1:])]


def repaint_columns(chart: pg.PlotWidget, stretches: list[tuple[float, float]]) -> None:
    """Repaint the chart's whole height over each stretch of time (padded by PAD_PX for
    the cursor line's width), stretches less than MERGE_PX apart as one rectangle.

    A time step changes the band's two ends and the cursor line's old and new places. As
    the items' own updates, those were four to six thin rectangles, or one rectangle from
    the old date to the new one after a jump: Qt paints a region of several rectangles
    clipped rectangle by rectangle (six strips cost 2.5 times their bounding box), and
    a long rectangle repaints most of the chart. The rectangles here hold the items'
    own (their heights are the plot's), so the viewport paints just these."""
    view = chart.viewport()
    box = chart.getPlotItem().getViewBox()
    (x0, x1), (y, _) = box.viewRange()
    if x1 <= x0:
        return
    p0, p1 = (chart.mapFromScene(box.mapViewToScene(QPointF(x, y))).x() for x in (x0, x1))
    scale = (p1 - p0) / (x1 - x0)             # the time axis is linear: pixels per second
    pixels = sorted((p0 + (a - x0) * scale, p0 + (b - x0) * scale) for a, b in stretches)
    columns: list[list[float]] = []
    for a, b in pixels:
        lo, hi = min(a, b) - PAD_PX, max(a, b) + PAD_PX
        if columns and lo - columns[-1][1] < MERGE_PX:
            columns[-1][1] = max(columns[-1][1], hi)
        else:
            columns.append([lo, hi])
    for lo, hi in columns:
        view.update(QRect(math.floor(lo), 0, math.ceil(hi - lo) + 1, view.height()))


def _changed(old: tuple[float, float], new: tuple[float, float]) -> list[tuple[float, float]]:
    """The stretches covered by one of the intervals and not the other (an interval
    with hi <= lo is empty)."""
    spans = [s for s in (old, new) if s[1] > s[0]]
    if len(spans) < 2:
        return spans
    (a0, a1), (b0, b1) = old, new
    if a1 <= b0 or b1 <= a0:                    # apart: both whole
        return spans
    return [(min(a0, b0), max(a0, b0)), (min(a1, b1), max(a1, b1))]


class HighlightBand(QObject):
    def __init__(self, chart: TimelineChart, cursor: TimeCursor):
        super().__init__(chart)
        self.chart, self.cursor = chart, cursor
        self.region = BandItem()
        self.region.setZValue(-5)
        chart.getPlotItem().addItem(self.region, ignoreBounds=True)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._update)
        self._conns.connect(cursor.highlight_changed, self._update)
        self._update()

    def span(self) -> tuple[float, float]:
        t = self.cursor.time
        start = shifted(t, -timedelta(days=self.cursor.highlight_days))
        return max(epoch(start), epoch(self.cursor.start)), epoch(t)

    def _update(self, *_: object) -> None:
        (old_lo, old_hi), new = self.region.span, self.span()
        self.region.span = new
        stretches = _changed((old_lo, old_hi), new)
        if new[1] != old_hi:            # the cursor line moved (also with no band)
            stretches += [(old_hi, old_hi), (new[1], new[1])]
        if stretches:
            repaint_columns(self.chart, stretches)


class DateLine(QObject):
    """A second, draggable cursor line at date A; ``moved(datetime)`` on a drag."""

    def __init__(self, chart: TimelineChart, at: datetime, moved: Callable[[datetime], None]):
        super().__init__(chart)
        self.chart, self._moved = chart, moved
        self.line = CursorLine(epoch(at), angle=90, movable=True,
                               pen=pg.mkPen("#7b1020", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                               hoverPen=pg.mkPen("#7b1020", width=4), label="A",
                               labelOpts={"position": 0.9, "color": "#7b1020"})
        self.line.setZValue(99)
        chart.getPlotItem().addItem(self.line, ignoreBounds=True)
        self.line.sigPositionChanged.connect(self._on_moved)

    def set_date(self, at: datetime) -> None:
        with blocked(self.line):
            self.line.setValue(epoch(at))

    def _on_moved(self, line) -> None:
        self._moved(from_epoch(round(line.value() / 86400) * 86400))

    def remove(self) -> None:
        self.chart.getPlotItem().removeItem(self.line)
        self.deleteLater()
