"""A layer's pieces as a worker may read them: the pieces' geometries, which a worker
only reads (GEOS geometries are immutable; a worker never prepares the GUI's own: what it
prepares is its own copy, ``private``, made for that call alone), and each piece's
validity as state indices [first, last)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model import Layer


def copies(geoms: list) -> np.ndarray:
    return shapely.from_wkb(shapely.to_wkb(np.asarray(geoms, dtype=object)))


def private(geom: BaseGeometry) -> BaseGeometry:
    """A copy of ``geom`` of the caller's own, to prepare (``shapely.contains_xy``
    prepares its geometry in place): one piece at a time, where a copy of every piece of
    a 5-year series held ~12 MB through a whole measuring, twice."""
    return shapely.from_wkb(shapely.to_wkb(geom))


@dataclass(frozen=True, eq=False)
class LayerPieces:
    times: list[datetime]
    geoms: np.ndarray | None    # the pieces' geometries, read only (None once measured)
    first: np.ndarray           # index of the state each piece starts at
    last: np.ndarray            # index of the state it ends at (len(times): never)
    change_times: frozenset     # the states that have a change

    @classmethod
    def of(cls, layer: Layer) -> LayerPieces:
        h = layer.history
        index = {t: i for i, t in enumerate(h.times)}
        n = len(h.times)
        first = np.array([index[p.valid_from] for p in h.pieces], np.int64)
        last = np.array([n if p.valid_to is None else index[p.valid_to] for p in h.pieces],
                        np.int64)
        geoms = np.empty(len(h.pieces), object)
        geoms[:] = [p.geometry for p in h.pieces]
        return cls(list(h.times), geoms, first, last,
                   frozenset(c.at for c in h.changes))

    def measured(self) -> LayerPieces:
        """The same without the geometries: what a measured object keeps (it then holds
        no piece the situation it was measured on may drop)."""
        return replace(self, geoms=None)


def over_intervals(n: int, since: np.ndarray, until: np.ndarray, values: np.ndarray,
                   where: np.ndarray | None = None, columns: int | None = None) -> np.ndarray:
    """At each of ``n`` states, the sum of the values whose interval [since, until) holds
    it: one cumulative sum over the intervals' start and end events."""
    values = np.asarray(values, float)
    if where is None:
        events = np.zeros((n + 1,) + values.shape[1:])
        np.add.at(events, since, values)
        np.add.at(events, until, -values)
    else:
        events = np.zeros((n + 1, columns if columns is not None else int(where.max()) + 1))
        np.add.at(events, (since, where), values)
        np.add.at(events, (until, where), -values)
    return np.cumsum(events, axis=0)[:n]


def over_intervals_in_chunks(n: int, count: int, part, chunk: int = 1 << 16) -> np.ndarray:
    """``over_intervals(n, since, until, values)`` of ``count`` intervals given a slice at
    a time: ``part(start, stop)`` returns (since, until, values) of intervals start to
    stop. The same sums, added in the same order (every start event, then every end
    event), so the same figures to the last bit; but the whole arrays of the intervals'
    states, a gather of 16 bytes an interval (800,000 front segments of a 5-year series),
    never exist at once."""
    events = np.zeros(n + 1)
    for end in (False, True):
        for start in range(0, count, chunk):
            since, until, values = part(start, min(start + chunk, count))
            values = np.asarray(values, float)
            np.add.at(events, until if end else since, -values if end else values)
    return np.cumsum(events)[:n]
