"""A FeatureCollection decoded feature by feature reads exactly as the whole document
does: the same features in any member order and spacing, JSON's last-key-wins, and the
same one-line refusal (json.loads's own message and position) for every malformed text."""

from __future__ import annotations

import json

import pytest
import shapely
from pyproj import Transformer

from viewer.io.errors import SituationError
from viewer.io.foreign.geojson import parse_geojson
from viewer.io.foreign.json_stream import stream_object
from viewer.io.geometry_reasons import build_reason


def feature(x: float, day: str) -> dict:
    ring = [[x, 48.0], [x + 0.1, 48.0], [x + 0.1, 48.1], [x, 48.1], [x, 48.0]]
    return {"type": "Feature", "properties": {"valid_from": day},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


FEATURES = [feature(36.0 + k / 5, f"2025-06-0{k + 1}") for k in range(4)]


def expected(features: list[dict]) -> list[tuple]:
    """(WKT, properties) of each feature, straight from shapely."""
    return [(shapely.from_geojson(json.dumps(f["geometry"])).wkt, f["properties"])
            for f in features]


def read(text: str | bytes) -> list[tuple]:
    return [(f.geometry.wkt, f.properties) for f in parse_geojson(text, "x.geojson").features]


@pytest.mark.parametrize("text", [
    json.dumps({"type": "FeatureCollection", "features": FEATURES}),
    json.dumps({"features": FEATURES, "attribution": "A", "type": "FeatureCollection"}),
    json.dumps({"type": "FeatureCollection", "features": FEATURES}, indent=3),
    "\r\n\t " + json.dumps({"type": "FeatureCollection", "features": FEATURES}) + " \n",
])
def test_member_order_and_spacing_read_the_same(text):
    assert read(text) == read(text.encode("utf-8")) == expected(FEATURES)


def test_members_other_than_the_features_are_kept_and_a_repeated_key_is_the_last():
    seen = []
    members = stream_object('{"type": "FeatureCollection", "features": [1, [2], {"a": 3}],'
                            ' "attribution": "A"}', "features", seen.append)
    assert seen == [1, [2], {"a": 3}]
    assert members == {"type": "FeatureCollection", "attribution": "A"}
    twice = (f'{{"type": "FeatureCollection", "features": {json.dumps(FEATURES[:1])}, '
             f'"features": {json.dumps(FEATURES[2:])}}}')
    assert read(twice) == expected(FEATURES[2:]) == expected(json.loads(twice)["features"])


def test_a_crs_after_the_features_is_honoured():
    to_metres = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    ring = FEATURES[0]["geometry"]["coordinates"][0]
    moved = [[list(to_metres.transform(x, y)) for x, y in ring]]
    text = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                                                            "coordinates": moved}}],
        "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}})
    result = parse_geojson(text, "x.geojson")
    assert any("converted coordinates" in str(w) for w in result.warnings)
    lonlat = shapely.from_geojson(json.dumps(FEATURES[0]["geometry"]))
    assert result.features[0].geometry.equals_exact(lonlat, tolerance=1e-9)


BAD = [
    '{"type": "FeatureCollection", "features": [',
    '{"type": "FeatureCollection", "features": [{"type": "Feature"},]}',
    '{"type": "FeatureCollection", "features": [] "x": 1}',
    '{"type": "FeatureCollection", "features": []}}',
    '{"type": "FeatureCollection", "features": []} []',
    '{"type": "FeatureCollection" "features": []}',
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"a": 1,}}]}',
    '{"type": "FeatureCollection", features: []}',
    '\ufeff{"type": "FeatureCollection", "features": []}',
]


@pytest.mark.parametrize("text", BAD)
def test_malformed_text_is_refused_with_json_s_own_message(text):
    with pytest.raises(json.JSONDecodeError) as truth:
        json.loads(text)
    e = truth.value
    with pytest.raises(SituationError) as refused:
        parse_geojson(text, "x.geojson")
    assert f"{e.msg} (line {e.lineno}, column {e.colno})" in str(refused.value)


def test_text_that_is_not_utf8_is_refused_as_before():
    text = b'{"type": "FeatureCollection", "features": [], "name": "\xff"}'
    with pytest.raises(SituationError, match="not UTF-8"):
        parse_geojson(text, "x.geojson")


def test_a_feature_document_with_a_features_member_is_still_one_feature():
    doc = {**FEATURES[0], "features": FEATURES[1:]}
    assert read(json.dumps(doc)) == expected(FEATURES[:1])


def test_a_ring_shapely_refuses_skips_that_feature_alone_in_order():
    """Polygons are made in bulk; one whose ring shapely refuses (two positions) makes
    them be made one by one: that feature is skipped with shapely's reason, in the order
    the features came, and the others are shapely's own polygons."""
    line = {"type": "Feature", "properties": {"k": "short"},
            "geometry": {"type": "Polygon", "coordinates": [[[36, 48], [36.1, 48]]]}}
    items = [FEATURES[0], line, "not a feature", FEATURES[1], line, FEATURES[2]]
    result = parse_geojson(json.dumps({"type": "FeatureCollection", "features": items}),
                           "x.geojson")
    assert [(f.geometry.wkt, f.properties) for f in result.features] == expected(FEATURES[:3])
    with pytest.raises(ValueError) as truth:
        shapely.Polygon([[36, 48], [36.1, 48]])
    # one per reason, in order of first appearance
    assert [str(w) for w in result.warnings] == [
        f"skipped 2 features with an unusable geometry ({build_reason(str(truth.value))}): "
        "feature 2, feature 5",
        "skipped 1 feature with an unusable geometry (not a GeoJSON Feature): feature 3"]
