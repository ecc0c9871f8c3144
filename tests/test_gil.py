"""viewer.model.gil: a long background job lets a thread waiting for the GIL take it, at
most once per PASS_EVERY of its work (a sleep costs some 80 us); the worker's jobs do at
each check. The effect on the event loop is measured by tests/perf/bench_big_layers.py
(the longest gap while a big file opens), not here."""

from __future__ import annotations

import threading

from viewer.model import gil
from viewer.ui import worker as worker_module


class Clock:
    def __init__(self):
        self.now, self.sleeps = 100.0, []

    def perf_counter(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append((self.now, seconds))


def test_a_pass_sleeps_at_most_once_per_interval(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(gil, "time", clock)
    monkeypatch.setattr(gil, "_last", threading.local())
    for step in range(10):              # 0.7 ms between calls: every third one sleeps
        clock.now = 100.0 + step * 0.0007
        gil.pass_gil()
    assert [round(at - 100.0, 4) for at, _ in clock.sleeps] == [0.0, 0.0021, 0.0042, 0.0063]
    assert all(seconds == 0 for _, seconds in clock.sleeps)     # lets go, waits for nothing


def test_each_thread_keeps_its_own_interval(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(gil, "time", clock)
    monkeypatch.setattr(gil, "_last", threading.local())
    gil.pass_gil()
    other = threading.Thread(target=gil.pass_gil)      # at the same moment: its first
    other.start()
    other.join()
    gil.pass_gil()                                     # this thread's second: too soon
    assert len(clock.sleeps) == 2


def test_a_jobs_check_passes_the_gil(qtbot, monkeypatch):
    passes = []
    monkeypatch.setattr(worker_module, "pass_gil", lambda: passes.append(True))
    worker = worker_module.BackgroundWorker()
    results = []

    def work(job):
        added = []
        for _ in range(3):
            before = len(passes)
            job.check()
            added.append(len(passes) - before)
        yield added
    try:
        worker.submit(work, results.append)
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
    finally:
        worker.shutdown()
    assert results == [[1, 1, 1]]


def test_a_sliced_call_gives_the_whole_calls_result_and_passes_between(monkeypatch):
    import numpy as np
    import shapely
    passes = []
    monkeypatch.setattr(gil, "pass_gil", lambda: passes.append(True))
    geoms = shapely.buffer(shapely.points(np.arange(25.0), np.zeros(25)), 0.3)
    multi = np.array([shapely.multipolygons([g, shapely.box(100 + i, 0, 101 + i, 1)])
                      for i, g in enumerate(geoms)], dtype=object)
    parts = gil.in_slices(shapely.get_parts, multi, size=4)
    assert shapely.equals_exact(parts, shapely.get_parts(multi), 0).all()
    assert len(passes) == 7                     # after each of the 7 slices of 4
    assert gil.in_slices(shapely.area, geoms[:3], size=4).tolist() == \
        shapely.area(geoms[:3]).tolist() and len(passes) == 7   # one slice: no pass


def test_polygons_built_in_slices_are_those_built_at_once(monkeypatch):
    import numpy as np
    import shapely
    from viewer.io.foreign import polygon_batch
    passes = []
    monkeypatch.setattr(polygon_batch, "pass_gil", lambda: passes.append(True))
    monkeypatch.setattr(polygon_batch, "SLICE", 3)
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
    hole = np.array([[0.2, 0.2], [0.2, 0.4], [0.4, 0.4], [0.2, 0.2]])
    rings = [[square + i] if i % 2 else [square + i, hole + i] for i in range(8)]
    made = polygon_batch.polygons_of(rings)
    expected = [shapely.Polygon(r[0], r[1:]) for r in rings]
    assert len(made) == 8 and all(shapely.equals_exact(m, e, 0) for m, e in zip(made, expected))
    assert len(passes) == 3                     # slices of 3, 3, 2


def test_a_list_let_go_is_emptied_in_slices(monkeypatch):
    sizes = []
    items = list(range(10))
    monkeypatch.setattr(gil, "pass_gil", lambda: sizes.append(len(items)))
    gil.let_go(items, size=4)
    assert items == [] and sizes == [6, 2, 0]    # the GIL passed after each slice freed
