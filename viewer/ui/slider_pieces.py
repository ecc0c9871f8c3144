"""What a horizontal Fusion slider with tick marks paints, apart from its value: the
groove and ticks without and with the highlight, the strip around the handle, where the
handle stands at each value, and the tick lines. Made from the style's own drawing,
again whenever anything but the value changes (``SliderPieces.key``)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QLineF, QRect
from PySide6.QtGui import QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider

CC, SC = QStyle.ComplexControl.CC_Slider, QStyle.SubControl
HANDLE_PAD = 3          # px either side of the handle that the style draws
END_ROOM = 8            # px from either end of the groove: the strip there is the style's


def pieces_key(slider: QSlider, opt: QStyleOptionSlider, ticks_version: int) -> tuple:
    """Everything but the value that the pieces depend on."""
    return (slider.width(), slider.height(), slider.devicePixelRatioF(),
            slider.palette().cacheKey(), int(opt.state.value), int(opt.activeSubControls.value),
            id(slider.style()), slider.minimum(), slider.maximum(), ticks_version)


class SliderPieces:
    """The pieces for one key. ``handle_at(value)`` is where the style puts the handle
    (checked against the style at three values; ``exact`` False: ask the style)."""

    def __init__(self, slider: QSlider, opt: QStyleOptionSlider, key: tuple, ticks: list[int]):
        self.key = key
        style, rect = slider.style(), slider.rect()
        self.height = rect.height()
        self.low, self.high = slider.minimum(), slider.maximum()
        self.groove = style.subControlRect(CC, opt, SC.SC_SliderGroove, slider)
        self.first = self._style_handle(slider, opt, self.low)
        self.span = rect.width() - self.first.width()
        self.exact = all(self._style_handle(slider, opt, v) == self.handle_at(v)
                         for v in (self.high, (self.low + self.high) // 2))
        self.ticks = TickLines(slider, self.groove, self.first.width(), ticks)
        self.plain = self._drawn(slider, opt, self.low, SC.SC_SliderGroove)
        self.lit = self._drawn(slider, opt, self.high, SC.SC_SliderGroove)
        # the strip around the handle, at a value whose strip is clear of the groove's ends
        # (any such strip is this one moved: the groove is even along its length there)
        middle = (self.low + self.high) // 2
        self.middle = self.strip_of(self.handle_at(middle))
        ratio = slider.devicePixelRatioF()
        self.usable = self.exact and self.inside(self.middle) and ratio == int(ratio)
        self.strip: QPixmap | None = None
        if self.usable:
            whole = self._drawn(slider, opt, middle, SC.SC_SliderGroove | SC.SC_SliderHandle,
                                ticks=False)
            r = int(ratio)
            self.strip = whole.copy(QRect(self.middle.x() * r, 0, self.middle.width() * r,
                                          self.height * r))
            self.strip.setDevicePixelRatio(ratio)

    def handle_at(self, value: int) -> QRect:
        """The handle's rect at ``value``, as QCommonStyle places it along the slider."""
        x = QStyle.sliderPositionFromValue(self.low, self.high, value, self.span)
        return self.first.translated(x, 0)

    def strip_of(self, handle: QRect) -> QRect:
        return QRect(handle.left() - HANDLE_PAD, 0, handle.width() + 2 * HANDLE_PAD,
                     self.height)

    def inside(self, strip: QRect) -> bool:
        """Whether ``strip`` keeps END_ROOM away from the groove's rounded ends."""
        return (strip.left() >= self.groove.left() + END_ROOM
                and strip.right() <= self.groove.right() - END_ROOM)

    def split(self, handle: QRect) -> int:
        """Fusion's highlight: from the groove's left to its left + the handle's left + 1."""
        return self.groove.left() + handle.left() + 1

    @staticmethod
    def _style_handle(slider: QSlider, opt: QStyleOptionSlider, value: int) -> QRect:
        at = QStyleOptionSlider(opt)
        at.sliderPosition = at.sliderValue = value
        return slider.style().subControlRect(CC, at, SC.SC_SliderHandle, slider)

    def _drawn(self, slider: QSlider, opt: QStyleOptionSlider, value: int, controls,
               ticks: bool = True) -> QPixmap:
        """The slider's background, ``controls`` at ``value`` and the ticks, as the style
        draws them (over the background, as QSlider does)."""
        ratio = slider.devicePixelRatioF()
        pixmap = QPixmap(slider.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.fillRect(slider.rect(), slider.palette().brush(slider.backgroundRole()))
        at = QStyleOptionSlider(opt)
        at.sliderPosition = at.sliderValue = value
        at.subControls = controls
        slider.style().drawComplexControl(CC, at, painter, slider)
        if ticks:
            self.ticks.draw(painter, slider.rect())
        painter.end()
        return pixmap

class TickLines:
    """The tick marks under the groove, left to right, and their x."""

    def __init__(self, slider: QSlider, groove: QRect, handle_width: int, ticks: list[int]):
        self.lines: list[QLineF] = []
        self.xs: list[float] = []
        self.pen = QPen(slider.palette().color(QPalette.ColorRole.Highlight), 1.0)   # 1 px
        low, high = slider.minimum(), slider.maximum()
        if not ticks or high <= low:
            return
        span = groove.width() - handle_width
        x0 = groove.x() + handle_width / 2
        y0, y1 = slider.rect().bottom() - 5, slider.rect().bottom()
        self.xs = sorted(x0 + QStyle.sliderPositionFromValue(low, high, v, span) for v in ticks)
        self.lines = [QLineF(x, y0, x, y1) for x in self.xs]

    def draw(self, painter: QPainter, exposed: QRect) -> None:
        """The tick marks within ``exposed`` (1 px either side to spare)."""
        lo = bisect_left(self.xs, exposed.left() - 1)
        hi = bisect_right(self.xs, exposed.right() + 1)
        if hi > lo:
            painter.setPen(self.pen)
            painter.drawLines(self.lines[lo:hi])
