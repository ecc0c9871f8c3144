"""Geodesic area on the WGS84 ellipsoid (pyproj.Geod): the one measure of area we use."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from viewer.model.geometry import vertex_batches

GEOD = Geod(ellps="WGS84")
BATCH = 1024                # geometries measured at once
BATCH_VERTICES = 50_000     # and their vertices (the changes of 200,000 squares: 100 MB
                            # of oriented copies and coordinates when measured at once;
                            # each vectorised step holds the GIL, ~0.1 us a vertex)
PATH_VERTICES = 16_384      # vertices a Geod call measures at once (it holds the GIL,
                            # ~0.3-0.6 us a vertex: 250,000 took 80-150 ms)
_AREAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


def geodesic_area_km2(geom: BaseGeometry) -> float:
    """Area of a lon/lat polygon or multipolygon in km² (0 for empty/non-areal)."""
    if geom is None or geom.is_empty:
        return 0.0
    return float(geodesic_areas_km2(np.array([geom], dtype=object))[0])


def geodesic_areas_km2(geoms) -> np.ndarray:
    """Area in km² of each lon/lat geometry of ``geoms`` (0 for empty or non-areal; the
    areal parts of a collection count). The rings are read with shapely's vectorised
    accessors, exteriors counter-clockwise and holes clockwise so that pyproj's signed
    areas add up, and all the rings of one geometry are measured by one
    ``Geod.polygon_area_perimeter`` call: each ring is an excursion from the geometry's
    first vertex and back along the same geodesic, whose two edges cancel exactly, so the
    one path's area is the sum of the rings' (and a geometry of thousands of rings costs
    one call). Measured in batches (of geometries and of vertices), so the rings in memory at
    once stay few."""
    geoms = np.asarray(geoms, dtype=object)
    batches = vertex_batches(shapely.get_num_coordinates(geoms), BATCH, BATCH_VERTICES)
    if len(batches) > 1:
        return np.concatenate([_areas_km2(geoms[b]) for b in batches])
    return _areas_km2(geoms)


def _areas_km2(geoms: np.ndarray) -> np.ndarray:
    parts, owner = shapely.get_parts(geoms, return_index=True)
    parts, owner = _flatten(parts, owner)
    areal = np.isin(shapely.get_type_id(parts), _AREAL) & ~shapely.is_empty(parts)
    polys, at = shapely.get_parts(parts[areal], return_index=True)   # multi -> polygons
    owner = owner[areal][at]
    rings, ring_owner = shapely.get_rings(shapely.orient_polygons(polys), return_index=True)
    by_owner = np.argsort(owner[ring_owner], kind="stable")
    rings, ring_geom = rings[by_owner], owner[ring_owner][by_owner]
    coords, index = shapely.get_coordinates(rings, return_index=True)
    ring_start = np.searchsorted(index, np.arange(len(rings)))
    first = np.searchsorted(ring_geom, ring_geom)           # each geometry's first ring
    path = np.empty((len(coords) + len(rings), 2))
    slots = ring_start + np.arange(len(rings))               # the anchor before each ring
    path[slots] = coords[ring_start[first]]                  # the geometry's first vertex
    path[np.arange(len(coords)) + index + 1] = coords
    total = np.zeros(len(geoms))
    geom_ids, geom_first = np.unique(ring_geom, return_index=True)
    ends = np.append(slots[geom_first[1:]], len(path))
    for g, a, b in zip(geom_ids.tolist(), slots[geom_first].tolist(), ends.tolist()):
        total[g] = _path_area(path, a, b)
    return total / 1e6


def _path_area(path: np.ndarray, a: int, b: int) -> float:
    """The signed area (m²) of the closed path ``path[a:b]``, PATH_VERTICES at a time:
    the path from its first vertex along one stretch and back to it (a fan), stretch
    after stretch, each stretch starting where the last ended; the geodesics back to the
    first vertex and out again along the next stretch cancel, as the rings' do."""
    if b - a <= PATH_VERTICES:
        return GEOD.polygon_area_perimeter(path[a:b, 0], path[a:b, 1])[0]
    area, step = 0.0, max(PATH_VERTICES - 2, 1)    # a stretch and the first vertex
    for lo in range(a, b - 1, step):
        hi = min(lo + step + 1, b)
        stretch = path[lo:hi] if lo == a else np.concatenate([path[a:a + 1], path[lo:hi]])
        area += GEOD.polygon_area_perimeter(stretch[:, 0], stretch[:, 1])[0]
    return area


def _flatten(parts: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parts of nested collections unpacked until none is a collection."""
    while True:
        nested = shapely.get_type_id(parts) == shapely.GeometryType.GEOMETRYCOLLECTION
        if not nested.any():
            return parts, owner
        inner, at = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][at]])
