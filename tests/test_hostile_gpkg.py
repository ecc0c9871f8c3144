"""Hostile GeoPackages: each attack is either refused with one SituationError line naming
the file, or read safely. Reading never changes the file, and no SQL stored in the file
(views, triggers, generated columns, virtual tables) is ever run.

The attacks start from a valid situation file (tests/test_gpkg_roundtrip.sample_situation)
and change it with sqlite3, as an attacker with a text editor and the SQLite shell would.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import shapely

from test_gpkg_roundtrip import sample_situation
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.geopackage import sqlite as gpkg_open
from viewer.io.geopackage import wkb as gpkg_wkb
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation

ROOT = Path(__file__).resolve().parent.parent
TITLE = "South, June 2025"


@pytest.fixture
def gpkg(tmp_path) -> Path:
    path = tmp_path / "hostile.gpkg"
    write_situation(sample_situation(), path)
    return path


def edit(path: Path, *sql: str, params=()) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in sql:
        conn.execute(statement, params if statement is sql[-1] else ())
    conn.close()
    return path


def set_geom(path: Path, table: str, fid: int, blob: bytes) -> Path:
    return edit(path, f"UPDATE {table} SET geom = ? WHERE fid = {fid}", params=(blob,))


def gp(wkb: bytes, envelope=(), kind: int | None = None, little: bool = True) -> bytes:
    """A GeoPackage geometry blob: header (any envelope kind, either byte order) + WKB."""
    kind = {0: 0, 4: 1, 6: 2, 8: 4}[len(envelope)] if kind is None else kind
    order = "<" if little else ">"
    return (b"GP\x00" + bytes([int(little) | kind << 1]) + struct.pack(order + "i", 4326)
            + struct.pack(f"{order}{len(envelope)}d", *envelope) + wkb)


def wkb(geom) -> bytes:
    return shapely.to_wkb(geom, byte_order=1, flavor="iso")


def snapshot(path: Path):
    """Digest (read in chunks: a 200 MB file must not show up as memory use), mtime and
    the directory listing."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def read_safely(path: Path):
    """The situation, after checking the read changed nothing on disk."""
    before = snapshot(path)
    situation = read_situation(path)
    assert snapshot(path) == before
    return situation


def refused(path: Path, *expected: str) -> str:
    """The one-line reason the file is refused (checked to name it and change nothing)."""
    before = snapshot(path)
    with pytest.raises(SituationError) as err:
        read_situation(path)
    assert snapshot(path) == before
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message, message
    for text in expected:
        assert text in message, message
    return message


# -- SQL stored in the file ---------------------------------------------------------------
def test_sql_looking_table_and_column_names_are_data(gpkg):
    evil = 'x"; DROP TABLE reports; --'
    quoted = evil.replace('"', '""')
    edit(gpkg, f'CREATE TABLE "{quoted}" (fid INTEGER PRIMARY KEY, "{quoted}" TEXT, geom BLOB)',
         "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
         f"VALUES ('{evil}', 'features', '{evil}', 4326)",
         f"INSERT INTO gpkg_geometry_columns VALUES ('{evil}', 'geom', 'POINT', 4326, 0, 0)",
         f'ALTER TABLE reports ADD COLUMN "{quoted}" TEXT',
         f"UPDATE reports SET \"{quoted}\" = 'DROP TABLE layers'")
    situation = read_safely(gpkg)
    assert len(situation.reports) == 3 and len(situation.layers) == 2


def test_triggers_on_our_tables_never_fire(gpkg):
    edit(gpkg, "CREATE TABLE audit (what TEXT)",
         *[f"CREATE TRIGGER t_{table}_{op} AFTER {op} ON {table} BEGIN "
           f"INSERT INTO audit VALUES ('{table} {op}'); END"
           for table in ("reports", "regions", "situation_meta", "layer_pieces")
           for op in ("INSERT", "UPDATE", "DELETE")])
    assert read_safely(gpkg).meta.title == TITLE
    conn = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM audit").fetchone() == (0,)
    conn.close()


@pytest.fixture
def step_limit(monkeypatch):
    """Reader connections give up after ~10^7 SQLite steps: a query of an endless view
    then fails the test instead of hanging it."""
    real = sqlite3.connect

    def limited(*args, **kwargs):
        conn = real(*args, **kwargs)
        steps = iter(range(10_000))
        conn.set_progress_handler(lambda: next(steps, None) is None, 1000)
        return conn

    monkeypatch.setattr(sqlite3, "connect", limited)


def test_a_view_in_place_of_our_table_is_never_queried(gpkg, step_limit):
    edit(gpkg, "DROP TABLE reports",
         "CREATE VIEW reports AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
         "FROM n) SELECT i AS fid, 'r' || i AS report_id, '2025-06-01' AS published, "
         "sql AS source, name AS title, '' AS url, '' AS summary, 'en' AS language, "
         "'A' AS source_grade, 1 AS info_grade FROM n, sqlite_master")
    situation = read_safely(gpkg)
    assert situation.reports == [] and len(situation.layers) == 2   # a view is not a table


def test_a_view_in_place_of_gpkg_contents_is_refused(gpkg, step_limit):
    edit(gpkg, "DROP TABLE gpkg_geometry_columns", "DROP TABLE gpkg_contents",
         "CREATE VIEW gpkg_contents AS SELECT name AS table_name, 'features' AS data_type "
         "FROM sqlite_master")
    refused(gpkg, "no gpkg_contents table")


def test_gpkg_contents_naming_missing_tables_is_harmless(gpkg):
    edit(gpkg, "DROP TABLE places",
         "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
         "VALUES ('ghost', 'features', 'ghost', 4326)",
         "INSERT INTO gpkg_geometry_columns VALUES ('ghost', 'geom', 'POINT', 4326, 0, 0)")
    situation = read_safely(gpkg)
    assert situation.places == [] and len(situation.regions) == 3


def test_a_virtual_table_in_place_of_ours_is_refused(gpkg):
    edit(gpkg, "DROP TABLE reports",
         "CREATE VIRTUAL TABLE reports USING fts5(fid, report_id, published, source, title, "
         "url, summary, language, source_grade, info_grade)",
         "INSERT INTO reports VALUES (1, 'r1', '2025-06-01', 's', 't', '', '', 'en', 'A', 1)")
    refused(gpkg, "table reports is a virtual table")


def test_a_generated_column_is_never_evaluated(gpkg):
    edit(gpkg, "ALTER TABLE reports RENAME COLUMN title TO title_stored",
         "ALTER TABLE reports ADD COLUMN title TEXT GENERATED ALWAYS AS "
         "(printf('%.*c', 100000000, 'x')) VIRTUAL")
    refused(gpkg, "column title is computed by SQL stored in the file")


def test_deeply_nested_json_is_refused(gpkg):
    edit(gpkg, "UPDATE regions SET names_json = ? WHERE fid = 2",
         params=("[" * 100_000 + "]" * 100_000,))
    refused(gpkg, "table regions, fid 2, names_json: JSON nested too deeply")


# -- sizes ----------------------------------------------------------------------------------
def test_a_200_mb_blob_is_refused_without_being_read(gpkg):
    """zeroblob makes the 200 MB quickly (in a child, so this process never holds it);
    the reader refuses it by its stored size, never building it in memory."""
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3
        conn = sqlite3.connect({str(gpkg)!r})
        conn.execute("UPDATE regions SET geom = zeroblob(200 * 1024 * 1024) WHERE fid = 2")
        conn.commit()
    """)], check=True, timeout=120)
    assert gpkg.stat().st_size > 200 << 20
    tracemalloc.start()
    try:
        message = refused(gpkg, "table regions, fid 2: holds a value larger than 64 MB")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20, f"the blob was read into memory ({peak >> 20} MB): {message}"


def test_long_text_and_too_much_geometry_are_refused(gpkg, monkeypatch):
    monkeypatch.setattr(gpkg_open, "MAX_VALUE_BYTES", 1 << 20)
    edit(gpkg, "UPDATE reports SET summary = ? WHERE fid = 2", params=("é" * (1 << 20),))
    refused(gpkg, "table reports: holds a value larger than 1 MB")
    edit(gpkg, "UPDATE reports SET summary = 'short'")
    assert len(read_safely(gpkg).reports) == 3
    conn = sqlite3.connect(gpkg)
    geometry = sum(conn.execute(f"SELECT sum(length(geom)) FROM {table}").fetchone()[0]
                   for table in ("regions", "places", "layer_pieces", "changes"))
    conn.close()
    monkeypatch.setattr(gpkg_open, "MAX_GEOMETRY_BYTES", geometry - 1)
    refused(gpkg, "MB of geometry, more than this viewer reads")
    monkeypatch.setattr(gpkg_open, "MAX_GEOMETRY_BYTES", geometry)
    assert len(read_safely(gpkg).layers) == 2


# -- geometry blobs that lie ---------------------------------------------------------------
SQUARE = shapely.MultiPolygon([shapely.box(34, 46, 37, 48)])


@pytest.mark.parametrize("blob", [
    gp(wkb(SQUARE), (-170, -160, -80, -70)),                          # far away
    gp(wkb(SQUARE), (np.nan, np.inf, -np.inf, 0)),                    # not numbers
    gp(wkb(SQUARE), (37, 34, 48, 46, 0, 0, 9, 9), little=False),      # 4D, big-endian header
    gp(wkb(SQUARE), (0,) * 6, kind=3),                                # xym envelope
], ids=["far", "nan", "xyzm-big-endian", "xym"])
def test_an_envelope_that_lies_is_ignored_for_the_wkb(gpkg, blob):
    situation = read_safely(set_geom(gpkg, "regions", 1, blob))
    assert situation.regions[0].geometry.bounds == (34.0, 46.0, 37.0, 48.0)


POLYGON_HEAD = struct.pack("<BII", 1, 3, 1)                 # polygon, one ring


@pytest.mark.parametrize("table, blob, expected", [
    ("regions", gp(wkb(shapely.Point(35, 47))), "a Point where a Polygon or MultiPolygon"),
    ("layer_pieces", gp(wkb(shapely.LineString([(35, 47), (36, 48)]))), "a LineString"),
    ("changes", gp(wkb(shapely.GeometryCollection([SQUARE]))), "a GeometryCollection"),
    ("places", gp(wkb(SQUARE)), "a MultiPolygon where a Point was expected"),
    ("regions", gp(struct.pack("<BII", 1, 6, 1) + wkb(shapely.Point(1, 2))),
     "a Point where a Polygon was expected"),                    # a point inside a multi
    ("regions", gp(wkb(SQUARE)[:40]), "more coordinates than it holds"),
    ("regions", gp(wkb(SQUARE)[:7]), "cut short"),
    ("regions", gp(POLYGON_HEAD + struct.pack("<I", 2 ** 31) + b"\0" * 64),
     "more coordinates than it holds"),
    ("regions", gp(struct.pack("<BII", 1, 3, 2 ** 31 - 1) + b"\0" * 64),
     "more rings than it holds"),
    ("layer_pieces", gp(struct.pack("<BII", 1, 6, 2 ** 31) + b"\0" * 64),
     "more parts than it holds"),
    ("regions", gp(b"\x07" + wkb(SQUARE)[1:]), "bad WKB byte order 7"),
    ("regions", gp(struct.pack("<BI", 1, 99) + b"\0" * 32), "unsupported WKB geometry type 99"),
], ids=["point-as-area", "line-as-piece", "collection-as-change", "area-as-place",
        "point-in-multipolygon", "truncated", "truncated-header", "2^31-points", "2^31-rings",
        "2^31-parts", "byte-order", "unknown-type"])
def test_geometry_of_the_wrong_type_or_lying_wkb_is_refused(gpkg, table, blob, expected):
    set_geom(gpkg, table, 1, blob)
    start = time.perf_counter()
    refused(gpkg, f"table {table}, fid 1: bad geometry", expected)
    assert time.perf_counter() - start < 10          # nothing sized by the lie is allocated


NESTED = textwrap.dedent("""
    import sqlite3, struct, sys
    from viewer.io.geopackage import blob as gpkg_blob
    from viewer.io.situation_file import read_situation
    from viewer.io.errors import SituationError
    path, kind = sys.argv[1], sys.argv[2]
    deep = struct.pack("<BII", 1, 7, 1) * 100_000 + struct.pack("<BII", 1, 7, 0)
    wkb = struct.pack("<BII", 1, 6, 1) + deep if kind == "multipolygon" else deep
    blob = b"GP\\x00\\x01" + struct.pack("<i", 4326) + wkb
    if kind == "any-type":          # as a reader of foreign GeoPackages decodes
        try:
            gpkg_blob.decode([blob])
        except gpkg_blob.BlobError as exc:
            print(exc)
        sys.exit()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE regions SET geom = ? WHERE fid = 1", (blob,))
    conn.commit()
    try:
        read_situation(path)
    except SituationError as exc:
        print(exc)
""")


@pytest.mark.parametrize("kind, expected", [
    ("collection", "{path}: table regions, fid 1: bad geometry: a GeometryCollection where "
                   "a Polygon or MultiPolygon was expected"),
    ("multipolygon", "{path}: table regions, fid 1: bad geometry: a GeometryCollection where "
                     "a Polygon was expected"),
    ("any-type", "geometry collections nested more than 32 deep"),
])
def test_deeply_nested_collections_do_not_crash(gpkg, kind, expected):
    """GEOS parses nested collections recursively: 100 000 levels (900 kB) overflowed
    the C stack and killed the process (SIGSEGV). Run in a child, so that a regression
    fails this test instead of ending the test run."""
    res = subprocess.run([sys.executable, "-c", NESTED, str(gpkg), kind], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, f"status {res.returncode}: {res.stderr[-2000:]}"
    assert res.stdout.strip() == expected.format(path=gpkg)


def test_shallow_collections_still_read_where_any_type_is_wanted():
    shallow = struct.pack("<BII", 1, 7, 1) * 5 + wkb(shapely.Point(1, 2))
    assert gpkg_wkb.check(shallow) == (gpkg_wkb.COLLECTION, 6)      # 5 collections, a point
    assert gpkg_blob.decode([gp(shallow)])[0].geom_type == "GeometryCollection"


def ring_with(x: float) -> bytes:
    return POLYGON_HEAD + struct.pack("<I8d", 4, 31, 47, x, 47, 31, 48, 31, 47)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf], ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize("table", ["regions", "layer_pieces", "places"])
def test_non_finite_coordinates_are_refused(gpkg, table, value):
    blob = gp(struct.pack("<BI2d", 1, 1, value, 47.0) if table == "places" else ring_with(value))
    set_geom(gpkg, table, 1, blob)
    message = refused(gpkg, f"table {table}, fid 1")
    assert "coordinates must be finite numbers" in message or \
        (table == "places" and "needs a point location" in message)     # POINT(nan y): empty


def test_z_and_m_are_dropped_and_only_2d_iso_wkb_is_written(gpkg, tmp_path):
    cube = shapely.Polygon([(34, 46, 5), (37, 46, 5), (37, 48, 6), (34, 48, 6)])
    set_geom(gpkg, "regions", 1, gp(wkb(shapely.MultiPolygon([cube]))))
    situation = read_safely(gpkg)
    assert not situation.regions[0].geometry.has_z
    again = tmp_path / "again.gpkg"
    write_situation(situation, again)
    conn = sqlite3.connect(again)
    blob = conn.execute("SELECT geom FROM regions WHERE fid = 1").fetchone()[0]
    conn.close()
    assert struct.unpack_from("<I", blob, 8 + 32 + 1)[0] == gpkg_wkb.MULTIPOLYGON   # not 1006


def test_a_self_intersecting_polygon_is_repaired_not_fatal(gpkg, capsys):
    """A bow-tie region used to end ``info`` and ``render`` with a GEOS TopologyException."""
    bowtie = shapely.Polygon([(34, 46), (37, 48), (37, 46), (34, 48), (34, 46)])
    set_geom(gpkg, "regions", 1, gp(wkb(bowtie)))
    region = read_safely(gpkg).regions[0].geometry
    assert region.is_valid and region.geom_type == "MultiPolygon"
    assert region.area == pytest.approx(3.0)                   # the two triangles
    from viewer.cli.main import main
    assert main(["info", str(gpkg), "--json"]) == 0
    assert '"title": "South, June 2025"' in capsys.readouterr().out


# -- many vertices, many features ----------------------------------------------------------
@pytest.fixture(scope="module")
def million(tmp_path_factory) -> Path:
    """Region UA-23 as one polygon of a million vertices (a wavy ellipse)."""
    path = tmp_path_factory.mktemp("million") / "million.gpkg"
    write_situation(sample_situation(), path)
    a = np.linspace(0, 2 * np.pi, 1_000_000, endpoint=False)
    r = 1 + 0.05 * np.sin(a * 5000)
    ring = np.column_stack([35.5 + 1.5 * r * np.cos(a), 47 + r * np.sin(a)])
    geom = shapely.MultiPolygon([shapely.Polygon(ring)])
    return set_geom(path, "regions", 1, gpkg_blob.encode([geom])[0])


def test_a_million_vertex_polygon_is_read_whole(million):
    start = time.perf_counter()
    situation = read_safely(million)
    took = time.perf_counter() - start
    assert shapely.get_num_coordinates(situation.regions[0].geometry) == 1_000_001
    assert took < 30, f"{took:.1f} s"                # ~0.3 s here; generous against flakes


def test_a_million_vertex_polygon_is_simplified_for_display(million, qapp):
    from viewer.render.scene import MapScene
    scene = MapScene(read_situation(million))
    assert scene.region_path("UA-23").elementCount() < 100_000


def test_a_hundred_thousand_pieces_are_read_in_bounded_time(gpkg):
    n = 100_000
    i = np.arange(n)
    x, y = 30 + (i % 300) * 0.01, 45 + (i // 300) * 0.01
    blobs = gpkg_blob.encode(shapely.multipolygons(
        shapely.box(x, y, x + 0.005, y + 0.005).reshape(-1, 1)))
    conn = sqlite3.connect(gpkg)
    with conn:
        conn.execute("DELETE FROM changes")
        conn.execute("DELETE FROM layer_pieces WHERE layer_id = 'control'")
        conn.executemany("INSERT INTO layer_pieces (geom, layer_id, valid_from, area_km2) "
                         "VALUES (?, 'control', '2025-06-01T00:00:00.000Z', 0.2)",
                         [(b,) for b in blobs])
    conn.close()
    start = time.perf_counter()
    history = read_safely(gpkg).layer("control").history
    took = time.perf_counter() - start
    assert len(history.pieces) == n
    assert took < 30, f"{took:.1f} s"                # ~0.7 s here; generous against flakes


# -- SQLite-level hostility ------------------------------------------------------------------
def test_a_wal_mode_file_with_leftover_side_files_is_read_untouched(gpkg):
    conn = sqlite3.connect(gpkg)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()
    assert gpkg.read_bytes()[18:20] == b"\x02\x02"             # the header says WAL
    Path(f"{gpkg}-wal").write_bytes(b"")                        # empty: nothing unsaved
    Path(f"{gpkg}-shm").write_bytes(b"\xff" * 32768)            # garbage shared memory
    assert read_safely(gpkg).meta.title == TITLE


def test_a_page_size_of_65536_reads(gpkg):
    edit(gpkg, "PRAGMA page_size = 65536", "VACUUM")
    assert gpkg.read_bytes()[16:18] == b"\x00\x01"              # 65536 is stored as 1
    assert len(read_safely(gpkg).layers) == 2


@pytest.mark.parametrize("app_id, shown", [(0, "0x0"), (0x46534C00, "0x46534c00"),
                                           (0x4D504248, "'MPBH'")])
def test_an_sqlite_file_that_is_not_a_geopackage_is_refused(gpkg, app_id, shown):
    edit(gpkg, f"PRAGMA application_id = {app_id}")
    refused(gpkg, f"not a GeoPackage (SQLite application_id {shown}, not 'GPKG')")


@pytest.mark.parametrize("garbage", [
    "INSERT INTO sqlite_master VALUES ('table', 'junk', 'junk', 0, 'CREATE TABLE junk(((')",
    "UPDATE sqlite_master SET sql = 'CREATE TABLE reports (' WHERE name = 'reports'",
    "UPDATE sqlite_master SET rootpage = 99999 WHERE name = 'layers'",
], ids=["garbage-sql", "cut-sql", "bad-rootpage"])
def test_a_malformed_schema_is_refused(gpkg, garbage):
    edit(gpkg, "PRAGMA writable_schema = ON", garbage)
    refused(gpkg)


def test_a_hot_journal_is_refused(gpkg):
    """A writer (another program) that died mid-change leaves its rollback journal and a
    half-written file; a read-only open can't roll it back, so it is refused."""
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(gpkg)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 1")                  # spill pages mid-change
        conn.execute("BEGIN")
        conn.execute("UPDATE layer_pieces SET geom = zeroblob(length(geom))")
        os._exit(0)                                            # die before COMMIT
    """)], check=True, timeout=60)
    assert Path(f"{gpkg}-journal").read_bytes()[:8] == b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
    refused(gpkg, "has an unfinished change (its -journal file is still there)")
