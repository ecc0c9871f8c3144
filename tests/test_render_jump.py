"""A jump far in time repaints only what the two dates do not share (render/dirty.py, on
a grid when the boxes are many: render/dirty_grid.py): the old frame with that repaint
over it must be, pixel for pixel, the new frame drawn whole. The grid's rectangles cover
every pixel of the boxes and no cell that none of them meets (checked on a mask)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from render_helpers import frame as _frame
from render_helpers import one_layer_situation
from viewer.analysis.front_line import FrontLine
from viewer.model import Situation, parse_time
from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.dirty import time_change_region
from viewer.render.dirty_grid import CELL_PX, MAX_RECTS, grid_rects
from viewer.render.front_lines import front_path

DAY0 = parse_time("2025-06-01")
DAYS = 40


def _scattered_situation() -> Situation:
    """A front box moving east a little each day, and a 14x10 scatter of small squares,
    each held on the days of its own random stretch: days far apart differ in many
    pieces all over the east of the view, and agree on the west."""
    rng = random.Random(7)
    spans = [(rng.randrange(DAYS), rng.randrange(DAYS)) for _ in range(140)]
    states = []
    for k in range(DAYS):
        front = box(30.2, 48.2, 30.8 + 0.01 * k, 49.8).segmentize(0.05)
        held = [box(31.5 + 0.18 * (i % 14), 48.2 + 0.16 * (i // 14),
                    31.6 + 0.18 * (i % 14), 48.3 + 0.16 * (i // 14))
                for i, (a, b) in enumerate(spans) if min(a, b) <= k <= max(a, b)]
        states.append((DAY0 + timedelta(days=k), shapely.union_all([front, *held])))
    return one_layer_situation("Scatter", states, (29.5, 47.5, 34.5, 50.5))


def _jumps(scene, settings, pairs, min_grid_jumps):
    """Each (a, b) day pair: the frame at a, its region repainted at b, against b drawn
    whole; how many of them were partial through the grid."""
    viewport = Viewport.for_settings(scene, settings)
    partial = gridded = 0
    for a, b in pairs:
        before = replace(settings, at=DAY0 + timedelta(days=a, hours=6))
        after = replace(settings, at=DAY0 + timedelta(days=b, hours=6))
        region = time_change_region(scene, viewport, before, after, 0.6)
        if region is None:
            continue
        partial += 1
        gridded += region.rectCount() > 0 and all(
            r.left() % CELL_PX == 0 and r.top() % CELL_PX == 0 for r in region)
        covered = sum(r.width() * r.height() for r in region)
        assert covered < 0.6 * viewport.width * viewport.height, (a, b)
        shown = _frame(scene, after, viewport, under=_frame(scene, before, viewport),
                       dirty=region)
        assert shown == _frame(scene, after, viewport), (a, b)
    assert partial >= len(pairs) - 1 and gridded >= min_grid_jumps
    return partial


@pytest.mark.parametrize("front_line", [False, True])
def test_a_jump_far_in_time_repainted_in_its_region_is_the_frame_drawn_anew(qapp, front_line):
    situation = _scattered_situation()
    scene = MapScene(situation)
    if front_line:
        scene.front = FrontLine(situation).measure_all()
        assert not front_path(scene, "ctl", 5).isEmpty()
    settings = RenderSettings(at=DAY0, size=(640, 400), decorations=False,
                              hidden=frozenset({"labels"}), front_line=front_line)
    history = situation.layers[0].history
    pairs = [(2, 33), (30, 5), (10, 25), (1, 38), (20, 21)]
    far = [len(np.setxor1d(history.piece_indices(a), history.piece_indices(b)))
           for a, b in pairs[:4]]
    assert min(far) > MAX_RECTS            # the grid's case: more boxes than rectangles
    _jumps(scene, settings, pairs, min_grid_jumps=3)


def test_jumps_on_the_deepstate_import_repaint_part_of_the_view(qapp, deepstate_import):
    from viewer.io.situation_file import read_situation
    situation = read_situation(deepstate_import[0])
    scene = MapScene(situation)
    settings = RenderSettings(at=DAY0, size=(800, 500), decorations=False)
    times = situation.layers[0].history.times
    rng = random.Random(3)
    viewport = Viewport.for_settings(scene, settings)
    partial = 0
    for _ in range(4):
        a, b = rng.sample(range(len(times)), 2)
        before, after = replace(settings, at=times[a]), replace(settings, at=times[b])
        region = time_change_region(scene, viewport, before, after, 0.5)
        if region is None:
            continue
        partial += 1
        shown = _frame(scene, after, viewport, under=_frame(scene, before, viewport),
                       dirty=region)
        assert shown == _frame(scene, after, viewport), (times[a], times[b])
    assert partial >= 3


@pytest.mark.parametrize("seed", range(6))
def test_grid_rects_cover_the_boxes_and_only_the_cells_they_meet(seed):
    rng = np.random.default_rng(seed)
    width, height = 333, 211
    left, top = rng.integers(0, width - 1, 80), rng.integers(0, height - 1, 80)
    rects = np.column_stack([left, top, np.minimum(left + rng.integers(1, 60, 80), width),
                             np.minimum(top + rng.integers(1, 40, 80), height)])
    want = np.zeros((height, width), dtype=bool)
    for x0, y0, x1, y1 in rects:
        want[y0:y1, x0:x1] = True
    cells = np.zeros_like(want)
    for x0, y0, x1, y1 in rects:            # the grid cells the boxes meet, cell by cell
        for cy in range(y0 // CELL_PX, (y1 - 1) // CELL_PX + 1):
            for cx in range(x0 // CELL_PX, (x1 - 1) // CELL_PX + 1):
                cells[cy * CELL_PX:(cy + 1) * CELL_PX, cx * CELL_PX:(cx + 1) * CELL_PX] = True
    got = np.zeros((height, width), dtype=np.int32)
    out = grid_rects(rects, width, height)
    for x0, y0, x1, y1 in out:
        got[y0:y1, x0:x1] += 1
    assert got.max() == 1                   # no pixel in two rectangles
    assert np.array_equal(got.astype(bool), cells) and not (want & ~cells).any()
    assert len(out) < len(rects)
