"""Letting another thread take the GIL between the steps of a long background job.

Python hands the GIL to a waiting thread when the holder has run for the switch interval
(5 ms) in Python code. A thread calling some shapely functions back to back does not
let go so: with a worker parsing WKB in calls of about 1 ms each (``shapely.from_wkb`` of
600 small polygons), a GUI thread waiting to run its 1 ms timer waited 190 ms at a time;
``to_wkb`` 400 ms, ``get_parts`` 50 ms (shapely 2.2, Python 3.11; ``area``, ``bounds``,
``simplify`` and the predicates, which let go of the GIL while they work, 1-7 ms). A
``time.sleep(0)`` between two calls let the GUI thread in at once: the longest wait fell
to 2-4 ms. ``os.sched_yield()`` did not: the worker takes the GIL back before the other
thread runs.

``pass_gil()`` sleeps so, at most once every PASS_EVERY seconds of a thread's work (a
sleep costs about 80 us even with no thread waiting): called between the chunks of a
vectorised step, the GUI thread waits for the GIL about that long at most.
"""

from __future__ import annotations

import threading
import time

PASS_EVERY = 0.002          # s of a thread's work between two sleeps, at least

_last = threading.local()


def pass_gil() -> None:
    """Let a thread waiting for the GIL take it, if this thread last did so PASS_EVERY
    ago or more (or never)."""
    now = time.perf_counter()
    if now - getattr(_last, "at", float("-inf")) >= PASS_EVERY:
        time.sleep(0)
        _last.at = time.perf_counter()
