"""Context layers (rivers, water, roads, rails): import, drawing, round trips, GDAL, built in.

Expectations come from the GeoJSON the tests write, pyogrio (GDAL) and known places on
the Dnipro and its tributaries, never from the viewer's own output."""

from __future__ import annotations

import json

import numpy as np
import pyogrio.raw
import pytest
import shapely
from PySide6.QtGui import QColor
from shapely.geometry import LineString, box, mapping

from viewer.cli.main import main
from viewer.importing.builtin_rivers import builtin_rivers
from viewer.importing.context import guess_style
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import parse_time
from viewer.render import MapScene, RenderSettings, Viewport, render_image, render_to_file, styles
from viewer.render.settings import context_layer_key

D1, D2 = parse_time("2023-05-01"), parse_time("2023-07-01")
DRAINED = "2023-06-06T00:00:00Z"
RIVER = LineString([(30.2, 48.5), (31.0, 48.52), (31.8, 48.5)])
LAKE = box(31.2, 48.7, 31.6, 48.9)
ROAD = LineString([(30.3, 48.3), (31.7, 48.35)])
RAIL = LineString([(30.3, 48.15), (31.7, 48.2)])
BBOX = (30.0, 48.0, 32.0, 49.0)


def _geojson(path, features, **top):
    path.write_text(json.dumps({"type": "FeatureCollection", **top, "features": [
        {"type": "Feature", "properties": p, "geometry": mapping(g)} for g, p in features]}))
    return path


@pytest.fixture
def imported(tmp_path, capsys):
    """Two snapshots of a small area (1 May, 1 July 2023) and a context file: a river
    and a reservoir that end on 6 June 2023, a road and a railway."""
    for day in ("20230501", "20230701"):
        _geojson(tmp_path / f"front_{day}.geojson", [(box(30.1, 48.8, 30.3, 48.95), {})])
    ctx = _geojson(tmp_path / "osm.geojson", [
        (RIVER, {"waterway": "river", "name": "Test River", "valid_to": DRAINED}),
        (LAKE, {"natural": "water", "valid_to": DRAINED}),
        (ROAD, {"highway": "primary"}),
        (RAIL, {"railway": "rail"}),
        (shapely.Point(31, 48.6), {"place": "village"})],
        copyright="The data included in this document is from www.openstreetmap.org")
    out = tmp_path / "s.gpkg"
    assert main(["import", str(tmp_path / "front_20230501.geojson"),
                 str(tmp_path / "front_20230701.geojson"), "--layer", "Front",
                 "--places", "none", "--context", f"{ctx}:osm", "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "context: osm 4 feature(s)" in summary
    assert "1 feature(s) without lines or polygons" in summary       # the point
    return out


def test_info_lists_the_context_layers(imported, capsys):
    assert main(["info", str(imported), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["context"] == [{"name": "osm", "styles": {"river": 1, "water": 1, "road": 1,
                                                           "rail": 1}}]
    assert main(["info", str(imported)]) == 0
    assert "context osm: 1 river, 1 water, 1 road, 1 rail" in capsys.readouterr().out


def test_styles_are_guessed_from_osm_tags_and_times_read(imported):
    s = read_situation(imported)
    by_geom = {f.style: f for f in s.context}
    assert set(by_geom) == {"river", "water", "road", "rail"}
    assert by_geom["river"].name == "Test River"
    assert by_geom["river"].valid_to == parse_time(DRAINED) and by_geom["road"].valid_to is None
    assert {f.layer for f in s.context} == {"osm"}
    # the file's own credit line (Overpass puts it in "copyright") is on every render
    assert "The data included in this document is from www.openstreetmap.org" \
        in s.meta.attributions


def test_guess_style_rules():
    assert guess_style({"waterway": "riverbank"}) == "water"
    assert guess_style({"waterway": "canal"}) == "river"
    assert guess_style({"landuse": "reservoir"}) == "water"
    assert guess_style({"featurecla": "Lake Centerline"}) == "water"
    assert guess_style({"featurecla": "River"}) == "river"
    assert guess_style({"highway": "track"}) == "road"
    assert guess_style({"building": "yes"}) == "other"


def test_context_style_option_overrides_the_guess(tmp_path, capsys):
    _geojson(tmp_path / "front_20230501.geojson", [(box(30.1, 48.8, 30.3, 48.95), {})])
    ctx = _geojson(tmp_path / "lines.geojson", [(ROAD, {"highway": "primary"})])
    out = tmp_path / "s.gpkg"
    assert main(["import", str(tmp_path / "front_20230501.geojson"), "--places", "none",
                 "--context", str(ctx), "--context-style", "rail", "--context-credit",
                 "Me, CC0", "-o", str(out)]) == 0
    s = read_situation(out)
    assert [(f.style, f.layer) for f in s.context] == [("rail", "lines")]
    assert "Me, CC0" in s.meta.attributions
    capsys.readouterr()
    bad = tmp_path / "bad.geojson"
    _geojson(bad, [(ROAD, {"valid_from": "2023-07-01", "valid_to": "2023-06-01"})])
    assert main(["import", str(tmp_path / "front_20230501.geojson"), "--places", "none",
                 "--context", str(bad), "-o", str(tmp_path / "t.gpkg")]) == 2
    assert "valid_to is not after valid_from" in capsys.readouterr().err


def test_gdal_reads_the_context_table_with_the_same_geometry(imported):
    layers = dict(pyogrio.list_layers(imported).tolist())
    assert "context_features" in layers
    meta, _, geometry, fields = pyogrio.raw.read(imported, layer="context_features")
    names = list(meta["fields"])
    styles_read = list(fields[names.index("style")])
    geoms = dict(zip(styles_read, shapely.from_wkb(geometry)))
    assert geoms["river"].equals_exact(RIVER, 1e-9)
    assert shapely.normalize(geoms["water"]).equals_exact(
        shapely.normalize(LAKE), 1e-9)
    assert geoms["rail"].equals_exact(RAIL, 1e-9)
    assert list(fields[names.index("valid_to")])[styles_read.index("river")] is not None


def _river_pixels(image) -> int:
    """Pixels within a small distance of the river colour."""
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    c = QColor(styles.CONTEXT_RIVER)
    bgr = np.array([c.blue(), c.green(), c.red()], float)
    return int((np.abs(arr[:, :, :3].astype(float) - bgr).sum(axis=2) < 45).sum())


def _pixel(scene, settings, image, lon, lat):
    x, y = scene.projector.forward(lon, lat)
    px, py = Viewport.for_settings(scene, settings).to_pixels(float(x), float(y))
    c = image.pixelColor(int(px), int(py))
    return np.array([c.red(), c.green(), c.blue()], float)


def _nearest_river(scene, settings, image, lon, lat) -> int:
    """How far (summed |RGB| difference) the pixel nearest the river colour, within 3 px
    across the line at (lon, lat), is from it."""
    x, y = scene.projector.forward(lon, lat)
    px, py = Viewport.for_settings(scene, settings).to_pixels(float(x), float(y))
    river = QColor(styles.CONTEXT_RIVER)
    column = [image.pixelColor(int(px), int(py) + d) for d in range(-3, 4)]
    return min(abs(c.red() - river.red()) + abs(c.green() - river.green())
               + abs(c.blue() - river.blue()) for c in column)


def test_river_and_reservoir_show_until_they_end(imported, qapp):
    scene = MapScene(read_situation(imported))
    before = RenderSettings(at=D1, size=(600, 300), bbox=BBOX, decorations=False,
                            hidden=frozenset({"labels"}))
    image = render_image(scene, before)
    assert _river_pixels(image) > 50           # a 1 px line some 600 px long
    lake = QColor(styles.CONTEXT_WATER)
    assert np.abs(_pixel(scene, before, image, 31.4, 48.8)
                  - [lake.red(), lake.green(), lake.blue()]).max() < 3
    # on the river line: a pixel across it is at least half the river's colour (a 1 px
    # antialiased line between two pixel rows), against a background 285 away
    assert _nearest_river(scene, before, image, 31.0, 48.52) < 150
    after = RenderSettings(at=D2, size=(600, 300), bbox=BBOX, decorations=False,
                           hidden=frozenset({"labels"}))
    drained = render_image(scene, after)
    assert _river_pixels(drained) == 0
    assert _nearest_river(scene, after, drained, 31.0, 48.52) > 250
    assert np.abs(_pixel(scene, after, drained, 31.4, 48.8)
                  - [lake.red(), lake.green(), lake.blue()]).max() > 20
    hidden = RenderSettings(at=D1, size=(600, 300), bbox=BBOX, decorations=False,
                            hidden=frozenset({"labels", context_layer_key("osm")}))
    assert _river_pixels(render_image(scene, hidden)) == 0


def test_svg_holds_the_river_path(imported, qapp, tmp_path):
    scene = MapScene(read_situation(imported))
    settings = RenderSettings(at=D1, size=(600, 300), bbox=BBOX)
    render_to_file(scene, settings, tmp_path / "map.svg")
    svg = (tmp_path / "map.svg").read_text()
    assert f'stroke="{styles.CONTEXT_RIVER.lower()}"' in svg.lower()
    assert "openstreetmap.org" in svg                    # the credit


def test_simplified_for_the_zoom_and_cached(qapp):
    wiggly = LineString(np.column_stack([np.linspace(30, 32, 4001),
                                         48.5 + 0.002 * np.sin(np.arange(4001))]))
    from viewer.model import Situation
    from viewer.model.context import ContextFeature
    scene = MapScene(Situation(context=[ContextFeature("r/1", "r", "river", wiggly)]))
    close = scene.context.paths(5.0, D1, frozenset())
    far = scene.context.paths(2000.0, D1, frozenset())
    assert close[0][2].elementCount() > 10 * far[0][2].elementCount()
    assert scene.context.paths(2000.0, D1, frozenset()) is far


def test_context_survives_save_into_and_append(imported, tmp_path, capsys):
    first = read_situation(imported)
    again = tmp_path / "again.gpkg"
    write_situation(first, again, keep_from=imported)
    second = read_situation(again)
    assert [(f.id, f.style, f.valid_to) for f in second.context] == \
        [(f.id, f.style, f.valid_to) for f in first.context]
    assert all(a.geometry.equals_exact(b.geometry, 0) for a, b in
               zip(first.context, second.context))
    day = _geojson(tmp_path / "front_20230801.geojson", [(box(30.1, 48.8, 30.4, 48.95), {})])
    assert main(["import", str(day), "--into", "front", "--places", "none", "--context",
                 "none", "-o", str(imported)]) == 0
    assert [f.id for f in read_situation(imported).context] == [f.id for f in first.context]
    more = _geojson(tmp_path / "other_20230801.geojson", [(box(31.1, 48.1, 31.3, 48.2), {})])
    assert main(["import", str(more), "--append", "--layer", "Other", "--places", "none",
                 "--context", "none", "-o", str(imported)]) == 0
    assert len(read_situation(imported).context) == 4
    capsys.readouterr()


def test_builtin_rivers_hold_the_dnipro_and_its_tributaries():
    features, credits = builtin_rivers()
    assert "GSHHG" in credits[0] and "LGPL" in credits[0]
    water = [f for f in features if f.style == "water"]
    lines = shapely.union_all([f.geometry for f in features if f.style == "river"])

    def in_water(lon, lat):
        return [f for f in water if f.geometry.covers(shapely.Point(lon, lat))]
    # Kremenchuk reservoir (always), Kakhovka reservoir (until the dam's destruction)
    assert in_water(32.65, 49.25) and in_water(32.65, 49.25)[0].valid_to is None
    kakhovka = in_water(34.40, 47.50)
    assert [f.valid_to for f in kakhovka] == [parse_time("2023-06-06")]
    # the Dnipro below Kaniv is water, not a line: within 3 km of Kremenchuk, Kamianske,
    # Dnipro, Zaporizhzhia and Nova Kakhovka (approximate river points of those towns)
    everywhere = shapely.union_all([f.geometry for f in water])
    for lon, lat in ((33.42, 49.07), (34.60, 48.52), (35.05, 48.47), (35.10, 47.86),
                     (33.35, 46.77)):
        assert everywhere.distance(shapely.Point(lon, lat)) < 0.03, (lon, lat)
    # river lines within 2 km of the Dnipro at Kyiv, the Donets at Izium, the Oskil at Kupiansk
    for lon, lat in ((30.55, 50.45), (37.27, 49.21), (37.62, 49.71)):
        assert lines.distance(shapely.Point(lon, lat)) < 0.02
    # the Southern Buh at Pervomaisk and the Inhulets at Kryvyi Rih, within 5 km
    for lon, lat in ((30.86, 48.05), (33.35, 47.91)):
        assert lines.distance(shapely.Point(lon, lat)) < 0.05


def test_builtin_rivers_are_the_default_and_none_turns_them_off(tmp_path, capsys):
    snap = _geojson(tmp_path / "front_20250601.geojson", [(box(35.0, 47.3, 35.6, 47.7), {})])
    assert main(["import", str(snap), "--places", "none", "-o", str(tmp_path / "a.gpkg")]) == 0
    s = read_situation(tmp_path / "a.gpkg")
    assert s.context and {f.layer for f in s.context} == {"rivers"}
    assert any("GSHHG" in a for a in s.meta.attributions)
    assert main(["import", str(snap), "--places", "none", "--context", "none",
                 "-o", str(tmp_path / "b.gpkg")]) == 0
    assert read_situation(tmp_path / "b.gpkg").context == []
    capsys.readouterr()


def test_a_small_view_gets_the_features_cut_to_it(qapp):
    from viewer.model import Situation
    from viewer.model.context import ContextFeature
    long_river = LineString([(30, 48.5), (40, 48.5)])
    scene = MapScene(Situation(context=[ContextFeature("r/1", "r", "river", long_river)]))
    x, y = scene.projector.forward(35.0, 48.5)
    view = (x - 5000, y - 5000, x + 5000, y + 5000)       # 10 km of a 740 km river
    (_, _, path), = scene.context.paths(10.0, D1, frozenset(), view)
    box_ = path.boundingRect()
    assert box_.left() >= view[0] - 81 and box_.right() <= view[2] + 81   # 8 px margin
    (_, _, whole), = scene.context.paths(10.0, D1, frozenset())
    assert whole.boundingRect().width() > 700_000 * 0.9


def test_a_gif_shows_the_river_until_it_ends_and_a_compare_shows_both(imported, qapp, tmp_path):
    from PIL import Image
    from viewer.render.animation import Animation, write_animation
    from viewer.render.compare import compare_settings, render_compare
    scene = MapScene(read_situation(imported))
    base = RenderSettings(at=D1, size=(600, 300), bbox=BBOX, decorations=False,
                          hidden=frozenset({"labels"}))
    write_animation(scene, base, Animation([D1, D2]), tmp_path / "a.gif")
    river = np.array(QColor(styles.CONTEXT_RIVER).getRgb()[:3], float)
    counts = []
    with Image.open(tmp_path / "a.gif") as gif:
        for n in range(gif.n_frames):
            gif.seek(n)
            rgb = np.asarray(gif.convert("RGB"), float)
            counts.append(int((np.abs(rgb - river).sum(axis=2) < 45).sum()))
    assert counts[0] > 50 and counts[1] == 0
    after = RenderSettings(at=D2, size=(600, 300), bbox=BBOX, decorations=False,
                           hidden=frozenset({"labels"}))
    a, b = compare_settings(after, D1, "side")
    image = render_compare(scene, a, b, "side")
    left = image.copy(0, 0, 300, 300)
    right = image.copy(300, 0, 300, 300)
    assert _river_pixels(left) > 20 and _river_pixels(right) == 0    # 1 May | 1 July


def test_a_bad_context_row_is_refused_naming_table_row_and_problem(imported, tmp_path):
    import shutil
    import sqlite3
    from viewer.io.errors import SituationError
    from viewer.io.geopackage import blob
    point = blob.encode([shapely.Point(30.5, 48.5)])[0]
    cases = [("UPDATE context_features SET style = 'lava' WHERE fid = 2", (),
              "table context_features, fid 2: style must be one of"),
             ("UPDATE context_features SET valid_from = 'soon' WHERE fid = 1", (),
              "table context_features, fid 1, valid_from"),
             ("UPDATE context_features SET geom = ? WHERE fid = 3", (point,),
              "table context_features, fid 3: bad geometry")]
    for n, (sql, values, expected) in enumerate(cases):
        bad = tmp_path / f"bad{n}.gpkg"
        shutil.copyfile(imported, bad)
        conn = sqlite3.connect(bad)
        conn.execute(sql, values)
        conn.commit()
        conn.close()
        with pytest.raises(SituationError, match=expected):
            read_situation(bad)


def test_a_render_has_kakhovka_water_in_2022_and_none_in_2024_the_other_reservoirs_both(
        tmp_path, capsys, qapp):
    """The built-in rivers on a render of the lower Dnipro: inside the former Kakhovka
    reservoir (off Nikopol, 47.50 N 34.40 E; the reservoir is some 10 km wide there) the
    water colour in 2022 and not in 2024, after the dam's destruction on 6 June 2023; the
    Kyiv (50.95 N 30.49 E), Kremenchuk (49.25 N 32.65 E) and Kamianske (48.70 N 34.28 E)
    reservoirs stay water both years. (GSHHG holds no lake for the Kaniv reservoir: there
    the Dnipro is a river line.)"""
    snap = _geojson(tmp_path / "front_20220301.geojson", [(box(30.0, 51.0, 30.2, 51.2), {}),
                                                          (box(35.6, 46.7, 35.8, 46.9), {})])
    out = tmp_path / "k.gpkg"
    assert main(["import", str(snap), "--places", "none", "-o", str(out)]) == 0
    capsys.readouterr()
    scene = MapScene(read_situation(out))
    water = np.array(QColor(styles.CONTEXT_WATER).getRgb()[:3], float)
    seen = {}
    for year in ("2022-06-01", "2024-06-01"):
        settings = RenderSettings(at=parse_time(year), size=(1200, 900),
                                  bbox=(30.0, 46.5, 36.0, 51.3), decorations=False,
                                  hidden=frozenset({"labels"}))
        image = render_image(scene, settings)
        seen[year] = [float(np.abs(_pixel(scene, settings, image, lon, lat) - water).max())
                      for lon, lat in ((34.40, 47.50), (30.49, 50.95), (32.65, 49.25),
                                       (34.28, 48.70))]
    assert seen["2022-06-01"][0] < 3             # Kakhovka: water before the dam broke
    assert seen["2024-06-01"][0] > 20            # and not after
    assert max(seen["2022-06-01"][1:] + seen["2024-06-01"][1:]) < 3   # the others: both


def test_a_render_of_the_pokrovsk_front_draws_the_builtin_rivers_there(tmp_path, capsys, qapp):
    """The built-in rivers at front zoom around Pokrovsk (48.28 N 37.18 E): the Siverskyi
    Donets at Sviatohirsk (49.03 N 37.57 E, within 1 km) and the Samara at Ternivka
    (48.53 N 36.08 E, within 6 km: WDBII is digitised at 1:1,000,000) are drawn in the
    river colour. Every WDBII level is kept (the Samara there is level 4, "minor"); the
    Vovcha above Pavlohrad, the Kazennyi and Kryvyi Torets, the Bakhmutka and the Solona
    are in no level of GSHHG 2.3.7's WDBII, so only a --context file can add them."""
    snap = _geojson(tmp_path / "front_20250812.geojson", [(box(37.3, 47.9, 37.8, 48.3), {})])
    out = tmp_path / "p.gpkg"
    assert main(["import", str(snap), "--places", "none", "-o", str(out)]) == 0
    capsys.readouterr()
    scene = MapScene(read_situation(out))
    settings = RenderSettings(at=parse_time("2025-08-12"), size=(1100, 700),
                              bbox=(36.0, 47.8, 38.2, 49.2), decorations=False,
                              hidden=frozenset({"labels"}))
    image = render_image(scene, settings)
    viewport = Viewport.for_settings(scene, settings)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    river = QColor(styles.CONTEXT_RIVER)
    close = np.abs(arr[:, :, :3].astype(float)
                   - [river.blue(), river.green(), river.red()]).sum(axis=2) < 60
    km_per_px = viewport.metres_per_pixel / 1000        # the scene's own local projection
    for lon, lat, km in ((37.57, 49.03, 1.0), (36.08, 48.53, 6.0)):
        x, y = scene.projector.forward(lon, lat)
        px, py = (int(v) for v in viewport.to_pixels(float(x), float(y)))
        r = max(2, int(np.ceil(km / km_per_px)))
        assert close[py - r:py + r + 1, px - r:px + r + 1].any(), (lon, lat)
