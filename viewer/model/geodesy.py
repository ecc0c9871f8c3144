"""Geodesic area on the WGS84 ellipsoid (pyproj.Geod): the one measure of area we use."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

GEOD = Geod(ellps="WGS84")
_AREAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


def geodesic_area_km2(geom: BaseGeometry) -> float:
    """Area of a lon/lat polygon or multipolygon in km² (0 for empty/non-areal)."""
    if geom is None or geom.is_empty:
        return 0.0
    return float(geodesic_areas_km2(np.array([geom], dtype=object))[0])


def geodesic_areas_km2(geoms) -> np.ndarray:
    """Area in km² of each lon/lat geometry of ``geoms`` (0 for empty or non-areal; the
    areal parts of a collection count). The rings are read with shapely's vectorised
    accessors and each measured by ``Geod.polygon_area_perimeter`` with exteriors
    counter-clockwise and holes clockwise, so pyproj's signed areas add up."""
    geoms = np.asarray(geoms, dtype=object)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    parts, owner = _flatten(parts, owner)
    areal = np.isin(shapely.get_type_id(parts), _AREAL) & ~shapely.is_empty(parts)
    polys, at = shapely.get_parts(parts[areal], return_index=True)   # multi -> polygons
    owner = owner[areal][at]
    rings, ring_owner = shapely.get_rings(shapely.orient_polygons(polys), return_index=True)
    coords, index = shapely.get_coordinates(rings, return_index=True)
    bounds = np.searchsorted(index, np.arange(len(rings) + 1))
    total = np.zeros(len(geoms))
    x, y = coords[:, 0], coords[:, 1]
    for r in range(len(rings)):
        a, b = bounds[r], bounds[r + 1]
        area, _ = GEOD.polygon_area_perimeter(x[a:b], y[a:b])
        total[owner[ring_owner[r]]] += area
    return total / 1e6


def _flatten(parts: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parts of nested collections unpacked until none is a collection."""
    while True:
        nested = shapely.get_type_id(parts) == shapely.GeometryType.GEOMETRYCOLLECTION
        if not nested.any():
            return parts, owner
        inner, at = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][at]])
