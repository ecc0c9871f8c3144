"""Which layer states and highlight windows are big: drawn from their Displays
(viewer.render.display, viewer.render.big_layers), never as paths. A state is big when
its pieces hold more than DENSE_POLYGONS polygons or BIG_VERTICES vertices together; a
window when its changes' gains and losses do. Counted on lon/lat geometry, so the
window's workers use them too (which pieces to make paths of, which windows to merge
ahead)."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.render.display import BIG_VERTICES

DENSE_POLYGONS = 2_000      # as scene.DENSE_RINGS


def big_state(polygons: int, vertices: int) -> bool:
    """Whether a state of so many polygons and vertices is drawn from its Displays."""
    return bool(big_states(polygons, vertices))


def big_states(polygons, vertices):
    """``big_state`` of arrays of counts, element by element."""
    return (np.asarray(polygons) > DENSE_POLYGONS) | (np.asarray(vertices) > BIG_VERTICES)


def path_pieces(history) -> np.ndarray:
    """Indices of the pieces of ``history`` drawn as paths: those in some state that is
    not big (the pieces of big states alone are drawn from Displays, never as paths)."""
    geoms = np.array([p.geometry for p in history.pieces], dtype=object)
    polygons = shapely.get_num_geometries(geoms).astype(np.int64)
    vertices = shapely.get_num_coordinates(geoms).astype(np.int64)
    keep = np.zeros(len(geoms), dtype=bool)
    for index in range(len(history.times)):
        idx = history.piece_indices(index)
        if not big_state(polygons[idx].sum(), vertices[idx].sum()):
            keep[idx] = True
    return np.flatnonzero(keep)


def change_counts(change) -> tuple[int, int]:
    """The polygons and vertices of a change's gains and losses together."""
    both = np.array([change.gained, change.lost], dtype=object)
    return (int(shapely.get_num_geometries(both).sum()),
            int(shapely.get_num_coordinates(both).sum()))


def big_window(counts) -> bool:
    """Whether changes of these ``change_counts`` make a big highlight window (drawn
    from its Displays, ``draw_big_window``, never from merged paths)."""
    polygons = sum(c[0] for c in counts)
    vertices = sum(c[1] for c in counts)
    return polygons > DENSE_POLYGONS or vertices > BIG_VERTICES
