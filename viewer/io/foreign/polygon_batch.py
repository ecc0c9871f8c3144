"""Polygons built in bulk: every polygon's rings (shell first, as (n, 2) coordinate
arrays already checked by the reader) made into shapely geometries by one
shapely.linearrings and one shapely.polygons call, instead of a constructor call per
polygon (10⁵ GeoJSON features: most of the time of making their geometries).

The same shapely functions the Polygon constructor calls build them, so they are the same
geometries; should shapely refuse any ring, None says so and the reader builds its
polygons one at a time, which tells which feature was refused and why.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.errors import GEOSException


def polygons_of(rings: list[list[np.ndarray]]) -> np.ndarray | None:
    """One polygon per item of ``rings`` (each a list of non-empty ring arrays), or None."""
    if not rings:
        return np.empty(0, dtype=object)
    flat = [ring for item in rings for ring in item]
    coords = np.concatenate(flat)
    ring_of = np.repeat(np.arange(len(flat)), [len(ring) for ring in flat])
    polygon_of = np.repeat(np.arange(len(rings)), [len(item) for item in rings])
    try:
        made = shapely.linearrings(coords, indices=ring_of)
        return shapely.polygons(made, indices=polygon_of)
    except (ValueError, GEOSException):
        return None
