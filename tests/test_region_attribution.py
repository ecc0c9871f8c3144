"""Region attribution: a layer's area inside each region over time, its first entry into
each region (at least 1 km inside), border noise, each change's gain and loss per region,
the region at a point, and what ``info --json`` shows.

Expected areas come from pyproj's geodesic area of the rectangles' corners and expected
depths from pyproj's geodesic forward problem (Geod.fwd), never from our code. pyproj
joins corners by geodesics, so a rectangle cut in two (as pieces and regions cut it)
measures a little differently from the whole: about 1e-5 of it, hence ``REL``."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, box

from factories import D, two_region_situation
from viewer.analysis.projection import shrunk
from viewer.analysis.region_attribution import RegionAttribution
from viewer.analysis.summary import situation_info
from viewer.model import History, Layer, Region, Situation

GEOD = Geod(ellps="WGS84")
REL = 2e-5
WEST = Region("W", {"en": "West"}, box(30, 48, 31, 49))
EAST = Region("E", {"en": "East"}, box(31, 48, 32, 49))


def km2(minx, miny, maxx, maxy) -> float:
    area, _ = GEOD.polygon_area_perimeter([minx, maxx, maxx, minx], [miny, miny, maxy, maxy])
    return abs(area) / 1e6


def east_of(lon: float, lat: float, metres: float) -> float:
    """The longitude ``metres`` due east of (lon, lat) on the ellipsoid."""
    east, _, _ = GEOD.fwd(lon, lat, 90, metres)
    return east


def test_area_inside_each_region_over_time():
    s = two_region_situation()
    times, series = RegionAttribution(s).series("adv")
    assert times == [D[1], D[5], D[9], D[20]]
    west = [km2(30.2, 48.2, 30.4, 48.4), km2(30.2, 48.2, 31, 48.4), km2(30.2, 48.2, 31, 48.4),
            km2(30.2, 48.2, 30.8, 48.4)]
    east = [0.0, km2(31, 48.2, 31.2, 48.4), km2(31, 48.2, 31.2, 48.4), 0.0]
    assert series[:, 0] == pytest.approx(west, rel=REL)
    assert series[:, 1] == pytest.approx(east, rel=REL, abs=1e-9)
    by_region = RegionAttribution(s)
    assert by_region.at("adv", D[6]) == pytest.approx({"UA-W": west[1], "UA-E": east[1]},
                                                      rel=REL)
    assert by_region.at("adv", D[21]) == pytest.approx({"UA-W": west[3]}, rel=REL)
    assert list(by_region.km2_at("adv", D[1].replace(month=5))) == [0.0, 0.0]   # before
    assert by_region.region_km2 == pytest.approx([km2(30, 48, 31, 49), km2(31, 48, 32, 49)])


def test_first_entry_of_each_layer_into_each_region():
    s = two_region_situation()
    by_region = RegionAttribution(s)
    assert by_region.first_entered("adv") == {"UA-W": D[1], "UA-E": D[5]}
    assert by_region.first_entered("claim") == {"UA-E": D[10]}
    assert by_region.first_entries() == {"UA-W": {"adv": D[1]},
                                         "UA-E": {"adv": D[5], "claim": D[10]}}
    assert by_region.from_first_state("adv", "UA-W")
    assert not by_region.from_first_state("adv", "UA-E")


def test_shrinking_a_region_keeps_what_lies_1_km_inside():
    """Along the parallel 48.5°N and the meridian 30.5°E, the inner edge of the shrunk
    region lies 1 km (geodesic) from the region's edge, to within 2 m."""
    region = shapely.segmentize(WEST.geometry, 0.01)    # edges that follow the graticule
    inner = shrunk(region, 1000.0)
    across = inner.intersection(shapely.LineString([(29, 48.5), (32, 48.5)])).bounds
    along = inner.intersection(shapely.LineString([(30.5, 47), (30.5, 50)])).bounds
    for (lon0, lat0), (lon1, lat1) in [((30, 48.5), (across[0], 48.5)),
                                       ((31, 48.5), (across[2], 48.5)),
                                       ((30.5, 48), (30.5, along[1])),
                                       ((30.5, 49), (30.5, along[3]))]:
        _, _, metres = GEOD.inv(lon0, lat0, lon1, lat1)
        assert metres == pytest.approx(1000, abs=2)


def test_a_layer_on_the_border_or_just_over_it_has_not_entered():
    """State 1 ends on the West/East border; state 2 reaches 500 m into East (border
    noise: km² there, no entry); state 3 reaches 2 km in (entered)."""
    lat0, lat1 = 48.5, 48.6
    h = History.from_states("l", [
        (D[1], box(30.5, lat0, 31.0, lat1)),
        (D[2], box(30.5, lat0, east_of(31, lat0, 500), lat1)),
        (D[3], box(30.5, lat0, east_of(31, lat0, 2000), lat1))])
    s = Situation(regions=[WEST, EAST], layers=[Layer("l", "L", "claimed", h)])
    by_region = RegionAttribution(s)
    east = by_region.series("l")[1][:, 1]
    assert east[0] == 0.0
    assert east[1] == pytest.approx(km2(31, lat0, east_of(31, lat0, 500), lat1), rel=1e-4)
    assert by_region.first_entered("l") == {"W": D[1], "E": D[3]}
    assert list(by_region.border_noise_at("l", D[1])) == [False, False]   # nothing in East
    assert list(by_region.border_noise_at("l", D[2])) == [False, True]
    assert list(by_region.border_noise_at("l", D[3])) == [False, False]


def test_gain_and_loss_of_each_change_per_region():
    s = two_region_situation()
    by_region = RegionAttribution(s)
    advance, retreat = s.layer("adv").history.changes
    gained = by_region.change_km2(advance)
    assert list(gained) == ["UA-W", "UA-E"]                          # largest share first
    assert gained["UA-W"] == pytest.approx((km2(30.4, 48.2, 31, 48.4), 0.0), rel=REL)
    assert gained["UA-E"] == pytest.approx((km2(31, 48.2, 31.2, 48.4), 0.0), rel=REL)
    lost = by_region.change_km2(retreat)
    assert lost["UA-E"] == pytest.approx((0.0, km2(31, 48.2, 31.2, 48.4)), rel=REL)
    assert lost["UA-W"] == pytest.approx((0.0, km2(30.8, 48.2, 31, 48.4)), rel=REL)
    figures = by_region.change(advance)
    assert (figures.gained_km2, figures.lost_km2) == pytest.approx(
        (km2(30.4, 48.2, 31.2, 48.4), 0.0), rel=REL)
    assert [r.id for r in by_region.regions_of_change(advance)] == ["UA-W", "UA-E"]
    claim = s.layer("claim").history.changes[0]
    assert [r.id for r in by_region.regions_of_change(claim)] == ["UA-E"]


def test_geometries_outside_inside_and_across_the_regions():
    parts = MultiPolygon([box(40, 40, 41, 41), box(30.1, 48.1, 30.2, 48.2),
                          box(29.9, 48.3, 30.1, 48.4)])
    s = Situation(regions=[WEST], layers=[Layer("l", "L", "claimed",
                                                History.from_states("l", [(D[1], parts)]))])
    assert RegionAttribution(s).at("l", D[1]) == pytest.approx(
        {"W": km2(30.1, 48.1, 30.2, 48.2) + km2(30, 48.3, 30.1, 48.4)}, rel=REL)


def test_the_region_at_a_point():
    by_region = RegionAttribution(two_region_situation())
    assert by_region.region_at(30.5, 48.5).name == "West"
    assert by_region.region_at(31.5, 48.5).name == "East"
    assert by_region.region_at(32.5, 48.5) is None      # context countries are not indexed


def test_measuring_in_a_worker_leaves_the_situation_untouched():
    """What a worker measures is its own: the pieces' areas in the situation stay
    unmeasured and the shared region outlines are not prepared (GEOS does that in place)."""
    s = two_region_situation()
    by_region = RegionAttribution(s)
    assert not by_region.complete
    assert by_region.measure_all() is by_region and by_region.complete
    assert all(np.isnan(layer.history.piece_km2).all() for layer in s.layers)
    assert not any(shapely.is_prepared(r.geometry) for r in s.regions)
    assert set(by_region.first_entries()) == {"UA-W", "UA-E"}


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
