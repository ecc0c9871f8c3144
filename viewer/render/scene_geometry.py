"""Geometry helpers of the map scene: its lon/lat extent, region areas fixed and thinned
for display, label circles, and the small LRU cache its path caches use."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

import numpy as np
import shapely

from viewer.model import Situation
from viewer.model.geometry import polygonal

FALLBACK_BBOX = (-1.0, -1.0, 1.0, 1.0)   # lon/lat extent of a situation with nothing in it
DISPLAY_MAX_VERTICES = 50_000   # a region's outline drawn with more would slow every repaint


def project_lonlat(projector, geoms):
    """Lon/lat geometry (or an array of them) in ``projector``'s metres, one pyproj call."""
    def forward(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(projector.forward(coords[:, 0], coords[:, 1]))
    return shapely.transform(geoms, forward)


class LRU(OrderedDict):
    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get_or_build(self, key, build: Callable):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = build()
        while len(self) > self.size:
            self.popitem(last=False)
        return value


def lonlat_extent(situation: Situation) -> tuple[float, float, float, float]:
    """Bounds of the situation's own regions and layers (lon/lat); failing those the
    default bbox, then the places."""
    geoms = [r.geometry for r in situation.own_regions]
    geoms += [p.geometry for layer in situation.layers for p in layer.history.pieces]
    bounds = shapely.total_bounds(geoms) if geoms else np.full(4, np.nan)
    if not np.isnan(bounds).any():
        return tuple(float(v) for v in bounds)
    if situation.meta.default_bbox:
        return situation.meta.default_bbox
    if situation.places:
        lon = [p.lon for p in situation.places]
        lat = [p.lat for p in situation.places]
        return min(lon) - 0.5, min(lat) - 0.5, max(lon) + 0.5, max(lat) + 0.5
    return FALLBACK_BBOX


# a region's outline drawn with more would slow every repaint


def for_display(geoms: np.ndarray) -> np.ndarray:
    """Projected region areas, the rare huge ones (a file may hold a million-vertex border)
    simplified until they have at most DISPLAY_MAX_VERTICES: the tolerance starts at a
    hundred-thousandth of the region's size, far below a pixel at any useful zoom."""
    counts = shapely.get_num_coordinates(geoms)
    for i in np.nonzero(counts > DISPLAY_MAX_VERTICES)[0].tolist():
        minx, miny, maxx, maxy = geoms[i].bounds
        tolerance = max(maxx - minx, maxy - miny) / 100_000
        for _ in range(12):
            simpler = polygonal(shapely.simplify(geoms[i], tolerance, preserve_topology=True))
            if shapely.get_num_coordinates(simpler) <= DISPLAY_MAX_VERTICES:
                break
            tolerance *= 4
        geoms[i] = simpler
    return geoms


def valid_areas(geoms: np.ndarray) -> np.ndarray:
    """Projected areas, the few that projection made invalid (a spike of a valid lon/lat
    ring can cross itself in metres) repaired: unions of invalid areas raise in GEOS."""
    bad = np.nonzero(~shapely.is_valid(geoms) & ~shapely.is_missing(geoms))[0]
    for i in bad.tolist():
        geoms[i] = polygonal(geoms[i])
    return geoms


def inscribed_circles(geoms: np.ndarray) -> list[tuple[float, float, float]]:
    """(x, y, radius) of the largest circle inside each polygonal geometry; geometries
    without area give NaNs."""
    geoms = np.array([polygonal(g) for g in geoms], dtype=object)
    out = np.full((len(geoms), 4), np.nan)
    ok = np.flatnonzero(shapely.area(geoms) > 0) if len(geoms) else np.empty(0, int)
    if len(ok):
        tolerance = np.sqrt(shapely.area(geoms[ok])) / 500.0
        lines = shapely.maximum_inscribed_circle(geoms[ok], tolerance)
        centre = shapely.get_coordinates(shapely.get_point(lines, 0))
        edge = shapely.get_coordinates(shapely.get_point(lines, 1))
        out[ok] = np.hstack([centre, edge])
    return [(x0, y0, float(np.hypot(x1 - x0, y1 - y0))) for x0, y0, x1, y1 in out.tolist()]


def boxes_meeting(bounds: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which of ``bounds`` (minx, miny, maxx, maxy rows) meet one of ``boxes``."""
    return ((bounds[:, None, 0] <= boxes[None, :, 2]) & (bounds[:, None, 2] >= boxes[None, :, 0])
            & (bounds[:, None, 1] <= boxes[None, :, 3])
            & (bounds[:, None, 3] >= boxes[None, :, 1])).any(axis=1)
