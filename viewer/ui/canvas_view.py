"""The map canvas's view: which projected rectangle it shows, and moving it (zoom to the
default view, the extent, a region or a change; zoom by a factor about a point; pan).

A mixin of MapCanvas (viewer.ui.canvas): it works on the canvas's ``view_state`` (a
canvas_interaction.ViewState) and ``scene``, and says each move with ``view_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from viewer.render import Viewport
from viewer.render.viewport import MARGIN as EXTENT_MARGIN

BUTTON_STEP = 1.5           # zoom factor of View > Zoom In / Out


class CanvasView:
    """View methods of MapCanvas (see the module docstring)."""

    def view_rect(self) -> tuple[float, float, float, float]:
        """The projected rectangle shown (metres), exactly the widget's aspect."""
        return self.view_state.rect()

    def viewport(self) -> Viewport:
        return Viewport(self.view_state.rect(), self.view_state.width, self.view_state.height)

    def set_view(self, rect: tuple[float, float, float, float], keep: bool = False) -> None:
        """Show all of the projected ``rect``; ``keep``: refit on resize until navigated."""
        self.view_state.fit(rect, keep=keep)
        self._view_moved()

    def zoom_to_default(self) -> None:
        """The situation's stored default view (or all of it when it has none)."""
        if self.scene is None:
            return
        bbox = self.scene.situation.meta.default_bbox
        if bbox is None:
            self.zoom_to_extent()
        else:
            self.set_view(self.scene.project_bbox(bbox), keep=True)

    def zoom_to_extent(self) -> None:
        """All of the situation: its regions and layers, with a small margin."""
        if self.scene is None:
            return
        minx, miny, maxx, maxy = self.scene.extent
        dx, dy = (maxx - minx) * EXTENT_MARGIN, (maxy - miny) * EXTENT_MARGIN
        self.set_view((minx - dx, miny - dy, maxx + dx, maxy + dy), keep=True)

    def zoom_to_lonlat(self, bbox: tuple[float, float, float, float]) -> None:
        """Show all of a lon/lat box, e.g. a region's bounds or ``--bbox``: kept framed as
        the canvas takes its size (a window not shown yet is a few pixels wide) until the
        view is zoomed or panned."""
        if self.scene is not None:
            self.set_view(self.scene.project_bbox(bbox), keep=True)

    def zoom_to_change(self, change_id: str) -> None:
        """Frame a change's gained and lost ground, with some room around it."""
        if self.scene is None:
            return
        gained, lost = self.scene.change_paths(change_id)
        rect = gained.boundingRect().united(lost.boundingRect())
        if rect.isEmpty():
            return
        pad = max(rect.width(), rect.height()) * 0.6 + 2000.0
        self.set_view((rect.left() - pad, rect.top() - pad,
                       rect.right() + pad, rect.bottom() + pad))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        px, py = (anchor.x(), anchor.y()) if anchor is not None else (None, None)
        if self.view_state.zoom(factor, px, py):
            self._view_moved()

    def zoom_in(self) -> None:
        self.zoom_by(BUTTON_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / BUTTON_STEP)

    def pan_by(self, dx: float, dy: float) -> None:
        self.view_state.pan(dx, dy)
        self._view_moved()

    def _view_moved(self) -> None:
        self.update()
        self.view_changed.emit()
