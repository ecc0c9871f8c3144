"""Finding a place by name (English, Ukrainian, other spellings) and ``render --center``."""

from __future__ import annotations

import pytest
from pyproj import Geod

from viewer.cli.main import main
from viewer.cli.render_cmd import _centre_bbox
from viewer.importing.place_search import PlaceIndex
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def sample():
    return read_situation(sample_path())


@pytest.fixture(scope="module")
def index(sample):
    return PlaceIndex(sample)


def km_from(found, lon: float, lat: float) -> float:
    return GEOD.inv(found.lon, found.lat, lon, lat)[2] / 1000.0


@pytest.mark.parametrize("query", ["Pokrovsk", "Покровськ", "Krasnoarmiisk", "pokrovsk",
                                   "Красноармійськ", "POKROVS'K"])
def test_pokrovsk_under_each_of_its_names(index, query):
    hits = index.find(query)
    assert len(hits) == 1, [h.label for h in hits]
    assert km_from(hits[0], 37.18, 48.28) < 1.0
    assert "Donetsk Oblast" in hits[0].label


def test_a_region_by_either_name(index, sample):
    for query in ("Donetsk Oblast", "Донецька область"):
        (hit,) = index.find(query)
        assert hit.region_id == "UA-14"
        assert hit.bbox == pytest.approx(sample.regions[[r.id for r in sample.regions]
                                                       .index("UA-14")].geometry.bounds)


def test_places_of_one_name_are_told_apart_by_region(index):
    hits = index.find("Pokrovske")
    regions = {h.label.split(", ")[1].split(" (")[0] for h in hits}
    assert {"Dnipropetrovsk Oblast", "Donetsk Oblast"} <= regions
    (one,) = index.find("Pokrovske, Dnipropetrovsk")
    assert "Dnipropetrovsk Oblast" in one.label
    assert index.find("Nowhere at all") == []


def test_completion_starts_with_the_prefix_biggest_first(index):
    labels = [f.label for f in index.complete("Pokr")]
    assert labels[0].startswith("Pokrovsk, Donetsk Oblast")
    assert any(label.startswith("Pokrovske") for label in labels)
    assert index.complete("") == []


def test_centre_box_reaches_the_radius_each_way(sample):
    x0, y0, x1, y1 = _centre_bbox(sample, "Pokrovsk", 20.0)
    (pokrovsk,) = PlaceIndex(sample).find("Pokrovsk")
    for lon, lat in ((x0, pokrovsk.lat), (x1, pokrovsk.lat), (pokrovsk.lon, y0),
                     (pokrovsk.lon, y1)):
        assert km_from(pokrovsk, lon, lat) == pytest.approx(20.0, rel=1e-3)


def test_render_center(tmp_path, capsys):
    out = tmp_path / "pokrovsk.png"
    assert main(["render", str(sample_path()), "--at", "2025-06-13", "--center", "Krasnoarmiisk",
                 "--radius", "15", "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert main(["render", str(sample_path()), "--at", "2025-06-13", "--center", "Pokrovske",
                 "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "places are named 'Pokrovske'" in err and "Dnipropetrovsk Oblast" in err
    assert len(err.strip().splitlines()) == 1
    for args, message in ((["--center", "Atlantis"], "no place or region named 'Atlantis'"),
                          (["--radius", "5"], "--radius: needs --center"),
                          (["--center", "Pokrovsk", "--bbox", "36,48,38,49"], "not both"),
                          (["--center", "Pokrovsk", "--radius", "0"], "between 0.1 and 5000")):
        assert main(["render", str(sample_path()), "--at", "2025-06-13", "-o", str(out), *args]) == 2
        assert message in capsys.readouterr().err
