"""Python's cyclic collector is held while a file is opened, from the request until the
window has adopted (and frozen) it, not only up to its first paint: a full collection
started meanwhile, by any thread, would walk the rows read so far with the GIL held
(viewer.ui.collector.Pause). It runs again once the file is shown, and when the open
is superseded, fails or its window closes.

The loader's job is held at a check of its full read with the worker's ``on_step`` hook:
no sleeps, no timings."""

from __future__ import annotations

import gc
import threading

from viewer.ui.collector import Pause


class ReadHold:
    """An ``on_step`` hook for the loader: once the file's first view has been painted,
    the job stops at its next check (the full read) until released or cancelled; later
    jobs pass."""

    def __init__(self, window):
        self.painted: list = []
        self.held = threading.Event()
        self.open = threading.Event()
        self.enabled_when_held = None
        self.job = None
        window.files.loader.first_view.connect(lambda view: self.painted.append(view.painted))
        window.files.loader.worker.on_step = self

    def __call__(self, job) -> None:
        if self.open.is_set() or not any(p.is_set() for p in self.painted) or \
                self.job not in (None, job):
            return
        self.job = job
        self.enabled_when_held = gc.isenabled()
        self.held.set()
        while not (self.open.is_set() or job.cancelled):
            job.wait_cancelled(0.01)


def test_pauses_nest_and_end_once(collecting):
    first, second = Pause(), Pause()
    assert not gc.isenabled()
    first.end()
    first.end()                         # a second end does not end the other pause
    assert not gc.isenabled()
    second.end()
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_held_before_it_held(collecting):
    gc.disable()
    pause = Pause()
    pause.end()
    assert not gc.isenabled()


def test_the_collector_waits_through_the_full_read_until_the_file_is_shown(
        window, qtbot, two_files, collecting):
    hold = ReadHold(window)
    window.files.open_file(two_files[0])
    qtbot.waitUntil(hold.held.is_set, timeout=10000)
    assert hold.enabled_when_held is False      # after the first paint, in the read
    hold.open.set()
    qtbot.waitUntil(lambda: window.path == two_files[0] and not window.files.loader.busy,
                    timeout=10000)
    qtbot.waitUntil(gc.isenabled, timeout=10000)    # (once the file shown is painted)
    assert not any(obj is window.situation for obj in gc.get_objects())    # frozen first


def test_a_superseded_open_gives_the_collector_back(window, qtbot, two_files, collecting):
    hold = ReadHold(window)
    window.files.open_file(two_files[0])
    qtbot.waitUntil(hold.held.is_set, timeout=10000)
    window.files.open_file(two_files[1])    # cancels the held job
    qtbot.waitUntil(lambda: window.path == two_files[1] and not window.files.loader.busy,
                    timeout=10000)
    qtbot.waitUntil(gc.isenabled, timeout=10000)    # (once the file shown is painted)


def test_a_failed_open_gives_the_collector_back(window, qtbot, tmp_path, collecting):
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"not a GeoPackage at all")
    with qtbot.waitSignal(window.files.load_failed, timeout=10000):
        window.files.open_file(bad, dialog_on_error=False)
    # once the loader's job has ended, and the shown situation's jobs it paused, which
    # hold the collector while they run (the worker's own Pause)
    qtbot.waitUntil(lambda: window.files.loader.worker.wait(0.0) and window.worker.wait(0.0)
                    and gc.isenabled(), timeout=10000)


def test_closing_the_window_mid_read_gives_the_collector_back(window, qtbot, two_files,
                                                              collecting):
    hold = ReadHold(window)
    window.files.open_file(two_files[0])
    qtbot.waitUntil(hold.held.is_set, timeout=10000)
    assert not gc.isenabled()
    window.close()                      # the held job is cancelled and ends on its own
    qtbot.waitUntil(gc.isenabled, timeout=10000)    # (at its next check)


def test_a_file_s_read_leaves_no_cyclic_garbage_to_freeze(two_files, collecting):
    """What the read makes while the collector is held is frozen with the file once it is
    shown: a reference cycle among its garbage would stay until the window closes. (The
    first view's scene is kept, as the window keeps it until the file is shown.)"""
    from viewer.io.situation_file.lazy import read_first_view
    from viewer.io.situation_file.reader import parse_situation, read_rows
    from viewer.render.first_scene import FirstViewScene, prepare_big
    from viewer.ui.loader import prepare
    where, known = str(two_files[0]), {}
    gc.collect()
    gc.disable()
    view = read_first_view(where, None, known)
    first = FirstViewScene(view[0])
    prepare_big(first, view[1], (800, 600, 1.0))
    loaded = prepare(parse_situation(where, read_rows(where), known=known))
    assert loaded.situation.layers and first.situation.layers
    assert gc.collect() == 0
