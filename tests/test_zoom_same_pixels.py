"""A zoom shows what a drawing from scratch shows: the canvas after wheel notches (its
cached background, labels and panels, the scene's kept label lines) equals a new canvas on
a new scene at that view; the regions filled as their union give the pixels of the
regions filled one by one; the label occupancy grid answers as QRectF.intersects; label
layouts made on a scene that laid out other views, languages and scales equal those of a
new scene. On the embedded sample (27 regions, the built-in settlements)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import example, given, settings as hypothesis_settings, strategies as st
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ui_helpers import pixels, wheel
from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.render import MapScene, RenderSettings, Viewport, styles
from viewer.render.draw_layers import draw_background
from viewer.render.label_boxes import Occupancy
from viewer.render.labels import label_layout
from viewer.render.settings import CONTEXT, REGIONS
from viewer.resources import sample_path
from viewer.ui.canvas import MapCanvas

AT = parse_time("2025-06-13")


@pytest.fixture(scope="module")
def situation(qapp):
    return read_situation(sample_path())


def new_canvas(qtbot, situation, size=(900, 560)) -> MapCanvas:
    cursor = TimeCursor(situation.start, situation.end, [c.at for c in situation.changes],
                        highlight_days=7)
    cursor.set_time(AT)
    widget = MapCanvas(cursor, Selection(), DisplayOptions())
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_scene(MapScene(situation))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_canvas_after_wheel_notches_is_the_view_drawn_anew(qtbot, situation):
    canvas = new_canvas(qtbot, situation)
    first = pixels(canvas.grab().toImage())
    # in, in, in about one point, out about another, back in: new views and ones seen before
    notches = [(QPoint(600, 200), 1), (QPoint(600, 200), 1), (QPoint(600, 200), 1),
               (QPoint(250, 400), -1), (QPoint(250, 400), 1), (QPoint(450, 280), -2)]
    shown = []
    for pos, n in notches:
        wheel(canvas, pos, n)
        shown.append((canvas.view_state.centre, canvas.view_state.mpp,
                      pixels(canvas.grab().toImage())))
    assert len({mpp for _, mpp, _ in shown}) >= 4          # the notches zoomed
    assert not np.array_equal(shown[0][2], first)
    for centre, mpp, image in shown:
        fresh = new_canvas(qtbot, situation)
        fresh.view_state.centre, fresh.view_state.mpp = centre, mpp
        fresh.view_state.fit(fresh.view_state.rect(), keep=False)   # not refitted on resize
        expected = pixels(fresh.grab().toImage())
        differ = np.argwhere((image != expected).any(axis=2))
        assert len(differ) == 0, f"at {mpp:.1f} m/px, {len(differ)} pixels differ, " \
                                 f"first at (y, x) {differ[0].tolist()}"
        fresh.close()


class OneByOne(MapScene):
    """Fills its regions and neighbouring countries region by region."""

    def role_fill(self, role: str):
        return self.role_path(role)


def background(scene: MapScene, settings: RenderSettings, dpr: float) -> np.ndarray:
    viewport = Viewport.for_settings(scene, settings)
    image = QImage(round(viewport.width * dpr), round(viewport.height * dpr),
                   QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor(styles.WATER))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_background(painter, scene, viewport, settings)
    painter.end()
    return pixels(image)


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_regions_filled_as_their_union_look_as_filled_one_by_one(situation, dpr):
    union, one_by_one = MapScene(situation), OneByOne(situation)
    assert union.role_fill("region").elementCount() < \
        one_by_one.role_fill("region").elementCount()      # the shared borders are gone
    base = RenderSettings(at=AT, size=(800, 500))
    view = union.extent                                   # all 27 regions and beyond
    cx, cy = (view[0] + view[2]) / 2 + 40_000, (view[1] + view[3]) / 2 - 25_000
    colours = []
    for zoom in (0.8, 2.3, 7.0):
        hw, hh = (view[2] - view[0]) / 2 / zoom, (view[3] - view[1]) / 2 / zoom
        for hidden in (frozenset(), frozenset({REGIONS}), frozenset({REGIONS, CONTEXT})):
            settings = replace(base, view=(cx - hw, cy - hh, cx + hw, cy + hh), hidden=hidden)
            a, b = background(union, settings, dpr), background(one_by_one, settings, dpr)
            assert (a != b).any(axis=2).sum() == 0, (zoom, sorted(hidden))
            colours.append(len(np.unique(a.view(np.uint32))))
    assert colours[0] > 3                   # land, water, neighbours, borders in view


# on a coarse grid, so that boxes often touch (meeting at an edge is not intersecting)
coordinate = st.integers(-6, 30).map(lambda v: v * 4.0)
size = st.sampled_from([0.0, 0.25, 4.0, 8.0, 12.0, 20.0, 48.0, 96.0])
rects = st.tuples(coordinate, coordinate, size, size).map(lambda r: QRectF(*r))


@hypothesis_settings(max_examples=150, deadline=None)
@example([QRectF(8, 0, 8, 8)], [QRectF(0, 0, 8, 8), QRectF(16, 4, 4, 4), QRectF(8, 8, 8, 8)])
@given(st.lists(rects, max_size=12), st.lists(rects, min_size=1, max_size=12))
def test_the_label_grid_says_free_as_qrectf_intersects_does(taken, asked):
    grid = Occupancy(48.0)
    for rect in taken:
        grid.add(rect)
    for rect in asked:
        assert grid.free(rect) == (not any(rect.intersects(other) for other in taken))


def test_label_layouts_on_a_scene_that_laid_out_others_equal_a_new_scenes(situation):
    def texts(layout):
        return ([(t.text, t.font.key(), t.pos.x(), t.pos.y(), t.colour, t.width)
                 for t in layout.texts], layout.dots, [b.getRect() for b in layout.boxes],
                layout.placed)

    warm = MapScene(situation)
    base = RenderSettings(at=AT, size=(1200, 800))
    view = Viewport.for_settings(warm, base).visible
    cx, cy = (view[0] + view[2]) / 2, (view[1] + view[3]) / 2
    cases = []
    for zoom in (1.0, 3.0, 12.0, 40.0):                   # 40: every place's second line
        hw, hh = (view[2] - view[0]) / 2 / zoom, (view[3] - view[1]) / 2 / zoom
        for language in ("en", "uk"):
            for scale in (1.0, 2.0):
                settings = replace(base, view=(cx - hw, cy - hh, cx + hw, cy + hh),
                                   language=language, scale=scale)
                cases.append((settings, Viewport.for_settings(warm, settings)))
    made = [texts(label_layout(warm, viewport, s)) for s, viewport in cases]
    assert sum(len(m[3]) for m in made) > 100              # places were labelled
    for (settings, viewport), layout in zip(cases, made):
        assert layout == texts(label_layout(MapScene(situation), viewport, settings))
