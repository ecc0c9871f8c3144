"""The window's background work shares nothing mutable and never holds up closing.

The measuring job works on an immutable snapshot; what it measures reaches the shown
situation only when the GUI adopts it. Closing the window while a job runs returns at
once, the job stops at its next check and its result is dropped; the app exits 0.

Jobs are made slow with the worker's ``on_step`` hook, which every job calls between
pieces (``Job.check``): it blocks there until the job is cancelled or released.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
from pyproj import Geod
from PySide6.QtCore import QCoreApplication
from shapely.geometry import box

from factories import D, two_region_situation
from ui_helpers import isolate_settings
from viewer.model.snapshot import SituationSnapshot
from viewer.ui.regions_panel import MEASURING


def km2_of(geometry) -> float:
    """Geodesic area on WGS84 straight from pyproj."""
    return abs(Geod(ellps="WGS84").geometry_area_perimeter(geometry)[0]) / 1e6


class Gate:
    """An ``on_step`` hook: lets ``allowed`` steps pass, then holds the job until it is
    cancelled or ``release()`` is called."""

    def __init__(self, allowed: int = 0):
        self.allowed, self.steps = allowed, 0
        self.held = threading.Event()
        self._open = threading.Event()
        self.cancelled_while_held = False

    def __call__(self, job) -> None:
        self.steps += 1
        if self.steps <= self.allowed or self._open.is_set():
            return
        self.held.set()
        while not (self._open.is_set() or job.cancelled):
            job.wait_cancelled(0.01)
        self.cancelled_while_held = job.cancelled

    def release(self) -> None:
        self._open.set()


@pytest.fixture
def gated_window(qtbot, monkeypatch, tmp_path):
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)

    def make(gate: Gate):
        window = MainWindow()
        qtbot.addWidget(window)
        window.worker.on_step = gate
        window.resize(1000, 700)
        window.show()
        qtbot.waitExposed(window)
        window.regions_dock.raise_()
        window.set_situation(two_region_situation())
        return window
    return make


def piece_km2(window) -> list[np.ndarray]:
    return [layer.history.piece_km2.copy() for layer in window.situation.layers]


def same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return all(np.array_equal(x, y, equal_nan=True) for x, y in zip(a, b))


def test_the_snapshot_is_read_only_and_a_copy():
    situation = two_region_situation()
    history = situation.layer("adv").history
    snap = SituationSnapshot.of(situation)
    layer = next(s for s in snap.layers if s.id == "adv")
    assert not layer.piece_km2.flags.writeable
    with pytest.raises(ValueError):
        layer.piece_km2[0] = 1.0
    history.measure_pieces()                         # the GUI measures its own copy...
    assert np.isnan(layer.piece_km2).all()           # ...the snapshot does not change
    private = snap.private_situation()
    assert private.layer("adv").history.piece_km2 is not history.piece_km2
    assert private.layer("adv").history.pieces == history.pieces      # immutable, shared


def test_the_worker_measures_into_its_own_copy_and_the_gui_adopts_it(gated_window, qtbot):
    opened = Gate()
    opened.release()
    window = gated_window(opened)
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None, timeout=10000)
    assert window.worker.wait(10)
    first_facts = window.regions_panel.figures
    assert first_facts.situation is window.situation        # adopted: pointed at the shown one
    adv = window.situation.layer("adv").history
    truth = [km2_of(p.geometry) for p in adv.pieces]
    assert len(truth) == 3
    adv.piece_km2[:] = np.nan            # unknown again: the next job measures them
    gate = Gate(allowed=3)               # the job's first check, then two of the pieces
    window.worker.on_step = gate
    window.measuring.measure(window.loaded)
    qtbot.waitUntil(gate.held.is_set, timeout=10000)
    QCoreApplication.processEvents()
    assert np.isnan(adv.piece_km2).all()       # two measured, in the worker's copy only
    gate.release()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not first_facts, timeout=10000)
    assert adv.piece_km2 == pytest.approx(truth, rel=1e-9)   # adopted on the GUI thread
    facts = window.regions_panel.figures
    east = [r.id for r in facts.regions].index("UA-E")
    assert facts.km2_at("claim", D[10])[east] == pytest.approx(
        km2_of(box(31.5, 48.5, 31.9, 48.9)), rel=1e-9)
    assert window.worker.wait(10)
    QCoreApplication.processEvents()
    n_pieces = sum(len(layer.history.pieces) for layer in window.situation.layers)
    assert len(window.loaded.scene._pieces) >= n_pieces      # the built pieces adopted
    window.close()


def test_closing_during_a_job_returns_at_once_and_drops_its_result(gated_window, qtbot):
    gate = Gate()
    window = gated_window(gate)
    qtbot.waitUntil(gate.held.is_set, timeout=10000)
    km2, pieces = piece_km2(window), len(window.loaded.scene._pieces)
    started = time.perf_counter()
    window.close()
    elapsed = time.perf_counter() - started
    assert elapsed < 0.2, f"close took {elapsed * 1000:.0f} ms"
    assert window.worker.wait(5)                     # the job stopped at its next check
    assert gate.cancelled_while_held
    for _ in range(3):
        QCoreApplication.processEvents()
    assert window.regions_panel.figures is None        # nothing adopted after closing
    assert window.regions_panel.note.text() == MEASURING   # English: the source text
    assert same(piece_km2(window), km2)
    assert len(window.loaded.scene._pieces) == pieces


APP_SCRIPT = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import viewer.app as app_module
    import viewer.ui.worker as worker_module

    held = []

    def hold(job):                      # every job stops at its first check until cancelled
        held.append(job)
        job.wait_cancelled(60)

    plain_init = worker_module.BackgroundWorker.__init__

    def init(self, *args):
        plain_init(self, *args)
        self.on_step = hold

    worker_module.BackgroundWorker.__init__ = init

    def close_when_held():
        app = QApplication.instance()
        if not held:
            QTimer.singleShot(10, close_when_held)
            return
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
        started = time.perf_counter()
        window.close()
        print(f"closed in {(time.perf_counter() - started) * 1000:.1f} ms", flush=True)

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, close_when_held)
    code = app_module.main([])
    print("cancelled", held[0].cancelled, flush=True)
    sys.exit(code)
""")


def test_the_app_closed_during_a_job_exits_0_at_once():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", APP_SCRIPT], capture_output=True, text=True,
                         timeout=120, env=env)
    took = time.perf_counter() - started
    assert res.returncode == 0, res.stderr
    noise = "This plugin does not support propagateSizeHints()"
    assert [l for l in res.stderr.splitlines() if l.strip() and l.strip() != noise] == []
    closed = float(res.stdout.split("closed in ")[1].split(" ms")[0])
    assert closed < 200, res.stdout
    assert "cancelled True" in res.stdout
    assert took < 50          # the held job ended when cancelled, not at its 60 s timeout


def test_a_measuring_cancelled_while_building_pieces_stops_without_a_traceback(capsys):
    """(an edit right after another cancels the first one's measuring at any step)"""
    from viewer.model.snapshot import SituationSnapshot
    from viewer.render import MapScene
    from viewer.ui.measuring import RegionsMeasured, measuring_job, prebuild_job
    from viewer.ui.worker import Cancelled, Job
    situation = two_region_situation()
    job = Job()
    snapshot = SituationSnapshot.of(situation)
    assert isinstance(next(measuring_job(snapshot, job)), RegionsMeasured)
    steps = prebuild_job(snapshot, MapScene(situation).projector.crs, job)
    job.cancel()                            # while the pieces are to be built
    with pytest.raises(Cancelled):
        next(steps)
    assert "Traceback" not in capsys.readouterr().err
