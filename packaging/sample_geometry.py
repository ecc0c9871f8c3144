"""Geometry for the embedded sample: region coverage clean-up and the sketched layers.

The layers are an illustrative sketch drawn from a news report's words ("a narrow strip"
along the Donetsk border; "pushing into" the region), not an assessment: a stretch of the
shared border, widened into the Dnipropetrovsk side.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from viewer.analysis.projection import Projector, auto_crs

SLIVER_DEG2 = 1e-6      # polygon parts smaller than this (about 0.01 km²) are dropped


def multipolygon(geom: BaseGeometry) -> MultiPolygon:
    """The areal parts of ``geom`` larger than a sliver, as one MultiPolygon."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, (Polygon, MultiPolygon))]
    polys = [q for p in parts for q in shapely.get_parts(p) if q.area > SLIVER_DEG2]
    return MultiPolygon(polys)


def context_area(country: BaseGeometry, clip: tuple[float, float, float, float] | None,
                 minus: BaseGeometry | None = None) -> MultiPolygon:
    """A neighbouring country, optionally clipped to a lon/lat box and with ``minus`` cut out."""
    geom = country if clip is None else shapely.intersection(country, box(*clip))
    if minus is not None:
        geom = shapely.difference(geom, minus)
    return multipolygon(geom)


def simplify_coverage(geoms: list[BaseGeometry], tolerance: float) -> list[MultiPolygon]:
    """Simplify polygons that tile the plane together, so shared borders stay shared."""
    array = np.array([multipolygon(g) for g in geoms], dtype=object)
    if not shapely.coverage_is_valid(array):
        raise ValueError("the input regions do not form a clean coverage")
    out = shapely.coverage_simplify(array, tolerance)
    result = [multipolygon(g) for g in out]
    invalid = [i for i, g in enumerate(result) if not g.is_valid or g.is_empty]
    if invalid or not shapely.coverage_is_valid(np.array(result, dtype=object)):
        raise ValueError(f"simplification broke the coverage (regions {invalid})")
    return result


class BorderSketch:
    """Areas drawn along the border between ``inside`` (where they lie) and ``outside``."""

    def __init__(self, inside: BaseGeometry, outside: BaseGeometry):
        self.inside = inside
        bbox = shapely.union(inside, outside).bounds
        self.projector = Projector(auto_crs(bbox))
        border = shapely.line_merge(shapely.intersection(inside.boundary, outside.boundary))
        lines = [g for g in shapely.get_parts(border) if isinstance(g, LineString)]
        if not lines:
            raise ValueError("the two regions share no border")
        self.border = max(lines, key=lambda g: g.length)          # lon/lat
        self._border_m = self.projector.project(self.border)

    def stretch(self, near: tuple[float, float], length_km: float) -> LineString:
        """The part of the border ``length_km`` long centred on the point nearest ``near``."""
        centre = self._border_m.project(self.projector.project(Point(near)))
        half = length_km * 500.0
        lo = max(0.0, centre - half)
        hi = min(self._border_m.length, centre + half)
        return substring(self._border_m, lo, hi)                  # metres

    def area(self, near: tuple[float, float], length_km: float, width_km: float) -> MultiPolygon:
        """The stretch near ``near`` widened by ``width_km``, kept on the inside (lon/lat)."""
        band_m = self.stretch(near, length_km).buffer(width_km * 1000.0, quad_segs=4)
        band = shapely.transform(band_m, self._inverse_xy)
        return multipolygon(shapely.intersection(band, self.inside))

    def _inverse_xy(self, coords: np.ndarray) -> np.ndarray:
        lon, lat = self.projector.inverse(coords[:, 0], coords[:, 1])
        return np.column_stack([lon, lat])
