"""GeoJSON reading: every geometry type, legacy crs members, bad coordinates, repairs."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import shape

from factories import said
from viewer.io import files as read_any
from viewer.io.errors import SituationError
from viewer.io.foreign.geojson import read_geojson
from viewer.io.foreign.dispatch import read_features

SQUARE = [[[30, 48], [31, 48], [31, 49], [30, 49], [30, 48]],
          [[30.2, 48.2], [30.2, 48.4], [30.4, 48.4], [30.4, 48.2], [30.2, 48.2]]]


def feature(geometry, **props):
    return {"type": "Feature", "geometry": geometry, "properties": props}


def write(tmp_path, doc, name="in.geojson"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_every_geometry_type_and_properties_as_given(tmp_path):
    doc = {"type": "FeatureCollection", "features": [
        feature({"type": "Point", "coordinates": [30.5, 48.5, 120.0]}, name="Westville",
                population=1000, tags={"a": [1, 2]}),
        feature({"type": "LineString", "coordinates": [[30, 48], [31, 49]]}),
        feature({"type": "Polygon", "coordinates": SQUARE}, kind="control"),
        feature({"type": "MultiPolygon", "coordinates": [SQUARE, [[[32, 48], [33, 48],
                                                                   [33, 49], [32, 48]]]]}),
        feature({"type": "MultiPoint", "coordinates": [[30, 48], [31, 48]]}),
        feature({"type": "MultiLineString", "coordinates": [[[30, 48], [31, 48]]]}),
        feature({"type": "GeometryCollection", "geometries": [
            {"type": "Point", "coordinates": [30, 48]},
            {"type": "Polygon", "coordinates": SQUARE}]}),
    ]}
    result = read_geojson(write(tmp_path, doc))
    assert [f.geometry.geom_type for f in result.features] == [
        "Point", "LineString", "Polygon", "MultiPolygon", "MultiPoint", "MultiLineString",
        "GeometryCollection"]
    first = result.features[0]
    assert first.name == "Westville" and first.layer == ""
    assert first.properties == {"name": "Westville", "population": 1000, "tags": {"a": [1, 2]}}
    assert not first.geometry.has_z                      # altitude dropped
    poly = result.features[2].geometry
    assert poly.equals(shape({"type": "Polygon", "coordinates": SQUARE}))
    assert len(poly.interiors) == 1 and poly.area == pytest.approx(1 - 0.04)
    assert result.features[2].properties == {"kind": "control"}
    assert said(result) == [] and result.repaired == 0


def test_single_feature_and_bare_geometry(tmp_path):
    one = read_geojson(write(tmp_path, feature({"type": "Polygon", "coordinates": SQUARE},
                                               name="x")))
    assert len(one.features) == 1 and one.features[0].name == "x"
    bare = read_geojson(write(tmp_path, {"type": "MultiPolygon", "coordinates": [SQUARE]}))
    assert len(bare.features) == 1 and bare.features[0].properties == {}
    assert bare.features[0].geometry.area == pytest.approx(0.96)


@pytest.mark.parametrize("name", ["EPSG:3857", "urn:ogc:def:crs:EPSG::3857",
                                  "http://www.opengis.net/def/crs/EPSG/0/3857"])
def test_legacy_crs_member_is_reprojected(tmp_path, name):
    xy = np.array([[3339584.72, 6106854.83], [3450904.21, 6106854.83],
                   [3450904.21, 6274861.39], [3339584.72, 6106854.83]])
    doc = {"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": name}},
           "features": [feature({"type": "Polygon", "coordinates": [xy.tolist()]})]}
    result = read_geojson(write(tmp_path, doc))
    expected = np.column_stack(Transformer.from_crs(3857, "OGC:CRS84", always_xy=True)
                               .transform(xy[:, 0], xy[:, 1]))
    got = shapely.get_coordinates(result.features[0].geometry)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
    assert got[0] == pytest.approx([30.0, 48.0], abs=1e-6)
    assert said(result) == ["converted coordinates from EPSG:3857 (WGS 84 / Pseudo-Mercator)"
                               " to longitude/latitude"]


def test_crs84_and_epsg4326_members_are_lon_lat(tmp_path):
    for name in ("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"):
        doc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": name}},
               "features": [feature({"type": "Point", "coordinates": [30.5, 48.5]})]}
        result = read_geojson(write(tmp_path, doc))
        assert said(result) == [] and result.features[0].geometry.coords[0] == (30.5, 48.5)


@pytest.mark.parametrize("crs, problem", [
    ({"type": "name", "properties": {"name": "EPSG:999999"}},
     "unknown coordinate reference system EPSG:999999"),
    ({"type": "name", "properties": {"name": "+proj=merc"}},
     "unknown coordinate reference system '+proj=merc'"),
    ({"type": "link", "properties": {"href": "http://example.org/crs"}},
     "links are never followed"),
])
def test_unknown_crs_is_refused(tmp_path, crs, problem):
    path = write(tmp_path, {"type": "FeatureCollection", "crs": crs, "features": []})
    with pytest.raises(SituationError) as err:
        read_geojson(path)
    assert str(err.value).startswith(f"{path}: ") and problem in str(err.value)


def test_nan_inf_and_out_of_range_coordinates_are_skipped(tmp_path):
    text = ('{"type": "FeatureCollection", "features": ['
            '{"type": "Feature", "properties": {"k": 1}, "geometry": '
            '{"type": "Point", "coordinates": [NaN, 48]}},'
            '{"type": "Feature", "properties": {"k": 2}, "geometry": '
            '{"type": "LineString", "coordinates": [[30, 48], [Infinity, 49]]}},'
            '{"type": "Feature", "properties": {"k": 3}, "geometry": '
            '{"type": "Point", "coordinates": [1e999, 48]}},'
            '{"type": "Feature", "properties": {"k": 4}, "geometry": '
            '{"type": "Point", "coordinates": [200, 48]}},'
            '{"type": "Feature", "properties": {"k": 5}, "geometry": '
            '{"type": "Point", "coordinates": [30, 48]}},'
            '{"type": "Feature", "properties": {"k": 6}, "geometry": null}]}')
    result = read_geojson(write(tmp_path, text))
    assert [f.properties["k"] for f in result.features] == [5]
    assert said(result) == [
        "skipped 1 feature with no geometry: feature 6",
        "skipped 3 features with NaN or infinite coordinates: feature 1, feature 2, feature 3",
        "skipped 1 feature with coordinates outside longitude -180..180 or latitude -90..90: "
        "feature 4"]


def test_bad_coordinates_are_found_in_every_slice(tmp_path, monkeypatch):
    """The coordinates are checked a slice at a time (the GIL passed on between): a bad
    one in a later slice is found, and counted for its own feature."""
    from functools import partial
    from viewer.io.foreign import repair
    from viewer.model import gil
    passes = []
    monkeypatch.setattr(repair, "in_slices", partial(gil.in_slices, size=2))
    monkeypatch.setattr(gil, "pass_gil", lambda: passes.append(True))
    coords = ["[30, 48]", "[NaN, 48]", "[31, 48]", "[32, 48]", "[200, 48]", "[33, 91]"]
    features = ",".join('{"type": "Feature", "properties": {"k": %d}, "geometry": '
                        '{"type": "Point", "coordinates": %s}}' % (k, c)
                        for k, c in enumerate(coords, 1))
    result = read_geojson(write(tmp_path, '{"type": "FeatureCollection", "features": [%s]}'
                                % features))
    assert [f.properties["k"] for f in result.features] == [1, 3, 4]
    assert said(result) == [
        "skipped 1 feature with NaN or infinite coordinates: feature 2",
        "skipped 2 features with coordinates outside longitude -180..180 or latitude -90..90: "
        "feature 5, feature 6"]
    assert len(passes) >= 3                      # (force_2d's slices and the checks')


def test_the_readers_lists_are_let_go_a_slice_at_a_time(tmp_path, monkeypatch):
    """What the reader held per feature (geometries, properties, labels: the features
    keep copies) is freed a slice at a time before it returns (gil.let_go), not at once
    when its frame goes; the features are whole."""
    from viewer.io.foreign import geojson
    emptied = []

    def let_go(items):
        emptied.append(len(items))
        items.clear()
    monkeypatch.setattr(geojson, "let_go", let_go)
    features = ",".join('{"type": "Feature", "properties": {"k": %d}, "geometry": '
                        '{"type": "Point", "coordinates": [30, 48]}}' % k for k in range(7))
    result = read_geojson(write(tmp_path, '{"type": "FeatureCollection", "features": [%s]}'
                                % features))
    assert [f.properties["k"] for f in result.features] == list(range(7))
    assert emptied[-3:] == [7, 7, 7]            # properties, labels, geometries


def test_bow_tie_is_repaired_and_counted(tmp_path):
    bow = {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}
    good = {"type": "Polygon", "coordinates": SQUARE}
    result = read_geojson(write(tmp_path, {"type": "FeatureCollection", "features": [
        feature(good), feature(bow, name="bow")]}))
    assert result.repaired == 1
    fixed = result.features[1].geometry
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon"
    assert fixed.area == pytest.approx(2.0) and len(fixed.geoms) == 2
    assert said(result) == ["repaired 1 invalid geometry: feature 2"]


def test_unusable_geometries_are_skipped_with_reasons(tmp_path):
    result = read_geojson(write(tmp_path, {"type": "FeatureCollection", "features": [
        feature({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}),
        feature({"type": "Circle", "coordinates": [0, 0]}),
        {"type": "NotAFeature"},
        feature({"type": "Point", "coordinates": [30, 48]}, name="ok")]}))
    assert [f.name for f in result.features] == ["ok"]
    assert len(result.warnings) == 3
    assert all(w.startswith("skipped 1 feature with an unusable geometry") for w in said(result))
    assert "unknown geometry type 'Circle'" in said(result)[1]


@pytest.mark.parametrize("text, problem", [
    ("", "not valid JSON"),
    ('{"type": "FeatureCollection", "features": [', "not valid JSON"),
    ("[1, 2]", "not GeoJSON: expected a JSON object"),
    ('{"type": "Topology"}', "not GeoJSON: type 'Topology'"),
    ('{"type": "FeatureCollection"}', "without a 'features' list"),
    ("[" * 100000 + "]" * 100000, "not usable JSON: nested too deeply"),
])
def test_bad_documents_are_refused_in_one_line(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(SituationError) as err:
        read_geojson(path)
    assert str(err.value).startswith(f"{path}: ") and problem in str(err.value)
    assert "\n" not in str(err.value)


def test_size_limit_missing_file_and_directory(tmp_path, monkeypatch):
    path = write(tmp_path, {"type": "Point", "coordinates": [30, 48]})
    monkeypatch.setattr(read_any, "MAX_TEXT_BYTES", 10)
    with pytest.raises(SituationError, match=r"files over 10 bytes are refused"):
        read_geojson(path)
    with pytest.raises(SituationError, match="no such file"):
        read_geojson(tmp_path / "missing.geojson")
    with pytest.raises(SituationError, match="is a directory"):
        read_geojson(tmp_path)


def test_read_features_dispatches_by_suffix_and_content(tmp_path):
    doc = {"type": "Point", "coordinates": [30, 48]}
    for name in ("a.geojson", "a.json", "a.data"):
        assert len(read_features(write(tmp_path, doc, name)).features) == 1
    with pytest.raises(SituationError, match="single layer"):
        read_features(write(tmp_path, doc), layer="x")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    with pytest.raises(SituationError, match="unknown format"):
        read_features(tmp_path / "b.bin")


def test_deepstate_snapshot_reads_like_json_and_shape(deepstate_dir):
    path = sorted(deepstate_dir.glob("*.geojson"))[0]
    result = read_geojson(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    expected = [shape(f["geometry"]) for f in doc["features"]]
    assert len(result.features) == len(expected) and said(result) == []
    for got, want in zip(result.features, expected):
        assert got.geometry.equals_exact(want, tolerance=0)
        assert math.isclose(got.geometry.area, want.area)
