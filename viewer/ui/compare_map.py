"""The comparison's map for swipe and difference, composed at each paint from pictures
drawn once for what they depend on (compare_layers.py): the base map and the labels
depend on the view, each date's layers on that date and the view, the difference's
overlay on A and B (measured in the background). A step of B draws B's layers only; a
divider drag draws nothing but the divider. A big layer's Display missing for the zoom is
made by the window's builder, never here: a date's picture drawn without it is drawn
again once it is made (big_display_made). Drag pans (or, near the divider, moves it),
the wheel zooms about the pointer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from viewer.render import Viewport
from viewer.render.compare import compare_settings, draw_divider, draw_tags
from viewer.render.compare_caption import draw_caption
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.styles import WATER
from viewer.ui.canvas_interaction import ViewState
from viewer.ui.compare_figures import path_key
from viewer.ui.compare_layers import ComparePictures
from viewer.ui.compare_steps import Shown, step_region


class CompareMap(QWidget):
    """The map of the swipe and the difference: A and B composed from cached pictures."""

    split_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)   # the base map covers it
        self.state = ViewState()
        self.scene: MapScene | None = None
        self.base: RenderSettings | None = None
        self.a: datetime | None = None
        self.mode = "swipe"
        self.split = 0.5
        self.pictures = ComparePictures()
        self._drawn_scene: MapScene | None = None
        self.caption: list[tuple[str, str]] = []      # the difference's km² lines
        self._drag: tuple[str, QPointF] | None = None
        self._asked: Shown | None = None        # what the last repaint asked for shows

    def show_dates(self, scene: MapScene, base: RenderSettings, a: datetime, mode: str,
                   view=None) -> None:
        if view is not None and self.scene is not scene:
            self.state.resize(self.width(), self.height())
            self.state.fit(view, keep=True)      # refitted as the window takes its size
        self.scene, self.base, self.a, self.mode = scene, base, a, mode
        self.refresh()

    def follow_view(self, state: ViewState) -> None:
        """Take ``state``'s centre and scale (a switch from side by side keeps the view)."""
        if self.state.follow(state):
            self.refresh()

    def set_caption(self, caption: list[tuple[str, str]]) -> None:
        """The difference's km² lines, drawn over its map (they come from the worker);
        kept for it in the swipe, which draws none (nothing to repaint: a step there
        clears them and sets them again, each a step region made for nothing)."""
        if list(caption) != self.caption:
            self.caption = list(caption)
            if self.mode == "diff":
                self.refresh()

    def settings(self) -> tuple[RenderSettings, RenderSettings]:
        base = replace(self.base, size=(self.width(), self.height()), view=self.state.rect())
        return compare_settings(base, self.a, self.mode)

    def viewport(self) -> Viewport:
        return Viewport(self.state.rect(), self.state.width, self.state.height)

    def refresh(self, whole: bool = False) -> None:
        """Repaint for the dates, view and size now (the pictures are drawn as needed):
        what changed since the last repaint asked (compare_steps), or everything."""
        if self.scene is None:
            self.update()
            return
        if self.scene is not self._drawn_scene:
            self.pictures.clear()
            self._drawn_scene, self._asked, whole = self.scene, None, True
        if not self.isVisible():            # (shown again, it is painted whole)
            self._asked = None
            self.update()
            return
        before, self._asked = self._asked, self.shown()
        region = None if whole or before is None else step_region(
            self.pictures, self.scene, self.viewport(), before, self._asked)
        if region is None:
            self.update()
        elif not region.isEmpty():
            self.update(region)

    def shown(self) -> Shown:
        """What a paint now shows (as far as a step changes it)."""
        a, b = self.settings()
        overlay = at = None
        if self.mode == "diff":
            at = self._overlay_dates(b)
        if at is not None:
            overlay = tuple(path_key(self.scene.situation, layer.id, *at)
                            for layer in b.visible_layers(self.scene.situation))
        return Shown(self.mode, a, b, self.split * self.width(), self.devicePixelRatioF(),
                     tuple(self.caption) if self.mode == "diff" else (), overlay, at)

    def _overlay_dates(self, b: RenderSettings) -> tuple[datetime, datetime] | None:
        """(A, B) of the difference's overlay to draw: that of the dates shown once
        measured; until then the last one drawn, if still kept (a step of B or A then
        repaints the overlay once, where the layers changed, instead of twice whole,
        without it then with it); None: none."""
        at = (b.compare_from, b.at)
        if not self.pictures.has_difference(self.scene, b):
            last = self._asked.overlay_at if self._asked is not None else None
            at = last if last is not None and self.pictures.has_difference(
                self.scene, replace(b, compare_from=last[0], at=last[1])) else None
        return at

    def big_display_made(self, key: tuple) -> None:
        """A big state's Display was made: repaint if a date's picture lacked it."""
        if self.pictures.dates.forget_missing(key):
            self.refresh(whole=True)

    def states_dissolved(self) -> None:
        """The states' outlines were adopted (prebuild_states): the dates drawn anew."""
        self.pictures.dates.clear()
        self.refresh(whole=True)

    def adopt_difference(self, paths: dict) -> None:
        """The overlay's paths, measured in the background (compare_figures)."""
        self.pictures.adopt(paths)
        if self.mode == "diff":
            self.refresh()

    @property
    def difference_shown(self) -> bool:
        """Whether the difference view shows its overlay (it has been measured)."""
        if self.mode != "diff" or self.scene is None:
            return False
        return self.pictures.has_difference(self.scene, self.settings()[1])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self.scene is None:
                painter.fillRect(self.rect(), QColor(WATER))
                return
            scene, viewport, dpr = self.scene, self.viewport(), self.devicePixelRatioF()
            a, b = self.settings()
            pictures, dragging = self.pictures, self._drag is not None
            pictures.background(painter, scene, viewport, b, dpr)
            if self.mode == "swipe":
                x = self.split * self.width()
                pictures.layers(painter, scene, viewport, a, dpr, QRectF(0, 0, x, self.height()),
                                (b.at,))
                pictures.layers(painter, scene, viewport, b, dpr,
                                QRectF(x, 0, self.width() - x, self.height()), (a.at,))
                now = self._shown_now(a, b, x)
                pictures.labels(painter, scene, viewport, now.panels, dpr, dragging,
                                now.reserved(pictures, scene, viewport))
                draw_divider(painter, x, self.height(), 1.0)
                if b.decorations:
                    draw_tags(painter, b.scale, now.tags(pictures, scene, viewport))
                pictures.decorations(painter, scene, viewport, now.panels, dpr)
            else:
                pictures.layers(painter, scene, viewport, b, dpr)
                at = self._asked.overlay_at if self._asked is not None \
                    else self._overlay_dates(b)
                if at is not None:
                    pictures.difference(painter, scene, viewport,
                                        replace(b, compare_from=at[0], at=at[1]))
                pictures.labels(painter, scene, viewport, b, dpr, dragging)
                pictures.decorations(painter, scene, viewport, b, dpr)
                if b.decorations:
                    draw_caption(painter, self.width(), self.height(), 1.0, self.caption)
        finally:
            painter.end()

    def _shown_now(self, a: RenderSettings, b: RenderSettings, x: float) -> Shown:
        """What the last refresh asked for, if the paint shows that (its panels' settings
        and tags made once), else what it shows."""
        asked = self._asked
        if asked is not None and asked.mode == self.mode and asked.x == x and \
                asked.dpr == self.devicePixelRatioF() and asked.a == a and asked.b == b:
            return asked
        return self.shown()

    def resizeEvent(self, event) -> None:
        self.state.resize(self.width(), self.height())
        self.refresh(whole=True)

    def set_split(self, share: float) -> None:
        self.split = min(max(share, 0.0), 1.0)
        self.split_changed.emit(self.split)
        self.refresh()

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
        self.refresh(whole=True)    # the labels laid out again for the view

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps and self.state.zoom(1.25 ** steps, event.position().x(), event.position().y()):
            self.refresh()
