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
vectorised step, the GUI thread waits for the GIL about that long at most. One call
over every item holds the GIL as long as it takes, whatever the passes around it:
``in_slices`` makes such a call a slice at a time, and ``let_go`` frees a big list so.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

import numpy as np

PASS_EVERY = 0.002          # s of a thread's work between two sleeps, at least
SLICE = 8_192               # geometries a sliced vectorised call takes at once

_last = threading.local()


def pass_gil() -> None:
    """Let a thread waiting for the GIL take it, if this thread last did so PASS_EVERY
    ago or more (or never)."""
    now = time.perf_counter()
    if now - getattr(_last, "at", float("-inf")) >= PASS_EVERY:
        time.sleep(0)
        _last.at = time.perf_counter()


def in_slices(fn: Callable[[np.ndarray], np.ndarray], items: np.ndarray,
              size: int = SLICE) -> np.ndarray:
    """``fn(items)``, for a vectorised ``fn`` whose result for a slice of ``items`` is
    that slice's share of the whole, in order (element-wise ones such as shapely's
    ``force_2d``, or ``get_parts``), made ``size`` items at a time with the GIL passed
    on between: one call over the 200,000 squares of an import held it 240-310 ms, a
    slice some 10 ms."""
    items = np.asarray(items, dtype=object)
    if len(items) <= size:
        return fn(items)
    out = []
    for start in range(0, len(items), size):
        out.append(fn(items[start:start + size]))
        pass_gil()
    return np.concatenate(out)


def let_go(items: list, size: int = SLICE) -> None:
    """Empty the list ``items``, ``size`` items at a time, the GIL passed on between:
    freeing a big list's items at once (the 200,000 squares' GeoJSON entries: ~160 ms)
    holds it for as long as they take to free."""
    while items:
        del items[-size:]
        pass_gil()
