"""Opening a situation off the GUI thread: read the file, project it, index its regions;
then, once it is shown, measure its layers and changes in each region.

The window stays responsive while a worker thread does the slow part; the result (or
the one-line reason it failed) comes back as a queued signal on the GUI thread. Only the
newest request counts: a result for an older one is dropped.
"""

from __future__ import annotations

import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import RegionAttribution
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation
from viewer.model import Situation
from viewer.render import MapScene


@dataclass(eq=False)
class LoadedSituation:
    """A situation with what the window needs to show it, prepared once."""

    situation: Situation
    path: Path | None
    scene: MapScene
    areas: Areas
    regions: RegionAttribution      # the region at a point now; measured ones are adopted


def prepare(situation: Situation, path: Path | None = None) -> LoadedSituation:
    """Project and index ``situation`` (runs in the worker, or directly for in-memory data)."""
    areas = Areas(situation)
    areas.check_stored()        # before the GUI and the region measuring share it
    return LoadedSituation(situation, path, MapScene(situation), areas,
                           RegionAttribution(situation))


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so delivery is queued."""

    done = Signal(int, object)      # request number, LoadedSituation
    failed = Signal(int, str)       # request number, one-line reason
    measured = Signal(int, object)  # measuring number, measured RegionAttribution
    pieces = Signal(int, object)    # measuring number, {(layer id, piece): (geometry, path)}


def _load(number: int, path: Path, relay: _Relay) -> None:
    """The worker's job: read and prepare ``path``, then report through ``relay``."""
    try:
        loaded = prepare(read_situation(path), path)
    except SituationError as exc:
        relay.failed.emit(number, str(exc))
    except Exception as exc:            # a bug, not bad input: say so, keep the window usable
        traceback.print_exc(file=sys.stderr)
        relay.failed.emit(number, f"{path}: could not be opened ({exc})")
    else:
        relay.done.emit(number, loaded)


def _measure(number: int, loaded: LoadedSituation, regions: RegionAttribution, relay: _Relay,
             newest) -> None:
    """The worker's second job, after the first paint: each layer and change in each
    region (``regions``: a fresh attribution, its snapshot taken on the GUI thread), then
    every layer piece projected and made a path, so that the first visit of a date needs
    no projecting."""
    if number != newest():
        return                          # another situation is shown by now
    try:
        measured = regions.measure_all()
    except Exception:                   # a bug: the panels say so, the window goes on
        traceback.print_exc(file=sys.stderr)
        measured = None
    relay.measured.emit(number, measured)
    if number != newest():
        return
    try:
        built = loaded.scene.build_all_pieces()
    except Exception:                   # a bug: the pieces are then built as shown
        traceback.print_exc(file=sys.stderr)
        built = {}
    relay.pieces.emit(number, built)


class SituationLoader(QObject):
    """Loads one file at a time in the background; ``busy`` tells whether one is under way.

    The worker is a Python thread that lives as long as the loader, not a QThreadPool
    thread: pyproj keeps its per-thread PROJ context in OS-thread storage but frees it with
    the Python thread state, which PySide drops after each QRunnable, so a second job on
    a reused pool thread would use a freed context (and crash)."""

    started = Signal(str)           # path being opened
    loaded = Signal(object)         # LoadedSituation
    failed = Signal(str)            # str(SituationError)
    busy_changed = Signal(bool)
    regions_measured = Signal(object)   # measured RegionAttribution of the situation shown, or None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="situation-loader")
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.measured.connect(self._on_measured)
        self._relay.pieces.connect(self._on_pieces)
        self._number = 0
        self._pending = 0
        self._measuring = 0             # number of the newest measuring request
        self._closed = False
        self._measured_scene = None     # the scene the newest measuring is for

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def load(self, path: str | Path) -> None:
        path = Path(path)
        self._number += 1
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.started.emit(str(path))
        self._executor.submit(_load, self._number, path, self._relay)

    def measure(self, loaded: LoadedSituation) -> None:
        """Measure ``loaded``'s layers in its regions in the background; the result comes
        as ``regions_measured`` unless another situation was given to measure first."""
        if self._closed:                # a request queued while the window closed
            return
        self._measuring += 1
        self._measured_scene = loaded.scene
        fresh = RegionAttribution(loaded.situation)     # a snapshot, taken on this thread
        self._executor.submit(_measure, self._measuring, loaded, fresh, self._relay,
                              self._newest)

    def _newest(self) -> int:
        return self._measuring

    def wait(self) -> None:
        """Block until the jobs submitted so far have run (benchmarks; not the GUI)."""
        self._executor.submit(int).result()

    def shutdown(self) -> None:
        """Finish the job under way and end the worker thread (the window is closing)."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _finish(self, number: int) -> bool:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        return number == self._number

    def _on_done(self, number: int, loaded: LoadedSituation) -> None:
        if self._finish(number):
            self.loaded.emit(loaded)

    def _on_failed(self, number: int, reason: str) -> None:
        if self._finish(number):
            self.failed.emit(reason)

    def _on_measured(self, number: int, measured) -> None:
        if number == self._measuring:
            self.regions_measured.emit(measured)

    def _on_pieces(self, number: int, built: dict) -> None:
        if number == self._measuring and self._measured_scene is not None:
            self._measured_scene.adopt_pieces(built)
