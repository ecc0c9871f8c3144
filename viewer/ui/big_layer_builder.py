"""Making big layers' Displays (viewer.render.display) in the background, as the map asks.

The map asks for the Display of a big state (or highlight window) at its zoom while it
paints (``BigStates.request``); the builder makes that one first, then the layer's other
states at the same zoom, so that moving through time finds them made. A highlight
window asked for while the state shown is being made waits for it (the layer first). It has a thread of
its own (a BackgroundWorker), so it never waits behind the region measuring. The job
works on lon/lat geometry (immutable shapely objects) and the CRS, and yields new
Displays. Each Display's pieces are asked for in the job (``pieces()``, a state's looked
up in its layer's history, which is not changed once made; for 200,000 squares the 28
states' lookups took some 30 ms, which on the GUI thread held the event loop up while
a file opened), which the GUI adopts into the scene; each one is said with ``made`` (the map
and the comparison window repaint). A request the
running job does not start with cancels it and starts again with that one first (what
was made is kept). The status bar shows the progress; closing the window cancels it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from viewer.render import MapScene
from viewer.render.display import build_display
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui.worker import BackgroundWorker, Job

PROGRESS = QT_TRANSLATE_NOOP("BigLayers", "Drawing big layers for this zoom: %1 of %2")


def _build(crs: str, extent, todo: tuple, job: Job):
    for key, pieces in todo:
        yield key, build_display(crs, pieces(), key[-1], extent, job.check)


class BigLayerBuilder(QObject):
    progress = Signal(str)          # status line ("" when done)
    made = Signal(object)           # the key of a Display just adopted by the scene

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = BackgroundWorker(self)
        self._scene: MapScene | None = None
        self._job: Job | None = None
        self._pending: dict = {}            # key -> pieces() the running job has still to make
        self._urgent: dict = {}             # keys the map asked for, newest first
        self._deferred: list = []           # window requests waiting for the state shown
        self._carried: MapScene | None = None   # a first view whose job goes on for _scene
        self._done = self._total = 0

    def attach(self, scene: MapScene | None, same_states: bool = False) -> None:
        """Build for ``scene`` from now on (the one the map shows). ``same_states``: it
        is the whole file whose first view was shown (viewer.render.first_scene), whose
        layers have the same states with the same pieces: the job under way goes on,
        and what it makes is adopted into ``scene`` (restarting it cost the first view's
        state, some seconds for 200,000 squares, when the whole file arrived)."""
        if same_states and self._job is not None and scene is not None:
            self._carried = self._scene
            self._scene = scene
            scene.big.request = self.request
            return
        self._cancel()
        self._scene, self._urgent, self._pending, self._deferred = scene, {}, {}, []
        self._carried = None
        if scene is not None:
            scene.big.request = self.request

    def request(self, key: tuple, pieces, others) -> None:
        """Make ``key``'s Display from ``pieces()`` first, then ``others()`` (key, and a
        function giving its pieces; called in the job),
        then what the cancelled job had still to make at that zoom (a request for a
        highlight window no longer drops the states still to make, nor the reverse:
        those were then made at a time step, in the background of the scrubbing)."""
        if key in self._pending:        # the running job will make it; a first view's
            if self._carried is not None:   # job is asked for the other states after it
                self._deferred.append((key, pieces, others))
            return
        if key[0] == "window" and self._making_state():
            self._deferred.append((key, pieces, others))    # after the state shown
            return
        self._cancel()
        has = self._scene.big.has
        self._urgent = {**({} if has(key) else {key: pieces}),
                        **{k: p for k, p in self._urgent.items() if not has(k)}}
        todo = dict(self._urgent)
        for k, p in others():
            todo.setdefault(k, p)
        for k, p in self._pending.items():          # left by the cancelled job
            if k[-1] == key[-1] and not has(k):
                todo.setdefault(k, p)
        scene = self._scene
        self._pending = todo
        todo = tuple(todo.items())
        self._done, self._total = 0, len(todo)
        self._job = self._worker.submit(
            partial(_build, scene.projector.crs.srs, scene.extent, todo),
            partial(self._adopt, scene))

    def _making_state(self) -> bool:
        """Whether the job under way starts with a layer state's Display, not made yet
        (the state the map shows: a highlight window asked for meanwhile waits for it)."""
        first = next(iter(self._urgent), None)
        return (self._job is not None and first is not None and first[0] != "window"
                and first in self._pending)

    def _adopt(self, scene: MapScene, result) -> None:
        key, display = result
        if scene is not self._scene and scene is not self._carried:
            return
        scene = self._scene
        scene.big.adopt(key, display)
        self._pending.pop(key, None)
        self._urgent.pop(key, None)
        self._done += 1
        self.progress.emit("" if self._done >= self._total else fill(
            translate("BigLayers", PROGRESS), str(self._done), str(self._total)))
        self.made.emit(key)
        if self._deferred and not self._making_state():
            deferred, self._deferred, self._carried = self._deferred, [], None
            for request in deferred:
                self.request(*request)

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None            # (_pending kept: the next request takes it on)
            self.progress.emit("")

    def wait(self, timeout: float | None = None) -> bool:
        """Until the jobs so far ended (benchmarks and tests only)."""
        return self._worker.wait(timeout)

    def shutdown(self) -> None:
        self._cancel()
        self._worker.shutdown()
