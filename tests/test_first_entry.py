"""Per-region analysis: a layer's area inside each region over time, its first entry into
each region, each change's gain and loss per region, and what ``info --json`` shows.

Expected areas come from pyproj's geodesic area of the rectangles' corners. pyproj joins
corners by geodesics, so a rectangle cut in two (as pieces and regions cut it) measures
a little differently from the whole: about 1e-5 of it, hence ``REL``."""

from __future__ import annotations

import pytest
from pyproj import Geod
from shapely.geometry import box

from factories import D, two_region_situation
from viewer.analysis.first_entry import MIN_ENTRY_KM2, RegionAreas, km2_in_regions
from viewer.analysis.summary import situation_info
from viewer.model import History, Layer, Region, Situation

GEOD = Geod(ellps="WGS84")
REL = 2e-5


def km2(minx, miny, maxx, maxy) -> float:
    area, _ = GEOD.polygon_area_perimeter([minx, maxx, maxx, minx], [miny, miny, maxy, maxy])
    return abs(area) / 1e6


def test_area_inside_each_region_over_time():
    s = two_region_situation()
    times, series = RegionAreas(s).series("adv")
    assert times == [D[1], D[5], D[9], D[20]]
    west = [km2(30.2, 48.2, 30.4, 48.4), km2(30.2, 48.2, 31, 48.4), km2(30.2, 48.2, 31, 48.4),
            km2(30.2, 48.2, 30.8, 48.4)]
    east = [0.0, km2(31, 48.2, 31.2, 48.4), km2(31, 48.2, 31.2, 48.4), 0.0]
    assert series[:, 0] == pytest.approx(west, rel=REL)
    assert series[:, 1] == pytest.approx(east, rel=REL, abs=1e-9)
    assert RegionAreas(s).at("adv", D[6]) == pytest.approx({"UA-W": west[1], "UA-E": east[1]},
                                                           rel=REL)
    assert RegionAreas(s).at("adv", D[21]) == pytest.approx({"UA-W": west[3]}, rel=REL)


def test_first_entry_of_each_layer_into_each_region():
    s = two_region_situation()
    areas = RegionAreas(s)
    assert areas.first_entered("adv") == {"UA-W": D[1], "UA-E": D[5]}
    assert areas.first_entered("claim") == {"UA-E": D[10]}
    assert areas.first_entries() == {"UA-W": {"adv": D[1]}, "UA-E": {"adv": D[5], "claim": D[10]}}


def test_a_border_traced_twice_is_no_entry():
    """A layer reaching 0.0006° (about 45 m) over the border: under the threshold."""
    west = Region("W", {"en": "West"}, box(30, 48, 31, 49))
    east = Region("E", {"en": "East"}, box(31, 48, 32, 49))
    h = History.from_states("l", [(D[1], box(30.5, 48.5, 31.0006, 48.502)),
                                  (D[2], box(30.5, 48.5, 31.01, 48.502))])
    s = Situation(regions=[west, east], layers=[Layer("l", "L", "claimed", h)])
    over = RegionAreas(s).series("l")[1][:, 1]
    assert 0 < over[0] < MIN_ENTRY_KM2 < over[1]
    assert RegionAreas(s).first_entered("l") == {"W": D[1], "E": D[2]}


def test_gain_and_loss_of_each_change_per_region():
    s = two_region_situation()
    areas = RegionAreas(s)
    advance, retreat = s.layer("adv").history.changes
    gained = areas.change_km2(advance)
    assert list(gained) == ["UA-W", "UA-E"]                          # largest share first
    assert gained["UA-W"] == pytest.approx((km2(30.4, 48.2, 31, 48.4), 0.0), rel=REL)
    assert gained["UA-E"] == pytest.approx((km2(31, 48.2, 31.2, 48.4), 0.0), rel=REL)
    lost = areas.change_km2(retreat)
    assert lost["UA-E"] == pytest.approx((0.0, km2(31, 48.2, 31.2, 48.4)), rel=REL)
    assert lost["UA-W"] == pytest.approx((0.0, km2(30.8, 48.2, 31, 48.4)), rel=REL)


def test_km2_in_regions_handles_empty_and_outside_geometries():
    regions = [Region("W", {"en": "West"}, box(30, 48, 31, 49))]
    out = km2_in_regions([box(40, 40, 41, 41), box(30.1, 48.1, 30.2, 48.2),
                          box(29.9, 48.1, 30.1, 48.2)], regions)
    assert out[:, 0] == pytest.approx([0.0, km2(30.1, 48.1, 30.2, 48.2),
                                       km2(30, 48.1, 30.1, 48.2)])


def test_info_json_shows_per_region_areas_and_first_entries():
    info = situation_info(two_region_situation())
    adv = next(l for l in info["layers"] if l["id"] == "adv")
    advance = adv["changes"][0]
    assert advance["regions"] == ["West", "East"]
    split = advance["regions_km2"]
    assert list(split) == ["West", "East"] and split["West"]["lost"] == split["East"]["lost"] == 0
    assert split["West"]["gained"] == pytest.approx(km2(30.4, 48.2, 31, 48.4), rel=REL)
    assert split["East"]["gained"] == pytest.approx(km2(31, 48.2, 31.2, 48.4), rel=REL)
    assert list(adv["area_by_region"]) == ["West"]
    assert adv["area_by_region"]["West"] == pytest.approx(km2(30.2, 48.2, 30.8, 48.4), rel=REL)
    regions = {r["id"]: r for r in info["regions"]}
    assert regions["UA-E"]["first_entered"] == {"adv": "2025-06-05T00:00:00Z",
                                                "claim": "2025-06-10T00:00:00Z"}
    assert regions["XX"]["first_entered"] == {}                  # context: not analysed
