"""An area kept as its polygons, for the highlight window's unions (window_union.py).

A month of the DeepState import's gains is some hundreds of polygons along the front; a
day's change meets a few of them. Kept as one MultiPolygon, every union or difference
with a change first took the whole apart and put it together again (some 13,000 Python
polygon objects a step), and the result was projected and made a path whole. Kept as
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

    def _kept_with(self, drop: np.ndarray, added: np.ndarray) -> "Parts":
        """These parts but the indices ``drop``, and the new polygons ``added``."""
        keep = np.ones(len(self.polys), dtype=bool)
        keep[drop] = False
        added = added[~shapely.is_empty(added)] if len(added) else added
        cells = [c for c, k in zip(self.cells, keep.tolist()) if k]
        return Parts(np.concatenate([self.polys[keep], added]),
                     np.concatenate([self.bounds[keep], shapely.bounds(added).reshape(-1, 4)]),
                     cells + [Cell() for _ in range(len(added))])


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
    parts = shapely.get_parts(polygonal(geom))
    return parts[~shapely.is_empty(parts)]


def union(a: Parts, b: Parts) -> Parts:
    """The union of ``a`` and ``b``: the parts of each that the other does not meet as
    they are, and the union of the others."""
    if a.is_empty or b.is_empty:
        return b if a.is_empty else a
    ai, bi = meeting(a, b)
    ai, bi = np.unique(ai), np.unique(bi)
    b_alone = np.ones(len(b), dtype=bool)
    b_alone[bi] = False
    merged = _parts_of(shapely.union_all(np.concatenate([a.polys[ai], b.polys[bi]]))) \
        if len(ai) else np.empty(0, dtype=object)
    return a._kept_with(ai, np.concatenate([merged, b.polys[b_alone]]))


def less(a: Parts, b: Parts) -> Parts:
    """The area of ``a`` outside ``b``: each part of ``a`` that ``b`` meets less the
    parts of ``b`` it meets; the others as they are."""
    if a.is_empty or b.is_empty:
        return a
    ai, bi = meeting(a, b)
    if len(ai) == 0:
        return a
    order = np.argsort(ai, kind="stable")
    ai, bi = ai[order], bi[order]
    met, starts = np.unique(ai, return_index=True)
    cutters = np.empty(len(met), dtype=object)
    for k, group in enumerate(np.split(bi, starts[1:])):
        cutters[k] = b.polys[group[0]] if len(group) == 1 else \
            shapely.multipolygons(b.polys[group])
    rest = shapely.get_parts(shapely.difference(a.polys[met], cutters))
    rest = rest[shapely.get_type_id(rest) == 3]         # (the parts of a are disjoint,
    return a._kept_with(met, rest)                      # so are the pieces left of them)
