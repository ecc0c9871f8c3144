"""A horizontal slider with tick marks at given values (the timeline's change times)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QLineF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractSlider, QSlider, QStyle, QStyleOptionSlider, QWidget

CC, SC = QStyle.ComplexControl.CC_Slider, QStyle.SubControl
HANDLE_PAD = 3          # px either side of the handle that the style draws


class TickSlider(QSlider):
    """A horizontal slider that marks the given values (change times) under its groove.

    With the Fusion style, the groove and ticks are copied from two pixmaps and the
    style draws only a strip around the handle: Fusion fills the groove left of the
    handle in the highlight colour, so a new value repaints everything between the old
    and the new handle, and a jump across the timeline had the style draw most of the
    groove again (0.26 ms on a 2100 px slider, 0.39 ms with its ticks). Other styles,
    and the slider under the mouse or held (hovered or pressed handle), paint as
    QSlider does."""

    from_pixmaps = True         # False: always as QSlider paints (the tests' reference)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.ticks: list[int] = []
        self._lines: tuple[tuple, list[QLineF]] | None = None
        self._handle: QRect | None = None       # where the handle was last drawn
        self._grooves: tuple[tuple, QPixmap, QPixmap] | None = None
        self.setMinimumHeight(26)

    def set_ticks(self, values: list[int]) -> None:
        self.ticks = values
        self._lines = None
        self._grooves = None
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
        return self.style().subControlRect(CC, opt, SC.SC_SliderHandle, self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._handle = None

    def paintEvent(self, event) -> None:
        exposed = event.rect()          # a new value exposes just the handle's stretch
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        # Under the mouse, or held, QSlider draws the handle hovered or pressed (from
        # state it keeps to itself): Qt paints it then.
        # At a fractional device pixel ratio a copied stretch may not meet the pixels
        # the style would draw: Qt paints there too.
        ratio = self.devicePixelRatioF()
        if not (self.from_pixmaps and self.style().name() == "fusion" and not opt.upsideDown
                and not self.underMouse() and not self.isSliderDown()
                and ratio == int(ratio)):
            super().paintEvent(event)
            self._draw_ticks(exposed)
            return
        plain, lit = self._groove_pixmaps(opt)
        style = self.style()
        handle = style.subControlRect(CC, opt, SC.SC_SliderHandle, self)
        groove = style.subControlRect(CC, opt, SC.SC_SliderGroove, self)
        # Fusion's highlight: from the groove's left to its left + the handle's left + 1
        split = groove.left() + handle.left() - self.rect().left() + 1
        painter = QPainter(self)
        for pixmap, part in ((lit, QRect(0, 0, split, self.height())),
                             (plain, QRect(split, 0, self.width() - split, self.height()))):
            part = part.intersected(exposed)
            if not part.isEmpty():
                ratio = pixmap.devicePixelRatio()
                source = QRectF(part.x() * ratio, part.y() * ratio, part.width() * ratio,
                                part.height() * ratio)
                painter.drawPixmap(QRectF(part), pixmap, source)
        # the handle and the groove around it as the style draws them (over the
        # background, as QSlider does; the handle drawn alone came out a pixel apart),
        # then the ticks over it
        strip = QRect(handle.left() - HANDLE_PAD, 0, handle.width() + 2 * HANDLE_PAD,
                      self.height()).intersected(exposed)
        if not strip.isEmpty():
            painter.setClipRect(strip)
            painter.fillRect(strip, self.palette().brush(self.backgroundRole()))
            opt.subControls = SC.SC_SliderGroove | SC.SC_SliderHandle     # as QSlider
            style.drawComplexControl(CC, opt, painter, self)
            self._draw_ticks(strip, painter)
        painter.end()

    def _groove_pixmaps(self, opt: QStyleOptionSlider) -> tuple[QPixmap, QPixmap]:
        """The background, groove and ticks as the style draws them at the least and at
        the greatest value (no highlight; highlighted up to the last handle place), made
        again when anything but the value changes."""
        ratio = self.devicePixelRatioF()
        key = (self.size().toTuple(), ratio, self.palette().cacheKey(), int(opt.state.value),
               int(opt.activeSubControls.value), id(self.style()), self._lines_key(opt))
        if self._grooves is None or self._grooves[0] != key:
            pixmaps = []
            for value in (self.minimum(), self.maximum()):
                pixmap = QPixmap(self.size() * ratio)
                pixmap.setDevicePixelRatio(ratio)
                painter = QPainter(pixmap)
                painter.fillRect(self.rect(), self.palette().brush(self.backgroundRole()))
                at = QStyleOptionSlider(opt)
                at.sliderPosition = at.sliderValue = value
                at.subControls = SC.SC_SliderGroove
                self.style().drawComplexControl(CC, at, painter, self)
                self._draw_ticks(self.rect(), painter)
                painter.end()
                pixmaps.append(pixmap)
            self._grooves = (key, pixmaps[0], pixmaps[1])
        return self._grooves[1], self._grooves[2]

    def _draw_ticks(self, exposed: QRect, painter: QPainter | None = None) -> None:
        """The tick marks within ``exposed``, on ``painter`` (else on the slider)."""
        if not self.ticks or self.maximum() <= self.minimum() or exposed.isEmpty():
            return
        lines, xs = self._tick_lines()
        lo = bisect_left(xs, exposed.left() - 1)
        hi = bisect_right(xs, exposed.right() + 1)
        if hi > lo:
            own = painter is None
            painter = QPainter(self) if own else painter
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.0))  # 1 px
            painter.drawLines(lines[lo:hi])
            if own:
                painter.end()

    def _lines_key(self, opt: QStyleOptionSlider) -> tuple:
        groove = self.style().subControlRect(CC, opt, SC.SC_SliderGroove, self)
        handle = self.style().subControlRect(CC, opt, SC.SC_SliderHandle, self)
        return (groove.getRect(), handle.width(), self.rect().bottom(), self.minimum(),
                self.maximum())

    def _tick_lines(self) -> tuple[list[QLineF], list[float]]:
        """The tick marks, left to right, and their x; worked out again only when the
        ticks, range or geometry change (not as the handle moves: the slider repaints on
        every step of the time)."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        key = self._lines_key(opt)
        if self._lines is None or self._lines[0] != key:
            groove = self.style().subControlRect(CC, opt, SC.SC_SliderGroove, self)
            span = groove.width() - key[1]
            x0 = groove.x() + key[1] / 2
            y0, y1 = self.rect().bottom() - 5, self.rect().bottom()
            xs = sorted(x0 + QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), v, span)
                        for v in self.ticks)
            self._lines = (key, ([QLineF(x, y0, x, y1) for x in xs], xs))
        return self._lines[1]
