"""The unions of the gains and of the losses of a highlight window, kept up to date as
the window slides along the changes.

A time step moves the window (A, B] by a change or two at its ends: while comparing, B
takes one more change and A stays (or moves on by one too). Uniting all of the window's
changes again costs about 5 ms for a month of the DeepState import (twice: gains and
losses), uniting one more change with the last union 0.4 ms. A union cannot be taken
back, so a change leaving at the old end is handled as in a two-stack queue (the
"sliding window aggregation" of stream processing): the changes up to a pivot keep
the union of each of their suffixes, the changes after it one running union. A change
leaving is the next suffix; a change arriving is one union with the running one; once
the pivot has left, the suffixes are built again, once per window length.

Everything here is in lon/lat and made of shapely geometries (immutable), kept as
their parts (window_parts.Parts): an operation with a change touches only the parts
the change meets. The scene projects and paths the parts a step made
(highlight_area.py).
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
from shapely.geometry.base import BaseGeometry

from viewer.render.window_parts import LessMemo, Parts, less, union

EMPTY = Parts(np.empty(0, dtype=object))
SLIDERS = 4                 # windows followed at once (the highlight, the dimmed ones...)

Geometry = Callable[[str], Parts]


class SlidingUnion:
    """The union of ``geometry(id)`` over a window of ids that slides forward."""

    def __init__(self, geometry: Geometry):
        self.geometry = geometry
        self.ids: tuple[str, ...] = ()
        self._suffix: list[Parts] = []      # union of ids[m:pivot] for m < pivot
        self._rest = EMPTY                  # union of ids[pivot:], but for these last
        self._pending: list[Parts] = []     # ones, united with it when it is asked for
        self._total: Parts | None = None    # union of all ids, while none left

    def offset(self, ids: Sequence[str]) -> int | None:
        """How many ids leave at the old end if the window becomes ``ids`` by sliding
        (those left come first in ``ids``, in order); None if it cannot slide there."""
        if not self.ids or not ids:
            return None
        try:
            d = self.ids.index(ids[0])
        except ValueError:
            return None
        kept = self.ids[d:]
        if tuple(ids[:len(kept)]) != kept or d > len(self._suffix):
            return None
        return d

    def union(self, ids: Sequence[str]) -> Parts:
        ids = tuple(ids)
        d = self.offset(ids)
        if d is None:
            self._rebuild(ids)
            return self._total
        kept = len(self.ids) - d
        self._suffix = self._suffix[d:]
        total = self._total if d == 0 else None     # nothing left: the total grows
        for i in ids[kept:]:
            geom = self.geometry(i)
            self._pending.append(geom)      # (not wanted while the total grows: B steps
            if total is not None:           # on, A stays)
                total = union(total, geom)
        self.ids = ids
        if not self._suffix and (self._rest is not EMPTY or self._pending) and len(ids) > 1:
            self._rebuild(ids)           # the pivot has left: new suffixes, once per length
            return self._total
        if total is None:
            total = union(self._suffix[0] if self._suffix else EMPTY, self._running())
        self._total = total
        return total

    def _rebuild(self, ids: tuple[str, ...]) -> None:
        """The pivot at the new end: every suffix's union, the running union empty."""
        suffix: list[Parts] = [EMPTY] * len(ids)
        acc = EMPTY
        for m in range(len(ids) - 1, -1, -1):
            acc = union(self.geometry(ids[m]), acc)
            suffix[m] = acc
        self.ids, self._suffix, self._rest, self._pending = ids, suffix, EMPTY, []
        self._total = suffix[0] if suffix else EMPTY

    def _running(self) -> Parts:
        """The union of ids[pivot:]."""
        for geom in self._pending:
            self._rest = union(self._rest, geom)
        self._pending = []
        return self._rest


class _Pair:
    """The gains' and the losses' sliding unions of one window, and its merged areas."""

    def __init__(self, gained: Geometry, lost: Geometry, memo: LessMemo):
        self.gained, self.lost = SlidingUnion(gained), SlidingUnion(lost)
        self.memo = memo
        self.merged: tuple[tuple[str, ...], Parts, Parts] | None = None

    def follow(self, ids: tuple[str, ...]) -> tuple[Parts, Parts]:
        """(gained, lost) of the window ``ids``. A window that only took changes at its
        new end is brought up change by change, each a union or two near that change:
        with G, L the unions before it and g, l its own gain and loss,
        (G ∪ g) − (L ∪ l) = ((G − L) − l) ∪ (g − L'), and the other way round."""
        last = self.merged
        if last is not None and last[0] == self.gained.ids and len(ids) > len(last[0]) \
                and self.gained.offset(ids) == 0:
            _, gained, lost = last
            for k in range(len(last[0]) + 1, len(ids) + 1):
                g, l = self.gained.geometry(ids[k - 1]), self.lost.geometry(ids[k - 1])
                g_all, l_all = self.gained.union(ids[:k]), self.lost.union(ids[:k])
                gained = union(less(gained, l), less(g, l_all))
                lost = union(less(lost, g), less(l, g_all))
        else:
            g_all, l_all = self.gained.union(ids), self.lost.union(ids)
            # (A moved: most parts of both unions, and so most pieces, are the last's)
            gained, lost = less(g_all, l_all, self.memo), less(l_all, g_all, self.memo)
        self.merged = (ids, gained, lost)
        return gained, lost


class WindowUnions:
    """Merged gains and losses of windows of change ids (``change(id)`` gives the
    Change), each window followed by one of a few sliding unions."""

    def __init__(self, change: Callable[[str], object]):
        self._change = change
        self._parts: dict[str, tuple[Parts, Parts]] = {}    # change id -> (gained, lost)
        self._gained: Geometry = lambda i: self._change_parts(i)[0]
        self._lost: Geometry = lambda i: self._change_parts(i)[1]
        self._pairs: list[_Pair] = []       # most recently used last
        self._memo = LessMemo()

    def _change_parts(self, change_id: str) -> tuple[Parts, Parts]:
        if change_id not in self._parts:
            c = self._change(change_id)
            self._parts[change_id] = (Parts.of(c.gained), Parts.of(c.lost))
        return self._parts[change_id]

    def merged(self, ids: Sequence[str]) -> tuple[BaseGeometry, BaseGeometry]:
        """(gained, lost): the union of the gains less the union of the losses, and the
        other way round (ground gained and lost again within the window is neither)."""
        gained, lost = self.merged_parts(ids)
        return gained.geometry(), lost.geometry()

    def merged_parts(self, ids: Sequence[str]) -> tuple[Parts, Parts]:
        """``merged`` as Parts (those a window shares with the last one are its objects)."""
        ids = tuple(ids)
        pair = next((p for p in reversed(self._pairs) if p.gained.offset(ids) is not None),
                    None)
        if pair is None:
            if len(self._pairs) >= SLIDERS:
                self._pairs.pop(0)
            pair = _Pair(self._gained, self._lost, self._memo)
        else:
            self._pairs.remove(pair)
        self._pairs.append(pair)
        return pair.follow(ids)
