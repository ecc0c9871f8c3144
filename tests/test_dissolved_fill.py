"""A layer state filled from its dissolved outline (render/dissolve.py,
render/prebuild_states.py) covers what its pieces covered: the outline is the union's
(shapely), and the canvas shows the date as it did when it filled the pieces, but for
antialiasing shades."""

from __future__ import annotations

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as hs
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from shapely.geometry import Point, box

from factories import D
from ui_helpers import open_canvas
from viewer.model import History, Layer, Region, Situation, SituationMeta, Style
from viewer.model.geometry import split_large
from viewer.model.snapshot import SituationSnapshot
from viewer.render import MapScene
from viewer.render.dissolve import dissolved_rings
from viewer.render.prebuild_states import PrebuiltDissolved, build_dissolved
from viewer.render.scene import DISPLAY_SEGMENT_DEG
from viewer.ui.measuring import prebuild_job
from viewer.ui.worker import Job


def _segments(rings) -> np.ndarray:
    coords, index = shapely.get_coordinates(rings, return_index=True)
    same = index[1:] == index[:-1]
    return np.hstack([coords[:-1][same], coords[1:][same]])


def _signed_area(rings) -> float:
    """The area a winding-rule fill of ``rings`` covers, each ring counted once (the
    pieces are disjoint: no point is wound twice)."""
    polys = shapely.polygons(rings)
    return float(np.sum(shapely.area(polys) * np.where(shapely.is_ccw(rings), 1, -1)))


def _no_pair_left(rings) -> bool:
    segs = _segments(rings)
    forward = {tuple(s) for s in segs.tolist()}
    return not any((x1, y1, x0, y0) in forward for x0, y0, x1, y1 in segs.tolist())


@settings(max_examples=40, deadline=None)
@given(hs.lists(hs.booleans(), min_size=36, max_size=36))
def test_the_dissolved_rings_of_grid_squares_are_the_outline_of_their_union(cells):
    """Unit squares of a 6 x 6 grid, touching at edges and at corners: every shared
    edge is the same two points both ways, so all of them go."""
    kept = [box(i, j, i + 1, j + 1) for k, (i, j) in enumerate(np.ndindex(6, 6)) if cells[k]]
    rings = dissolved_rings(np.array(kept, dtype=object))
    if not kept:
        assert len(rings) == 0
        return
    union = shapely.union_all(kept)
    assert abs(_signed_area(rings) - union.area) < 1e-9
    assert abs(float(np.sum(shapely.length(rings))) - union.boundary.length) < 1e-9
    assert _no_pair_left(rings)


@settings(max_examples=25, deadline=None)
@given(hs.integers(12, 80), hs.floats(0, 90))
def test_the_dissolved_rings_of_cut_pieces_fill_their_union(max_vertices, angle):
    """A wiggly disc with a hole, cut into pieces as a layer's history cuts them (not
    every shared edge is noded alike on both sides: those stay, and still fill right)."""
    disc = Point(10, 3).buffer(3, 64).difference(Point(10.3, 3.2).buffer(1, 16))
    pieces = split_large(shapely.affinity.rotate(disc, angle), max_vertices)
    rings = dissolved_rings(np.array(pieces, dtype=object))
    union = shapely.union_all(pieces)
    assert abs(_signed_area(rings) - union.area) < 1e-9 * union.area
    assert float(np.sum(shapely.length(rings))) < \
        sum(shapely.length(shapely.boundary(pieces))) - 0.5 * union.boundary.length
    assert _no_pair_left(rings)


def _front_situation() -> Situation:
    """A wiggly front advancing over three days, its area cut into ~60 adjacent pieces."""
    states = []
    for k in range(3):
        angle = np.linspace(0, 2 * np.pi, 400, endpoint=False)
        r = 0.55 + 0.06 * np.sin(9 * angle + k) + 0.03 * np.sin(23 * angle) + 0.04 * k
        ring = np.column_stack([31 + r * np.cos(angle) * 1.4, 48.5 + r * np.sin(angle)])
        states.append((D[1 + k], shapely.Polygon(ring)))
    layer = Layer("front", "Front", "assessed-control",
                  History.from_states("front", states, max_vertices=24),
                  style=Style("#c0392b", 0.45))
    meta = SituationMeta(title="Front", highlight_days=0.0, default_bbox=(29.5, 47.7, 32.5, 49.3))
    return Situation(meta, [Region("A", {"en": "A"}, box(29.5, 47.7, 32.5, 49.3))], [], [layer])


def _pixels(canvas) -> np.ndarray:
    image = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    out = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return out[:, :image.width(), :3].astype(int).copy()     # (copied while image lives)


def test_the_canvas_shows_a_date_as_its_pieces_filled_it(qtbot):
    s = _front_situation()
    history = s.layer("front").history
    assert min(len(history.piece_indices(i)) for i in range(3)) > 20    # many pieces
    canvas = open_canvas(qtbot, s, size=(640, 420), decorations=False, highlight_days=0)
    scene = canvas.scene
    built = build_dissolved(scene.projector.crs, [("front", history)], DISPLAY_SEGMENT_DEG)
    assert sorted(built.states) == [("front", 0), ("front", 1), ("front", 2)]
    for zoom in (1.0, 3.0):
        if zoom != 1.0:
            x, y = scene.projector.forward(31.8, 48.5)          # about the front's east
            canvas.zoom_by(zoom, QPointF(*canvas.viewport().to_pixels(x, y)))
        for day in (1, 2, 3):
            canvas.cursor_model.set_time(D[day])
            scene._dissolved.clear()
            scene._state_paths.clear()
            before = _pixels(canvas)                 # the pieces' path
            pieces_elements = scene.layer_path("front", D[day]).elementCount()
            scene.adopt_dissolved(built.states)
            after = _pixels(canvas)                  # the dissolved outline
            # the outline is in use: some of the pieces' shared edges are gone
            index = history.state_index(D[day])
            shown = scene.layer_path("front", D[day]).elementCount()
            assert shown == len(built.states[("front", index)]) < pieces_elements
            diff = np.abs(after - before).max(axis=2)
            assert diff.max() <= 3, (zoom, day, int(diff.max()))
            assert (diff > 0).sum() < 0.002 * diff.size, (zoom, day, int((diff > 0).sum()))
            # and an independent look: well inside the union (shapely) the layer's red
            # (but for the region's label there), well outside none
            union = scene.project_layer(history.state_at(D[day]))
            viewport = canvas.viewport()
            m = viewport.metres_per_pixel
            inside, outside = union.buffer(-3 * m), union.buffer(3 * m)
            xs, ys = np.meshgrid(np.arange(5, 635, 7), np.arange(5, 415, 7))
            mx, my = viewport.to_map(xs.ravel() + 0.5, ys.ravel() + 0.5)
            points = shapely.points(mx, my)
            ins, outs = shapely.contains(inside, points), ~shapely.intersects(outside, points)
            colours = after[ys.ravel(), xs.ravel()]
            red = colours[:, 2] - colours[:, 1]         # (BGRA bytes: R minus G)
            assert ins.sum() > 50 and outs.sum() > 10
            assert (red[ins] > 40).mean() > 0.97 and (red[outs] < 20).all()


def test_the_prebuild_job_ends_with_every_state_dissolved(qtbot):
    s = _front_situation()
    steps = list(prebuild_job(SituationSnapshot.of(s), MapScene(s).projector.crs, Job()))
    assert isinstance(steps[-1], PrebuiltDissolved)
    assert sorted(steps[-1].states) == [("front", 0), ("front", 1), ("front", 2)]
    QApplication.processEvents()


def test_a_dissolved_state_keeps_its_points_to_a_quarter_metre():
    from viewer.render.prebuild_states import QUANTUM, _dissolved
    near = shapely.linearrings([(500_000.1, 5_400_000.3), (505_000.7, 5_400_000.2),
                                (505_000.4, 5_404_999.9), (500_000.1, 5_400_000.3)])
    far = shapely.linearrings([(0.0, 0.0), (20_000.0, 0.0), (0.0, 1.0), (0.0, 0.0)])
    for rings, kind in (([near, near], np.int16), ([near, far], np.int32)):   # steps > 8 km
        made = _dissolved(np.array(rings, dtype=object))
        want = shapely.get_coordinates(np.array(rings, dtype=object))
        assert made.arrays()[0].dtype == kind and len(made) == len(want) == 8
        assert np.abs(made.points() - want).max() <= QUANTUM / 2
        assert made.path().elementCount() == 8


def _drifting_history(days: int) -> History:
    """A wiggly front that moves a little each day (a few of its 400 points), cut into
    pieces as an import cuts them."""
    angle = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    r = 0.55 + 0.06 * np.sin(9 * angle) + 0.03 * np.sin(23 * angle)
    states = []
    for k in range(days):
        r = r.copy()
        r[(7 * k) % 400:(7 * k) % 400 + 5] += 0.01          # one bulge a day
        ring = np.column_stack([31 + r * np.cos(angle) * 1.4, 48.5 + r * np.sin(angle)])
        states.append((D[1] + k * (D[2] - D[1]), shapely.Polygon(ring)))
    return History.from_states("front", states, max_vertices=24)


def test_dissolved_states_keep_what_changed_not_every_point_again():
    """A series' states are kept as what each changed from a key state, so a longer
    series keeps far less than its points (else a 5-year series would outgrow
    DISSOLVED_MAX_BYTES and be filled from its pieces, slower, at most dates), and each
    state gives back exactly the points it was made of."""
    from viewer.render.prebuild_states import KEY_EVERY, _dissolved
    history = _drifting_history(3 * KEY_EVERY + 5)
    crs = MapScene(Situation(SituationMeta(title="t"), [], [], [Layer(
        "front", "Front", "assessed-control", history)])).projector.crs
    built = build_dissolved(crs, [("front", history)], DISPLAY_SEGMENT_DEG)
    assert len(built.states) == len(history.times)
    kept = sum(len(d.packed) for d in built.states.values())
    alone = 0
    for index, made in sorted(built.states.items()):
        single = _dissolved(_rings_of_state(crs, history, index[1]))
        alone += len(single.packed)
        assert np.array_equal(made.points(), single.points())
        assert (made.key is None) == (index[1] % KEY_EVERY == 0)
    # the keys alone, and about a tenth for each state after its key
    assert kept < 0.25 * alone, (kept, alone)


def _rings_of_state(crs, history, index):
    """A state's dissolved rings, projected as build_dissolved projects them."""
    from viewer.analysis.projection import Projector
    geoms = np.array([p.geometry for p in history.pieces], dtype=object)
    rings = dissolved_rings(geoms[history.piece_indices(index)])
    return Projector(crs).project(shapely.segmentize(rings, DISPLAY_SEGMENT_DEG))


def test_a_flat_ring_is_left_out_and_a_bow_tie_is_not():
    """A sliver a cut leaves (a triangle 1e-9 m wide: its points on a line once on the
    quarter-metre grid) fills nothing, so the dissolved state leaves its ring out; a
    bow tie, whose signed area is 0 too, fills its two lobes and stays."""
    from viewer.render.prebuild_states import _dissolved
    square = shapely.linearrings([(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0),
                                  (0.0, 0.0)])
    sliver = shapely.linearrings([(200.0, 0.0), (5_200.0, 1e-9), (10_200.0, 0.0),
                                  (200.0, 0.0)])
    spike = shapely.linearrings([(0.0, 300.0), (50.0, 300.0), (0.0, 300.0), (0.0, 350.0),
                                 (0.0, 300.0)])
    bow_tie = shapely.linearrings([(0.0, 500.0), (10.0, 510.0), (10.0, 500.0), (0.0, 510.0),
                                   (0.0, 500.0)])
    assert shapely.area(shapely.polygons(sliver)) > 0
    made = _dissolved(np.array([sliver, square, spike, bow_tie, sliver], dtype=object))
    want = shapely.get_coordinates(np.array([square, bow_tie], dtype=object))
    assert made.rings == 2 and len(made) == len(want) == 10
    assert np.abs(made.points() - want).max() <= 0.125
    assert _dissolved(np.array([sliver, spike], dtype=object)) is None
