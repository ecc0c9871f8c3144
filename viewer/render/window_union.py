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

Everything here is in lon/lat and made of shapely geometries (immutable); the scene
projects and paths the result.
"""

from __future__ import annotations

from typing import Callable, Sequence

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.model.geometry import polygonal

EMPTY = shapely.Polygon()      # empty, of an area's dimension (an empty collection's
#                                 unknown dimension makes GEOS overlays fail)
SLIDERS = 4                 # windows followed at once (the highlight, the dimmed ones...)

Geometry = Callable[[str], BaseGeometry]


def _areal(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` as a (Multi)Polygon: a collection (a line beside an area, or an empty
    collection) makes GEOS overlays fail ("Unable to determine overlay result geometry
    dimension", seen on the DeepState import)."""
    return geom if isinstance(geom, (Polygon, MultiPolygon)) else polygonal(geom)


def _union(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    if b.is_empty:
        return a
    if a.is_empty:
        return _areal(b)
    return _areal(shapely.union(a, _areal(b)))


class SlidingUnion:
    """The union of ``geometry(id)`` over a window of ids that slides forward."""

    def __init__(self, geometry: Geometry):
        self.geometry = geometry
        self.ids: tuple[str, ...] = ()
        self._suffix: list[BaseGeometry] = []   # union of ids[m:pivot] for m < pivot
        self._rest = EMPTY                      # union of ids[pivot:]

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

    def union(self, ids: Sequence[str]) -> BaseGeometry:
        ids = tuple(ids)
        d = self.offset(ids)
        if d is None:
            self._rebuild(ids)
        else:
            kept = len(self.ids) - d
            self._suffix = self._suffix[d:]
            for i in ids[kept:]:
                self._rest = _union(self._rest, self.geometry(i))
            self.ids = ids
            if not self._suffix and self._rest is not EMPTY and len(ids) > 1:
                self._rebuild(ids)       # the pivot has left: new suffixes, once per length
        head = self._suffix[0] if self._suffix else EMPTY
        return _union(head, self._rest)

    def _rebuild(self, ids: tuple[str, ...]) -> None:
        """The pivot at the new end: every suffix's union, the running union empty."""
        suffix: list[BaseGeometry] = [EMPTY] * len(ids)
        acc = EMPTY
        for m in range(len(ids) - 1, -1, -1):
            acc = _union(self.geometry(ids[m]), acc)
            suffix[m] = acc
        self.ids, self._suffix, self._rest = ids, suffix, EMPTY


class _Pair:
    """The gains' and the losses' sliding unions of one window."""

    def __init__(self, gained: Geometry, lost: Geometry):
        self.gained, self.lost = SlidingUnion(gained), SlidingUnion(lost)


class WindowUnions:
    """Merged gains and losses of windows of change ids (``change(id)`` gives the
    Change), each window followed by one of a few sliding unions."""

    def __init__(self, change: Callable[[str], object]):
        self._gained: Geometry = lambda i: change(i).gained
        self._lost: Geometry = lambda i: change(i).lost
        self._pairs: list[_Pair] = []       # most recently used last

    def merged(self, ids: Sequence[str]) -> tuple[BaseGeometry, BaseGeometry]:
        """(gained, lost): the union of the gains less the union of the losses, and the
        other way round (ground gained and lost again within the window is neither)."""
        ids = tuple(ids)
        pair = next((p for p in reversed(self._pairs) if p.gained.offset(ids) is not None),
                    None)
        if pair is None:
            if len(self._pairs) >= SLIDERS:
                self._pairs.pop(0)
            pair = _Pair(self._gained, self._lost)
        else:
            self._pairs.remove(pair)
        self._pairs.append(pair)
        gained, lost = pair.gained.union(ids), pair.lost.union(ids)
        return _less(gained, lost), _less(lost, gained)


def _less(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """The area of ``a`` outside ``b``."""
    if a.is_empty:
        return EMPTY
    return polygonal(a if b.is_empty else shapely.difference(_areal(a), _areal(b)))
