"""Timestamped features -> layers: valid_from/valid_to ranges, custom fields, KML
TimeSpan/TimeStamp with folders as layers, and what is left out with a warning."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod
from shapely.geometry import box, mapping

from factories import said
from viewer.analysis.areas import Areas
from viewer.importing.pipeline import ImportOptions, run_import
from viewer.importing.timestamped import as_time
from viewer.model import parse_time

GEOD = Geod(ellps="WGS84")
T = parse_time


def km2(minx, miny, maxx, maxy) -> float:
    area, _ = GEOD.polygon_area_perimeter([minx, maxx, maxx, minx], [miny, miny, maxy, maxy])
    return abs(area) / 1e6


def collection(path, *items):
    feats = [{"type": "Feature", "properties": props, "geometry": mapping(g)}
             for g, props in items]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    return str(path)


def test_valid_from_and_valid_to_give_states_at_every_boundary(tmp_path):
    a, b = box(36.0, 48.0, 36.1, 48.1), box(36.2, 48.0, 36.3, 48.1)
    path = collection(tmp_path / "incursions.geojson",
                      (a, {"valid_from": "2025-06-01", "valid_to": "2025-06-05"}),
                      (b, {"valid_from": "2025-06-03T06:00Z", "valid_to": None}))
    result = run_import(ImportOptions([path]))
    assert result.mode == "timestamped" and result.layer_ids == ["incursions"]
    layer = result.situation.layer("incursions")
    assert layer.kind == "incursion"
    h = layer.history
    assert h.times == [T("2025-06-01"), T("2025-06-03T06:00Z"), T("2025-06-05")]
    assert h.state_at(T("2025-06-04")).area == pytest.approx(a.area + b.area)
    assert h.state_at(T("2025-06-05")).equals(b)            # a ended: [from, to)
    areas = Areas(result.situation)
    assert areas.change_km2(h.changes[0].id) == pytest.approx((km2(36.2, 48, 36.3, 48.1), 0),
                                                              rel=1e-6)
    assert areas.change_km2(h.changes[1].id) == pytest.approx((0, km2(36.0, 48, 36.1, 48.1)),
                                                              rel=1e-6)


def test_custom_time_fields_and_features_left_out_with_warnings(tmp_path):
    path = collection(tmp_path / "raids.geojson",
                      (box(36, 48, 36.1, 48.1), {"start": "2025-06-01", "stop": "2025-06-02"}),
                      (box(36, 48, 36.1, 48.1), {"start": "2025-06-04", "stop": "2025-06-03"}),
                      (box(36, 48, 36.1, 48.1), {"stop": "2025-06-09"}),
                      (box(36.5, 48, 36.6, 48.1), {"start": "2025-06-05"}))
    result = run_import(ImportOptions([path], layer="Raids", time_field="start",
                                      end_field="stop", kind="assessed-advance"))
    h = result.situation.layer("raids").history
    assert h.times == [T("2025-06-01"), T("2025-06-02"), T("2025-06-05")]
    assert h.state_at(T("2025-06-02")).is_empty
    assert len(result.warnings) == 2
    assert any("feature 2" in w and "stop not after start" in w for w in said(result))
    assert any("feature 3" in w and "no start" in w for w in said(result))


def square(x, y) -> str:
    ring = f"{x},{y} {x + 0.1},{y} {x + 0.1},{y + 0.1} {x},{y + 0.1} {x},{y}"
    return ("<Polygon><outerBoundaryIs><LinearRing><coordinates>" + ring +
            "</coordinates></LinearRing></outerBoundaryIs></Polygon>")


KML = f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>raids</name>
 <Folder><name>North</name>
  <Placemark><name>n1</name>
   <TimeSpan><begin>2025-06-01</begin><end>2025-06-03</end></TimeSpan>{square(36, 48)}
  </Placemark>
  <Placemark><name>n2</name>
   <TimeStamp><when>2025-06-02</when></TimeStamp>{square(36.2, 48)}
  </Placemark>
 </Folder>
 <Folder><name>South</name>
  <Placemark><name>s1</name><TimeStamp><when>2025-06</when></TimeStamp>{square(36, 47)}
  </Placemark>
 </Folder>
</Document></kml>
"""


def test_kml_folders_become_layers_with_timespan_and_timestamp(tmp_path):
    path = tmp_path / "raids.kml"
    path.write_text(KML)
    result = run_import(ImportOptions([str(path)]))
    assert result.mode == "timestamped" and result.layer_ids == ["north", "south"]
    north = result.situation.layer("north").history
    assert north.times == [T("2025-06-01"), T("2025-06-02"), T("2025-06-03")]
    assert north.state_at(T("2025-06-03")).bounds == pytest.approx((36.2, 48.0, 36.3, 48.1))
    south = result.situation.layer("south").history
    assert south.times == [T("2025-06-01")]                  # a gYearMonth: its first day
    merged = run_import(ImportOptions([str(path)], layer="All raids"))
    assert merged.layer_ids == ["all-raids"]
    assert merged.situation.layer("all-raids").history.state_at(T("2025-06-02")).area == \
        pytest.approx(3 * 0.01)


def test_one_time_per_file_is_a_snapshot_series_not_timestamped_features(tmp_path):
    one = collection(tmp_path / "a.geojson",
                     (box(36, 48, 36.1, 48.1), {"valid_from": "2025-06-01"}))
    two = collection(tmp_path / "b.geojson",
                     (box(36, 48, 36.2, 48.1), {"valid_from": "2025-06-02"}))
    result = run_import(ImportOptions([one, two], layer="x"))
    assert result.mode == "snapshots"
    assert result.situation.layer("x").history.state_at(T("2025-06-02")).area == \
        pytest.approx(0.02)          # the second snapshot, not the union of both


def test_times_in_properties():
    assert as_time("2025") == T("2025-01-01")
    assert as_time("20250613") == T("2025-06-13")
    assert as_time("2025-06-13T10:00+02:00") == T("2025-06-13T08:00Z")
    with pytest.raises(ValueError):
        as_time(12345)


def assert_states_are_unions(history, items, days) -> None:
    """At every day the state, and its pieces' summed area, are those of the shapely union
    of the features (geometry, properties) present then."""
    import shapely
    for day in days:
        t = T(day)
        present = [g for g, p in items if T(p["valid_from"]) <= t
                   and ("valid_to" not in p or t < T(p["valid_to"]))]
        expected = shapely.union_all(present)
        state = history.state_at(t)
        assert shapely.symmetric_difference(state, expected).area <= 1e-9 * expected.area
        pieces = [p.geometry for p in history.pieces_at(t)]
        assert sum(g.area for g in pieces) == pytest.approx(expected.area, rel=1e-9)


def test_overlapping_features_starting_and_ending_give_the_union_present_at_each_time(
        tmp_path):
    """Every state, its changes and pieces agree with the union of the features present
    then, computed here from the features directly (overlaps, shared edges, a feature
    inside another, ends and starts at one time)."""
    import numpy as np
    rng = np.random.default_rng(7)
    days = [f"2025-06-{d:02d}" for d in range(1, 11)]
    items = []
    for k in range(300):
        x, y = (round(float(v), 2) for v in rng.uniform(36.0, 36.5, 2))  # shared edges
        s = round(float(rng.uniform(0.01, 0.08)), 2)
        start = int(rng.integers(0, 9))
        end = int(rng.integers(start + 1, 11))
        props = {"valid_from": days[start]}
        if end < 10:
            props["valid_to"] = days[end]
        items.append((box(x, y, x + s, y + s), props))
    path = collection(tmp_path / "many.geojson", *items)
    history = run_import(ImportOptions([path])).situation.layer("many").history
    assert_states_are_unions(history, items, days)
    for change in history.changes:
        t0 = max(t for t in history.times if t < change.at)
        old, new = history.state_at(t0), history.state_at(change.at)
        assert change.gained.area == pytest.approx(new.difference(old).area, abs=1e-12)
        assert change.lost.area == pytest.approx(old.difference(new).area, abs=1e-12)


def test_scattered_features_merge_to_the_union_of_those_present(tmp_path):
    """Scattered features, most touching no other of their start (their rests are parts of
    the union as they are), some sharing an edge or a corner with one starting with them,
    one cut in two by an older neighbour: each state is the shapely union of the features
    present then, computed here, and every change is a valid area."""
    import numpy as np
    rng = np.random.default_rng(11)
    days = [f"2025-07-{d:02d}" for d in range(1, 8)]
    items = [(box(36.0, 48.0, 36.3, 48.02), {"valid_from": days[0]}),        # a bar ...
             (box(36.1, 47.9, 36.2, 48.1), {"valid_from": days[1],         # ... cutting
                                            "valid_to": days[5]}),           # this in two
             (box(36.5, 48.0, 36.6, 48.1), {"valid_from": days[2]}),
             (box(36.6, 48.0, 36.7, 48.1), {"valid_from": days[2]}),        # shared edge
             (box(36.7, 48.1, 36.8, 48.2), {"valid_from": days[2],          # shared corner
                                            "valid_to": days[4]})]
    for _ in range(200):
        x, y = (float(v) for v in rng.uniform([37.0, 46.0], [40.0, 49.0]))
        start = int(rng.integers(0, 6))
        props = {"valid_from": days[start]}
        if rng.random() < 0.4:
            props["valid_to"] = days[int(rng.integers(start + 1, 7))]
        items.append((box(x, y, x + 0.05, y + 0.05), props))
    path = collection(tmp_path / "scattered.geojson", *items)
    history = run_import(ImportOptions([path])).situation.layer("scattered").history
    assert len(history.times) == 7
    assert_states_are_unions(history, items, days)
    for change in history.changes:
        assert change.gained.is_valid and change.lost.is_valid
