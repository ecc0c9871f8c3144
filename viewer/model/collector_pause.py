"""Holding Python's cyclic garbage collector while a long job makes many objects.

At each full collection the collector walks every container object alive: with a big
file being read or imported (hundreds of thousands of geometries, features and rows),
one walk held the GIL for 100-440 ms, and the window's event loop waited for it. A
``Pause`` holds the collector (in any thread) until it ends; reference counting still
frees every object at once, so only reference cycles wait: after importing the 200,000
squares or the DeepState folder 317 cyclic objects were left, with the collector or
without it, and the peak memory was the same (552 and 125 MB).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_pauses = 0                     # Pauses not ended yet, in any thread
_was_enabled = True             # whether the collector ran before the first of them


class Pause:
    """The cyclic collector held from now until ``end()`` (from any thread; a second
    call does nothing). Pauses nest: the collector runs again once every one has ended,
    if it ran before the first began. Reference counting still frees at once."""

    def __init__(self) -> None:
        global _pauses, _was_enabled
        self._ended = False
        with _lock:
            if _pauses == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _pauses += 1

    def end(self) -> None:
        global _pauses
        with _lock:
            if self._ended:
                return
            self._ended = True
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
