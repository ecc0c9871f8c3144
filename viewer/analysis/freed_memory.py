"""Handing freed heap back to the system (glibc's ``malloc_trim``; elsewhere nothing).

Python's and numpy's small blocks (under glibc's mmap threshold, which rises as big
arrays are freed) come from the heap, and glibc keeps a heap it freed mapped: the chunks
of a measuring freed once joined stay resident beside the whole they were joined into,
until some later allocation reuses them. A job calls this where a phase has let go of
much (the front's chunks once joined; the end of each job)."""

from __future__ import annotations

import ctypes
from typing import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim    # glibc; elsewhere absent
    except (OSError, AttributeError, TypeError):   # TypeError: Windows takes no None
        return None


_TRIM = _malloc_trim()


def release_freed_memory() -> None:
    """Return the freed heap of every arena to the system (a few ms)."""
    if _TRIM is not None:
        _TRIM(0)
