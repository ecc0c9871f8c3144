"""GDAL (through pyogrio) reads the situation file as a clean GeoPackage.

pyogrio turns GDAL warnings into RuntimeWarnings (from inside a GDAL callback, where an
exception can't propagate); each read records them and the tests require none, so a
non-conforming table, value or header fails these tests.
"""

from __future__ import annotations

import sqlite3
import warnings

import numpy as np
import pytest
import shapely

from test_gpkg_roundtrip import same_area, sample_situation
from viewer.io.situation_file import write_situation
from viewer.model.times import to_utc

pyogrio = pytest.importorskip("pyogrio")
raw = pytest.importorskip("pyogrio.raw")

FEATURES = {"regions": "MultiPolygon", "places": "Point", "layer_pieces": "MultiPolygon",
            "changes": "MultiPolygon"}
ATTRIBUTES = {"situation_meta", "layers", "layer_states", "reports", "report_links"}


@pytest.fixture
def written(tmp_path):
    situation = sample_situation()
    path = tmp_path / "south.gpkg"
    write_situation(situation, path)
    return situation, str(path)


def _read_noting_warnings(path, layer):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = raw.read(path, layer=layer)
    return result, [str(w.message) for w in caught]


def _read(path, layer):
    result, complaints = _read_noting_warnings(path, layer)
    assert complaints == []
    return result


def _as_utc(values) -> list:
    return [to_utc(v.astype("datetime64[ms]").item()) if not np.isnat(v) else None
            for v in values]


def test_gdal_lists_every_table_with_its_geometry_type(written):
    _, path = written
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        listed = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert [str(w.message) for w in caught] == []
    assert {k: listed[k] for k in FEATURES} == FEATURES
    assert {k for k in ATTRIBUTES if listed.get(k, "missing") is None} == ATTRIBUTES
    for name in FEATURES:
        info = pyogrio.read_info(path, layer=name)
        assert info["crs"] == "EPSG:4326"


def test_gdal_reads_pieces_with_their_validity_times(written):
    situation, path = written
    meta, _, geoms, fields = _read(path, "layer_pieces")
    assert list(meta["fields"]) == ["layer_id", "valid_from", "valid_to", "area_km2"]
    pieces = [(l.id, p) for l in situation.layers for p in l.history.pieces]
    assert len(geoms) == len(pieces)
    read = shapely.from_wkb(geoms)
    assert all(same_area(p.geometry, g) for (_, p), g in zip(pieces, read))
    assert list(fields[0]) == [lid for lid, _ in pieces]
    assert _as_utc(fields[1]) == [p.valid_from for _, p in pieces]
    assert _as_utc(fields[2]) == [p.valid_to for _, p in pieces]


def test_gdal_reads_changes_regions_and_places(written):
    situation, path = written
    _, _, geoms, fields = _read(path, "changes")
    parts = {(cid, part): g for cid, part, g in zip(fields[0], fields[3], shapely.from_wkb(geoms))}
    for change in situation.changes:
        for part, area in (("gain", change.gained), ("loss", change.lost)):
            assert (change.id, part) in parts or area.is_empty
            if not area.is_empty:
                assert same_area(parts[(change.id, part)], area)
    _, _, geoms, fields = _read(path, "regions")
    assert list(fields[0]) == [r.id for r in situation.regions]
    assert all(same_area(r.geometry, g)
               for r, g in zip(situation.regions, shapely.from_wkb(geoms)))
    _, _, geoms, fields = _read(path, "places")
    assert [(p.x, p.y) for p in shapely.from_wkb(geoms)] == \
           [(p.lon, p.lat) for p in situation.places]


def test_gdal_reads_the_attribute_tables(written):
    situation, path = written
    _, _, _, fields = _read(path, "layer_states")
    assert len(fields[0]) == sum(len(l.history.times) for l in situation.layers)
    _, _, _, fields = _read(path, "reports")
    assert list(fields[7]) == [r.reliability.source for r in situation.reports]
    _, _, _, fields = _read(path, "situation_meta")
    assert dict(zip(fields[0], fields[1]))["format_version"] == situation.meta.format_version


def test_file_identifies_as_geopackage_1_4(written):
    _, path = written
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10400
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        srs = {r[0] for r in conn.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")}
        assert srs == {-1, 0, 4326}
        extent = conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                              "WHERE table_name = 'regions'").fetchone()
    assert extent == pytest.approx((26.6, 45.0, 37.0, 48.5))


def test_a_nonconforming_value_does_trip_the_warning_check(written):
    """The checks above would notice GDAL complaining: a bad DATETIME makes it warn."""
    _, path = written
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE layer_states SET at = 'not a time' WHERE fid = 1")
    conn.close()
    _, complaints = _read_noting_warnings(path, "layer_states")
    assert any("not a time" in c for c in complaints)
