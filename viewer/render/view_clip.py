"""A layer's pieces cut to the view, so that Qt's raster engine fills them unclipped.

The raster engine cuts a path reaching far off the device (zoomed in, a state's pieces
reach thousands of pixels beyond the view) before filling it, and where it cuts depends
on the box it paints: the whole view for a full repaint, a time step's few boxes for a
partial one. The cut moves the edges crossing it by a fraction of a pixel, so edge
pixels of a step's repaint came out a shade apart from the frame drawn whole (at a
device pixel ratio of 2 from zoom 4, at 1 from zoom 8: 2-27 pixels a step, until the
next jump). Cut here instead, the same way for every repaint of a view: each piece
reaching beyond the view grown by CLIP_PAD pixels is clipped to that rectangle
(shapely, once per piece and view), the pieces within it are filled as they are. The
path then stays within the range the engine fills uncut, whichever box it paints.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.render.paths import empty_path, geometry_path
from viewer.render.scene import MapScene
from viewer.render.scene_geometry import boxes_meeting
from viewer.render.viewport import Viewport

CLIP_PAD = 4            # px beyond the view: the cut's own edges are never seen


def clip_rect(viewport: Viewport) -> tuple[float, float, float, float]:
    """The view grown by CLIP_PAD pixels, in projected metres (minx, miny, maxx, maxy)."""
    x0, y0 = viewport.to_map(-CLIP_PAD, viewport.height + CLIP_PAD)
    x1, y1 = viewport.to_map(viewport.width + CLIP_PAD, -CLIP_PAD)
    return x0, y0, x1, y1


def pieces_cut_to_view(scene: MapScene, layer_id: str, t: datetime, viewport: Viewport,
                       boxes: np.ndarray) -> QPainterPath:
    """The pieces of the layer's area at ``t`` meeting one of ``boxes`` (projected rows,
    draw_layers.dirty_boxes), each reaching beyond ``clip_rect(viewport)`` cut to it,
    as one winding-rule path. A repaint of some boxes and one of the whole view fill
    the same piece with the same path, so its pixels are those of the whole frame."""
    history = scene.situation.layer(layer_id).history
    index = history.state_index(t)
    cut = scene.memo(("pieces cut to view", layer_id, viewport.key()), dict)
    indices = history.piece_indices(index)
    bounds = scene.piece_bounds(layer_id, indices)
    hit = boxes_meeting(bounds, boxes)
    indices, bounds = indices[hit], bounds[hit]
    rect = clip_rect(viewport)
    x0, y0, x1, y1 = rect
    inside = ((bounds[:, 0] >= x0) & (bounds[:, 1] >= y0)
              & (bounds[:, 2] <= x1) & (bounds[:, 3] <= y1))
    missing = [i for i in indices[~inside].tolist() if i not in cut]
    if missing:                     # one projection and one clip for all of them
        geoms = scene.project_layer(np.array([history.pieces[i].geometry for i in missing],
                                             dtype=object))
        for i, g in zip(missing, shapely.clip_by_rect(geoms, *rect)):
            cut[i] = geometry_path(g)
    path = empty_path()
    for i, within in zip(indices.tolist(), inside.tolist()):   # (piece_bounds made them)
        path.addPath(scene._pieces[(layer_id, i)][0] if within else cut[i])
    return path
