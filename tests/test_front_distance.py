"""Distance from a place to each layer (viewer.analysis.front_distance), checked against
shapely in a local azimuthal equidistant projection made here with pyproj's CRS
machinery, from the raw state geometry; and ``info --watch``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import shapely
from hypothesis import example, given, settings, strategies as st
from pyproj import CRS, Geod, Transformer
from shapely.geometry import Point, box, shape

from factories import D, two_region_situation
from viewer.analysis.front_distance import distance_km, front_distances
from viewer.cli.main import main as cli_main
from viewer.model import parse_time


def expected_km(geom, lon: float, lat: float) -> float:
    """shapely's distance in an aeqd CRS centred on the place (EPSG:4326 -> aeqd)."""
    aeqd = CRS.from_dict({"proj": "aeqd", "lat_0": lat, "lon_0": lon, "datum": "WGS84",
                          "units": "m"})
    to = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    projected = shapely.transform(geom, lambda c: list(zip(*to.transform(c[:, 0], c[:, 1]))))
    x, y = to.transform(lon, lat)
    return projected.distance(Point(x, y)) / 1000.0


def test_the_nearest_in_degrees_is_not_the_nearest_on_the_ground():
    # at 60°N a degree of longitude is half a degree of latitude: the piece 1.5° east
    # (83 km) is nearer than the one 1° north (111 km), though further in degrees
    east, north = box(11.5, 59.9, 12.5, 60.1), box(9.9, 61.0, 10.1, 61.5)
    got = distance_km([north, east], 10.0, 60.0)
    assert got == pytest.approx(expected_km(shapely.union_all([east, north]), 10.0, 60.0),
                                rel=1e-9)
    assert 80 < got < 90


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(20, 40), st.floats(44, 56), st.floats(0.01, 2),
                          st.floats(0.01, 2)), min_size=1, max_size=6),
       st.floats(20, 40), st.floats(44, 56))
@example([(20.0, 44.0, 0.5, 1.0), (20.0, 44.0, 0.5, 2.0)], 21.0, 44.0)
@example([(22.0, 44.0, 1.0, 1.0), (22.0, 44.0, 1.0, 2.0)], 20.0, 44.0)
def test_distance_matches_shapely_in_a_local_equidistant_projection(boxes, lon, lat):
    geoms = [box(x, y, x + w, y + h) for x, y, w, h in boxes]
    union = shapely.union_all(geoms)
    # outside, the distance to the union is the least distance to a box; each box is
    # projected on its own, as the code does: the union's own vertices (where boxes cross,
    # or merged edges) would bend its projected edges differently (hypothesis found 0.3 m
    # in 160 km that way), which says nothing about the code
    want = (0.0 if union.intersects(Point(lon, lat))
            else min(expected_km(g, lon, lat) for g in geoms))
    assert distance_km(geoms, lon, lat) == pytest.approx(want, rel=1e-7, abs=1e-6)


def test_inside_since_and_the_change_over_the_window():
    s = two_region_situation()
    lon, lat = 31.0, 48.3           # "adv" holds it from 5 June (box to 31.2) to 20 June (30.8)
    by_id = {d.layer_id: d for d in front_distances(s, lon, lat, D[12], 4)}
    adv = by_id["adv"]
    assert adv.inside and adv.km == 0.0
    assert adv.inside_since == D[5]          # 5 and 9 June hold it, 1 June did not
    assert adv.change_km == 0.0              # inside on 8 June as well
    after = {d.layer_id: d for d in front_distances(s, lon, lat, D[20], 11)}["adv"]
    assert not after.inside and after.inside_since is None
    want = expected_km(box(30.2, 48.2, 30.8, 48.4), lon, lat)
    assert after.km == pytest.approx(want, rel=1e-9) and 14 < want < 16
    assert after.km_before == 0.0 and after.change_km == pytest.approx(want)
    # the nearest point is that far away on the ellipsoid, and on the layer's boundary
    far = after.nearest
    assert Geod(ellps="WGS84").inv(lon, lat, *far)[2] / 1000 == pytest.approx(after.km, rel=1e-6)
    assert box(30.2, 48.2, 30.8, 48.4).boundary.distance(Point(far)) < 1e-6   # 0.1 m
    assert adv.nearest is None                  # inside: no line to draw
    claim = {d.layer_id: d for d in front_distances(s, lon, lat, D[12], 4)}["claim"]
    assert claim.km == pytest.approx(expected_km(box(31.5, 48.5, 31.9, 48.9), lon, lat))
    assert claim.km_before is None           # 8 June: the claim had no area yet
    assert claim.change_km is None


POKROVSK = (37.17706, 48.28014)            # GeoNames 704422


@pytest.fixture
def deepstate_august(deepstate_dir, tmp_path, capsys):
    days = ("20250805", "20250808", "20250812")
    files = [str(deepstate_dir / f"deepstatemap_data_{d}.geojson") for d in days]
    out = tmp_path / "deepstate.gpkg"
    assert cli_main(["import", *files, "--layer", "Occupied (DeepState)", "--kind",
                     "assessed-control", "--attribution", "DeepStateMap (GPL-3.0)",
                     "-o", str(out)]) == 0
    capsys.readouterr()
    raw = {}
    for d, f in zip(days, files):
        doc = json.loads(Path(f).read_text(encoding="utf-8"))
        raw[d] = shapely.union_all([shape(x["geometry"]) for x in doc["features"]])
    return out, raw


def test_pokrovsk_on_12_august_2025_in_the_deepstate_import(deepstate_august, capsys):
    path, raw = deepstate_august
    assert cli_main(["info", str(path), "--json", "--watch", "Pokrovsk",
                     "--at", "2025-08-12"]) == 0
    watch = json.loads(capsys.readouterr().out)["watch"]
    assert watch["place_id"] == "geonames:704422" and watch["at"] == "2025-08-12T00:00:00Z"
    (layer,) = watch["layers"]
    lon, lat = watch["lon"], watch["lat"]
    assert (lon, lat) == pytest.approx(POKROVSK)
    want, before = expected_km(raw["20250812"], lon, lat), expected_km(raw["20250805"], lon, lat)
    # the import drops re-digitising slivers (10 m, 0.01 km²): the ground is the same to
    # tens of metres
    assert layer["km"] == pytest.approx(want, abs=0.05) and 2 < want < 10
    assert layer["km_before"] == pytest.approx(before, abs=0.05)
    assert layer["change_km"] == pytest.approx(want - before, abs=0.1)
    assert layer["inside"] is False and layer["inside_since"] is None
    assert cli_main(["info", str(path), "--watch", "Pokrovsk", "--at", "2025-08-12"]) == 0
    text = capsys.readouterr().out
    assert re.search(r"Occupied \(DeepState\): \d+\.\d km \([+-]\d+\.\d km\)", text), text


def test_watch_errors(sample_path, capsys):
    assert cli_main(["info", str(sample_path), "--watch", "Atlantis"]) == 2
    assert "--watch: no place or region named 'Atlantis'" in capsys.readouterr().err
    assert cli_main(["info", str(sample_path), "--watch", "Donetsk Oblast"]) == 2
    assert "is a region; name a place" in capsys.readouterr().err
    assert cli_main(["info", str(sample_path), "--at", "2025-06-13"]) == 2
    assert "--at: needs --watch PLACE" in capsys.readouterr().err
