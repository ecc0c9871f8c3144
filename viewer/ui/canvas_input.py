"""The map canvas's pointer input: wheel to zoom about the pointer, drag to pan, click to
select the changes under the pointer (after the click handlers of tools such as the
ruler), double-click to zoom in; the pointer's position is said with ``pointer_moved``.
A click on the map's "Sources" chip (a small map folds its attribution to it) shows the
whole attribution, and a click on that folds it again.

A mixin of MapCanvas (viewer.ui.canvas), using its view methods (viewer.ui.canvas_view).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent

from viewer.ui.canvas_view import BUTTON_STEP

WHEEL_STEP = 1.25           # zoom factor per wheel notch (120 eighths of a degree)
DRAG_THRESHOLD_PX = 4       # a press that moves less than this is a click


class CanvasInput:
    """Mouse handlers of MapCanvas (see the module docstring)."""

    _press: QPointF | None = None
    _last: QPointF | None = None
    _dragging = False
    _drag_ended = False
    credits_shown = False       # the whole attribution, even where it would be folded

    def credits_at(self, pos: QPointF) -> bool:
        """Whether ``pos`` is on the "Sources" chip, or on the whole attribution it
        unfolded (a click folds it again)."""
        if self.scene is None or not self._decorations:
            return False
        lay = self.decoration_pixmaps.layout(self.scene, self.viewport(), self.render_settings())
        return (lay.attribution is not None and (self.credits_shown or lay.attribution_folded)
                and lay.attribution.contains(pos))

    def show_credits(self, shown: bool) -> None:
        if shown != self.credits_shown:
            self.credits_shown = shown
            self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.idle.pointer = event.position()
        notches = event.angleDelta().y() / 120.0
        if notches:
            self.zoom_by(WHEEL_STEP ** notches, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.idle.restart()             # (any input: what is prepared waits for a pause)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragging = False
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self.idle.pointer = pos         # the next notches, prepared about it at a pause
        self.idle.restart()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._dragging and (pos - self._press).manhattanLength() >= DRAG_THRESHOLD_PX:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                delta = pos - self._last
                self._last = pos
                self.pan_by(delta.x(), delta.y())
        elif self.scene is not None:
            over_change = self.credits_at(pos) or bool(self.changes_at(pos))
            self.setCursor(Qt.CursorShape.PointingHandCursor if over_change
                           else Qt.CursorShape.OpenHandCursor)
        self.pointer_moved.emit(self.lonlat_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        if not self._dragging and self.credits_at(event.position()):
            self.show_credits(not self.credits_shown)
        elif not self._dragging and self.scene is not None:
            pos = event.position()
            self.clicked.emit(pos)
            if not any(handler(pos) for handler in self.click_handlers):
                hits = self.changes_at(pos)
                if hits:
                    self.selection.select_changes([c.id for c in hits])
                else:
                    self.selection.clear()
        if self._dragging:
            self._drag_ended = True
            self.update()           # the labels, shifted while dragging, laid out anew
        self._press = self._last = None
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.zoom_by(BUTTON_STEP, event.position())
            event.accept()

    def leaveEvent(self, event) -> None:
        self.pointer_moved.emit(None)
        super().leaveEvent(event)
