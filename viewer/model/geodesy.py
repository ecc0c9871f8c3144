"""Geodesic area on the WGS84 ellipsoid (pyproj.Geod): the one measure of area we use."""

from __future__ import annotations

import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

GEOD = Geod(ellps="WGS84")


def geodesic_area_km2(geom: BaseGeometry) -> float:
    """Area of a lon/lat polygon or multipolygon in km² (0 for empty/non-areal)."""
    if geom is None or geom.is_empty:
        return 0.0
    total = 0.0
    for part in shapely.get_parts(geom):
        if part.geom_type in ("Polygon", "MultiPolygon"):
            # exteriors counter-clockwise, holes clockwise: pyproj signs rings by orientation
            area, _ = GEOD.geometry_area_perimeter(shapely.orient_polygons(part))
            total += area
    return total / 1e6
