"""``info --json``'s front analytics on the sample, as a user runs it (a subprocess),
against figures computed here: each state's area in total and in each region with
pyproj's geodesic area of the state (the union of the pieces valid then, from the file)
intersected with the region by shapely; the 7- and 30-day rates as differences of those
areas over the days; each place's status per layer by point-in-polygon and the UTM
distance to the boundary (test_cli_analytics.expected_status)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
import shapely
from pyproj import Geod

from test_cli_analytics import expected_status, run
from viewer.io.situation_file import read_situation

GEOD = Geod(ellps="WGS84")


def km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6 if not geom.is_empty else 0.0


def state(layer, t):
    pieces = [p.geometry for p in layer.history.pieces
              if p.valid_from <= t and (p.valid_to is None or t < p.valid_to)]
    return shapely.union_all(pieces) if pieces else shapely.Polygon()


def rate(when: list[datetime], areas: list[float], k: int, days: int) -> float | None:
    earlier = [j for j, t in enumerate(when) if t <= when[k] - timedelta(days=days)]
    return None if not earlier else (areas[k] - areas[earlier[-1]]) / days


def check(got, want, abs_km2):
    assert (got is None) if want is None else got == pytest.approx(want, abs=abs_km2)


@pytest.fixture(scope="module")
def info():
    from viewer.resources import sample_path
    res = run("info", sample_path(), "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout), read_situation(sample_path())


def test_every_state_has_its_area_front_and_rates_in_total_and_per_region(info):
    doc, situation = info
    regions = situation.own_regions
    for layer_doc in doc["layers"]:
        layer = situation.layer(layer_doc["id"])
        states = layer_doc["states"]
        when = [datetime.fromisoformat(s["at"].replace("Z", "+00:00")) for s in states]
        assert when == layer.history.times
        geoms = [state(layer, t) for t in when]
        total = [km2(g) for g in geoms]
        inside = {r.name: [km2(shapely.intersection(g, r.geometry)) for g in geoms]
                  for r in regions}
        reached = {name for name, a in inside.items() if max(a) > 1e-6}
        assert reached                          # the sample's layers lie in the oblast
        for k, row in enumerate(states):
            assert row["area_km2"] == pytest.approx(total[k], abs=0.01)
            assert isinstance(row["front_km"], float) and row["front_km"] >= 0
            assert set(row["by_region"]) == reached
            for days in (7, 30):
                check(row[f"rate_km2_per_day_{days}d"], rate(when, total, k, days), 2e-3)
                for name in reached:
                    got = row["by_region"][name]
                    assert got["km2"] == pytest.approx(inside[name][k], abs=0.01)
                    check(got[f"rate_km2_per_day_{days}d"], rate(when, inside[name], k, days),
                          2e-3)
        assert any(row["rate_km2_per_day_30d"] for row in states)     # it moved


def test_every_place_has_its_status_in_each_layer_and_the_claims_are_there(info):
    doc, situation = info
    assert len(doc["places"]) == len(situation.places) > 0
    end = situation.end
    for place_doc, place in zip(doc["places"], situation.places):
        assert place_doc["id"] == place.id
        assert set(place_doc["status"]) == {layer.id for layer in situation.layers}
        for layer in situation.layers:
            got = place_doc["status"][layer.id]
            assert got["status"] == expected_status(state(layer, end), place.lon, place.lat)
            assert set(got) == {"status", "since", "first_inside", "status_changes"}
    claim, = doc["claims"]
    assert (claim["claimed"], claim["assessed"]) == ("claimed", "confirmed")
    assert claim["gap_km2"] and claim["changes"]
