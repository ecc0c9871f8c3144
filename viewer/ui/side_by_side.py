"""Side by side: two map canvases, A on the left and B on the right, locked to one view.

Each is a full MapCanvas (its cached background and labels, its own date on its legend)
driven by a time cursor of its own, so a step of B or a new A repaints only what that
date changes. Panning or zooming either (drag, wheel, double-click) moves the other to
the same centre and scale; the highlight window is off in both (the comparison window's
figures say what changed between them)."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QHBoxLayout, QWidget

from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.render.scene import MapScene
from viewer.ui.canvas import MapCanvas
from viewer.ui.canvas_interaction import ViewState

_UNSET = datetime(2000, 1, 1, tzinfo=timezone.utc)


class SideBySide(QWidget):
    """``left`` shows A, ``right`` shows B; ``set_dates`` moves them."""

    def __init__(self, display: DisplayOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.cursors = (TimeCursor(_UNSET, _UNSET, highlight_days=0.0),
                        TimeCursor(_UNSET, _UNSET, highlight_days=0.0))
        self._selections = (Selection(), Selection())      # clicks select nothing shared
        self.left, self.right = (MapCanvas(cursor, selection, display, self)
                                 for cursor, selection in zip(self.cursors, self._selections))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.left, 1)
        layout.addWidget(self.right, 1)
        self._following = False
        self.left.view_changed.connect(self._left_moved)
        self.right.view_changed.connect(self._right_moved)

    def show_scene(self, scene: MapScene, palette: str, view=None) -> None:
        """Show ``scene`` (a new one: both canvases fitted to ``view``, projected)."""
        situation = scene.situation
        if self.left.scene is not scene and situation.start is not None:
            for cursor in self.cursors:     # (start sorts every time: asked once)
                cursor.set_span(situation.start, situation.end, [])
        for canvas in (self.left, self.right):
            canvas.set_palette(palette)
            if canvas.scene is not scene:
                canvas.set_scene(scene)
                if view is not None:
                    canvas.set_view(view, keep=True)

    def follow_view(self, state: ViewState) -> None:
        """Both at ``state``'s centre and scale (a switch from the swipe or difference
        keeps the view)."""
        for canvas in (self.left, self.right):
            if canvas.view_state.follow(state):
                canvas.update()
                canvas.view_changed.emit()

    def states_dissolved(self) -> None:
        """The states' outlines were adopted (prebuild_states): a few shades of the
        layers move, so both canvases are painted whole again (their rasters too)."""
        for canvas in (self.left, self.right):
            canvas.rasters.clear()
            canvas.update()

    def set_dates(self, a: datetime, b: datetime) -> None:
        self.cursors[0].set_time(a)
        self.cursors[1].set_time(b)

    def _left_moved(self) -> None:
        self._follow(self.left, self.right)

    def _right_moved(self) -> None:
        self._follow(self.right, self.left)

    def _follow(self, source: MapCanvas, other: MapCanvas) -> None:
        """Put ``other`` at ``source``'s centre and scale (a resize of either too)."""
        if self._following:
            return
        if not other.view_state.follow(source.view_state):
            return
        self._following = True
        try:
            other.update()
            other.view_changed.emit()
        finally:
            self._following = False
