"""What moving the time changes on the map: the pixels to draw again.

A step to an adjacent date changes a few pieces of a layer, the changes entering and
leaving the highlight window and the parts of its merged areas made again as it slides
(``remade_edges``): a few km² along a front, not the whole country. The window
then repaints only those pixels (its backing store keeps the rest of the last frame),
drawing everything in the usual order clipped to them, so the result is the frame a
full redraw gives. A jump far in time is no different: the pieces the two states do not
share, and the changes of both highlight windows, on a grid when they are many
(dirty_grid): along the front, some 27% of the DeepState view. A hatched layer (its
dashed outline runs along the whole union), a context feature starting or ending (the
drained Kakhovka reservoir) or a change too big to be worth it redraws everything.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtGui import QRegion

from viewer.render.dirty_grid import rects_region
from viewer.render.draw_changes import merged_windows
from viewer.render.highlight_area import PartedArea
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

MAX_BOXES = 20_000      # more changed parts than this: draw everything
PAD_PX = 3              # antialiased edges and the 1.8 px change outlines reach past a box


def time_change_region(scene: MapScene, viewport: Viewport, before: RenderSettings,
                       after: RenderSettings, at_most: float = 1.0) -> QRegion | None:
    """The part of the view that differs between the map drawn at ``before``'s time and
    highlight window and at ``after``'s (all else as in ``after``); None when it is as
    well to draw everything, or when its rectangles would cover more than ``at_most``
    of the view."""
    before = replace(after, at=before.at, highlight_days=before.highlight_days)
    if scene.context.epoch(before.at) != scene.context.epoch(after.at):
        return None                 # a river or reservoir starts or ends: the background
    layers = after.visible_layers(scene.situation)
    boxes = []
    for layer in layers:
        history = layer.history
        old, new = history.state_index(before.at), history.state_index(after.at)
        if old == new:
            continue
        if layer.style.hatch or scene.big.is_big(layer.id, old) or scene.big.is_big(layer.id, new):
            return None                 # (a big state is drawn whole from its Display)
        pieces = np.setxor1d(history.piece_indices(old), history.piece_indices(new))
        if len(pieces) > MAX_BOXES:
            return None
        boxes.append(scene.piece_bounds(layer.id, pieces))
    visible = {layer.id for layer in layers}
    was, now = merged_windows(scene, before, visible), merged_windows(scene, after, visible)
    moved = set(was[0] + was[1]) ^ set(now[0] + now[1])
    if len(moved) > MAX_BOXES:
        return None
    boxes.append(scene.changes_bounds(sorted(moved)))
    boxes += [remade_edges(scene, old, new, boxes[-1]) for old, new in zip(was, now)]
    boxes = np.concatenate(boxes)
    if len(boxes) > MAX_BOXES:
        return None
    rects = pixel_rects(viewport, boxes, after.px(PAD_PX))
    return rects_region(rects, viewport.width, viewport.height, at_most)


def remade_edges(scene: MapScene, old: tuple[str, ...], new: tuple[str, ...],
                 moved: np.ndarray) -> np.ndarray:
    """The projected bounds of the edges of the merged highlight parts
    (highlight_area.PartedArea) that differ between the windows ``old`` and ``new``,
    but those within the boxes ``moved``: a part made again as the window slides (a
    union taken in another order) may differ from the last by a sliver or a vertex far
    from the changes that moved, and its 1.8 px outline with it. The old window's areas
    are those painted, if still kept (else all of the new one's parts count); windows
    made ahead (whole paths, each made from scratch) are not compared."""
    none = np.empty((0, 4))
    if old == new or not old or not new or not set(old) & set(new) \
            or scene.big.is_big_window(old) \
            or scene.big.is_big_window(new):
        return none             # (one empty, or none shared, a jump: every change moved,
        #                         and their bounds hold every part of either window)
    was, now = scene.parted_window_areas(old), scene.window_areas(new)
    gone, made = [], []
    for side, area in enumerate(now):
        mine = area if isinstance(area, PartedArea) else None
        last = was[side] if was is not None else None
        last = last if isinstance(last, PartedArea) else None
        if mine is not None:
            made += mine.parts_apart_from(last)
        if last is not None:
            gone += last.parts_apart_from(mine)
    if not gone and not made:
        return none
    lone = _lone_edges(np.array(gone + made, dtype=object), len(gone))
    if not len(lone):
        return none
    boxes = shapely.bounds(scene.project_layer(shapely.linestrings(lone.reshape(-1, 2, 2))))
    inside = ((boxes[:, None, 0] >= moved[None, :, 0]) & (boxes[:, None, 1] >= moved[None, :, 1])
              & (boxes[:, None, 2] <= moved[None, :, 2])
              & (boxes[:, None, 3] <= moved[None, :, 3])).any(axis=1)
    return boxes[~inside]


def _lone_edges(polys: np.ndarray, first: int) -> np.ndarray:
    """The ring edges (rows x0, y0, x1, y1) of the polygons ``polys[:first]`` that the
    others have not, and the other way round (an edge the same either way round)."""
    rings, part = shapely.get_rings(polys, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[:-1] == ring[1:]
    p, q = coords[:-1][same], coords[1:][same]
    later = (part >= first)[ring[:-1][same]].astype(np.int8)
    swap = (p[:, 0] > q[:, 0]) | ((p[:, 0] == q[:, 0]) & (p[:, 1] > q[:, 1]))
    p[swap], q[swap] = q[swap], p[swap].copy()
    rows = np.column_stack([p, q]).reshape(-1, 4)
    if not len(rows):
        return rows
    order = np.lexsort(rows.T[::-1])
    rows, later = rows[order], later[order]
    starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]).any(axis=1)])
    one_side = np.minimum.reduceat(later, starts) == np.maximum.reduceat(later, starts)
    return rows[starts[one_side]]


def pixel_rects(viewport: Viewport, boxes: np.ndarray, pad: float) -> np.ndarray:
    """The boxes (projected minx, miny, maxx, maxy rows) as whole-pixel rectangles
    (left, top, right, bottom) of the view, grown by ``pad`` pixels, cut to the view;
    those outside it dropped."""
    x0, y0 = viewport.to_pixels(boxes[:, 0], boxes[:, 3])      # north is up
    x1, y1 = viewport.to_pixels(boxes[:, 2], boxes[:, 1])
    rects = np.column_stack([np.maximum(np.floor(np.asarray(x0) - pad), 0),
                             np.maximum(np.floor(np.asarray(y0) - pad), 0),
                             np.minimum(np.ceil(np.asarray(x1) + pad), viewport.width),
                             np.minimum(np.ceil(np.asarray(y1) + pad), viewport.height)])
    rects = rects.reshape(-1, 4).astype(int)
    return rects[(rects[:, 2] > rects[:, 0]) & (rects[:, 3] > rects[:, 1])]
