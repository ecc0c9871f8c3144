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
