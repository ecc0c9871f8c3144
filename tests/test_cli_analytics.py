"""``settlements``, ``stats`` and the front analytics in ``info --json``, on the sample,
as a user runs them (a subprocess). Expected statuses come from shapely's point-in-polygon
and the distance to the layer's boundary in UTM zone 36N (pyproj); expected rates from
the areas ``info`` prints, differenced and divided by days here."""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import sys
from datetime import datetime, timedelta

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from viewer.io.situation_file import read_situation


def run(*args):
    return subprocess.run([sys.executable, "-m", "viewer", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def expected_status(geom, lon, lat) -> str:
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32636", always_xy=True)
    to_m = lambda c: np.column_stack(utm.transform(c[:, 0], c[:, 1]))  # noqa: E731
    point = shapely.Point(*utm.transform(lon, lat))
    projected = shapely.transform(geom, to_m)
    if projected.is_empty or projected.boundary.distance(point) > 250:
        return "inside" if projected.contains(point) else "outside"
    return "on the line"


def test_settlements_csv_per_region_matches_point_in_polygon(sample_path):
    res = run("settlements", sample_path, "--region", "dnipropetrovsk oblast", "--csv",
              "--at", "2025-06-20")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    s = read_situation(sample_path)
    region = next(r for r in s.regions if r.id == "UA-12")
    in_region = {p.id for p in s.places if region.geometry.intersects(shapely.Point(p.lon, p.lat))}
    assert in_region and {r["place_id"] for r in rows} == in_region
    assert {r["layer"] for r in rows} == {layer.id for layer in s.layers}
    at = datetime.fromisoformat("2025-06-20T00:00:00+00:00")
    places = {p.id: p for p in s.places}
    for row in rows:
        place = places[row["place_id"]]
        state = s.layer(row["layer"]).history.state_at(at)
        assert row["status"] == expected_status(state, place.lon, place.lat), row
        assert row["region"] == "Dnipropetrovsk Oblast"
    assert any(r["status"] == "inside" for r in rows)        # the claim covers a town


def test_settlements_json_logs_name_the_changes_and_reports(sample_path):
    res = run("settlements", sample_path, "--json", "--layer", "claimed")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert "250 m" in doc["rule"]
    fell = [p for p in doc["places"] if p["first_inside"]]
    assert fell
    for p in fell:
        entry = next(e for e in p["log"] if e["status"] == "inside")
        assert entry["at"] == p["first_inside"] and entry["change"].startswith("claimed@")
        assert "russian-mod" in entry["reports"]


def test_stats_rows_are_the_areas_and_their_rates(sample_path):
    res = run("stats", sample_path, "--json", "--layer", "claimed")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["front_outline"] == "the built-in Ukraine outline"
    info = json.loads(run("info", sample_path, "--json").stdout)
    states = next(layer for layer in info["layers"] if layer["id"] == "claimed")["states"]
    rows = doc["rows"]
    assert [r["date"] for r in rows] == [st["at"] for st in states]
    assert [r["km2"] for r in rows] == [st["area_km2"] for st in states]
    when = [datetime.fromisoformat(st["at"].replace("Z", "+00:00")) for st in states]
    for k, row in enumerate(rows):
        for days in (7, 30):
            earlier = [j for j, t in enumerate(when) if t <= when[k] - timedelta(days=days)]
            want = (None if not earlier else
                    (states[k]["area_km2"] - states[earlier[-1]]["area_km2"]) / days)
            got = row[f"rate_km2_per_day_{days}d"]
            assert (got is None) if want is None else got == pytest.approx(want, abs=2e-3)
            assert states[k][f"rate_km2_per_day_{days}d"] == got
        assert row["front_km"] == states[k]["front_km"]
        assert sum(row["km2_by_region"].values()) == pytest.approx(row["km2"], abs=0.01)
    assert rows[-1]["front_km"] > 10                  # the claimed area's edge in the oblast


def test_stats_csv_and_info_places_and_claims(sample_path):
    res = run("stats", sample_path, "--csv", "--region", "Dnipropetrovsk Oblast")
    assert res.returncode == 0, res.stderr
    table = list(csv.reader(io.StringIO(res.stdout)))
    assert table[0][:7] == ["date", "layer", "km2", "net_km2", "front_km",
                            "rate_km2_per_day_7d", "rate_km2_per_day_30d"]
    assert len(table) == 1 + 6
    assert table[1][3] == "" and not math.isnan(float(table[2][3]))
    info = json.loads(run("info", sample_path, "--json").stdout)
    for place in info["places"]:
        assert set(place["status"]) == {"claimed", "confirmed"}
    claim, = info["claims"]
    assert "sketch" in claim["sketch"] and claim["changes"][0]["lag_days"] is None
    assert info["front_outline"] == "the built-in Ukraine outline"


@pytest.mark.parametrize("args, word", [
    (("settlements", "--layer", "nope"), "--layer"),
    (("settlements", "--region", "Atlantis"), "--region"),
    (("settlements", "--place-tolerance", "-1"), "--place-tolerance"),
    (("stats", "--json", "--layer", "nope"), "--layer"),
    (("stats",), "--csv"),
])
def test_bad_arguments_are_one_line_and_status_2(sample_path, args, word):
    res = run(args[0], sample_path, *args[1:])
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and word in res.stderr
