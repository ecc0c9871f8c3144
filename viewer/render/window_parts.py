"""An area kept as its polygons, for the highlight window's unions (window_union.py).

A month of the DeepState import's gains is some 85 polygons (1,200 vertices) along the
front; a day's change meets one to three of them. Kept as one MultiPolygon, every union
or difference with a change first took the whole apart and put it together again (some
350 Python polygon objects a step), and the result was projected, made a path and
stroked whole (with the merging, some 5 ms of a 20 ms compare step). Kept as
its parts, an operation looks up the parts the other area meets (an STRtree of the
bigger side), works on those alone and keeps every other part as it is: the same
object, with what was made of it for the screen (its ``Cell``: projected path, box,
stroked outlines; highlight_area.py), so a step projects and paths only the parts it
made.

The parts are pairwise disjoint polygons but for touching at points, as the parts of
a valid MultiPolygon are; ``geometry()`` puts them together for anyone who wants one.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model.geometry import polygonal

EMPTY = shapely.Polygon()


class Cell:
    """What the screen keeps of one part (filled in by highlight_area.py)."""
    __slots__ = ("path", "box", "strokes")

    def __init__(self) -> None:
        self.path = None                # QPainterPath of the projected part
        self.box: tuple | None = None   # its projected bounds
        self.strokes: dict = {}         # outline width -> stroked area


class Parts:
    """An area as an array of polygons (lon/lat), their bounds and their Cells.
    Immutable: operations make new Parts that share the untouched parts' objects."""
    __slots__ = ("polys", "bounds", "cells", "_geometry")

    def __init__(self, polys: np.ndarray, bounds: np.ndarray | None = None,
                 cells: list | None = None):
        self.polys = polys
        self.bounds = shapely.bounds(polys).reshape(-1, 4) if bounds is None else bounds
        self.cells = [Cell() for _ in range(len(polys))] if cells is None else cells
        self._geometry: BaseGeometry | None = None

    @classmethod
    def of(cls, geom: BaseGeometry) -> "Parts":
        """The polygons of ``geom`` (its lines and points dropped; a collection that makes
        GEOS overlays fail, seen on the DeepState import, becomes its areas)."""
        parts = shapely.get_parts(polygonal(geom))
        return cls(parts[~shapely.is_empty(parts)])

    def __len__(self) -> int:
        return len(self.polys)

    @property
    def is_empty(self) -> bool:
        return len(self.polys) == 0

    def geometry(self) -> BaseGeometry:
        """The parts as one (Multi)Polygon."""
        if self._geometry is None:
            n = len(self.polys)
            self._geometry = EMPTY if n == 0 else self.polys[0] if n == 1 else \
                shapely.multipolygons(self.polys)
        return self._geometry

    def _kept_with(self, drop: np.ndarray, added: np.ndarray, cells: list | None = None
                   ) -> "Parts":
        """These parts but the indices ``drop``, and the polygons ``added`` (non-empty),
        with their ``cells`` (default: new ones)."""
        keep = np.ones(len(self.polys), dtype=bool)
        keep[drop] = False
        kept = [c for c, k in zip(self.cells, keep.tolist()) if k]
        return Parts(np.concatenate([self.polys[keep], added]),
                     np.concatenate([self.bounds[keep], shapely.bounds(added).reshape(-1, 4)]),
                     kept + (cells if cells is not None else [Cell() for _ in added]))


def meeting(a: Parts, b: Parts) -> tuple[np.ndarray, np.ndarray]:
    """(indices into a, indices into b) of the pairs of parts that meet (touching
    counts), from an STRtree of the bigger side."""
    if a.is_empty or b.is_empty:
        none = np.empty(0, dtype=np.intp)
        return none, none
    if len(a) >= len(b):
        bi, ai = shapely.STRtree(a.polys).query(b.polys, predicate="intersects")
    else:
        ai, bi = shapely.STRtree(b.polys).query(a.polys, predicate="intersects")
    return ai, bi


def _parts_of(geom: BaseGeometry) -> np.ndarray:
    """The polygons of a union of polygons (valid, areal: no repair asked)."""
    parts = shapely.get_parts(geom)
    return parts[(shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)]


def union(a: Parts, b: Parts) -> Parts:
    """The union of ``a`` and ``b``: the parts of each that the other does not meet as
    they are (Cells and all), and the union of the others."""
    if a.is_empty or b.is_empty:
        return b if a.is_empty else a
    ai, bi = meeting(a, b)
    ai, bi = np.unique(ai), np.unique(bi)
    alone = np.ones(len(b), dtype=bool)
    alone[bi] = False
    merged = _parts_of(shapely.union_all(np.concatenate([a.polys[ai], b.polys[bi]]))) \
        if len(ai) else np.empty(0, dtype=object)
    b_cells = [c for c, k in zip(b.cells, alone.tolist()) if k]
    return a._kept_with(ai, np.concatenate([merged, b.polys[alone]]),
                        [Cell() for _ in merged] + b_cells)


class LessMemo:
    """What ``less`` made of a part of ``a`` less the parts of ``b`` it met, by those
    objects (held, so that their ids stay theirs): when A moves, the window's merged
    areas are taken afresh from the unions of its gains and of its losses, whose parts
    are mostly those of the last step, and so are the pieces left of them, with the
    Cells already made for them."""

    def __init__(self, size: int = 4096):
        self.size = size
        self._done: dict[tuple, tuple] = {}     # ids -> (objects, pieces, cells)

    def get(self, part, cutters: tuple):
        key = (id(part),) + tuple(id(c) for c in cutters)
        hit = self._done.get(key)
        if hit is None or hit[0][0] is not part or any(
                x is not y for x, y in zip(hit[0][1], cutters)):
            return key, None
        self._done[key] = self._done.pop(key)       # most recently used last
        return key, hit[1:]

    def put(self, key: tuple, part, cutters: tuple, pieces: np.ndarray, cells: list) -> None:
        self._done[key] = ((part, cutters), pieces, cells)
        while len(self._done) > self.size:
            self._done.pop(next(iter(self._done)))


def less(a: Parts, b: Parts, memo: LessMemo | None = None) -> Parts:
    """The area of ``a`` outside ``b``: each part of ``a`` that ``b`` meets less the
    parts of ``b`` it meets (or what ``memo`` keeps of it); the others as they are."""
    if a.is_empty or b.is_empty:
        return a
    ai, bi = meeting(a, b)
    if len(ai) == 0:
        return a
    order = np.argsort(ai, kind="stable")
    ai, bi = ai[order], bi[order]
    met, starts = np.unique(ai, return_index=True)
    groups = [tuple(b.polys[g].tolist()) for g in np.split(bi, starts[1:])]
    found = [memo.get(a.polys[i], g) if memo is not None else (None, None)
             for i, g in zip(met.tolist(), groups)]
    todo = [k for k, (_, hit) in enumerate(found) if hit is None]
    cutters = np.empty(len(todo), dtype=object)
    for n, k in enumerate(todo):
        g = groups[k]
        cutters[n] = g[0] if len(g) == 1 else shapely.multipolygons(np.array(g, dtype=object))
    rest, index = shapely.get_parts(shapely.difference(a.polys[met[todo]], cutters),
                                    return_index=True)
    areal = (shapely.get_type_id(rest) == 3) & ~shapely.is_empty(rest)   # (the parts of a are
    rest, index = rest[areal], index[areal]     # disjoint, so are the pieces left of them)
    made = {k: (rest[index == n], None) for n, k in enumerate(todo)}
    pieces, cells = [], []
    for k, (key, hit) in enumerate(found):
        polys, kept_cells = hit if hit is not None else made[k]
        if kept_cells is None:
            kept_cells = [Cell() for _ in polys]
            if memo is not None:
                memo.put(key, a.polys[met[k]], groups[k], polys, kept_cells)
        pieces.extend(polys.tolist())
        cells.extend(kept_cells)
    return a._kept_with(met, np.array(pieces, dtype=object).reshape(-1), cells)
