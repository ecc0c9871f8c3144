"""The ground one state of a layer gained and lost against the state before it.

Two large states (a snapshot of millions of vertices and the next one, a little changed)
are compared tile by tile: an overlay of two nearly identical outlines nodes every
vertex of both and held ~900 bytes a vertex (1.8 GB for two 2,000,000-vertex
snapshots), even though the difference is a few small parts. Both states are halved
along the longer side of their common box until each half of each holds at most
``TILE_VERTICES``; a tile where both are the same (the same cut of the same outline
gives the same vertices) needs nothing, the others are compared as small states, and
the parts of the tiles are merged again across the tiles' edges.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from viewer.model.geometry import EMPTY, polygonal

TILE_VERTICES = 50_000      # states larger than this (both) are compared tile by tile


def gain_and_loss(prev: BaseGeometry, state: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
    """(state - prev, prev - state); large states tile by tile (see the module
    docstring), each tile as ``_direct``."""
    if prev.is_empty or state.is_empty:
        return polygonal(state), polygonal(prev)
    if min(shapely.get_num_coordinates(prev), shapely.get_num_coordinates(state)) \
            <= TILE_VERTICES:
        return _direct(prev, state)
    gained: list = []
    lost: list = []
    both = np.array([prev.bounds, state.bounds])
    _tiles(prev, state, (*both[:, :2].min(axis=0), *both[:, 2:].max(axis=0)), gained, lost)
    return _merged(gained), _merged(lost)


def _tiles(prev: BaseGeometry, state: BaseGeometry, bounds, gained: list,
           lost: list) -> None:
    """Append the parts ``state`` gained and lost within ``bounds`` (which holds both)."""
    if shapely.equals_exact(prev, state, 0.0):
        return
    if prev.is_empty or state.is_empty or max(shapely.get_num_coordinates(prev),
                                             shapely.get_num_coordinates(state)) \
            <= TILE_VERTICES:
        g, l = _direct(prev, state)
        gained.extend(shapely.get_parts(g).tolist())
        lost.extend(shapely.get_parts(l).tolist())
        return
    minx, miny, maxx, maxy = bounds
    if maxx - minx >= maxy - miny:
        mid = (minx + maxx) / 2
        halves = ((minx, miny, mid, maxy), (mid, miny, maxx, maxy))
    else:
        mid = (miny + maxy) / 2
        halves = ((minx, miny, maxx, mid), (minx, mid, maxx, maxy))
    for half in halves:
        cut = box(*half)
        _tiles(polygonal(shapely.intersection(prev, cut)),
               polygonal(shapely.intersection(state, cut)), half, gained, lost)


def _merged(parts: list) -> BaseGeometry:
    """The tiles' parts as one area: parts that meet across a tile's edge become one."""
    if not parts:
        return EMPTY
    return polygonal(shapely.union_all(parts))


def _direct(prev: BaseGeometry, state: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
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
    # a prepared state holds an index of its edges until the geometry is freed: prepared
    # for this test alone (a snapshot series keeps its states while it is imported)
    prepared = shapely.is_prepared(state)
    shapely.prepare(state)
    in_state = shapely.contains(state, shapely.point_on_surface(parts))
    if not prepared:
        shapely.destroy_prepared(state)
    gained = shapely.multipolygons(parts[in_state]) if in_state.any() else EMPTY
    lost = shapely.multipolygons(parts[~in_state]) if (~in_state).any() else EMPTY
    expected = state.area - prev.area
    scale = max(state.area, prev.area, 1e-12)
    if abs((gained.area - lost.area) - expected) > 1e-9 * scale:
        gained = polygonal(shapely.difference(state, prev))
        lost = polygonal(shapely.difference(prev, state))
    return gained, lost
