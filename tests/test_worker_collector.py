"""The worker holds Python's cyclic collector while a job runs (a big layer's Displays
and the region figures make hundreds of thousands of geometries: a full collection
meanwhile walked them all with the GIL held, tests/perf/bench_import_window.py), and
gives it back when the job ends, however it ends: finished, cancelled or failed."""

from __future__ import annotations

import gc
import threading

import pytest

from viewer.ui.worker import BackgroundWorker


@pytest.fixture
def worker(qtbot):
    from PySide6.QtCore import QObject
    owner = QObject()
    made = BackgroundWorker(owner)
    yield made
    made.shutdown()
    made.wait(10)
    owner.deleteLater()


def test_a_job_runs_with_the_collector_held_and_gives_it_back(worker, qtbot, collecting):
    seen = []

    def work(job):
        seen.append(gc.isenabled())
        yield 1
        job.check()
        seen.append(gc.isenabled())
    got = []
    worker.submit(work, got.append)
    assert worker.wait(10)
    qtbot.waitUntil(lambda: got == [1], timeout=5000)
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_cancelled_job_gives_the_collector_back(worker, qtbot, collecting):
    inside, release = threading.Event(), threading.Event()

    def work(job):
        inside.set()
        release.wait(10)
        job.check()                     # raises Cancelled
        yield "never"
    job = worker.submit(work, lambda _: None)
    assert inside.wait(10)
    assert not gc.isenabled()
    job.cancel()
    release.set()
    assert worker.wait(10)
    assert gc.isenabled()


def test_the_collector_stays_off_if_it_was_off_before(worker, collecting):
    gc.disable()
    worker.submit(lambda job: iter(()), lambda _: None)
    assert worker.wait(10)
    assert not gc.isenabled()
