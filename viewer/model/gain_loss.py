"""The ground one state of a layer gained and lost against the state before it."""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model.geometry import EMPTY, polygonal


def gain_and_loss(prev: BaseGeometry, state: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
    """(state - prev, prev - state), from one symmetric difference when that is safe.

    Each part of the symmetric difference lies either in ``state`` (gained) or in
    ``prev`` (lost). A gain and a loss sharing an edge would come out merged; the area
    identity |gained| - |lost| = |state| - |prev| catches that, and then two plain
    differences are computed instead.
    """
    if prev.is_empty or state.is_empty:
        return polygonal(state), polygonal(prev)
    parts = shapely.get_parts(polygonal(shapely.symmetric_difference(state, prev)))
    parts = parts[shapely.area(parts) > 0.0]
    if len(parts) == 0:
        return EMPTY, EMPTY
    shapely.prepare(state)
    in_state = shapely.contains(state, shapely.point_on_surface(parts))
    gained = shapely.multipolygons(parts[in_state]) if in_state.any() else EMPTY
    lost = shapely.multipolygons(parts[~in_state]) if (~in_state).any() else EMPTY
    expected = state.area - prev.area
    scale = max(state.area, prev.area, 1e-12)
    if abs((gained.area - lost.area) - expected) > 1e-9 * scale:
        gained = polygonal(shapely.difference(state, prev))
        lost = polygonal(shapely.difference(prev, state))
    return gained, lost
