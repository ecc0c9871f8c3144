"""What the comparison measures between A and B, in the background, so that a time step
paints the maps at once and they follow when the worker has them:

1. the ground each shown layer gained and lost between A and B (two areas each, the
   difference view's overlay), projected and made into paths (``DifferencePaths``);
2. the km² gained, lost and net per layer and region (a list of LayerDifference).

A newer pair of dates cancels the pair still being measured (while playing, only the
latest pair is measured to the end). A pair's job waits (``hold``, at most HOLD_AT_MOST)
while the GUI thread paints the step that asked for it: its layer differences and
region sums are mostly Python, and would take the GIL from the paint in turns.

Beside them, for the main map, whose highlight window is (A, B] while comparing: that
window at each of the next AHEAD change dates from B, made ahead (``make_ahead``:
held_windows.HeldWindows), so that a step of B merges nothing on the GUI thread;
asked again as B nears the last asked, or for a new A.

The jobs get an immutable snapshot of the situation (viewer/model/snapshot.py). What
depends on A alone or on B alone (a layer's state at a date, the union of its pieces:
most of the cost) is kept between jobs in a ``WorkerSide``: its own private situation
made from the snapshot, its own RegionAttribution and projection. A WorkerSide is made
empty on the GUI thread and from then on touched only inside the jobs, which the one
worker thread runs one at a time; a new snapshot (the situation edited) starts a new
one. The GUI thread adopts the new objects each job hands back."""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator

import numpy as np
import shapely
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPainterPath

from viewer.analysis.difference import compare, layer_difference
from viewer.analysis.projection import Projector
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import Situation
from viewer.model.snapshot import SituationSnapshot
from viewer.render.paths import geometry_path
from viewer.render.held_windows import HeldWindows
from viewer.render.scene import DISPLAY_SEGMENT_DEG, MapScene
from viewer.ui.worker import BackgroundWorker, Job

PathKey = tuple[str, int, int]      # layer id, state index at A, state index at B
AHEAD = 40              # (A, t] windows asked at a time, for the next change dates t
AHEAD_BATCH = 8         # of them delivered at a time
HOLD_AT_MOST = 0.05     # s a pair's job waits for the step's paints (see hold)


@dataclass(frozen=True)
class DifferencePaths:
    """Projected paths of the ground gained and lost, by (layer, state at A, at B)."""
    paths: dict[PathKey, tuple[QPainterPath, QPainterPath]]


def path_key(situation: Situation, layer_id: str, a: datetime, b: datetime) -> PathKey:
    history = situation.layer(layer_id).history
    return layer_id, history.state_index(a), history.state_index(b)


class WorkerSide:
    """The worker's own situation, region figures and projection, kept between jobs."""

    def __init__(self, snapshot: SituationSnapshot, crs: str):
        self.snapshot, self.crs = snapshot, crs
        self._made: tuple[Situation, RegionAttribution, Projector] | None = None
        self._held: tuple[tuple, HeldWindows] | None = None

    def made(self) -> tuple[Situation, RegionAttribution, Projector]:
        if self._made is None:
            situation = self.snapshot.private_situation()
            self._made = situation, RegionAttribution(situation), Projector(self.crs)
        return self._made

    def held(self, a: datetime, visible: frozenset[str]) -> HeldWindows:
        """The windows held to ``a`` of the layers ``visible``, kept from the last
        ahead job of the same: its next windows follow on from the last one made. (A
        new HeldWindows merges its first window from scratch: on the DeepState import,
        55 ms 20 change dates after A, 190 ms 100 after, while the steps go on and the
        map merges the windows they show itself.)"""
        if self._held is None or self._held[0] != (a, visible):
            situation, _, projector = self.made()

            def project_layer(geoms):
                return projector.project(shapely.segmentize(geoms, DISPLAY_SEGMENT_DEG))
            self._held = (a, visible), HeldWindows(project_layer, situation, a, visible)
        return self._held[1]


def compare_job(side: WorkerSide, a: datetime, b: datetime, shown: tuple[str, ...],
                paths: bool, job: Job, painted: threading.Event | None = None
                ) -> Iterator[object]:
    """``painted``: set while the GUI thread is not painting a step (waited for before
    each stage, at most HOLD_AT_MOST in all)."""
    until = time.monotonic() + HOLD_AT_MOST

    def check() -> None:
        if painted is not None:
            painted.wait(max(0.0, until - time.monotonic()))
        job.check()
    check()
    situation, attribution, projector = side.made()
    changes = {}
    for layer_id in shown:
        changes[layer_id] = layer_difference(situation, layer_id, a, b)
        check()
    if paths:
        out = {}
        for layer_id, change in changes.items():
            both = projector.project(shapely.segmentize(
                np.array([change.gained, change.lost], dtype=object), DISPLAY_SEGMENT_DEG))
            out[path_key(situation, layer_id, a, b)] = (geometry_path(both[0]),
                                                       geometry_path(both[1]))
        yield DifferencePaths(out)
    check()
    yield compare(situation, a, b, attribution, list(changes.values()))


def ahead_job(side: WorkerSide, a: datetime, times: list[datetime], visible: frozenset[str],
              job: Job) -> Iterator[dict]:
    """Yields the windows (a, t] of ``times`` (held_windows.HeldWindows, ascending) a
    few at a time, nearest first."""
    held = side.held(a, visible)
    for k in range(0, len(times), AHEAD_BATCH):
        yield held.made(times[k:k + AHEAD_BATCH], job.check)


class CompareFigures(QObject):
    """Measures (A, B) in ``worker`` (None: at once, on this thread)."""

    def __init__(self, worker: BackgroundWorker | None, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.job: Job | None = None
        self._side: WorkerSide | None = None
        self._of: MapScene | None = None            # the scene ``_side`` was made for
        self.ahead: Job | None = None               # make_ahead's
        self._ahead_for: tuple | None = None        # its (scene, A, visible layers)
        self._asked: set[datetime] = set()          # its dates asked
        self._stops: tuple[MapScene | None, list[datetime]] = (None, [])
        self._painted = threading.Event()   # clear while a step is to be painted
        self._painted.set()
        self._release = QTimer(self)        # the step's frames drawn: the job goes on
        self._release.setSingleShot(True)
        self._release.setInterval(1)        # (a timer comes after the posted paints,
        self._release.timeout.connect(self._painted.set)    # a zero one may not)

    def hold(self) -> None:
        """A step is to be painted: the pair's job under way (or the next asked) waits
        at its next stage until the event loop has delivered the step's paints."""
        self._painted.clear()
        self._release.start()

    def measure(self, scene: MapScene, a: datetime, b: datetime, shown: tuple[str, ...],
                deliver: Callable[[object], None], paths: bool = False) -> None:
        """``deliver`` gets a DifferencePaths first (when ``paths``), then the list of
        LayerDifference of the layers ``shown``, of ``scene``'s situation."""
        self.cancel()
        crs = scene.projector.crs.srs           # as the scene was made (a str: thread-safe)
        if self.worker is None or self.worker.closed:
            side = WorkerSide(SituationSnapshot.of(scene.situation), crs)
            for result in compare_job(side, a, b, shown, paths, Job()):
                deliver(result)
            return
        side = self._side_for(scene)

        def work(job: Job) -> Iterator[object]:
            return compare_job(side, a, b, shown, paths, job, self._painted)
        self.job = self.worker.submit(work, deliver)

    def _side_for(self, scene: MapScene) -> WorkerSide:
        if self._side is None or self._of is not scene:     # an edited area: a new scene
            self._side = WorkerSide(SituationSnapshot.of(scene.situation),
                                    scene.projector.crs.srs)
            self._of = scene
        return self._side

    def make_ahead(self, scene: MapScene, a: datetime, b: datetime,
                   visible: frozenset[str]) -> None:
        """Have the worker make the main map's windows (a, t] for the next AHEAD change
        dates t from ``b`` (the layers ``visible``) and hand them to ``scene``, unless
        the nearer half of them is asked already; a new A (or scene, or layers) only
        noted (no worker: nothing)."""
        if self.worker is None or self.worker.closed:
            return
        if self._stops[0] is not scene:
            self._stops = scene, sorted({c.at for c in scene.situation.changes})
        stops = self._stops[1]
        i = bisect_left(stops, b)
        upcoming = stops[i:i + AHEAD]
        if self._ahead_for != (scene, a, visible):
            self.cancel_ahead()             # asked at the next step of B with this A: A
            self._ahead_for = scene, a, visible     # dragged asks nothing at each move
            return
        if all(t in self._asked for t in upcoming[:AHEAD // 2]):
            return
        times = [t for t in upcoming if t not in self._asked]
        if not times:
            return
        self._asked.update(times)
        side = self._side_for(scene)

        def work(job: Job) -> Iterator[dict]:
            return ahead_job(side, a, times, visible, job)
        self.ahead = self.worker.submit(work, scene.adopt_held_windows)

    def cancel_ahead(self) -> None:
        if self.ahead is not None:
            self.ahead.cancel()
            self.ahead = None
        self._ahead_for, self._asked = None, set()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
