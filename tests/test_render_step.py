"""What a time step draws. A step to an adjacent date repaints only the pixels that change
(render/dirty.py), and there fills only the layer pieces that meet them
(MapScene.layer_path_within): the old frame with that repaint over it must be, pixel for
pixel, the new frame drawn whole. Highlight windows made ahead on a worker
(render/prebuild_windows.py) draw what windows made when shown draw."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QRegion
from shapely.geometry import box

from render_helpers import frame as _frame
from render_helpers import one_layer_situation
from viewer.model import History, Layer, Region, Situation, SituationMeta, Style, parse_time
from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.dirty import time_change_region

DAY0 = parse_time("2025-06-01")
DAYS = 8


def _front_situation() -> Situation:
    """A layer over 30.2-31.0°E and a scatter of small squares far east of it (many
    pieces: each state is cut to at most 12 vertices a piece). Each day the front
    moves east by 0.04°, and on odd days one more square appears in the west."""
    squares = [box(32.0 + 0.3 * i, 48.3 + 0.25 * j, 32.15 + 0.3 * i, 48.45 + 0.25 * j)
               for i in range(6) for j in range(6)]
    states = []
    for k in range(DAYS):
        front = box(30.2, 48.2, 31.0 + 0.04 * k, 49.8).segmentize(0.05)
        west = [box(30.25, 49.0 + 0.1 * i, 30.3, 49.05 + 0.1 * i) for i in range(k // 2)]
        area = shapely.union_all([front, *squares]).difference(shapely.union_all(west))
        states.append((DAY0 + timedelta(days=k), area))
    return one_layer_situation("Front", states, (30, 48, 34, 50))


@pytest.mark.parametrize("zoom", [1.0, 6.0, 25.0])
def test_an_adjacent_step_repainted_in_its_dirty_rectangles_is_the_frame_drawn_anew(qapp, zoom):
    situation = _front_situation()
    scene = MapScene(situation)
    settings = RenderSettings(at=DAY0, size=(640, 400), decorations=False,
                              hidden=frozenset({"labels"}))
    whole = Viewport.for_settings(scene, settings)
    if zoom != 1.0:                 # close to the front: pieces reach far off the view
        x, y = scene.projector.forward(31.1, 49.0)
        half_w, half_h = whole.width / 2 * whole.metres_per_pixel / zoom, \
            whole.height / 2 * whole.metres_per_pixel / zoom
        settings = replace(settings, view=(x - half_w, y - half_h, x + half_w, y + half_h))
    viewport = Viewport.for_settings(scene, settings)
    shown = _frame(scene, settings, viewport)
    partial_steps = 0
    for k in range(1, DAYS):
        before, after = settings, replace(settings, at=DAY0 + timedelta(days=k, hours=6))
        settings = after
        region = time_change_region(scene, viewport, before, after)
        drawn_anew = _frame(scene, after, viewport)
        if region is None:
            shown = drawn_anew
            continue
        covered = sum(r.width() * r.height() for r in region)
        assert 0 < covered < viewport.width * viewport.height, k
        partial_steps += 1
        boxes_path = scene.layer_path_within("ctl", after.at, _boxes(viewport, region))
        assert boxes_path.elementCount() < scene.layer_path("ctl", after.at).elementCount()
        shown = _frame(scene, after, viewport, under=shown, dirty=region)
        assert shown == drawn_anew, (k, zoom)
    assert partial_steps >= DAYS - 2


def _boxes(viewport: Viewport, region: QRegion):
    from viewer.render.draw_layers import dirty_boxes
    return dirty_boxes(viewport, region)


def test_a_repaint_of_the_whole_view_fills_the_whole_state(qapp):
    scene = MapScene(_front_situation())
    settings = RenderSettings(at=DAY0, size=(320, 200), decorations=False)
    viewport = Viewport.for_settings(scene, settings)
    from viewer.render.draw_layers import dirty_boxes
    whole = dirty_boxes(viewport, None)
    assert np.array_equal(dirty_boxes(viewport, QRegion(0, 0, 320, 200)), whole)
    assert scene.layer_path_within("ctl", DAY0, whole) is scene.layer_path("ctl", DAY0)
    boxes = dirty_boxes(viewport, QRegion(10, 10, 5, 5))
    within = scene.layer_path_within("ctl", DAY0, boxes)
    assert 0 < within.elementCount() < scene.layer_path("ctl", DAY0).elementCount()


def test_windows_made_ahead_are_every_window_the_time_shows_and_draw_the_same(qapp):
    import threading

    from viewer.render.draw_changes import highlight_ids
    from viewer.render.prebuild_windows import adopt, build_windows
    situation = _front_situation()
    ahead, shown = MapScene(situation), MapScene(situation)
    built = []
    worker = threading.Thread(target=lambda: built.append(
        build_windows(ahead.projector.crs, situation, 3.0)))
    worker.start()
    worker.join()
    adopt(ahead, built[0])
    assert len(built[0].windows) >= DAYS - 1
    visible = {"ctl"}
    base = RenderSettings(at=DAY0, size=(480, 300), decorations=False,
                          hidden=frozenset({"labels"}))
    for hours in range(0, 24 * (DAYS + 4), 5):      # every window, and past the last change
        settings = replace(base, at=DAY0 + timedelta(hours=hours))
        ids = highlight_ids(ahead, settings, visible)
        if ids:
            assert ("highlight", ids) in built[0].windows, hours
        viewport = Viewport.for_settings(ahead, settings)
        assert _frame(ahead, settings, viewport) == _frame(shown, settings, viewport), hours
    for change in situation.changes:        # the boxes: as measured when first needed
        assert np.array_equal(ahead.change_bounds(change.id), shown.change_bounds(change.id))


def test_big_highlight_windows_are_not_merged_ahead(qapp):
    """A window of more than DENSE_POLYGONS polygons is drawn from its Displays
    (big_layers.draw_big_window): merging it ahead was work and memory never used."""
    from viewer.render.big_counts import DENSE_POLYGONS
    from viewer.render.big_layers import BigStates
    from viewer.render.prebuild_windows import build_windows
    x, y = np.meshgrid(np.arange(60) * 0.05 + 30.0, np.arange(60) * 0.05 + 47.0)
    squares = shapely.box(x.ravel(), y.ravel(), x.ravel() + 0.02, y.ravel() + 0.02)
    assert len(squares) > DENSE_POLYGONS
    day1, day5 = DAY0 + timedelta(days=1), DAY0 + timedelta(days=5)    # (3-day windows)
    states = [(DAY0, box(29.0, 46.0, 29.5, 46.5)),                     # one small area,
              (day1, shapely.union(box(29.0, 46.0, 29.5, 46.5),        # then 3,600 squares
                                   shapely.multipolygons(squares)))]
    layer = Layer("grid", "Grid", "assessed-control", History.from_states("grid", states),
                  style=Style("#c0392b", 0.5))
    small = Layer("ctl", "Control", "assessed-control",
                  History.from_states("ctl", [(DAY0, box(31, 50, 31.2, 50.2)),
                                              (day5, box(31, 50, 31.4, 50.2))]),
                  style=Style("#2980b9", 0.5))
    meta = SituationMeta(title="Grid", highlight_days=3.0)
    situation = Situation(meta, [Region("R", {"en": "R"}, box(28, 45, 34, 51))], [],
                          [layer, small])
    scene = MapScene(situation)         # (BigStates refers to its scene weakly)
    big = BigStates(scene)
    grid_change = [c.id for c in situation.changes if c.layer_id == "grid"]
    ctl_change = [c.id for c in situation.changes if c.layer_id == "ctl"]
    assert big.is_big_window(tuple(grid_change)) and not big.is_big_window(tuple(ctl_change))
    built = build_windows(MapScene(situation).projector.crs, situation, 3.0)
    windows = set(built.windows)
    assert windows == {("highlight", tuple(ctl_change))}    # the small change's alone
    assert set(built.change_boxes) == {c.id for c in situation.changes}


def test_change_boxes_made_a_few_changes_at_a_time_are_those_made_at_once(qapp, monkeypatch):
    from viewer.render import scene_changes
    situation = _front_situation()
    scene = MapScene(situation)
    changes = list(situation.changes)
    whole = scene_changes.change_boxes(scene.project_layer, changes)
    monkeypatch.setattr(scene_changes, "BOX_VERTICES", 50)
    few = scene_changes.change_boxes(scene.project_layer, changes)
    assert len(changes) > 3 and set(few) == set(whole) == {c.id for c in changes}
    for cid, boxes in whole.items():
        assert len(boxes) and np.array_equal(few[cid], boxes)
    assert scene_changes.change_boxes(scene.project_layer, []) == {}
