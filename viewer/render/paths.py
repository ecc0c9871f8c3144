"""Shapely geometries to QPainterPaths, straight from numpy coordinate arrays.

Rings are copied into QPolygonF buffers in one numpy assignment each (a Python loop
per ring, never per vertex). Exteriors are made counter-clockwise and holes clockwise,
so a path filled with the winding rule has no seams where pieces touch and no
darkening where they overlap.
"""

from __future__ import annotations

import numpy as np
import shapely
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def polygon_from_array(coords: np.ndarray) -> QPolygonF:
    """A QPolygonF holding the (n, 2) float array ``coords``."""
    n = len(coords)
    poly = QPolygonF()
    poly.resize(n)
    if n:
        buf = shiboken6.VoidPtr(poly.data(), n * 16, True)
        np.frombuffer(buf, np.float64).reshape(-1, 2)[:] = coords
    return poly


def _flat_parts(geoms) -> np.ndarray:
    """Single-part geometries of ``geoms``; collections of multi-parts are opened twice."""
    array = np.atleast_1d(np.asarray(geoms, dtype=object))
    return shapely.get_parts(shapely.get_parts(array))


def empty_path() -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def rings_of(geoms) -> np.ndarray:
    """All rings (exteriors and holes) of the polygons in ``geoms``, oriented."""
    parts = _flat_parts(geoms)
    parts = parts[shapely.get_type_id(parts) == 3]        # polygons only
    if len(parts) == 0:
        return parts
    return shapely.get_rings(shapely.orient_polygons(parts, exterior_cw=False))


def add_rings(path: QPainterPath, rings: np.ndarray) -> QPainterPath:
    """Append ``rings`` (shapely LinearRings) to ``path`` as closed subpaths."""
    return _add_runs(path, rings, min_points=3, close=True)


def _add_runs(path: QPainterPath, parts: np.ndarray, min_points: int,
              close: bool) -> QPainterPath:
    """Append each ring or line of ``parts`` as one subpath: one QPolygonF per part,
    filled from the numpy coordinates (a Python step per part, never per vertex)."""
    if len(parts) == 0:
        return path
    coords, index = shapely.get_coordinates(parts, return_index=True)
    counts = np.bincount(index, minlength=len(parts))
    # room for exactly these points: grown one polygon at a time, a path's elements
    # (24 bytes a point) had ~1.5 times the room they use, for as long as it is kept
    path.reserve(path.elementCount() + int(counts[counts >= min_points].sum()))
    start = 0
    for n in counts.tolist():
        if n >= min_points:
            path.addPolygon(polygon_from_array(coords[start:start + n]))
            if close:
                path.closeSubpath()
        start += n
    return path


def geometry_path(geom: BaseGeometry | np.ndarray | list) -> QPainterPath:
    """One winding-rule path of every polygon in ``geom`` (a geometry or an array of them);
    points and lines are ignored."""
    path = empty_path()
    if isinstance(geom, BaseGeometry) and geom.is_empty:
        return path
    return add_rings(path, rings_of(geom))


def lines_path(geom: BaseGeometry) -> QPainterPath:
    """An open path of every line in ``geom`` (for strokes; polygons are ignored)."""
    path = QPainterPath()
    parts = _flat_parts(geom)
    return _add_runs(path, parts[shapely.get_type_id(parts) == 1], min_points=2, close=False)



def piece_entries(geoms: np.ndarray) -> list[tuple[QPainterPath, int, tuple]]:
    """(path, how many polygons, bounds) of each projected piece of ``geoms``: what the
    map scene keeps of a piece (not the projected geometry, as large again as the path)."""
    counts = shapely.get_num_geometries(geoms).tolist()
    bounds = shapely.bounds(geoms).reshape(-1, 4).tolist()
    return [(geometry_path(g), n, tuple(b)) for g, n, b in zip(geoms, counts, bounds)]
