"""A layer's pieces as a worker may read them: private copies of the geometries (GEOS
prepares geometries in place, so a worker never prepares the GUI's own) and each piece's
validity as state indices [first, last)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
import shapely

from viewer.model import Layer


def copies(geoms: list) -> np.ndarray:
    return shapely.from_wkb(shapely.to_wkb(np.asarray(geoms, dtype=object)))


@dataclass(frozen=True, eq=False)
class LayerPieces:
    times: list[datetime]
    geoms: np.ndarray | None    # copies of the pieces' geometries (None once measured)
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
        return cls(list(h.times), copies([p.geometry for p in h.pieces]), first, last,
                   frozenset(c.at for c in h.changes))

    def measured(self) -> LayerPieces:
        """The same without the geometry copies: what a measured object keeps (the
        DeepState import's pieces are ~10 MB a copy)."""
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
