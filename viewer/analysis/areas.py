"""Geodesic areas on the WGS84 ellipsoid (pyproj.Geod), cached per state and per change."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from viewer.model import Situation

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


class Areas:
    """Areas of a situation's states and changes, computed once and kept.

    A layer's pieces are disjoint, so a state's area is the sum of its pieces' areas:
    each piece is measured once, and every state after that is a sum of cached values.
    """

    def __init__(self, situation: Situation):
        self.situation = situation
        self._piece_km2: dict[str, np.ndarray] = {}
        self._change_km2: dict[str, tuple[float, float]] = {}

    def _pieces(self, layer_id: str) -> np.ndarray:
        if layer_id not in self._piece_km2:
            history = self.situation.layer(layer_id).history
            self._piece_km2[layer_id] = np.array(
                [geodesic_area_km2(p.geometry) for p in history.pieces], dtype=float)
        return self._piece_km2[layer_id]

    def state_km2(self, layer_id: str, t: datetime) -> float:
        history = self.situation.layer(layer_id).history
        return self.state_km2_at_index(layer_id, history.state_index(t))

    def state_km2_at_index(self, layer_id: str, index: int) -> float:
        history = self.situation.layer(layer_id).history
        return float(self._pieces(layer_id)[history.piece_indices(index)].sum())

    def series(self, layer_id: str) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and the area of each state, km²."""
        history = self.situation.layer(layer_id).history
        return history.times, np.array([self.state_km2_at_index(layer_id, i)
                                        for i in range(len(history.times))])

    def change_km2(self, change_id: str) -> tuple[float, float]:
        """(gained, lost) km² of a change."""
        if change_id not in self._change_km2:
            change = self.situation.change(change_id)
            self._change_km2[change_id] = (geodesic_area_km2(change.gained),
                                           geodesic_area_km2(change.lost))
        return self._change_km2[change_id]
