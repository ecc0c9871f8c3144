"""A highlight window made ahead as its polygons (highlight_area.AreaPieces: the windows
(A, t] held to A while comparing, made in the worker): a repaint of a step's pixels over
the last frame fills and strokes only the polygons that meet them, and gives the pixels
the window's one path gives (the way before pieces); a polygon the last window had
too, with the same coordinates, is not stroked again (its stroke is kept by digest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np

from viewer.render import MapScene, Viewport
from viewer.render import highlight_area
from viewer.render.dirty import time_change_region
from viewer.render.draw_changes import highlight_ids
from viewer.render.highlight_area import AreaPieces
from viewer.render.paths import geometry_path
from viewer.render.scene_changes import merged_areas

from test_highlight_parts import _frame, _pixels, _settings, _situation, _windows


def _adopt(scene: MapScene, ids, pieces: bool) -> AreaPieces | None:
    """The window ``ids`` as if made ahead: as pieces, or (before) as two whole paths."""
    both = scene.project_layer(merged_areas([scene.situation.change(i) for i in ids]))
    if pieces:
        gained = AreaPieces(both[0])
        scene.adopt_held_windows({("highlight", ids): (gained, AreaPieces(both[1]))})
        return gained
    scene.adopt_held_windows({("highlight", ids): (geometry_path(both[0]),
                                                    geometry_path(both[1]))})
    return None


def test_a_step_drawn_from_pieces_is_the_step_drawn_from_whole_paths(qapp, monkeypatch):
    situation = _situation()
    pieced, whole = MapScene(situation), MapScene(situation)
    base = replace(_settings(pieced, 1.0))
    stroked = []
    real = highlight_area.stroked
    monkeypatch.setattr(highlight_area, "stroked",
                        lambda path, pen, width: stroked.append(path) or real(path, pen, width))
    digests: dict = {}          # id of a piece's path -> its digest
    shown = shown_whole = before = None
    partial = fewer = 0
    ever: list = []             # the digests of the pieces stroked in the steps
    for a, b, _ in _windows(situation, False):
        settings = replace(base, at=b, highlight_days=(b - a) / timedelta(days=1))
        ids = highlight_ids(pieced, settings, {"ctl"})
        if not ids:
            continue
        gained = _adopt(pieced, ids, True)
        _adopt(whole, ids, False)
        for pieces in pieced._prebuilt_windows[("highlight", ids)]:
            digests.update({id(path): k for path, k in zip(pieces.paths, pieces.keys)})
        viewport = Viewport.for_settings(pieced, settings)
        region = None if shown is None else time_change_region(pieced, viewport, before,
                                                               settings)
        if region is None:
            shown, shown_whole = _frame(pieced, settings), _frame(whole, settings)
        else:
            partial += 1
            stroked.clear()
            shown = _frame(pieced, settings, under=shown, dirty=region)
            shown_whole = _frame(whole, settings, under=shown_whole, dirty=region)
            fewer += len(stroked) < len(gained.paths)
            ever += [digests[id(path)] for path in stroked if id(path) in digests]
        off = np.abs(_pixels(shown) - _pixels(shown_whole)).max(axis=2)
        assert not off.any(), (b, off.max(), np.count_nonzero(off))
        before = settings
    assert partial >= 5 and fewer >= 3
    # no polygon stroked twice (at this zoom): one the last windows had was kept
    assert ever and len(ever) == len(set(ever))
