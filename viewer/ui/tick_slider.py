"""A horizontal slider with tick marks at given values (the timeline's change times)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractSlider, QSlider, QStyleOptionSlider, QWidget

from viewer.ui.slider_pieces import CC, SC, SliderPieces, TickLines, pieces_key


class TickSlider(QSlider):
    """A horizontal slider that marks the given values (change times) under its groove.

    With the Fusion style it paints from pixmaps of what the style draws (SliderPieces):
    the groove and ticks left of the handle highlighted, right of it plain, and the
    strip around the handle. Fusion fills the groove left of the handle in the highlight
    colour, so a new value repaints everything between the old and the new handle; the
    style drawing that (a jump across the timeline: most of the groove) cost 0.26 ms on a
    2100 px slider, 0.39 ms with its ticks, and the handle's strip alone (with the style
    asked where everything is) 0.2 ms at each step of a day. Near the groove's ends, and
    at a fractional device pixel ratio (a copied stretch may not meet the pixels the style
    would draw), the style draws the strip. Other styles, and the slider under the mouse
    or held (hovered or pressed handle), paint as QSlider does."""

    from_pixmaps = True         # False: always as QSlider paints (the tests' reference)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.ticks: list[int] = []
        self._ticks_version = 0
        self._handle: QRect | None = None       # where the handle was last drawn
        self._pieces: SliderPieces | None = None
        self._lines: tuple[tuple, TickLines] | None = None    # for QSlider's painting
        self.setMinimumHeight(26)

    def set_ticks(self, values: list[int]) -> None:
        self.ticks = values
        self._ticks_version += 1
        self._pieces = self._lines = None
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
        pieces = self._pieces
        if pieces is not None and pieces.exact and pieces.key[:2] == self.size().toTuple() \
                and (pieces.low, pieces.high) == (self.minimum(), self.maximum()) \
                and pieces.key[6] == id(self.style()):
            return pieces.handle_at(self.sliderPosition())
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
            if self.ticks:
                painter = QPainter(self)
                self._tick_lines(opt).draw(painter, exposed)
                painter.end()
            return
        pieces = self._pieces_for(opt)
        handle = pieces.handle_at(opt.sliderPosition) if pieces.exact else \
            self.style().subControlRect(CC, opt, SC.SC_SliderHandle, self)
        strip = pieces.strip_of(handle)
        painter = QPainter(self)
        if pieces.usable and pieces.inside(strip):
            self._draw_around(painter, pieces, strip.left(), strip.right() + 1)
            painter.drawPixmap(strip.topLeft(), pieces.strip)
            pieces.ticks.draw(painter, strip)
        else:
            split = pieces.split(handle)
            self._draw_around(painter, pieces, split, split)
            # the handle and the groove around it as the style draws them (over the
            # background, as QSlider does; the handle drawn alone came out a pixel
            # apart), then the ticks over it
            strip = strip.intersected(exposed)
            if not strip.isEmpty():
                painter.setClipRect(strip)
                painter.fillRect(strip, self.palette().brush(self.backgroundRole()))
                opt.subControls = SC.SC_SliderGroove | SC.SC_SliderHandle     # as QSlider
                self.style().drawComplexControl(CC, opt, painter, self)
                pieces.ticks.draw(painter, strip)
        painter.end()

    def _draw_around(self, painter: QPainter, pieces: SliderPieces, left: int,
                     right: int) -> None:
        """The highlighted groove and ticks up to ``left``, the plain ones from ``right``
        (Qt clips both to what is exposed)."""
        h, r, w = self.height(), self.devicePixelRatioF(), self.width()
        if left > 0:
            painter.drawPixmap(QRect(0, 0, left, h), pieces.lit,
                               QRect(0, 0, round(left * r), round(h * r)))
        if right < w:
            painter.drawPixmap(QRect(right, 0, w - right, h), pieces.plain,
                               QRect(round(right * r), 0, round((w - right) * r), round(h * r)))

    def _tick_lines(self, opt: QStyleOptionSlider) -> TickLines:
        style = self.style()
        groove = style.subControlRect(CC, opt, SC.SC_SliderGroove, self)
        handle = style.subControlRect(CC, opt, SC.SC_SliderHandle, self)
        key = (groove.getRect(), handle.width(), self.height(), self.minimum(), self.maximum(),
               self._ticks_version)
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, TickLines(self, groove, handle.width(), self.ticks))
        return self._lines[1]

    def _pieces_for(self, opt: QStyleOptionSlider) -> SliderPieces:
        key = pieces_key(self, opt, self._ticks_version)
        if self._pieces is None or self._pieces.key != key:
            self._pieces = SliderPieces(self, opt, key, self.ticks)
        return self._pieces

