"""The window's one background thread, and the jobs it runs.

A job is a function of its ``Job`` that yields results. It works only on what it was
given (an immutable snapshot, a path) and makes new objects; each result it yields is
handed to its ``deliver`` callback on the GUI thread, which adopts it. Nothing mutable
is shared across the threads.

Jobs are cancelled cooperatively: ``Job.check()``, called by the job between its steps
(between pieces), raises ``Cancelled`` once the job is cancelled, and a cancelled job's
results are never delivered, even one already on its way. ``shutdown()`` (the window
closing) cancels every job and returns at once; the thread ends at its next check.

``Job.check()`` is also where a job waits, holding no lock and not the GIL: while it is
paused (``Job.pause``: a file being opened will replace the situation it measures), and,
unless it is ``urgent``, while some window's file has yet to reach its first paint
(``first_paint_first``, held by the loader from the read to the paint): an opening file
never shares the processor with earlier files' background work.

Python's cyclic garbage collector is held while a job runs (``collector_pause.Pause``):
a job makes geometries by the hundred thousand (a big layer's Displays, the changes'
region figures: 287,000 shapely Polygons alive at once for the 200,000 squares), and
every full collection started meanwhile, in any thread, walked them all with the GIL
held, 30-120 ms at a time, some 120 times while the squares' background work ran
(tests/perf/bench_import_window.py). The job's objects are freed by reference counting
as it goes; a reference cycle made meanwhile waits for the job's end.

The thread is a Python thread that lives as long as the worker, not a QThreadPool
thread: pyproj keeps its per-thread PROJ context in OS-thread storage but frees it with
the Python thread state, which PySide drops after each QRunnable, so a second job on a
reused pool thread would use a freed context (and crash).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from contextlib import contextmanager
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from typing import Any, Callable, Iterator

# One condition for every wait in Job.check: a pause, a first paint under way, a cancel.
_GATE = threading.Condition()
_first_paints = 0               # files opening whose first paint is still to come
_quiet_until = 0.0              # time.monotonic() before which jobs not urgent wait

from PySide6.QtCore import QObject, Signal

from viewer.analysis.freed_memory import release_freed_memory
from viewer.model.gil import pass_gil
from viewer.ui.collector import Pause

Work = Callable[["Job"], Iterator[Any]]


class Cancelled(Exception):
    """Raised inside a job by ``Job.check`` once the job is cancelled."""


@contextmanager
def first_paint_first(job: "Job") -> Iterator[None]:
    """While inside (``job``, made urgent, up to a file's first paint), every job that is
    not urgent, in any window, waits at its next ``check``; and Python's cyclic garbage
    collector waits too: with a situation loaded, one full collection walks every object
    of it and holds the GIL for 120-380 ms (measured while a second DeepState file was
    opened), longer than the whole first paint. Reference counting still frees at once."""
    global _first_paints
    job.urgent = True               # never held by its own gate
    collector = Pause()
    with _GATE:
        _first_paints += 1
    try:
        yield
    finally:
        with _GATE:
            _first_paints -= 1
            _GATE.notify_all()
        collector.end()


def hold_background(seconds: float) -> None:
    """From the GUI thread: every job that is not urgent, in any window, waits at its
    next check until ``seconds`` from now. The window calls it as it shows a new
    situation: the frames that follow (the map's first paint of it, the docks laid out
    and painted again) took the GIL from Python a few hundred times, and with the
    region measuring and a big layer's builder starting then, each time behind two
    busy threads: an event loop held 210-280 ms at a time after the 200,000 squares'
    import, its own CPU 50-60 ms of it (tests/perf/bench_import_window.py). A wait in
    the worker, not a timer on the GUI thread: who blocks on the worker (a test, a
    benchmark) only waits that much longer."""
    global _quiet_until
    with _GATE:
        _quiet_until = max(_quiet_until, time.monotonic() + seconds)


class Job:
    """A job's cancel flag, and the gate its results pass on the way to the GUI thread."""

    def __init__(self, on_step: Callable[["Job"], None] | None = None, urgent: bool = False):
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._on_step = on_step
        self._paused = False
        self.urgent = urgent
        self.steps = 0

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """From the GUI thread: no result of this job is delivered from now on."""
        with self._lock:            # waits for a delivery under way, so none follows
            self._cancelled.set()
        with _GATE:
            _GATE.notify_all()      # a paused job ends now

    def pause(self) -> None:
        """From the GUI thread: the job waits at its next check until ``resume`` or
        ``cancel``."""
        with _GATE:
            self._paused = True

    def resume(self) -> None:
        with _GATE:
            self._paused = False
            _GATE.notify_all()

    def _held(self) -> bool:
        return not self._cancelled.is_set() and (
            self._paused or (not self.urgent and (
                _first_paints > 0 or time.monotonic() < _quiet_until)))

    def wait_cancelled(self, timeout: float) -> bool:
        """Block (in the worker) until the job is cancelled or ``timeout`` s passed."""
        return self._cancelled.wait(timeout)

    def check(self) -> None:
        """In the worker, between steps: raise ``Cancelled`` if the job was cancelled. The
        GIL is passed on here to a thread waiting for it (viewer.model.gil: shapely calls
        back to back, between two checks, may keep it from the GUI thread)."""
        pass_gil()
        self.steps += 1
        if self._on_step is not None:
            self._on_step(self)
        with _GATE:
            while self._held():         # (held for a time: woken by the timeout)
                quiet = _quiet_until - time.monotonic()
                _GATE.wait(quiet if quiet > 0 and not self.urgent else None)
        if self._cancelled.is_set():
            raise Cancelled

    def send(self, emit: Callable[..., None], *args: Any) -> bool:
        """Call ``emit(*args)`` unless the job is cancelled; atomic with ``cancel``."""
        with self._lock:
            if self._cancelled.is_set():
                return False
            emit(*args)
            return True


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so delivery is queued."""

    result = Signal(object, object, object)     # job, deliver callback, result


class BackgroundWorker(QObject):
    """Runs jobs one at a time on one thread; see the module docstring."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1,
                                            thread_name_prefix="situation-viewer-worker")
        self._relay = _Relay(self)
        self._relay.result.connect(self._on_result)
        self._running: list[tuple[Job, Future]] = []
        self._closed = False
        # Called in the worker thread at each Job.check (between pieces), before the
        # cancel flag is read: where progress reporting attaches (tests slow jobs with it).
        self.on_step: Callable[[Job], None] | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, work: Work, deliver: Callable[[Any], None], urgent: bool = False) -> Job:
        """Run ``work(job)`` in the worker; ``deliver(result)`` on the GUI thread for each
        result it yields, until the job is cancelled. After ``shutdown`` nothing runs.
        An ``urgent`` job never waits for a first paint (see the module docstring)."""
        job = Job(self.on_step, urgent)
        self._running = [(j, f) for j, f in self._running if not f.done()]
        if self._closed:
            job.cancel()
            return job
        future = self._executor.submit(self._run, job, work, deliver)
        self._running.append((job, future))
        return job

    def _run(self, job: Job, work: Work, deliver: Callable[[Any], None]) -> None:
        results = collector = None
        try:
            job.check()                 # (a job held there does not hold the collector)
            collector = Pause()         # see the module docstring
            results = work(job)
            for result in results:
                if not job.send(self._relay.result.emit, job, deliver, result):
                    return
                job.check()
        except Cancelled:
            return
        except BaseException:            # a bug in a job: loud in the log, never silent
            traceback.print_exc(file=sys.stderr)
            raise
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()                 # a job's own ``finally`` (first_paint_first) runs now
            del results
            if collector is not None:
                collector.end()
            release_freed_memory()

    def _on_result(self, job: Job, deliver: Callable[[Any], None], result: Any) -> None:
        if not job.cancelled and not self._closed:
            deliver(result)

    def pause_jobs(self) -> list[Job]:
        """Pause the jobs submitted so far (see ``Job.pause``) and return them."""
        self._running = [(j, f) for j, f in self._running if not f.done()]
        for job, _ in self._running:
            job.pause()
        return [job for job, _ in self._running]

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the jobs submitted so far have ended (benchmarks and tests; never
        the GUI). False if some still run after ``timeout`` seconds."""
        done, not_done = wait_futures([f for _, f in self._running], timeout)
        return not not_done

    def shutdown(self) -> None:
        """Cancel every job and let the thread end on its own (the window is closing):
        returns at once; the job under way stops at its next check."""
        self._closed = True
        for job, _ in self._running:
            job.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
