"""Features of foreign GeoPackages: GDAL-written layers, hand-made tables, SRS handling."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import warnings

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Point, Polygon, box

from factories import said
from viewer.io.errors import SituationError
from viewer.io.geopackage.blob import encode
from viewer.io.foreign.gpkg_layers import list_feature_layers, read_gpkg_features
from viewer.io.situation_file.schema import GPKG_DDL, SPATIAL_REF_SYS_ROWS
from viewer.io.foreign.dispatch import read_features

TO_3857 = Transformer.from_crs("OGC:CRS84", 3857, always_xy=True)
BOW = Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])


def snapshot(folder):
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in os.listdir(folder)}


def test_gdal_written_layers_in_4326_and_3857(tmp_path):
    raw = pytest.importorskip("pyogrio.raw")
    path = str(tmp_path / "admin.gpkg")
    lonlat = [box(30, 48, 31, 49), box(31, 48, 32, 49)]
    merc = shapely.transform(np.array(lonlat), lambda xy: np.column_stack(
        TO_3857.transform(xy[:, 0], xy[:, 1])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        raw.write(path, shapely.to_wkb(np.array(lonlat)),
                  [np.array(["West", "East"], dtype=object), np.array([5, 7])],
                  ["name", "pcode"], layer="admin1", driver="GPKG", geometry_type="Polygon",
                  crs="EPSG:4326")
        raw.write(path, shapely.to_wkb(merc), [np.array(["W", "E"], dtype=object)], ["name"],
                  layer="admin1_merc", driver="GPKG", geometry_type="Polygon",
                  crs="EPSG:3857")
    before = snapshot(tmp_path)
    assert list_feature_layers(path) == ["admin1", "admin1_merc"]
    result = read_gpkg_features(path)
    assert snapshot(tmp_path) == before                 # not modified, nothing created
    assert [(f.layer, f.name, f.properties) for f in result.features] == [
        ("admin1", "West", {"name": "West", "pcode": 5}),
        ("admin1", "East", {"name": "East", "pcode": 7}),
        ("admin1_merc", "W", {"name": "W"}), ("admin1_merc", "E", {"name": "E"})]
    for f, want in zip(result.features, lonlat * 2):
        np.testing.assert_allclose(shapely.get_coordinates(f.geometry),
                                   shapely.get_coordinates(want), atol=1e-9)
    assert said(result) == ["table admin1_merc: converted coordinates from EPSG:3857 "
                               "(WGS 84 / Pseudo-Mercator) to longitude/latitude"]
    only = read_features(path, layer="admin1_merc")
    assert [f.name for f in only.features] == ["W", "E"]


def make_gpkg(path, rows, *, srs_id=4326, srs_row=None):
    """A GeoPackage with feature table ``zones`` (geom, label, data), a view over it and an
    attribute table, both listed in gpkg_contents."""
    conn = sqlite3.connect(path)
    for ddl in GPKG_DDL:
        conn.execute(ddl)
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                     SPATIAL_REF_SYS_ROWS + ((srs_row,) if srs_row else ()))
    conn.execute("CREATE TABLE zones (fid INTEGER PRIMARY KEY, geom POLYGON, label TEXT, "
                 "data BLOB)")
    conn.executemany("INSERT INTO zones (fid, geom, label, data) VALUES (?, ?, ?, ?)", rows)
    conn.execute("CREATE VIEW zones_view AS SELECT * FROM zones")
    conn.execute("CREATE TABLE notes (fid INTEGER PRIMARY KEY, text TEXT)")
    for table, kind, srs in (("zones", "features", srs_id), ("zones_view", "features", srs_id),
                             ("notes", "attributes", None)):
        conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
                     "VALUES (?, ?, ?, ?)", (table, kind, table, srs))
    for table in ("zones", "zones_view"):
        conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POLYGON', ?, 0, 0)",
                     (table, srs_id))
    conn.commit()
    conn.close()
    return str(path)


def test_hand_made_table_with_our_blobs(tmp_path):
    good, bow = encode([box(30, 48, 31, 49), BOW])
    path = make_gpkg(tmp_path / "zones.gpkg", [
        (1, good, "good", None), (2, bow, "bow", b"\x00\x01"), (3, b"GPjunk", "junk", None),
        (4, None, "none", None)])
    result = read_gpkg_features(path)
    assert [(f.layer, f.properties) for f in result.features] == [
        ("zones", {"label": "good"}), ("zones", {"label": "bow"})]
    assert result.features[0].geometry.equals(box(30, 48, 31, 49))
    assert result.repaired == 1 and result.features[1].geometry.area == pytest.approx(2.0)
    assert said(result) == [
        "skipped 1 feature with an unreadable geometry blob: table zones, fid 3",
        "table zones: binary columns not read: data",
        "skipped 1 feature with no geometry: table zones, fid 4",
        "repaired 1 invalid geometry: table zones, fid 2"]
    assert list_feature_layers(path) == ["zones"]         # never the view


def test_unknown_layer_is_refused_with_the_list(tmp_path):
    path = make_gpkg(tmp_path / "z.gpkg", [(1, encode([Point(30, 48)])[0], "p", None)])
    with pytest.raises(SituationError) as err:
        read_gpkg_features(path, "zones_view")
    assert str(err.value) == f"{path}: no feature layer 'zones_view' (layers: 'zones')"


def test_undefined_srs_taken_as_lon_lat_when_it_fits(tmp_path):
    path = make_gpkg(tmp_path / "z.gpkg", [(1, encode([Point(30, 48)], srs_id=0)[0], "p", None)],
                     srs_id=0)
    result = read_gpkg_features(path)
    assert result.features[0].geometry.equals(Point(30, 48))
    assert said(result) == ["table zones: undefined spatial reference system (srs_id 0); "
                               "coordinates taken as lon/lat"]
    far = make_gpkg(tmp_path / "far.gpkg", [(1, encode([Point(3e6, 6e6)], 0)[0], "p", None)],
                    srs_id=0)
    with pytest.raises(SituationError, match="undefined spatial reference system"):
        read_gpkg_features(far)


def test_srs_by_wkt_or_code_and_unknown_srs(tmp_path):
    x, y = TO_3857.transform(30.0, 48.0)
    blob = encode([Point(x, y)], srs_id=900)[0]
    by_code = make_gpkg(tmp_path / "a.gpkg", [(1, blob, "p", None)], srs_id=900,
                        srs_row=("merc", 900, "EPSG", 3857, "undefined", ""))
    assert read_gpkg_features(by_code).features[0].geometry.coords[0] == pytest.approx((30, 48))
    unknown = make_gpkg(tmp_path / "b.gpkg", [(1, blob, "p", None)], srs_id=900,
                        srs_row=("odd", 900, "ACME", 12, "nonsense", ""))
    with pytest.raises(SituationError, match="unknown coordinate reference system ACME:12"):
        read_gpkg_features(unknown)


def test_not_a_geopackage(tmp_path):
    text = tmp_path / "a.gpkg"
    text.write_text("hello")
    with pytest.raises(SituationError, match="not an SQLite database"):
        read_gpkg_features(text)
    plain = tmp_path / "plain.gpkg"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(SituationError, match="not a GeoPackage with features"):
        read_features(plain)
    with pytest.raises(SituationError, match="is a directory"):
        read_gpkg_features(tmp_path)
