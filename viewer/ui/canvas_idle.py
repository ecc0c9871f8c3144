"""What the map canvas prepares while the window is idle, so that the next move is cheap:
the raster of its view with a margin (canvas_raster: a drag then only draws it at another
place), and for the views one wheel notch in and out about the pointer, their raster,
labels and scale bar (a notch there then only draws ready pixmaps).

Only the canvases of the active window prepare anything (the others drop their rasters
when their window is deactivated: MapCanvas.changeEvent). The work starts IDLE_MS after
the canvas last asked for a repaint or took any input, in
chunks of one pixmap each (a few tens of milliseconds, never the 100 ms that would make
the window feel stuck), each after the event loop has had its turn; any input or repaint
cancels what is left, and it is planned again from the new state at the next pause.

Nothing is prepared while ``held()`` (the window: a file is being opened): a chunk holds
the GIL for tens of milliseconds, and with the file's read holding it too the event
loop would stall past 100 ms; what it made for the first view would be dropped once the
whole file is shown anyway. It is planned once the hold has ended.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QPointF, QTimer

from viewer.render import Viewport
from viewer.ui.canvas_input import WHEEL_STEP
from viewer.ui.canvas_interaction import ViewState

IDLE_MS = 150           # a pause this long before preparing anything
CHUNK_MS = 1            # then one chunk per turn of the event loop


class IdleWork(QObject):
    """The canvas's preparations (see the module docstring)."""

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.pointer: QPointF | None = None     # where a wheel notch would zoom about
        self.chunks_done = 0                    # (counted, for the tests and benchmarks)
        self._jobs: list[Callable[[], None]] | None = None
        self.held: Callable[[], bool] = lambda: False
        self._timer = QTimer(self)
        self._timer.setObjectName("map canvas idle work")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    def restart(self) -> None:
        """Cancel what is left and start again after the next pause: in the active
        window only (another window's work would take the time of the one in use)."""
        self._jobs = None
        canvas = self.canvas
        if canvas.scene is not None and canvas.isVisible() and canvas.isActiveWindow():
            self._timer.start(IDLE_MS)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._jobs = None
        self._timer.stop()

    @property
    def busy(self) -> bool:
        """Whether preparations are planned or under way."""
        return self._timer.isActive()

    def _next(self) -> None:
        canvas = self.canvas
        if canvas.scene is None or not canvas.isVisible() or not canvas.isActiveWindow() \
                or canvas._dragging:
            self._jobs = None
            return
        if self.held():
            self._jobs = None
            self._timer.start(IDLE_MS)          # asked again after a pause
            return
        if self._jobs is None:
            self._jobs = self._plan()
        if self._jobs:
            self._jobs.pop(0)()
            self.chunks_done += 1
        if self._jobs:
            self._timer.start(CHUNK_MS)

    def notch_view(self, factor: float) -> tuple[tuple, Viewport]:
        """The view one notch of ``factor`` about the pointer (the centre when it is not
        over the canvas) would show: ViewState.zoom's own arithmetic, so the same floats."""
        canvas, state = self.canvas, ViewState()
        state.centre, state.mpp = canvas.view_state.centre, canvas.view_state.mpp
        state.width, state.height = canvas.view_state.width, canvas.view_state.height
        pos = self.pointer
        if pos is not None and canvas.rect().contains(pos.toPoint()):
            state.zoom(factor, pos.x(), pos.y())
        else:
            state.zoom(factor)
        return state.rect(), Viewport(state.rect(), state.width, state.height)

    def _plan(self) -> list[Callable[[], None]]:
        """The chunks, in order; each keeps what it makes as the last used (or, when it
        is kept already, makes it so), so that what the last ones make does not push
        out what the first ones keep."""
        canvas = self.canvas
        scene, dpr = canvas.scene, canvas.devicePixelRatioF()
        rasters, labels, panels = canvas.rasters, canvas.base_pixmaps, canvas.decoration_pixmaps
        viewport, settings = canvas.viewport(), canvas.render_settings()
        jobs = [lambda: rasters.for_pan(scene, viewport, settings, dpr)]
        keepouts = any(keepout() for keepout in canvas.label_keepouts)
        for factor in (WHEEL_STEP, 1 / WHEEL_STEP):
            rect, view = self.notch_view(factor)
            if view.key() == viewport.key():
                continue                        # at the zoom's limit
            there = canvas.render_settings(view=rect)
            jobs.append(lambda v=view, s=there: rasters.for_view(
                scene, v, s, dpr, lambda: canvas.base_pixmaps.kept_background(scene, v, s, dpr)))
            if canvas.showing_first_view or keepouts:
                continue        # no labels yet; or ones laid out round this view's marks
            reserved = canvas.label_reserved(view, there)
            jobs.append(lambda v=view, s=there, r=reserved:
                        labels.ready_labels(scene, v, s, dpr, r))
            if there.decorations:
                jobs.append(lambda v=view, s=there: panels.pixmaps(scene, v, s, dpr))
        return jobs
