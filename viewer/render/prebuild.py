"""Layer pieces projected and made paths ahead of time, on a worker thread, for
``MapScene.adopt_pieces``."""

from __future__ import annotations

from typing import Callable

import numpy as np
import shapely

from viewer.analysis.projection import Projector
from viewer.render.paths import piece_entries
from viewer.render.scene import DISPLAY_SEGMENT_DEG, PREBUILD_MAX_VERTICES

PREBUILD_CHUNK = 256    # pieces projected at once by build_pieces, between its checks


def build_pieces(crs: str, pieces, check: Callable[[], None] | None = None) -> dict:
    """``{(layer id, piece index): paths.piece_entries' entry}`` for ``pieces``, an
    iterable of (layer id, piece index, lon/lat geometry), for ``MapScene.adopt_pieces``.
    Meant for a worker thread while the GUI draws: it projects with its own transformer
    and makes new objects only; ``check()`` is called between chunks (it may raise to
    stop). More than PREBUILD_MAX_VERTICES vertices in all: none (they are then built
    as they are shown)."""
    pieces = list(pieces)
    geoms = np.array([g for _, _, g in pieces], dtype=object)
    if not len(geoms) or shapely.get_num_coordinates(geoms).sum() > PREBUILD_MAX_VERTICES:
        return {}
    projector = Projector(crs)
    built = {}
    for start in range(0, len(pieces), PREBUILD_CHUNK):
        chunk = pieces[start:start + PREBUILD_CHUNK]
        projected = projector.project(shapely.segmentize(geoms[start:start + len(chunk)],
                                                         DISPLAY_SEGMENT_DEG))
        if check is not None:
            check()
        for (layer_id, i, _), entry in zip(chunk, piece_entries(projected)):
            built[(layer_id, i)] = entry
    return built
