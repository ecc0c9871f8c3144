"""A horizontal slider with tick marks at given values (the timeline's change times)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractSlider, QSlider, QStyle, QStyleOptionSlider, QWidget


class TickSlider(QSlider):
    """A horizontal slider that marks the given values (change times) under its groove."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.ticks: list[int] = []
        self._lines: tuple[tuple, list[QLineF]] | None = None
        self._handle: QRect | None = None       # where the handle was last drawn
        self.setMinimumHeight(26)

    def set_ticks(self, values: list[int]) -> None:
        self.ticks = values
        self._lines = None
        self.update()

    def sliderChange(self, change) -> None:
        """A new value repaints only the stretch between the old and new handle (QSlider
        repaints its whole width: about 0.9 ms on a wide timeline, at every time step)."""
        if change != QAbstractSlider.SliderChange.SliderValueChange or self._handle is None:
            super().sliderChange(change)
            self._handle = self._handle_rect()
            return
        old, new = self._handle, self._handle_rect()
        self._handle = new
        band = old.united(new)
        self.update(band.x() - 2, 0, band.width() + 4, self.height())

    def _handle_rect(self) -> QRect:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        return self.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                           QStyle.SubControl.SC_SliderHandle, self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._handle = None

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.ticks or self.maximum() <= self.minimum():
            return
        lines, xs = self._tick_lines()
        exposed = event.rect()          # a new value exposes just the handle's stretch
        lo = bisect_left(xs, exposed.left() - 1)
        hi = bisect_right(xs, exposed.right() + 1)
        if hi > lo:
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.0))  # 1 px
            painter.drawLines(lines[lo:hi])
            painter.end()

    def _tick_lines(self) -> tuple[list[QLineF], list[float]]:
        """The tick marks, left to right, and their x; worked out again only when the
        ticks, range or geometry change (not as the handle moves: the slider repaints on
        every step of the time)."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        cc = QStyle.ComplexControl.CC_Slider
        groove = self.style().subControlRect(cc, opt, QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(cc, opt, QStyle.SubControl.SC_SliderHandle, self)
        key = (groove.getRect(), handle.width(), self.rect().bottom(), self.minimum(),
               self.maximum())
        if self._lines is None or self._lines[0] != key:
            span = groove.width() - handle.width()
            x0 = groove.x() + handle.width() / 2
            y0, y1 = self.rect().bottom() - 5, self.rect().bottom()
            xs = sorted(x0 + QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), v, span)
                        for v in self.ticks)
            self._lines = (key, ([QLineF(x, y0, x, y1) for x in xs], xs))
        return self._lines[1]
