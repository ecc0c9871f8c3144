"""What moving the time changes on the map: the pixels to draw again.

A step to an adjacent date changes a few pieces of a layer and the changes entering and
leaving the highlight window: a few km² along a front, not the whole country. The window
then repaints only those pixels (its backing store keeps the rest of the last frame),
drawing everything in the usual order clipped to them, so the result is the frame a
full redraw gives. A jump far in time, a hatched layer (its dashed outline runs along
the whole union), a context feature starting or ending (the drained Kakhovka reservoir)
a change too big to be worth it, or states more than MAX_STATES_APART apart (a random
jump: no need to compare their pieces to know) redraws everything.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion

from viewer.render.draw_changes import highlight_ids
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

MAX_BOXES = 256         # more changed parts than this: draw everything
MAX_STATES_APART = 31   # a layer's states further apart than this: a jump, draw everything
PAD_PX = 3              # antialiased edges and the 1.8 px change outlines reach past a box


def time_change_region(scene: MapScene, viewport: Viewport, before: RenderSettings,
                       after: RenderSettings, at_most: float = 1.0) -> QRegion | None:
    """The part of the view that differs between the map drawn at ``before``'s time and
    highlight window and at ``after``'s (all else as in ``after``); None when it is as
    well to draw everything, or when its rectangles would cover more than ``at_most``
    of the view (a jump far in time: told before the region is made)."""
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
        if abs(new - old) > MAX_STATES_APART:
            return None                 # (told before any piece is looked at)
        if layer.style.hatch or scene.big.is_big(layer.id, old) or scene.big.is_big(layer.id, new):
            return None                 # (a big state is drawn whole from its Display)
        pieces = np.setxor1d(history.piece_indices(old), history.piece_indices(new))
        if len(pieces) > MAX_BOXES:
            return None
        boxes.append(scene.piece_bounds(layer.id, pieces))
    visible = {layer.id for layer in layers}
    moved = set(highlight_ids(scene, before, visible)) ^ set(highlight_ids(scene, after, visible))
    if len(moved) > MAX_BOXES:
        return None
    boxes.append(scene.changes_bounds(sorted(moved)))
    boxes = np.concatenate(boxes)
    if len(boxes) > MAX_BOXES:
        return None
    rects = pixel_rects(viewport, boxes, after.px(PAD_PX))
    areas = (rects[:, 2] - rects[:, 0]) * (rects[:, 3] - rects[:, 1])
    if areas.sum() > at_most * viewport.width * viewport.height:
        return None             # (overlaps counted twice) too much of the view: draw all
    region = QRegion()
    for left, top, right, bottom in rects.tolist():
        region = region.united(QRect(left, top, right - left, bottom - top))
    return region


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
