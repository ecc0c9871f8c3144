"""Opening a situation off the GUI thread: read the file, project it, index its regions.

The window stays responsive while the worker does the slow part; the result (or the
one-line reason it failed) comes back on the GUI thread. A file is read lazily: its first
view (the regions and the pieces in force at the opening time, from a short read of those
tables alone, viewer.io.situation_file.lazy) for the map to paint at once, then all its
rows in one short read transaction, checked as the eager reader checks them (its errors
are the eager reader's).

The loader has a thread of its own, so an opening never queues behind the measuring of
the situation shown, and its job is urgent up to the first paint: every other window
job waits meanwhile (viewer.ui.worker.first_paint_first). Only the newest request
counts: a newer one cancels the one under way (it stops at its next check, between the
steps of the read) and a result for an older one is dropped. Closing the window
(``shutdown``) cancels the one under way.

Python's cyclic garbage collector is held from a file's request until its result has
been adopted on the GUI thread (viewer.ui.collector.Pause), or the request is
superseded, cancelled or fails: what the read makes is frozen by the adoption, before
any full collection could walk it. (The read and its preparation leave no cyclic
garbage to freeze with it: none found after opening the DeepState file. An import is
held too: importing the 200,000 squares or the DeepState folder left 317 cyclic objects
with the collector or without it, viewer.model.collector_pause.)
"""

from __future__ import annotations

import sys
import traceback
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import RegionAttribution
from viewer.io.errors import SituationError
from viewer.render.language import translate
from viewer.ui.plain_text import error_text
from viewer.io.situation_file.lazy import read_first_view
from viewer.io.situation_file.reader import parse_situation, read_rows
from viewer.model import Situation
from viewer.render import MapScene
from viewer.render.first_scene import FirstViewScene, prepare_big, warm_static
from viewer.ui.collector import Pause
from viewer.ui.worker import BackgroundWorker, Cancelled, Job, first_paint_first


PAINT_WAIT_SECONDS = 1.0


@dataclass(eq=False)
class FirstView:
    """What the map shows of a file at its opening time, before the whole file is read
    (viewer.io.situation_file.lazy): its scene, the time shown, the file. The GUI sets
    ``painted`` once the map has drawn it; the worker then reads the rest."""

    scene: MapScene
    at: datetime | None
    path: Path
    painted: threading.Event = field(default_factory=threading.Event)


@dataclass(eq=False)
class LoadedSituation:
    """A situation with what the window needs to show it, prepared once."""

    situation: Situation
    path: Path | None
    scene: MapScene
    areas: Areas
    regions: RegionAttribution      # the region at a point now; measured ones are adopted
    warnings: tuple = ()            # an import's: what it skipped or repaired
    # set by the GUI once the window has adopted it and painted (or dropped it)
    painted: threading.Event = field(default_factory=threading.Event, repr=False)


def prepare(situation: Situation, path: Path | None = None,
            check=lambda: None) -> LoadedSituation:
    """Project and index ``situation`` (runs in the worker, or directly for in-memory
    data); ``check()`` between the steps (it may raise to cancel)."""
    areas = Areas(situation)
    areas.check_stored()        # while no other thread knows the situation
    check()
    scene = MapScene(situation)
    warm_static(scene)
    check()
    return LoadedSituation(situation, path, scene, areas, RegionAttribution(situation))


def _outcome(path: Path, make, failed: str):
    """(LoadedSituation, None) from ``make()``, or (None, the one-line reason): bad input
    is said as the reader said it; a bug is printed in full and said as ``failed``."""
    try:
        return make(), None
    except SituationError as exc:
        return None, error_text(exc)
    except Cancelled:
        raise                           # a newer file was asked for, or the window closed
    except Exception as exc:            # a bug, not bad input: say so, keep the window usable
        traceback.print_exc(file=sys.stderr)
        return None, f"{path}: {failed} ({exc})"


def _load(path: Path, at: datetime | None, size, job: Job):
    """The worker's job: yield ``path``'s FirstView when one can be made (from a short
    read of the tables it uses, viewer.io.situation_file.lazy) and wait until the map has
    painted it (the first paint gets the processor: other jobs wait, see the module
    docstring), then read all of its rows (one short read transaction), parse and check
    them and prepare the situation; yields (LoadedSituation, None) or (None, the one-line
    reason it could not be opened)."""
    where = str(path)
    failed = translate("Files", "could not be opened")
    known: dict = {}            # the first view's pieces: parsed once (fields.geometries)
    with first_paint_first(job):
        view = read_first_view(where, at, known)
        job.check()
        if view is not None:
            scene = FirstViewScene(view[0])
            prepare_big(scene, view[1], size)           # its big states drawn at once
            first = FirstView(scene, view[1], path)
            yield first
            _wait_painted(first, job)
    job.check()
    rows, reason = _outcome(path, lambda: read_rows(where), failed)
    if rows is None:
        yield None, reason
        return
    job.check()
    held = [rows]       # the rows (every blob of the file) let go once parsed, not prepared

    def parse_and_prepare() -> LoadedSituation:
        situation = parse_situation(where, held.pop(), check=job.check, known=known)
        known.clear()
        return prepare(situation, path, job.check)
    del rows
    yield from _adopted(_outcome(path, parse_and_prepare, failed), job)


def _adopted(outcome: tuple, job: Job):
    """Yield ``outcome``; if it is a situation, wait until the window has adopted and
    painted it, every other job waiting meanwhile (first_paint_first). The adoption and
    the frame that follows take some 60-70 ms of the GUI thread's CPU for the 200,000
    squares (the panels, the chart, the map); with the big layers' builder and the
    measuring running beside them, sharing the GIL, they took 110-160 ms (the longest
    event-loop gaps of tests/perf/bench_big_layers.py)."""
    loaded = outcome[0]
    if loaded is None:
        yield outcome
        return
    with first_paint_first(job):
        yield outcome
        _wait_painted(loaded, job)


def _wait_painted(first: "FirstView | LoadedSituation", job: Job) -> None:
    """Until the GUI has painted ``first`` (or PAINT_WAIT_SECONDS passed, or the job was
    cancelled): checked in short slices, so a closing window is never held up."""
    deadline = time.monotonic() + PAINT_WAIT_SECONDS
    while not first.painted.wait(0.01) and not job.cancelled and time.monotonic() < deadline:
        pass


def _paused(work, collector: Pause, job: Job):
    """``work(job)``'s results; ``collector`` ended if it stops early (cancelled, or a
    bug): on a result, the GUI ends it once the result is adopted."""
    try:
        yield from work(job)
    except BaseException:               # GeneratorExit (closed when cancelled) too
        collector.end()
        raise


def _import(path: Path, options, arguments: dict, job: Job):
    """The worker's job for a foreign file: import it (nothing written) with ``options``
    and ``arguments`` (import_to_file's regions, places and context) and prepare the
    result as an unsaved situation; yields as ``_load`` does."""
    from viewer.importing.to_file import import_to_file

    def make():
        report = import_to_file(options, "", write=False, **arguments)
        loaded = prepare(report.result.situation, None)
        loaded.warnings = tuple(report.result.warnings)
        return loaded
    yield from _adopted(_outcome(path, make, translate("Files", "could not be imported")), job)


class SituationLoader(QObject):
    """Loads one file at a time in the background; ``busy`` tells whether one is under way."""

    started = Signal(str)           # path being opened
    first_view = Signal(object)     # FirstView of the file being opened, before `loaded`
    loaded = Signal(object)         # LoadedSituation
    failed = Signal(str)            # str(SituationError)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = BackgroundWorker(self)
        self._number = 0
        self._job: Job | None = None
        self._collector: Pause | None = None    # held for the request under way

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def worker(self) -> BackgroundWorker:
        """The loader's own thread (tests slow its jobs with its ``on_step``)."""
        return self._worker

    def load(self, path: str | Path, at: datetime | None = None, size=None) -> None:
        """Open ``path`` (to be shown at ``at`` on a map of ``size``: width, height,
        device pixel ratio): ``first_view`` may come first."""
        self._submit(Path(path), partial(_load, Path(path), at, size))

    def import_file(self, path: str | Path, options, arguments: dict) -> None:
        """Import the foreign file ``path`` with ``options`` (an ImportOptions) and
        ``arguments`` (import_to_file's keywords) in the background; ``loaded`` gets an
        unsaved situation (its path None)."""
        self._submit(Path(path), partial(_import, Path(path), options, arguments))

    def _submit(self, path: Path, work) -> None:
        self._number += 1
        was_busy = self.busy
        if self._job is not None:
            self._job.cancel()          # superseded: nothing of it is delivered
        self._end_pause()
        if not was_busy:
            self.busy_changed.emit(True)
        self.started.emit(str(path))
        self._collector = Pause()
        work = partial(_paused, work, self._collector)
        self._job = self._worker.submit(work, partial(self._on_result, self._number),
                                        urgent=True)

    def _end_pause(self) -> None:
        if self._collector is not None:
            self._collector.end()
            self._collector = None

    def shutdown(self) -> None:
        """The window is closing: cancel the file under way (returns at once)."""
        self._job = None
        self._worker.shutdown()
        self._end_pause()

    def _on_result(self, number: int, result) -> None:
        if number != self._number:      # a newer request is under way (a cancelled job
            if isinstance(result, FirstView):   # delivers nothing: kept as a guard)
                result.painted.set()
            elif result[0] is not None:
                result[0].painted.set()
            return
        if isinstance(result, FirstView):
            self.first_view.emit(result)
            return
        self._job = None
        self.busy_changed.emit(False)
        loaded, reason = result
        if loaded is None:
            self._end_pause()               # before a dialog saying why
            self.failed.emit(reason)
            return
        try:
            self.loaded.emit(loaded)        # adopted (and frozen) by the window
        finally:
            self._end_pause()
