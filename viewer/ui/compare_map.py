"""The comparison's map for swipe and difference: A and B rendered by the shared draw
routine into images when a date, the view or the size changes, and composed by mode (a
divider drag only recomposes them). A big layer's Display missing for the zoom is made
by the window's builder, never here: the images are drawn again once it is. Drag pans (or, near the divider, moves it), the wheel
zooms about the pointer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from viewer.render import render_image
from viewer.render.compare import compare_settings, draw_divider, draw_tags, render_compare
from viewer.render.compare_caption import draw_caption
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.ui.canvas_interaction import ViewState


class CompareMap(QWidget):
    """The map of the swipe and the difference: renders A and B and composes them."""

    split_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(False)
        self.state = ViewState()
        self.scene: MapScene | None = None
        self.base: RenderSettings | None = None
        self.a: datetime | None = None
        self.mode = "swipe"
        self.split = 0.5
        self._images: tuple[QImage, ...] = ()
        self.caption: list[tuple[str, str]] = []      # the difference's km² lines
        self._drag: tuple[str, QPointF] | None = None
        self._missing: set = set()          # big Displays the images were drawn without

    def show_dates(self, scene: MapScene, base: RenderSettings, a: datetime, mode: str,
                   view=None) -> None:
        if view is not None and self.scene is not scene:
            self.state.resize(self.width(), self.height())
            self.state.fit(view, keep=True)      # refitted as the window takes its size
        self.scene, self.base, self.a, self.mode = scene, base, a, mode
        self.refresh()

    def set_caption(self, caption: list[tuple[str, str]]) -> None:
        """The difference's km² lines, drawn over its map (they come from the worker)."""
        self.caption = list(caption)
        if self.mode == "diff":
            self.update()

    def settings(self) -> tuple[RenderSettings, RenderSettings]:
        base = replace(self.base, size=(self.width(), self.height()), view=self.state.rect())
        return compare_settings(base, self.a, self.mode)

    def refresh(self) -> None:
        """Render the images for the dates, view and size now (not on a divider drag)."""
        if self.scene is None:
            return
        a, b = self.settings()
        with self.scene.big.noting_missing() as missing:    # made by the window's builder
            if self.mode == "swipe":
                a, b = replace(a, decorations=False), replace(b, decorations=False)
                self._images = (render_image(self.scene, a, wait=False),
                                render_image(self.scene, b, wait=False))
            else:
                self._images = (render_compare(self.scene, a, b, "diff"),)
        self._missing = missing
        self.update()

    def big_display_made(self, key: tuple) -> None:
        """A big state's Display was made: render again if these images lacked it."""
        if key in self._missing:
            self.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if not self._images:
                return
            if self.mode == "swipe":
                x = self.split * self.width()
                painter.drawImage(QPointF(0, 0), self._images[0], QRectF(0, 0, x, self.height()))
                painter.drawImage(QPointF(x, 0), self._images[1],
                                  QRectF(x, 0, self.width() - x, self.height()))
                draw_divider(painter, x, self.height(), 1.0)
                a, b = self.settings()
                draw_tags(painter, x, a, b)
            else:
                painter.drawImage(QPointF(0, 0), self._images[0])
                if self.base.decorations:
                    draw_caption(painter, self.width(), self.height(), 1.0, self.caption)
        finally:
            painter.end()

    def resizeEvent(self, event) -> None:
        self.state.resize(self.width(), self.height())
        self.refresh()

    def set_split(self, share: float) -> None:
        self.split = min(max(share, 0.0), 1.0)
        self.split_changed.emit(self.split)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        near = abs(event.position().x() - self.split * self.width()) <= 12
        kind = "split" if self.mode == "swipe" and near else "pan"
        self._drag = (kind, event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        kind, last = self._drag
        if kind == "split":
            self.set_split(event.position().x() / max(1, self.width()))
        else:
            delta = event.position() - last
            self.state.pan(delta.x(), delta.y())
            self.refresh()
        self._drag = (kind, event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps and self.state.zoom(1.25 ** steps, event.position().x(), event.position().y()):
            self.refresh()
