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

from viewer.model.gil import SLICE, pass_gil


def polygons_of(rings: list[list[np.ndarray]]) -> np.ndarray | None:
    """One polygon per item of ``rings`` (each a list of non-empty ring arrays), or None.
    Made SLICE polygons at a time, the GIL passed on between (viewer.model.gil: one call
    over 200,000 squares' rings held it 210-230 ms)."""
    if not rings:
        return np.empty(0, dtype=object)
    try:
        out = []
        for start in range(0, len(rings), SLICE):
            out.append(_made(rings[start:start + SLICE]))
            pass_gil()
        return np.concatenate(out)
    except (ValueError, GEOSException):
        return None


def _made(rings: list[list[np.ndarray]]) -> np.ndarray:
    flat = [ring for item in rings for ring in item]
    coords = np.concatenate(flat)
    ring_of = np.repeat(np.arange(len(flat)), [len(ring) for ring in flat])
    polygon_of = np.repeat(np.arange(len(rings)), [len(item) for item in rings])
    made = shapely.linearrings(coords, indices=ring_of)
    return shapely.polygons(made, indices=polygon_of)
