"""The highlight window (A, B] merged a change at a time as its parts (window_parts,
highlight_area) is the window merged afresh: the same areas (shapely, computed here
from the changes), pairwise disjoint parts, and the same pixels as the fresh merge's
paths; a step of B makes only the parts near its change (the others are the same
objects, with the same paths and outlines), and a repaint of a step's pixels over the
last frame is the frame drawn whole (to a level or two of antialiasing at a few pixels,
as on main without parts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QImage, QRegion
from shapely.geometry import box

from viewer.model import History, Layer, Region, Situation, SituationMeta, Style, parse_time
from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.dirty import time_change_region
from viewer.render.paths import geometry_path

from test_render_step import _frame as _drawn

DAY0 = parse_time("2025-06-01")
DAYS = 14


def _situation() -> Situation:
    """A front that moves east by day, with bulges that come and go (ground gained and
    lost again inside the window), squares taken far from it, and a gap that opens."""
    states = []
    for k in range(DAYS):
        area = box(30.0, 48.0, 30.6 + 0.03 * k, 49.6).segmentize(0.05)
        bulge = box(30.6 + 0.03 * k, 48.2 + 0.1 * (k % 5), 30.75 + 0.03 * k,
                    48.35 + 0.1 * (k % 5))
        squares = [box(31.5 + 0.2 * i, 48.1, 31.6 + 0.2 * i, 48.2) for i in range(k // 2)]
        area = shapely.union_all([area, bulge, *squares])
        if k % 3 == 1:
            area = area.difference(box(30.1, 49.0 + 0.05 * k, 30.2, 49.05 + 0.05 * k))
        states.append((DAY0 + timedelta(days=k), area))
    layer = Layer("ctl", "Control", "assessed-control",
                  History.from_states("ctl", states, max_vertices=40), style=Style("#c0392b", 0.5))
    meta = SituationMeta(title="Front", attributions=["tests"], highlight_days=3.0,
                         default_bbox=(29.8, 47.9, 33.0, 49.8))
    return Situation(meta, [Region("A", {"en": "Alpha"}, box(29.5, 47.5, 33.5, 50))], [], [layer])


def _fresh(situation: Situation, ids) -> tuple:
    """(gained, lost) of the changes ``ids``, united here from their own areas."""
    changes = [situation.change(i) for i in ids]
    gained = shapely.union_all([c.gained for c in changes])
    lost = shapely.union_all([c.lost for c in changes])
    return shapely.difference(gained, lost), shapely.difference(lost, gained)


def _windows(situation: Situation, a_moves: bool):
    """The windows (A, B] of B stepping through the days (A 10 days before the first,
    or, if ``a_moves``, 4 days before B)."""
    for k in range(1, DAYS):
        b = DAY0 + timedelta(days=k, hours=6)
        a = b - timedelta(days=4) if a_moves else DAY0 - timedelta(days=10)
        yield a, b, tuple(c.id for c in situation.changes_between(a, b))


@pytest.mark.parametrize("a_moves", [False, True])
def test_a_window_merged_step_by_step_is_the_window_merged_afresh(a_moves):
    situation = _situation()
    scene = MapScene(situation)
    for a, b, ids in _windows(situation, a_moves):
        for parts, expected in zip(scene.window_unions.merged_parts(ids), _fresh(situation, ids)):
            got = parts.geometry()
            assert got.is_valid, b
            assert shapely.area(shapely.symmetric_difference(got, expected)) \
                <= 1e-9 * max(shapely.area(expected), 1e-6), b
            areas = shapely.area(parts.polys)       # disjoint: the parts' areas add up
            assert abs(areas.sum() - shapely.area(expected)) <= 1e-9 + 1e-9 * areas.sum(), b


def test_a_step_of_b_makes_only_the_parts_near_its_change():
    situation = _situation()
    scene = MapScene(situation)
    last = None
    steps = 0
    for a, b, ids in _windows(situation, False):
        now = scene.window_unions.merged_parts(ids)
        if last is not None and last[0] == ids[:len(last[0])] and len(ids) == len(last[0]) + 1:
            change = situation.change(ids[-1])
            near = shapely.union(change.gained, change.lost)
            for before, after in zip(last[1], now):
                kept = {id(p): cell for p, cell in zip(before.polys, before.cells)}
                made = [i for i, p in enumerate(after.polys) if id(p) not in kept]
                # every part not near the change is the last window's, Cell and all
                for i, p in enumerate(after.polys):
                    if id(p) in kept:
                        assert after.cells[i] is kept[id(p)]
                    else:
                        assert shapely.intersects(p, near) or \
                            shapely.distance(p, near) < 1e-9, b
                assert len(made) <= max(1, int(shapely.intersects(after.polys, near).sum())), b
            steps += 1
        last = (ids, now)
    assert steps >= DAYS - 3


def _frame(scene: MapScene, settings: RenderSettings, under: QImage | None = None,
           dirty: QRegion | None = None) -> QImage:
    return _drawn(scene, settings, Viewport.for_settings(scene, settings), under, dirty)


def _pixels(image: QImage) -> np.ndarray:
    return np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.width(), 4).astype(int)


def _settings(scene: MapScene, zoom: float) -> RenderSettings:
    settings = RenderSettings(at=DAY0, size=(560, 360), decorations=False,
                              hidden=frozenset({"labels"}))
    if zoom != 1.0:                 # close to the front: parts reach far off the view
        whole = Viewport.for_settings(scene, settings)
        x, y = scene.projector.forward(30.75, 48.6)
        half_w = whole.width / 2 * whole.metres_per_pixel / zoom
        half_h = whole.height / 2 * whole.metres_per_pixel / zoom
        settings = replace(settings, view=(x - half_w, y - half_h, x + half_w, y + half_h))
    return settings


def _adopt(scene: MapScene, ids, areas) -> None:
    """The highlight window ``ids`` drawn from whole paths of ``areas`` (lon/lat)."""
    both = scene.project_layer(np.array(areas, dtype=object))
    scene.adopt_windows({("highlight", ids): (geometry_path(both[0]), geometry_path(both[1]))})


@pytest.mark.parametrize("zoom", [1.0, 8.0])
@pytest.mark.parametrize("a_moves", [False, True])
def test_the_parts_draw_the_pixels_of_the_fresh_merge_and_a_step_repaints_them(qapp, zoom,
                                                                               a_moves):
    situation = _situation()
    stepped, fresh, same = MapScene(situation), MapScene(situation), MapScene(situation)
    base = _settings(stepped, zoom)
    shown = None
    partial = 0
    for a, b, ids in _windows(situation, a_moves):
        settings = replace(base, at=b, highlight_days=(b - a) / timedelta(days=1))
        whole = _frame(stepped, settings)
        # the parts' own paths and strokes, cut to the view, draw what the area they
        # make does as one path stroked whole (but for a level of antialiasing at a few
        # pixels of the outline: the stroker's float sums, in another order)
        _adopt(same, ids, [area.parts.geometry() for area in stepped.window_areas(ids)])
        off = np.abs(_pixels(whole) - _pixels(_frame(same, settings))).max(axis=2)
        assert off.max() <= 1 and np.count_nonzero(off) <= 0.0005 * off.size, (b, zoom)
        # the window merged afresh: its vertices are placed a little otherwise (a level
        # or two of antialiasing along some edges, as main's merging step by step)
        _adopt(fresh, ids, _fresh(situation, ids))
        off = np.abs(_pixels(whole) - _pixels(_frame(fresh, settings))).max(axis=2)
        assert off.max() <= 2 and np.count_nonzero(off) <= 0.005 * off.size, (b, zoom)
        region = None if shown is None else time_change_region(
            stepped, Viewport.for_settings(stepped, settings), before, settings)
        if region is not None:
            partial += 1
            shown = _frame(stepped, settings, under=shown, dirty=region)
            # (main's dirty rectangles miss a few pixels by a level or two of
            # antialiasing here, next to a rectangle's edge: the same without parts)
            off = np.abs(_pixels(shown) - _pixels(whole)).max(axis=2)
            assert off.max() <= 2 and np.count_nonzero(off) <= 8, (b, zoom)
        shown, before = whole, settings
    if zoom == 1.0:                 # (close up, a step changes most of the view)
        assert partial >= DAYS // 2
