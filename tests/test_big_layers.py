"""Big layer states (many polygons, or very many vertices) drawn from Displays made for
the zoom: in the window in the background (the map is painted meanwhile, without them),
in exports at once; what is drawn matches the exact geometry to within a pixel."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QColor, QImage

from ui_helpers import open_window
from viewer.model import History, Layer, Region, Situation, SituationMeta, Style, parse_time
from viewer.model.history import Piece
from viewer.render import MapScene, RenderSettings, Viewport, render_image, styles
from viewer.render.big_counts import DENSE_POLYGONS
from viewer.render.display import BIG_VERTICES, bucket

RED = "#c0392b"
D1, D2 = parse_time("2025-06-01"), parse_time("2025-06-08")


def _grid_situation() -> Situation:
    """5,625 squares of 0.04° on a 0.08° grid over 30-36°E, 47-53°N, all on 1 June; the
    western half ends on 8 June."""
    x, y = np.meshgrid(np.arange(75) * 0.08 + 30.0, np.arange(75) * 0.08 + 47.0)
    x, y = x.ravel(), y.ravel()
    squares = shapely.box(x + 0.02, y + 0.02, x + 0.06, y + 0.06)
    west = x < 33.0
    pieces = [Piece(shapely.multipolygons(squares[west]), D1, D2),
              Piece(shapely.multipolygons(squares[~west]), D1, None)]
    layer = Layer("dense", "Dense", "assessed-control", History([D1, D2], pieces, []),
                  style=Style(RED, 1.0))
    region = Region("R", {"en": "Land"}, shapely.box(29.5, 46.5, 36.5, 53.5))
    meta = SituationMeta(title="Grid", highlight_days=0.0, default_bbox=(29.5, 46.5, 36.5, 53.5))
    return Situation(meta, [region], [], [layer])


def test_the_window_draws_a_big_state_once_it_is_made_in_the_background(qtbot, tmp_path,
                                                                        monkeypatch):
    from ui_helpers import isolate_settings
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, _grid_situation(), size=(900, 700))
    canvas, scene = window.canvas, window.canvas.scene
    canvas.set_decorations(False)
    assert scene.big.is_big("dense", 0) and scene.big.is_big("dense", 1)
    window.cursor_model.set_time(D1)
    canvas.repaint()                    # asks for the Display; paints the map without it
    level = bucket(canvas.viewport().metres_per_pixel / canvas.devicePixelRatioF())
    assert not scene.big.has(("dense", 0, level))
    assert not _share(canvas.grab().toImage(), RED).any()        # not drawn meanwhile
    qtbot.waitUntil(lambda: scene.big.has(("dense", 0, level))
                    and scene.big.has(("dense", 1, level)), timeout=20000)
    for t in (D1, D2):                  # (on 8 June the western half has ended)
        window.cursor_model.set_time(t)
        image = canvas.grab().toImage()
        assert image.devicePixelRatio() == 1.0
        _check_against_exact(image, scene, canvas.viewport(),
                             scene.situation.layers[0].history.state_at(t))
    assert window.big_layers.wait(5.0)
    window.close()


def _check_against_exact(image: QImage, scene, vp, area) -> None:
    """The pixels filled in the layer's colour against those whose centre lies in the
    exact projected ``area``: they differ only within two pixels of its edge, and on
    fewer than 60% of those pixels. Pixels neither red nor land (labels, borders) are not compared."""
    width, height = image.width(), image.height()
    filled = _share(image, RED)
    compared = filled | _share(image, styles.REGION_FILL)
    exact = scene.project_layer(np.array([area], dtype=object))[0]
    px, py = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    mx, my = vp.to_map(px.ravel(), py.ravel())
    shapely.prepare(exact)
    inside = shapely.contains_xy(exact, mx, my).reshape(height, width)
    differ = (filled ^ inside) & compared
    # near: a pixel within two of one on the other side (the raster is sampled at its own
    # pixels' centres, up to half a screen pixel from the screen's, and simplified by a
    # quarter of its pixel)
    padded = np.pad(inside, 2, mode="edge")
    near = np.zeros_like(inside)
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            near |= padded[2 + dy:height + 2 + dy, 2 + dx:width + 2 + dx] != inside
    assert inside.any() and not (differ & ~near).any()
    assert differ.sum() <= 0.6 * near.sum()


def _share(image: QImage, colour: str) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.width(), 4)[..., 2::-1].astype(int)
    c = QColor(colour)
    return np.all(np.abs(pixels - [c.red(), c.green(), c.blue()]) <= 2, axis=-1)


@pytest.mark.parametrize("kind", ["many polygons", "many vertices"])
def test_an_exported_big_state_covers_the_pixels_of_the_exact_geometry(qapp, kind):
    """The pixels filled (layer colour, opaque) against the pixels whose centre lies in
    the exact projected geometry (shapely.contains_xy): they differ at most along the
    edges, by one pixel."""
    if kind == "many polygons":
        situation = _grid_situation()
    else:               # a wavy ring of 300,000 vertices
        a = np.linspace(0, 2 * np.pi, 300_000, endpoint=False)
        r = 2.0 + 0.05 * np.sin(a * 400)
        ring = shapely.Polygon(np.column_stack([33 + 1.4 * r * np.cos(a), 50 + r * np.sin(a)]))
        layer = Layer("dense", "Wavy", "assessed-control",
                      History([D1], [Piece(shapely.MultiPolygon([ring]), D1, None)], []),
                      style=Style(RED, 1.0))
        meta = SituationMeta(title="Wavy", highlight_days=0.0,
                             default_bbox=(29.5, 46.5, 36.5, 53.5))
        situation = Situation(meta, [], [], [layer])
    scene = MapScene(situation)
    assert scene.big.is_big("dense", 0)
    counts = shapely.get_num_geometries(np.array([p.geometry for p in
                                                  situation.layers[0].history.pieces]))
    assert counts.sum() > DENSE_POLYGONS or kind == "many vertices"
    assert kind == "many polygons" or shapely.get_num_coordinates(
        situation.layers[0].history.pieces[0].geometry) > BIG_VERTICES
    settings = RenderSettings(at=D1, size=(700, 500), decorations=False,
                              hidden=frozenset({"labels", "regions", "context"}))
    _check_against_exact(render_image(scene, settings), scene,
                         Viewport.for_settings(scene, settings),
                         situation.layers[0].history.state_at(D1))


def test_a_file_s_first_view_shows_its_big_state_already(qtbot, tmp_path, monkeypatch):
    """Opening a file makes a coarse Display (one zoom bucket coarser) of the big state
    it opens on before its first view is painted (in the loader's worker), so the first
    paint shows the layer; the view's own is made next in the background, for that
    state only (the first view holds no other state's pieces), and the whole file's
    scene keeps it."""
    from ui_helpers import isolate_settings
    from viewer.io.situation_file import write_situation
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "grid.gpkg"
    write_situation(_grid_situation(), path)
    window = open_window(qtbot, size=(900, 700))
    canvas = window.canvas
    canvas.set_decorations(False)
    with qtbot.waitSignal(window.files.loader.first_view, timeout=20000) as first:
        window.files.open_file(path)
    scene = first.args[0].scene
    assert canvas.showing_first_view and canvas.scene is scene
    level = bucket(canvas.viewport().metres_per_pixel / canvas.devicePixelRatioF())
    assert scene.big.has(("dense", 1, level + 1))      # opens on 8 June, its last state
    _check_against_exact(canvas.grab().toImage(), scene, canvas.viewport(),
                         scene.situation.layers[0].history.state_at(D2))
    qtbot.waitUntil(lambda: not canvas.showing_first_view, timeout=20000)
    assert canvas.scene.big.has(("dense", 1, level + 1))   # adopted by the whole file's
    qtbot.waitUntil(lambda: canvas.scene.big.has(("dense", 1, level)), timeout=20000)
    window.cursor_model.set_time(D1)
    qtbot.waitUntil(lambda: canvas.scene.big.has(("dense", 0, level)), timeout=20000)
    for t in (D2, D1):                  # D1's made from the whole file's pieces
        window.cursor_model.set_time(t)
        _check_against_exact(canvas.grab().toImage(), canvas.scene, canvas.viewport(),
                             canvas.scene.situation.layers[0].history.state_at(t))
    assert window.big_layers.wait(10.0)
    window.close()


def test_a_first_view_asks_for_the_state_it_shows_only(qapp, tmp_path):
    """A first view holds only the pieces in force at its time: the builder is asked for
    that state's Display, never for the layer's other states (made from those pieces,
    they would be wrong, and the whole file's scene adopts what the first view made)."""
    from viewer.io.situation_file import write_situation
    from viewer.io.situation_file.lazy import first_view
    from viewer.io.situation_file.reader import read_rows
    from viewer.render.first_scene import FirstViewScene
    path = tmp_path / "grid.gpkg"
    write_situation(_grid_situation(), path)
    situation, at = first_view(read_rows(str(path)))
    scene = FirstViewScene(situation)
    asked = []
    scene.big.request = lambda key, pieces, others: asked.append((key, others()))
    assert scene.big.state_display("dense", 1, 500.0) is None
    assert asked == [(("dense", 1, bucket(500.0)), [])]


def test_the_loader_counts_the_pieces_before_the_gui_has_the_scene(qapp, monkeypatch):
    """prepare (the loader's worker) counts each layer's pieces: the GUI's first time
    step (is_big) then counts none."""
    from viewer.render import big_layers
    from viewer.ui.loader import prepare
    loaded = prepare(_grid_situation())

    def counted(*args, **kwargs):
        raise AssertionError("pieces counted on the GUI thread")
    monkeypatch.setattr(big_layers.shapely, "get_num_coordinates", counted)
    assert loaded.scene.big.is_big("dense", 0)


def test_the_measuring_builds_paths_of_pieces_drawn_as_paths_only(qapp):
    """The pieces of big states alone are drawn from Displays: the window's measuring
    no longer projects them and makes their paths (the 200,000 squares: ~110 MB)."""
    from viewer.model.snapshot import SituationSnapshot
    from viewer.ui.measuring import prebuild_job
    from viewer.ui.worker import Job
    grid = _grid_situation()
    small = Layer("small", "Small", "assessed-control",
                  History([D1], [Piece(shapely.box(31, 48, 31.5, 48.5), D1, None)], []),
                  style=Style("#2980b9", 1.0))
    situation = Situation(grid.meta, grid.regions, [], grid.layers + [small])
    steps = prebuild_job(SituationSnapshot.of(situation), MapScene(situation).projector.crs,
                         Job())
    built = next(steps)
    assert set(built) == {("small", 0)}
