"""The shared draw routine and export, on small hand-made situations with known pixels."""

from __future__ import annotations

import os
import stat

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from shapely.geometry import box

from viewer.io.errors import SituationError
from viewer.model import History, Layer, Place, Region, Situation, SituationMeta, Style, parse_time
from viewer.render import (MapScene, RenderSettings, Viewport, draw_map, render_image,
                           render_to_file, styles)
from viewer.render.ground_scale import ground_metres_per_pixel, nice_length
from viewer.render.map_texts import format_date
from viewer.render.label_layout import layout_labels

D1, D5, D20 = parse_time("2025-06-01"), parse_time("2025-06-05"), parse_time("2025-06-20")
RED = "#c0392b"


def _situation(max_vertices: int = 200) -> Situation:
    """Own region 30-32°E, context 32-34°E (48-50°N). Layer "ctl" holds 30.2-31.0°E from
    1 June and grows to 31.6°E on 5 June; layer "claim" (hatched) covers 32.2-33.8°E."""
    own = Region("A", {"en": "Alpha", "uk": "Альфа"}, box(30, 48, 32, 50))
    ctx = Region("X", {"en": "Elsewhere"}, box(32, 48, 34, 50), admin_level=0, role="context")
    ctl = Layer("ctl", "Control", "assessed-control", History.from_states("ctl", [
        (D1, box(30.2, 48.2, 31.0, 49.8).segmentize(0.05)),
        (D5, box(30.2, 48.2, 31.6, 49.8).segmentize(0.05))],
        max_vertices=max_vertices), style=Style(RED, 0.45))
    claim = Layer("claim", "Claimed", "claimed", History.from_states("claim", [
        (D1, box(32.2, 48.2, 33.8, 49.8))]))
    meta = SituationMeta(title="Test map", attributions=["tests"], highlight_days=7.0,
                         default_bbox=(29.5, 47.5, 34.5, 50.5))
    return Situation(meta, [own, ctx], [], [claim, ctl])


def _settings(at, **kw) -> RenderSettings:
    kw.setdefault("decorations", False)
    kw.setdefault("hidden", frozenset({"labels"}))
    return RenderSettings(at=at, size=(400, 250), **kw)


def _pixel(scene: MapScene, settings: RenderSettings, image: QImage, lon: float, lat: float):
    x, y = scene.projector.forward(lon, lat)
    px, py = Viewport.for_settings(scene, settings).to_pixels(float(x), float(y))
    c = image.pixelColor(int(px), int(py))
    return np.array([c.red(), c.green(), c.blue()], float)


def _blend(fg: str, alpha: float, bg) -> np.ndarray:
    c = QColor(fg)
    return np.array([c.red(), c.green(), c.blue()], float) * alpha + np.asarray(bg, float) * (1 - alpha)


def _rgb(hex_color: str) -> np.ndarray:
    c = QColor(hex_color)
    return np.array([c.red(), c.green(), c.blue()], float)


@pytest.fixture
def scene(qapp) -> MapScene:
    return MapScene(_situation())


def test_render_image_has_the_asked_size_and_format(scene):
    image = render_image(scene, RenderSettings(at=D5, size=(321, 123)))
    assert (image.width(), image.height()) == (321, 123)
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied


def test_layer_colour_inside_its_area_only_once_it_exists(scene):
    land = _rgb(styles.REGION_FILL)
    after = _settings(D5 + timedelta(days=30))
    got = _pixel(scene, after, render_image(scene, after), 30.6, 49.0)
    assert np.abs(got - _blend(RED, 0.45, land)).max() <= 4
    before = _settings(D1 - timedelta(days=1))
    got = _pixel(scene, before, render_image(scene, before), 30.6, 49.0)
    assert np.abs(got - land).max() <= 2


def test_hiding_a_layer_removes_its_colour(scene):
    settings = _settings(D20, hidden=frozenset({"labels", "ctl"}))
    got = _pixel(scene, settings, render_image(scene, settings), 30.6, 49.0)
    assert np.abs(got - _rgb(styles.REGION_FILL)).max() <= 2


def test_opacity_override_replaces_the_style_opacity(scene):
    settings = _settings(D20, opacity=(("ctl", 0.9),))
    got = _pixel(scene, settings, render_image(scene, settings), 30.6, 49.0)
    assert np.abs(got - _blend(RED, 0.9, _rgb(styles.REGION_FILL))).max() <= 4


def test_gain_is_highlighted_within_the_window_and_not_after(scene):
    layer = _blend(RED, 0.45, _rgb(styles.REGION_FILL))
    inside = _settings(D5 + timedelta(days=2))
    got = _pixel(scene, inside, render_image(scene, inside), 31.3, 49.0)
    assert np.abs(got - _blend(styles.GAIN, styles.HIGHLIGHT_OPACITY, layer)).max() <= 5
    later = _settings(D5 + timedelta(days=8))
    got = _pixel(scene, later, render_image(scene, later), 31.3, 49.0)
    assert np.abs(got - layer).max() <= 4
    no_window = _settings(D5 + timedelta(days=2), highlight_days=0)
    got = _pixel(scene, no_window, render_image(scene, no_window), 31.3, 49.0)
    assert np.abs(got - layer).max() <= 4


def test_pieces_of_one_state_show_no_seam(qapp):
    scene = MapScene(_situation(max_vertices=20))        # the state is cut into many pieces
    assert len(scene.situation.layer("ctl").history.pieces_at(D20)) > 2
    settings = _settings(D20, highlight_days=0)
    image = render_image(scene, settings)
    vp = Viewport.for_settings(scene, settings)
    x0, y0 = vp.to_pixels(*map(float, scene.projector.forward(30.3, 48.3)))
    x1, y1 = vp.to_pixels(*map(float, scene.projector.forward(31.5, 49.7)))
    row = int((y0 + y1) / 2)
    pixels = np.array([[image.pixelColor(x, row).red(), image.pixelColor(x, row).green()]
                       for x in range(int(x0) + 2, int(x1) - 2)])
    assert np.ptp(pixels, axis=0).max() <= 2


def test_hatched_layer_has_lines_over_a_light_tint(scene):
    settings = _settings(D20)
    image = render_image(scene, settings)
    vp = Viewport.for_settings(scene, settings)
    x0, y0 = vp.to_pixels(*map(float, scene.projector.forward(32.5, 48.5)))
    x1, y1 = vp.to_pixels(*map(float, scene.projector.forward(33.5, 49.5)))
    greens = [image.pixelColor(x, int(y0)).green() for x in range(int(x0), int(x1))]
    assert max(greens) - min(greens) > 40           # lines alternate with the tint
    outside = vp.to_pixels(*map(float, scene.projector.forward(33.9, 49.9)))
    c = image.pixelColor(int(outside[0]), int(outside[1]))
    assert np.abs(np.array([c.red(), c.green(), c.blue()]) - _rgb(styles.CONTEXT_FILL)).max() <= 2


def test_selected_change_is_outlined(scene):
    change = "ctl@2025-06-05T00:00:00Z"
    plain = _settings(D20)
    chosen = _settings(D20, selected_changes=frozenset({change, "no-such-change"}))
    a, b = render_image(scene, plain), render_image(scene, chosen)
    edge_lon = 31.6                      # the gained strip's east edge
    assert _pixel(scene, chosen, b, edge_lon, 49.0).max() < 80
    assert _pixel(scene, plain, a, edge_lon, 49.0).max() > 100


def test_files_are_written_by_suffix(scene, tmp_path):
    settings = RenderSettings(at=D5, size=(300, 200))
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}
    for suffix, start in magic.items():
        path = tmp_path / f"map{suffix}"
        render_to_file(scene, settings, path)
        assert path.read_bytes().startswith(start), suffix
    assert b"<svg" in (tmp_path / "map.svg").read_bytes()[:400]
    assert QImage(str(tmp_path / "map.png")).size().toTuple() == (300, 200)


def test_unsupported_suffix_and_unwritable_paths_raise(scene, tmp_path):
    settings = RenderSettings(at=D5, size=(100, 80))
    with pytest.raises(SituationError, match="use .png, .svg or .pdf"):
        render_to_file(scene, settings, tmp_path / "map.jpg2000")
    with pytest.raises(SituationError, match="no folder"):
        render_to_file(scene, settings, tmp_path / "missing" / "map.png")
    (tmp_path / "taken.png").mkdir()
    with pytest.raises(SituationError, match="can't write: it is a folder"):
        render_to_file(scene, settings, tmp_path / "taken.png")
    os.mkfifo(tmp_path / "pipe.png")           # refused, never replaced (nor blocked on)
    with pytest.raises(SituationError, match="not a regular file"):
        render_to_file(scene, settings, tmp_path / "pipe.png")
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe.png").st_mode)


def test_draw_map_into_an_offset_rect_draws_only_there(scene):
    image = QImage(500, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    draw_map(painter, scene, _settings(D5), QRectF(100, 50, 400, 250))
    painter.end()
    assert image.pixelColor(50, 25) == QColor("#000000")
    assert image.pixelColor(110, 60) != QColor("#000000")


def test_viewport_fits_the_view_centred_and_round_trips():
    vp = Viewport((0.0, 0.0, 2000.0, 1000.0), 400, 400)
    assert vp.metres_per_pixel == pytest.approx(5.0)
    assert vp.to_pixels(1000.0, 500.0) == pytest.approx((200.0, 200.0))
    assert vp.to_pixels(0.0, 1000.0) == pytest.approx((0.0, 100.0))
    x, y = vp.to_map(*vp.to_pixels(np.array([10.0, 1500.0]), np.array([20.0, 700.0])))
    assert np.allclose(x, [10.0, 1500.0]) and np.allclose(y, [20.0, 700.0])
    mapped = vp.transform.map(0.0, 1000.0)
    assert mapped == pytest.approx((0.0, 100.0))


def test_scale_bar_uses_true_ground_distance(scene):
    vp = Viewport.for_settings(scene, _settings(D5))
    assert ground_metres_per_pixel(scene, vp) == pytest.approx(vp.metres_per_pixel, rel=0.01)
    assert [nice_length(v) for v in (7.0, 260.0, 1999.0, 5e4)] == [5, 200, 1000, 5e4]


def test_date_shows_time_only_when_not_midnight():
    assert format_date(parse_time("2025-06-13")) == "13 June 2025"
    assert format_date(parse_time("2025-06-13T08:30Z")) == "13 June 2025, 08:30 UTC"


def test_labels_do_not_pile_up(qapp):
    situation = _situation()
    situation.places = [Place(f"p{i}", {"en": f"Town {i}"}, 30.6 + i * 1e-3, 49.0, 1000 * (10 - i))
                        for i in range(10)] + [Place("big", {"en": "Big City"}, 31.5, 48.5, 2_000_000)]
    scene = MapScene(situation)
    settings = RenderSettings(at=D5, size=(400, 250))
    texts = [t.text for t in layout_labels(scene, Viewport.for_settings(scene, settings), settings).texts]
    assert "Big City" in texts and "Town 0" in texts
    assert sum(t.startswith("Town") for t in texts) == 1      # the others would overlap it
    hidden = RenderSettings(at=D5, size=(400, 250), hidden=frozenset({"places"}))
    texts = [t.text for t in layout_labels(scene, Viewport.for_settings(scene, hidden), hidden).texts]
    assert not any(t.startswith(("Town", "Big")) for t in texts)


def test_touching_pieces_of_either_orientation_fill_without_seam(qapp):
    from shapely.geometry.polygon import orient
    from viewer.render.paths import geometry_path
    left = orient(box(10.0, 10.0, 50.3, 90.0), sign=1.0)      # counter-clockwise
    right = orient(box(50.3, 10.0, 90.0, 90.0), sign=-1.0)    # clockwise
    image = QImage(100, 100, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(geometry_path([left, right]), QColor(192, 57, 43, 115))
    painter.end()
    row = [image.pixelColor(x, 50).green() for x in range(15, 85)]
    assert max(row) - min(row) <= 1


def test_parts_draw_on_their_own_as_the_window_uses_them(scene):
    from viewer.render import draw_background, draw_dynamic, draw_labels
    situation = scene.situation
    situation.places = [Place("p", {"en": "Placeton"}, 31.0, 49.0, 50_000)]
    scene = MapScene(situation)
    settings = RenderSettings(at=D20, size=(400, 250), decorations=False,
                              selected_changes=frozenset({"ctl@2025-06-05T00:00:00Z"}))
    vp = Viewport(Viewport.view_for(scene, settings), 400, 250)
    images = []
    for draw in (draw_background, draw_dynamic, draw_labels):
        image = QImage(400, 250, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)           # no clip set: hatching must not depend on one
        draw(painter, scene, vp, settings)
        painter.end()
        images.append(image)
    background, dynamic, labels = images
    assert background.pixelColor(2, 2).alpha() == 255
    assert dynamic.pixelColor(2, 2).alpha() == 0            # only the layers are drawn
    x, y = vp.to_pixels(*map(float, scene.projector.forward(33.0, 49.0)))
    assert dynamic.pixelColor(int(x), int(y)).alpha() > 0   # the hatched claim
    assert labels.pixelColor(2, 2).alpha() == 0
    px, py = vp.to_pixels(*map(float, scene.projector.forward(31.0, 49.0)))
    assert labels.pixelColor(int(px), int(py)).alpha() > 200   # the place's dot


def test_an_empty_situation_still_renders(qapp):
    scene = MapScene(Situation())
    image = render_image(scene, RenderSettings(at=D5, size=(200, 120)))
    assert image.size().toTuple() == (200, 120)
    c = image.pixelColor(190, 60)         # clear of the legend and the scale bar
    assert np.abs(np.array([c.red(), c.green(), c.blue()]) - _rgb(styles.WATER)).max() <= 2


def test_legend_keys_the_visible_layers_and_highlights_whatever_the_time(scene):
    """The key stays the same while the time moves, so it doesn't jump during playback."""
    from viewer.render.decorations import _legend_items
    key = ["Control", "Claimed", "Gained in the last 7 days", "Lost in the last 7 days"]
    for at in (D5, D1 - timedelta(1), D5 + timedelta(days=30)):
        assert [item[1] for item in _legend_items(scene, RenderSettings(at=at))] == key
    hidden = RenderSettings(at=D5, hidden=frozenset({"claim"}), highlight_days=0)
    assert [item[1] for item in _legend_items(scene, hidden)] == ["Control"]


def test_pieces_sharing_a_long_edge_leave_no_gap_between_them(qapp):
    """Two pieces share a 6°-long parallel, one with an extra vertex along it. Projected,
    a straight lon/lat edge is a curve: drawn as one chord on one side and as two on the
    other, a hairline of background showed through the fill (the DeepState import showed
    one across Luhansk Oblast)."""
    from shapely.geometry import Polygon

    from viewer.model.history import Piece
    # (the projected parallel sags between its ends: the chord lies north of it)
    south = Polygon([(30, 47), (36, 47), (36, 49), (33, 49), (30, 49)])
    north = box(30, 49, 36, 51)
    history = History([D1], [Piece(south, D1, None), Piece(north, D1, None)], [])
    layer = Layer("ctl", "Control", "assessed-control", history, style=Style(RED, 1.0))
    meta = SituationMeta(title="Seam", highlight_days=0.0, default_bbox=(29.5, 46.5, 36.5, 51.5))
    scene = MapScene(Situation(meta, [], [], [layer]))
    settings = RenderSettings(at=D1, size=(900, 700), decorations=False,
                              hidden=frozenset({"labels"}))
    image = render_image(scene, settings)
    along = np.array([_pixel(scene, settings, image, lon, 49.0)
                      for lon in np.arange(30.3, 35.75, 0.05)])
    assert np.abs(along - _rgb(RED)).max() <= 6, along[np.abs(along - _rgb(RED)).max(axis=1) > 6][:3]


def test_pieces_built_in_a_worker_thread_draw_the_same_as_pieces_built_when_shown(
        qapp, monkeypatch):
    """The window has a worker build every piece's path after the first paint; a scene
    that adopts them must draw exactly what one building them on demand draws."""
    import threading

    from viewer.render import prebuild
    from viewer.render.prebuild import build_pieces
    monkeypatch.setattr(prebuild, "PREBUILD_CHUNK", 16)     # several chunks

    situation = _situation(max_vertices=8)            # many small pieces
    lazy, eager = MapScene(situation), MapScene(situation)
    built: dict = {}
    pieces = [(layer.id, i, p.geometry) for layer in situation.layers
              for i, p in enumerate(layer.history.pieces)]
    crs = eager.projector.crs
    worker = threading.Thread(target=lambda: built.update(build_pieces(crs, pieces)))
    worker.start()
    lazy_image = render_image(lazy, _settings(D5))  # meanwhile, on this one
    worker.join()
    assert len(built) == sum(len(layer.history.pieces) for layer in situation.layers)
    eager.adopt_pieces(built)
    for t in (D1, D5):
        a = render_image(lazy, _settings(t))
        b = render_image(eager, _settings(t))
        assert a == b, t
    assert lazy_image == render_image(eager, _settings(D5))


def test_a_dense_layer_is_filled_without_antialiasing_and_the_same_area(qapp):
    """A state of more rings than DENSE_RINGS (here from 4,000 small boxes, off the pixel
    grid) is filled without antialiasing: every pixel of the map is the layer's colour or
    the background, none between, and the filled share of the map matches the squares'
    share, computed from their projected areas."""
    import shapely

    from viewer.model.history import Piece
    from viewer.render.scene import DENSE_RINGS
    rng = np.random.default_rng(3)
    n = 4_000
    x, y = rng.uniform(30.0, 35.9, n), rng.uniform(47.0, 50.9, n)
    squares = shapely.box(x, y, x + 0.03, y + 0.02)
    state = shapely.union_all(squares)
    history = History([D1], [Piece(p, D1, None) for p in shapely.get_parts(state)], [])
    layer = Layer("dense", "Dense", "assessed-control", history, style=Style(RED, 1.0))
    meta = SituationMeta(title="Dense", highlight_days=0.0, default_bbox=(30, 47, 36, 51))
    scene = MapScene(Situation(meta, [], [], [layer]))
    assert scene.layer_rings("dense", D1) > DENSE_RINGS
    settings = RenderSettings(at=D1, size=(600, 400), decorations=False,
                              hidden=frozenset({"labels", "regions", "context"}))
    image = render_image(scene, settings).convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    pixels = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.width(), 4)[..., :3]
    red = np.all(np.abs(pixels[..., ::-1].astype(int) - _rgb(RED)) <= 1, axis=-1)
    background = np.all(pixels == pixels[0, 0], axis=-1)
    assert (red | background).all()
    vp = Viewport.for_settings(scene, settings)
    projected = scene.project_layer(np.array([state], dtype=object))[0]
    x0, y0, x1, y1 = scene.project_layer(np.array([shapely.box(30, 47, 36, 51)],
                                                  dtype=object))[0].bounds
    left, top = vp.to_pixels(x0, y1)
    right, bottom = vp.to_pixels(x1, y0)
    view = red[int(top) + 2:int(bottom) - 2, int(left) + 2:int(right) - 2]
    assert view.size > 0
    share = projected.area / shapely.box(x0, y0, x1, y1).area
    assert view.mean() == pytest.approx(share, abs=0.03)
