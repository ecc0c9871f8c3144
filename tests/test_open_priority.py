"""A file being opened never waits for the background work of the situation shown.

The window measures the situation it shows in its worker (the regions, then the front
analytics: seconds on a long history). A file opened meanwhile reaches its first paint
while that work is still held (the loader has its own thread); the held work is paused
while the file loads, cancelled once the file is shown, and goes on if the file could
not be opened. While any window's file has yet to reach its first paint, the other
windows' jobs wait at their next check, and so does Python's cyclic garbage collector;
the jobs wait again while the whole file, once read, is adopted and painted.

The background work is held with the worker's ``on_step`` hook (called at each of a
job's checks): no sleeps, no timings.
"""

from __future__ import annotations

import gc
import sqlite3
import threading

import pytest
from shapely.geometry import box

from factories import growing_situation, two_region_situation
from ui_helpers import isolate_settings
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.situation_file import write_situation
from viewer.ui.worker import BackgroundWorker


class Hold:
    """An ``on_step`` hook: the first ``passing`` jobs go on; every later one stops at its
    first check until it is cancelled or ``release()`` is called."""

    def __init__(self, passing: int = 1):
        self.passing, self.seen = passing, []
        self.held = threading.Event()
        self._open = threading.Event()
        self.cancelled = []         # jobs that were cancelled while held

    def __call__(self, job) -> None:
        if job not in self.seen:
            self.seen.append(job)
        if self.seen.index(job) < self.passing or self._open.is_set():
            return
        self.held.set()
        while not (self._open.is_set() or job.cancelled):
            job.wait_cancelled(0.01)
        if job.cancelled:
            self.cancelled.append(job)

    def release(self) -> None:
        self._open.set()


@pytest.fixture
def busy_window(qtbot, monkeypatch, tmp_path):
    """A window showing the two-region situation, its background work held once the
    regions are measured (its first job), the front analytics (its second) at its start."""
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    hold = Hold()
    window.worker.on_step = hold
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.set_situation(two_region_situation())
    qtbot.waitUntil(hold.held.is_set, timeout=10000)
    assert window.regions_panel.figures is not None and window.analytics.analytics is None
    yield window, hold
    hold.release()
    window.close()


@pytest.fixture
def growing(tmp_path):
    path = tmp_path / "growing.gpkg"
    write_situation(growing_situation(), path)
    return path


def test_a_file_opened_meanwhile_is_painted_while_that_work_is_held(busy_window, qtbot,
                                                                    growing):
    window, hold = busy_window
    before = window.situation
    with qtbot.waitSignal(window.files.loader.first_view, timeout=10000) as first:
        window.files.open_file(growing)
    assert window.canvas.showing_first_view and window.canvas.scene is first.args[0].scene
    assert hold.held.is_set() and hold.cancelled == []          # the earlier work: held
    assert window.analytics.analytics is None
    qtbot.waitUntil(lambda: window.situation is not before, timeout=10000)
    assert first.args[0].painted.is_set()
    assert window.path == growing and not window.canvas.showing_first_view
    qtbot.waitUntil(lambda: len(hold.cancelled) > 0, timeout=10000)   # superseded: dropped
    hold.release()
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    assert window.analytics.analytics.front.situation is window.situation   # the new one's


def test_the_shown_situations_work_goes_on_when_the_file_fails(busy_window, qtbot, growing,
                                                                errors):
    window, hold = busy_window
    con = sqlite3.connect(growing)          # an old piece off the globe: the first view
    con.execute("UPDATE layer_pieces SET geom = ? WHERE fid = (SELECT min(fid) FROM "
                "layer_pieces WHERE valid_to IS NOT NULL)",
                (gpkg_blob.encode([box(30, 95, 31, 96)])[0],))
    con.commit()
    con.close()
    before = window.situation
    with qtbot.waitSignal(window.files.loader.first_view, timeout=10000):
        window.files.open_file(growing)
    hold.release()          # the held job now waits, paused, until the file is decided
    with qtbot.waitSignal(window.files.load_failed, timeout=10000):
        pass
    assert window.situation is before and errors
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    assert hold.cancelled == []
    assert window.analytics.analytics.front.situation is before


def test_other_windows_jobs_wait_for_a_first_paint(qtbot, monkeypatch, tmp_path, growing):
    from ui_helpers import open_window
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    loader_hold = Hold(passing=0)
    checks = []                 # the loader's first check (before reading) passes
    window.files.loader.worker.on_step = lambda job: checks.append(job) if not checks \
        else loader_hold(job)
    other = BackgroundWorker(window)        # as another window's worker
    reached, passed = threading.Event(), threading.Event()
    other.on_step = lambda job: reached.set()

    def work(job):
        job.check()
        passed.set()
        yield True

    window.files.open_file(growing)
    qtbot.waitUntil(loader_hold.held.is_set, timeout=10000)     # the file's rows are read
    other.submit(work, lambda _: None)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    assert not gc.isenabled()   # no full collection (a walk of every object) meanwhile
    passed_at_first_view = []
    window.files.loader.first_view.connect(lambda _: passed_at_first_view.append(
        passed.is_set()))
    with qtbot.waitSignal(window.files.loader.first_view, timeout=10000):
        loader_hold.release()
    assert passed_at_first_view == [False]
    qtbot.waitUntil(passed.is_set, timeout=10000)           # once it is painted
    qtbot.waitUntil(lambda: window.path == growing, timeout=10000)
    # the collector too waits until the whole file, adopted, is painted (a zero timer)
    qtbot.waitUntil(gc.isenabled, timeout=10000)
    other.shutdown()
    window.close()


def test_a_file_asked_for_stops_what_the_canvas_prepares_while_idle(busy_window, qtbot,
                                                                    growing):
    """A chunk of the idle preparation (tens of ms) must not run before the new file's
    first paint: asking for the file stops it; the new scene plans it again."""
    window, _ = busy_window
    window.activateWindow()
    qtbot.waitUntil(window.canvas.isActiveWindow)
    window.canvas.update()
    assert window.canvas.idle.busy                  # planned, after the next pause
    with qtbot.waitSignal(window.files.loader.first_view, timeout=10000):
        window.files.open_file(growing)
        assert not window.canvas.idle.busy          # stopped as soon as it was asked for
    qtbot.waitUntil(lambda: window.path == growing, timeout=10000)


def test_other_jobs_wait_while_the_whole_file_is_adopted_and_painted(qtbot, monkeypatch,
                                                                    tmp_path, growing):
    """The whole file's adoption and the frame after it get the processor too: a job of
    another worker that reaches a check once the file was delivered goes on only after
    the window has shown it (the loaded situation's ``painted``)."""
    from ui_helpers import open_window
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.analytics.analytics is not None, timeout=20000)
    other = BackgroundWorker(window)        # as another window's worker, or the builder
    reached = threading.Event()
    other.on_step = lambda job: reached.set()
    seen = []                               # at the check's passing: was it painted?

    def started(loaded) -> None:            # (after the window's own slot: adopted)
        assert not loaded.painted.is_set()  # (set by a zero timer, after the frame)

        def work(job):
            job.check()
            seen.append(loaded.painted.is_set())
            yield True
        other.submit(work, lambda _: None)
        assert reached.wait(10)             # at the check, while the GUI thread is here
    window.files.loader.loaded.connect(started)
    window.files.open_file(growing)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert window.path == growing and seen == [True]
    other.shutdown()
    window.close()
