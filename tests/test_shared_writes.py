"""Rewriting a file QGIS and GDAL have added to keeps what they added: a layer GDAL
wrote (pyogrio), a column and QGIS's style and project tables (sqlite3), and an R-tree
built by hand the way GDAL builds one; ``--drop-foreign`` removes them on request."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.raw
import pytest
import shapely

from test_gpkg_roundtrip import sample_situation
from viewer.io.situation_file import read_situation, write_situation

STYLE_QML = "<qgis><renderer-v2 type='singleSymbol'/></qgis>"


def _rows(path: Path, sql: str, args=()) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.fixture
def shared(tmp_path) -> Path:
    """Our file, then edited as people edit it in GDAL and QGIS."""
    path = tmp_path / "south.gpkg"
    write_situation(sample_situation(), path)
    notes = shapely.to_wkb(np.array([shapely.box(30, 46, 31, 47), shapely.box(33, 47, 34, 48)]))
    pyogrio.raw.write(str(path), geometry=notes, field_data=[np.array(["a", "б"], dtype=object)],
                      fields=["note"], layer="my_annotations", driver="GPKG",
                      geometry_type="Polygon", crs="EPSG:4326",
                      layer_options={"SPATIAL_INDEX": "YES"})
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE layer_pieces ADD COLUMN analyst_note TEXT")
        conn.execute("UPDATE layer_pieces SET analyst_note = 'checked by AB' WHERE fid = 3")
        conn.execute("ALTER TABLE reports ADD COLUMN checked INTEGER")
        conn.execute("UPDATE reports SET checked = 1 WHERE report_id = 'r2'")
        # QGIS: Layer Properties > Style > Save to Database, and Project > Save to GeoPackage
        conn.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                     "f_table_catalog TEXT(256), f_table_schema TEXT(256), "
                     "f_table_name TEXT(256), f_geometry_column TEXT(256), "
                     "styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, "
                     "description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME "
                     "DEFAULT CURRENT_TIMESTAMP)")
        conn.execute("INSERT INTO layer_styles (f_table_name, f_geometry_column, styleName, "
                     "styleQML, useAsDefault) VALUES ('layer_pieces', 'geom', 'front', ?, 1)",
                     (STYLE_QML,))
        conn.execute("CREATE TABLE qgis_projects (name TEXT PRIMARY KEY, metadata BLOB, "
                     "content BLOB)")
        conn.execute("INSERT INTO qgis_projects VALUES ('front', '{}', x'504b0304')")
        conn.execute("CREATE VIEW claimed_pieces AS SELECT fid, geom FROM layer_pieces "
                     "WHERE layer_id = 'claimed'")
        # an R-tree on our layer_pieces, laid out as GDAL does (cf. my_annotations above)
        conn.execute('CREATE VIRTUAL TABLE "rtree_layer_pieces_geom" USING '
                     "rtree(id, minx, maxx, miny, maxy)")
        conn.executemany('INSERT INTO "rtree_layer_pieces_geom" VALUES (?,?,?,?,?)',
                         _expected_rtree(conn))
        conn.execute("INSERT INTO gpkg_extensions VALUES ('layer_pieces', 'geom', "
                     "'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree',"
                     " 'write-only')")
    conn.close()
    return path


def _expected_rtree(conn) -> list[tuple]:
    """(fid, minx, maxx, miny, maxy) of each piece, from shapely (not our blob header)."""
    out = []
    for fid, blob in conn.execute("SELECT fid, geom FROM layer_pieces ORDER BY fid"):
        flags = blob[3]
        header = 8 + (0, 32, 48, 48, 64)[(flags >> 1) & 7]
        geom = shapely.from_wkb(bytes(blob[header:]))
        if not geom.is_empty:
            minx, miny, maxx, maxy = geom.bounds
            out.append((fid, minx, maxx, miny, maxy))
    return out


def _append(path: Path, tmp_path: Path, *extra: str) -> None:
    from viewer.cli.main import main
    source = tmp_path / "front_20250605.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {},
        "geometry": shapely.geometry.mapping(shapely.box(35, 47, 36, 48))}]}))
    assert main(["import", str(source), "--layer", "Front", "--append", "-o", str(path),
                 *extra]) == 0


def test_append_keeps_what_gdal_and_qgis_added(shared, tmp_path, capsys):
    before_notes = pyogrio.raw.read(str(shared), layer="my_annotations")
    _append(shared, tmp_path)
    assert "warnings: 0" in capsys.readouterr().out
    # GDAL still sees its layer, with its rows and its own R-tree
    layers = {name for name, _ in pyogrio.list_layers(str(shared))}
    assert {"my_annotations", "layer_pieces", "regions"} <= layers
    assert _rows(shared, "SELECT count(*) FROM claimed_pieces") == \
        _rows(shared, "SELECT count(*) FROM layer_pieces WHERE layer_id = 'claimed'")
    after_notes = pyogrio.raw.read(str(shared), layer="my_annotations")
    assert list(after_notes[3][0]) == list(before_notes[3][0]) == ["a", "б"]
    assert list(after_notes[2]) == list(before_notes[2])
    hit = pyogrio.raw.read(str(shared), layer="my_annotations", bbox=(33.2, 47.2, 33.8, 47.8))
    assert list(hit[3][0]) == ["б"]
    assert _rows(shared, 'SELECT count(*) FROM "rtree_my_annotations_geom"') == [(2,)]
    # QGIS's style and project, untouched
    assert _rows(shared, "SELECT f_table_name, styleName, styleQML, useAsDefault "
                         "FROM layer_styles") == [("layer_pieces", "front", STYLE_QML, 1)]
    assert _rows(shared, "SELECT name, content FROM qgis_projects") == \
        [("front", b"PK\x03\x04")]
    # the extra columns, on the same rows
    assert _rows(shared, "SELECT fid FROM layer_pieces WHERE analyst_note = 'checked by AB'") \
        == [(3,)]
    assert _rows(shared, "SELECT report_id FROM reports WHERE checked = 1") == [("r2",)]
    # the R-tree on our table, rebuilt for the new rows, with its extension row
    conn = sqlite3.connect(f"file:{shared}?mode=ro", uri=True)
    expected = _expected_rtree(conn)
    got = conn.execute('SELECT * FROM "rtree_layer_pieces_geom" ORDER BY id').fetchall()
    conn.close()
    assert len(got) == len(expected) > 0
    assert np.allclose(np.array(got), np.array(expected), atol=1e-5)  # R-tree: float32 bounds
    assert ("layer_pieces", "geom", "gpkg_rtree_index") in _rows(
        shared, "SELECT table_name, column_name, extension_name FROM gpkg_extensions")
    # GDAL's feature counts match, and the file is sound
    assert pyogrio.read_info(str(shared), layer="layer_pieces")["features"] == \
        _rows(shared, "SELECT count(*) FROM layer_pieces")[0][0]
    assert _rows(shared, "PRAGMA integrity_check") == [("ok",)]
    situation = read_situation(shared)
    assert [l.id for l in situation.layers] == ["control", "claimed", "front"]


def test_a_save_as_keeps_them_too(shared, tmp_path):
    copy = tmp_path / "copy.gpkg"
    write_situation(read_situation(shared), copy, keep_from=shared)
    assert _rows(copy, "SELECT styleName FROM layer_styles") == [("front",)]
    assert _rows(copy, "SELECT count(*) FROM my_annotations") == [(2,)]


def test_drop_foreign_removes_them(shared, tmp_path):
    _append(shared, tmp_path, "--drop-foreign")
    names = {r[0] for r in _rows(shared, "SELECT name FROM sqlite_master")}
    assert not names & {"my_annotations", "layer_styles", "qgis_projects", "claimed_pieces",
                        "rtree_layer_pieces_geom", "gpkg_extensions"}
    assert "analyst_note" not in {r[1] for r in _rows(shared, "PRAGMA table_info(layer_pieces)")}
    assert [l.id for l in read_situation(shared).layers] == ["control", "claimed", "front"]
