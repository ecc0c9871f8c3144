"""Small shapely helpers shared by the model: keep only areas, cut large areas into pieces."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

EMPTY = MultiPolygon()


def polygonal(geom: BaseGeometry | None) -> BaseGeometry:
    """The areal part of ``geom`` (repaired if invalid) as a Polygon/MultiPolygon; else EMPTY."""
    if geom is None or geom.is_empty:
        return EMPTY
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    polys = [g for g in shapely.get_parts(geom) if isinstance(g, (Polygon, MultiPolygon))]
    parts = [p for g in polys for p in shapely.get_parts(g)]
    if not parts:
        return EMPTY
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def vertex_batches(counts: np.ndarray, count: int, vertices: int) -> list[slice]:
    """Slices, in order, of items of ``counts`` vertices each: at most ``count`` items
    a slice and, but for a single item of more, at most ``vertices`` vertices, so that
    what a vectorised step over them copies at once (coordinates, oriented or projected
    copies) stays bounded."""
    sizes = np.cumsum(np.asarray(counts, dtype=np.int64))
    out, start, base = [], 0, 0
    while start < len(sizes):
        end = int(np.searchsorted(sizes, base + vertices, side="right"))
        end = min(max(end, start + 1), start + count, len(sizes))
        out.append(slice(start, end))
        base, start = int(sizes[end - 1]), end
    return out


def has_area(geom: BaseGeometry) -> bool:
    return not geom.is_empty and geom.area > 0.0


def split_large(geom: BaseGeometry, max_vertices: int = 200) -> list[BaseGeometry]:
    """Cut ``geom`` into areal pieces of at most about ``max_vertices`` vertices each,
    halving its bounding box along the longer side. Small geometries come back whole.

    Keeping history pieces small means a local change re-creates only the pieces it
    touches, not a copy of the whole layer.
    """
    geom = polygonal(geom)
    if geom.is_empty:
        return []
    if shapely.get_num_coordinates(geom) <= max_vertices:
        return [geom]
    if isinstance(geom, MultiPolygon):
        return _split_parts(shapely.get_parts(geom), max_vertices)
    minx, miny, maxx, maxy = geom.bounds
    if maxx - minx >= maxy - miny:
        mid = (minx + maxx) / 2
        halves = (box(minx, miny, mid, maxy), box(mid, miny, maxx, maxy))
    else:
        mid = (miny + maxy) / 2
        halves = (box(minx, miny, maxx, mid), box(minx, mid, maxx, maxy))
    out: list[BaseGeometry] = []
    for half in halves:
        part = polygonal(shapely.intersection(geom, half))
        if has_area(part):
            out.extend(split_large(part, max_vertices))
    return out


def _split_parts(parts, max_vertices: int) -> list[BaseGeometry]:
    """The disjoint polygons ``parts`` (of one valid multipolygon) gathered into pieces of
    at most about ``max_vertices`` vertices: the parts' centres are halved along the
    longer side until a group is small enough (numpy only); a part too large alone is
    cut by split_large."""
    counts = shapely.get_num_coordinates(parts)
    x0, y0, x1, y1 = shapely.bounds(parts).T
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    out: list[BaseGeometry] = []
    todo = [np.arange(len(parts))]
    while todo:
        idx = todo.pop()
        if counts[idx].sum() <= max_vertices:       # valid: disjoint parts of a valid whole
            out.append(parts[idx[0]] if len(idx) == 1 else shapely.multipolygons(parts[idx]))
            continue
        if len(idx) == 1:
            out.extend(split_large(parts[idx[0]], max_vertices))
            continue
        x, y = cx[idx], cy[idx]
        along = x if np.ptp(x) >= np.ptp(y) else y
        order = idx[np.argsort(along, kind="stable")]
        half = len(order) // 2
        todo.extend((order[:half], order[half:]))
    return out
