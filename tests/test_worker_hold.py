"""``hold_background``: jobs that are not urgent wait at their next check for a while
(the frames after a situation is shown), urgent ones do not; a held job cancelled
ends at once, and one held for a moment goes on by itself. Events, no sleeps."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject

from viewer.ui import worker as worker_module
from viewer.ui.worker import BackgroundWorker, hold_background


@pytest.fixture
def workers(qtbot, monkeypatch):
    monkeypatch.setattr(worker_module, "_quiet_until", 0.0)
    owner = QObject()
    made = [BackgroundWorker(owner), BackgroundWorker(owner)]
    yield made
    for w in made:
        w.shutdown()
        w.wait(10)
    owner.deleteLater()


def started(flag: threading.Event):
    def work(job):
        flag.set()
        yield True
    return work


def test_held_jobs_wait_urgent_ones_do_not_and_a_cancel_ends_the_wait(workers, qtbot):
    held_flag, urgent_flag = threading.Event(), threading.Event()
    hold_background(600)
    held = workers[0].submit(started(held_flag), lambda _: None)
    urgent = []
    workers[1].submit(started(urgent_flag), urgent.append, urgent=True)
    qtbot.waitUntil(lambda: urgent == [True], timeout=10000)
    assert urgent_flag.is_set() and not held_flag.is_set()
    assert not workers[0].wait(0.0)             # still waiting at its first check
    held.cancel()
    assert workers[0].wait(10)                  # ended, without running
    assert not held_flag.is_set()


def test_a_short_hold_ends_by_itself(workers, qtbot):
    flag = threading.Event()
    hold_background(0.05)
    got = []
    workers[0].submit(started(flag), got.append)
    qtbot.waitUntil(lambda: got == [True], timeout=10000)
    assert flag.is_set()
