"""The cyclic garbage collector and the situation shown.

At each full collection Python's collector walks every container object alive. With a
big situation shown (200,000 squares: its pieces and their geometries, some hundreds of
thousands of objects) one walk held the GIL for 100-300 ms, and a background job making
geometries (a big layer's Displays, the front's segments) started one every second or so
while a file opened: each blocked the event loop (gen-2 collections, seen with
gc.callbacks, were the gaps of tests/perf/bench_big_layers.py).

So what is alive when the window adopts a situation (its first view, then the whole
file: the window, the situation, its scene) is moved out of the collector's reach
(``gc.freeze``): those objects live as long as they are shown, and reference counting
still frees each one once nothing refers to it. A full collection then walks only what
was made since. The cost: a reference cycle among frozen objects is not collected until
the window closes (``window_closed`` gives them back), so what a window replaces must
not need the collector. A replaced situation and its scene are freed by reference
counting alone (BigStates refers to its scene weakly, the context paths project with
the projector, not a method of the scene): tests/test_open_collector.py.

Before it is adopted, what a file's read makes is not frozen yet: the collector is held
(``Pause``) from the request to the adoption, else a full collection started by any
thread (the read itself, a big layer's builder) walks the rows read so far, 10-95 ms
with the GIL held at a time (tests/perf/stall_probe.py squares).
"""

from __future__ import annotations

import gc

from viewer.model.collector_pause import Pause  # noqa: F401  (the window's pauses)


def situation_adopted() -> None:
    """The window shows a situation (or a file's first view) from now on."""
    gc.freeze()


def window_closed() -> None:
    """A window closed: what it froze is the collector's again."""
    gc.unfreeze()
