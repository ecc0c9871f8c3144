"""The import command on the real corpus: 536 DeepStateMap daily snapshots (../shared),
imported once per test session with the issue's exact command line (paths made absolute;
conftest's deepstate_import), read back once per module.

Areas are checked against pyproj's geodesic area of the source polygons, and first entries
against the source polygons and the oblasts shrunk by 1 km in UTM zone 36N, computed here."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from pyproj import Geod
from pyproj import Transformer
from shapely.geometry import shape

from conftest import DEEPSTATE
from viewer.analysis.summary import situation_info
from viewer.io.situation_file import read_situation
from viewer.model import parse_time

GEOD = Geod(ellps="WGS84")


def source_km2(path) -> float:
    """Geodesic area of a snapshot file's polygons, straight from its GeoJSON."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    geom = shapely.union_all([shape(f["geometry"]) for f in doc["features"]])
    return sum(GEOD.geometry_area_perimeter(shapely.orient_polygons(p))[0]
               for p in shapely.get_parts(geom)) / 1e6


@pytest.fixture(scope="module")
def imported(deepstate_import):
    """The session's import (conftest), read back by this module: its own Situation."""
    out, summary = deepstate_import
    situation = read_situation(out)
    return {"out": out, "summary": summary, "situation": situation,
            "info": situation_info(situation)}


@pytest.fixture(scope="module")
def files():
    return sorted(DEEPSTATE.glob("*.geojson"))


def test_every_snapshot_is_a_state_and_every_change_is_at_a_snapshot_date(imported, files):
    dates = [parse_time(re.search(r"(\d{8})", p.name).group(1)) for p in files]
    history = imported["situation"].layer("occupied-deepstate").history
    assert len(history.times) == len(files) == 536
    assert history.times == dates
    assert history.changes and {c.at for c in history.changes} <= set(dates)
    assert len({c.at for c in history.changes}) == len(history.changes)


def test_areas_on_the_first_and_last_date_agree_with_pyproj(imported, files):
    states = imported["info"]["layers"][0]["states"]
    for state, path in ((states[0], files[0]), (states[-1], files[-1])):
        assert state["area_km2"] == pytest.approx(source_km2(path), rel=1e-3)


def test_every_state_agrees_with_pyproj_and_slivers_do_not_drift(imported, deepstate_states):
    """Every state's area within 0.1% of pyproj's area of its snapshot (pieces add vertices
    on long edges, which pyproj joins by geodesics: about 1e-4 here), and dropped slivers,
    measured again every day, never let a state stray from its snapshot."""
    states = imported["info"]["layers"][0]["states"]
    ours = np.array([s["area_km2"] for s in states])
    theirs = np.array([sum(GEOD.geometry_area_perimeter(shapely.orient_polygons(p))[0]
                           for p in shapely.get_parts(g)) / 1e6 for _, g in deepstate_states])
    assert np.max(np.abs(ours - theirs) / theirs) < 1e-3
    history = imported["situation"].layer("occupied-deepstate").history
    for t, geom in deepstate_states[::45]:
        stray = shapely.symmetric_difference(history.state_at(t), geom).area
        assert stray < 1e-5 * geom.area, t


def test_file_size_summary_and_per_region_analysis(imported):
    assert imported["out"].stat().st_size <= 5 * 2 ** 20
    summary = imported["summary"]
    dropped = int(re.search(r"dropped slivers: (\d+)", summary).group(1))
    assert dropped > 100
    assert "states: 536" in summary and "Sumy Oblast: 2025-05-25" in summary
    info = imported["info"]
    regions = {r["name"]: r for r in info["regions"]}
    assert regions["Sumy Oblast"]["first_entered"] == {
        "occupied-deepstate": "2025-05-25T00:00:00Z"}
    assert regions["Donetsk Oblast"]["first_entered"] == {
        "occupied-deepstate": "2024-07-08T00:00:00Z"}
    assert regions["Lviv Oblast"]["first_entered"] == {}
    layer = info["layers"][0]
    assert layer["area_by_region"]["Donetsk Oblast"] > 15000
    for change in layer["changes"]:
        split = change["regions_km2"]
        assert list(split) == change["regions"]
        assert sum(v["gained"] for v in split.values()) <= change["gained_km2"] + 0.01
        assert sum(v["lost"] for v in split.values()) <= change["lost_km2"] + 0.01


def test_first_entries_are_where_the_snapshots_reach_1_km_inside(imported, deepstate_states):
    """For every oblast, the first snapshot reaching at least 1 km inside it (the oblast
    shrunk by 1 km in UTM zone 36N, metres) is the date ``info`` gives. Dnipropetrovsk
    Oblast: the snapshots overlap its outline from the first day on (the border traced at
    two scales), yet reach 1 km inside only on 9 Aug 2025."""
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32636", always_xy=True)

    def metric(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(utm.transform(*xy.T)))
    regions = imported["situation"].own_regions
    inner = [shapely.buffer(metric(r.geometry), -1000) for r in regions]
    expected: dict[str, str] = {}
    for t, geom in deepstate_states:
        projected = metric(geom)
        for region, core in zip(regions, inner):
            if region.name not in expected and shapely.intersection(core, projected).area > 0:
                expected[region.name] = t.strftime("%Y-%m-%dT%H:%M:%SZ")
    ours = {r["name"]: r["first_entered"]["occupied-deepstate"]
            for r in imported["info"]["regions"] if r["first_entered"]}
    assert ours == expected
    assert expected["Dnipropetrovsk Oblast"] == "2025-08-09T00:00:00Z"
    dnipro = next(r for r in regions if r.name == "Dnipropetrovsk Oblast")
    first_day = shapely.intersection(dnipro.geometry, deepstate_states[0][1])
    assert 0 < abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(first_day))[0]) / 1e6 < 1


def test_the_builtin_settlements_come_with_the_import(imported):
    """The README's import command adds GeoNames' places (the default --places)."""
    situation = imported["situation"]
    assert len(situation.places) >= 5000
    by_name = {p.name: p for p in situation.places}
    pokrovsk = by_name["Pokrovsk"]
    assert pokrovsk.names["uk"] == "Покровськ"
    assert abs(pokrovsk.lat - 48.28) < 0.01 and abs(pokrovsk.lon - 37.18) < 0.01
    assert any("GeoNames" in a for a in situation.meta.attributions)


def test_a_40_km_view_of_pokrovsk_names_it_as_svg_text(imported, qapp, tmp_path):
    """The issue's picture: 12 Aug 2025, 40 km around Pokrovsk, exported as SVG."""
    from defusedxml import ElementTree

    from viewer.render import MapScene, RenderSettings, Viewport, render_to_file
    from viewer.render.decorations import decoration_rects
    from viewer.render.labels import label_layout
    lon, lat = 37.18, 48.28
    half_lat, half_lon = 20 / 111.2, 20 / (111.32 * np.cos(np.radians(lat)))
    settings = RenderSettings(at=parse_time("2025-08-12"), size=(1600, 1000),
                              bbox=(lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat))
    scene = MapScene(imported["situation"])
    render_to_file(scene, settings, tmp_path / "pokrovsk.svg")
    root = ElementTree.parse(tmp_path / "pokrovsk.svg").getroot()
    texts = ["".join(e.itertext()).strip() for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Pokrovsk" in texts and "Myrnohrad" in texts
    viewport = Viewport.for_settings(scene, settings)
    boxes = label_layout(scene, viewport, settings,
                         tuple(decoration_rects(scene, viewport, settings))).boxes
    assert len(boxes) >= 20
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[:i]
                if a.intersected(b).width() > 0 and a.intersected(b).height() > 0]
