"""The sketch tool on the map: click vertices, drag one to move it, Backspace removes the
last, double-click, Enter or a click on the first vertex closes the outline, Esc cancels.

It hooks into the canvas as an event filter, installed only while sketching: the
canvas's own code (and its repaint path) is unchanged. The vertices are kept in lon/lat
(WGS84), converted from the pixels clicked through the canvas's view and the scene's
projection, so zooming, panning or a replaced scene never moves them. The outline is
drawn on the map overlay (viewer.ui.map_overlay, as a SketchOutline part), which
repaints only the rectangle a move changes. The wheel still zooms, and a press away from
the vertices that moves pans the map as usual.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

from viewer.ui.map_overlay import overlay_of
from viewer.ui.sketch_outline import SketchOutline

HIT_PX = 7.0                # a press this close to a vertex grabs it
SAME_PX = 3.0               # a click this close to the last vertex adds none
DRAG_PX = 4                 # a press that moves less than this is a click
CLOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TOOL_KEYS = (*CLOSE_KEYS, Qt.Key.Key_Backspace, Qt.Key.Key_Escape)
Type = QEvent.Type


class SketchTool(QObject):
    """``closed`` when the outline is closed with three vertices or more (the vertices
    stay until ``stop``); ``cancelled`` on Esc; ``too_few`` when closing with fewer."""

    closed = Signal()
    cancelled = Signal()
    too_few = Signal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.canvas = canvas
        self.overlay = overlay_of(canvas)
        self.outline = SketchOutline(self)
        self.overlay.add(self.outline)
        self.lonlat = np.empty((0, 2))
        self.pointer: QPointF | None = None     # where the next vertex would go
        self.active = False
        self.is_closed = False
        self._grabbed: int | None = None        # the vertex being dragged
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._moved = False                     # the press has moved (a drag)

    # -- starting and ending --------------------------------------------------------------
    def start(self) -> None:
        self.lonlat = np.empty((0, 2))
        self.pointer, self.is_closed, self.active = None, False, True
        self.canvas.installEventFilter(self)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.canvas.setFocus()
        self._changed()

    def resume(self) -> None:
        """Back to editing a closed outline (its dialog was cancelled)."""
        self.is_closed = False
        self.canvas.setFocus()
        self._changed()

    def stop(self) -> None:
        if not self.active:
            return
        self.active, self.is_closed = False, False
        self.canvas.removeEventFilter(self)
        self.canvas.setCursor(Qt.CursorShape.OpenHandCursor)
        self.lonlat, self.pointer = np.empty((0, 2)), None
        self._grabbed = self._press = None
        self._changed()

    def vertices(self) -> list[tuple[float, float]]:
        return [(float(lon), float(lat)) for lon, lat in self.lonlat]

    # -- pixels ---------------------------------------------------------------------------
    def pixels(self) -> np.ndarray:
        """The vertices' widget pixels now, (n, 2)."""
        scene = self.canvas.scene
        if scene is None or not len(self.lonlat):
            return np.empty((0, 2))
        x, y = scene.projector.forward(self.lonlat[:, 0], self.lonlat[:, 1])
        px, py = self.canvas.viewport().to_pixels(np.atleast_1d(x), np.atleast_1d(y))
        return np.column_stack([px, py])

    def _lonlat_at(self, pos: QPointF) -> tuple[float, float] | None:
        return self.canvas.lonlat_at(pos)

    def _vertex_at(self, pos: QPointF) -> int | None:
        pixels = self.pixels()
        if not len(pixels):
            return None
        distance = np.hypot(pixels[:, 0] - pos.x(), pixels[:, 1] - pos.y())
        nearest = int(np.argmin(distance))
        return nearest if distance[nearest] <= HIT_PX else None

    # -- editing --------------------------------------------------------------------------
    def add_vertex(self, pos: QPointF) -> None:
        pixels = self.pixels()
        if len(pixels) and np.hypot(*(pixels[-1] - (pos.x(), pos.y()))) <= SAME_PX:
            return
        lonlat = self._lonlat_at(pos)
        if lonlat is not None:
            self.lonlat = np.vstack([self.lonlat, lonlat])
            self._changed()

    def remove_last(self) -> None:
        if len(self.lonlat):
            self.lonlat = self.lonlat[:-1]
            self._changed()

    def move_vertex(self, index: int, pos: QPointF) -> None:
        lonlat = self._lonlat_at(pos)
        if lonlat is not None:
            self.lonlat = self.lonlat.copy()
            self.lonlat[index] = lonlat
            self._changed()

    def close_outline(self) -> None:
        if len(self.lonlat) < 3:
            self.too_few.emit()
            return
        self.is_closed, self.pointer = True, None
        self._changed()
        self.closed.emit()

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.is_closed:
            return False
        if isinstance(event, QMouseEvent) and kind in (
                Type.MouseButtonPress, Type.MouseMove, Type.MouseButtonRelease,
                Type.MouseButtonDblClick):
            return self._mouse(kind, event)
        if isinstance(event, QKeyEvent) and event.key() in TOOL_KEYS:
            if kind == Type.ShortcutOverride:
                event.accept()          # the key is the tool's, not a window shortcut's
                return True
            if kind == Type.KeyPress:
                self._key(event.key())
                return True
        return False

    def _mouse(self, kind, event: QMouseEvent) -> bool:
        pos, left = event.position(), Qt.MouseButton.LeftButton
        if kind == Type.MouseButtonDblClick:
            if event.button() == left:     # the point double-clicked is the last vertex
                self._grabbed = self._press = None   # (once: its first click added it)
                self.add_vertex(pos)
                self.close_outline()
            return True
        if kind == Type.MouseButtonPress:
            if event.button() == left:
                self._grabbed = self._vertex_at(pos)
                self._press = self._last = pos
                self._moved = False
            return True
        if kind == Type.MouseMove:
            if self._press is not None and event.buttons() & left:
                if not self._moved and (pos - self._press).manhattanLength() >= DRAG_PX:
                    self._moved = True
                if self._moved and self._grabbed is not None:
                    self.move_vertex(self._grabbed, pos)
                elif self._moved:
                    delta, self._last = pos - self._last, pos
                    self.canvas.pan_by(delta.x(), delta.y())
            else:
                self.pointer = pos
                self._changed()
            self.canvas.pointer_moved.emit(self.canvas.lonlat_at(pos))
            return True
        # release: a click adds a vertex, or closes the outline on the first one
        if event.button() == left and self._press is not None and not self._moved:
            if self._grabbed is None:
                self.add_vertex(pos)
            elif self._grabbed == 0 and len(self.lonlat) >= 3:
                self.close_outline()
        if event.button() == left:
            self._grabbed = self._press = None
        return True

    def _key(self, key) -> None:
        if key in CLOSE_KEYS:
            self.close_outline()
        elif key == Qt.Key.Key_Backspace:
            self.remove_last()
        else:
            self.stop()
            self.cancelled.emit()

    # -- repainting -----------------------------------------------------------------------
    def _changed(self) -> None:
        """Repaint the overlay where the outline was and where it is now."""
        self.overlay.refresh(self.outline)
