"""What a rewrite keeps of the file it replaces: everything that is not ours.

People open our files in QGIS and GDAL and add to them: a style (``layer_styles``), a
project (``qgis_projects``), their own layers, a column in one of our tables, a spatial
index. A save writes a new file from the Situation; this carries the rest over from the
old one (docs/situation-format.md, "Tables that are not ours"):

- every table, view, index and trigger that is not one of ours, with its rows, and its
  ``gpkg_contents``, ``gpkg_geometry_columns`` and ``gpkg_spatial_ref_sys`` rows; other
  ``gpkg_*`` tables (``gpkg_extensions``, ``gpkg_metadata``...) are such tables;
- extra columns in our tables, matched row to row by each table's key (``region_id``,
  ``layer_id`` + ``at``, ...; a layer piece by layer, valid_from, valid_to and its order
  among equals); a matched row keeps its fid, so other tables' references stay right;
- an R-tree index on one of our tables is rebuilt from the new rows (GDAL's layout:
  ``rtree_<table>_<column>`` with its ``gpkg_extensions`` row and triggers), and GDAL's
  ``gpkg_ogr_contents`` feature counts of our tables are set to the new counts.

Triggers and indexes are created after our rows are in, so none fires during the save.
"""

from __future__ import annotations

import re
import sqlite3
import struct
from dataclasses import dataclass, field

from viewer.io.geopackage.sqlite import connect_read_only
from viewer.io.situation_file import schema
from viewer.io.situation_file.rows import TableRows
from viewer.model.times import gpkg_datetime, parse_time

GPKG_OURS = ("gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns")
OURS = frozenset(schema.TABLES) | frozenset(GPKG_OURS)
KEYS = {"regions": ("region_id",), "places": ("place_id",), "layers": ("layer_id",),
        "situation_meta": ("key",), "reports": ("report_id",),
        "layer_states": ("layer_id", "at"), "report_links": ("change_id", "report_id", "role"),
        "changes": ("change_id", "part"), "layer_pieces": ("layer_id", "valid_from", "valid_to"),
        "amendments": ("change_id",), "context_features": ("feature_id",),
        "report_attachments": ("report_id", "name")}
TIME_COLUMNS = frozenset(("at", "valid_from", "valid_to", "published"))
_RTREE = re.compile(r"rtree_(.+)_([^_]+)")


def q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


@dataclass
class Kept:
    """What the old file (open read-only as ``old``) holds that is not ours."""
    old: sqlite3.Connection
    objects: list[tuple[str, str, str, str]] = field(default_factory=list)  # type, name, tbl, sql
    virtual: set[str] = field(default_factory=set)
    extra_columns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def close(self) -> None:
        self.old.close()


def inspect(path: str) -> Kept:
    """What the GeoPackage at ``path`` holds beyond our tables (its connection stays open
    for the copy: call ``close()``)."""
    kept = Kept(connect_read_only(path))
    try:
        for kind, name, table, sql in kept.old.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"):
            if sql is None or name.startswith("sqlite_"):
                continue                        # automatic indexes, SQLite's own tables
            if kind == "table" and str(sql).lstrip().upper().startswith("CREATE VIRTUAL"):
                kept.virtual.add(name)
            if kind == "table" and name in OURS:
                continue
            kept.objects.append((kind, name, table, sql))
        shadows = tuple(f"{v}_" for v in kept.virtual)
        kept.objects = [o for o in kept.objects
                        if not (o[0] == "table" and o[1].startswith(shadows)
                                and o[1] not in kept.virtual)]
        for table in schema.TABLES:
            ours = set(our_columns(table))
            extra = [(name, decl or "") for _, name, decl, *_ in
                     kept.old.execute(f"PRAGMA table_info({q(table)})") if name not in ours]
            if extra:
                kept.extra_columns[table] = extra
    except BaseException:
        kept.close()
        raise
    return kept


def our_columns(table: str) -> list[str]:
    """Our column names of ``table``, as its definition in schema.TABLES makes them."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(schema.table_ddl(table))
        return [r[1] for r in conn.execute(f"PRAGMA table_info({q(table)})")]
    finally:
        conn.close()


def _time_key(value) -> str:
    try:
        return gpkg_datetime(parse_time(value))
    except (ValueError, TypeError):
        return "" if value is None else str(value)


def _key(columns: tuple[str, ...], row: tuple, names: tuple[str, ...]) -> tuple:
    out = []
    for name in names:
        value = row[columns.index(name)]
        out.append(_time_key(value) if name in TIME_COLUMNS and value is not None else value)
    return tuple(out)


def merge_extra_columns(kept: Kept, name: str, rows: TableRows) -> tuple[TableRows, list[str]]:
    """``rows`` with a fid column (the old fid for a row matched by its key, new fids after
    the old ones for the rest) and the old file's extra columns; also the ALTER TABLE
    statements adding those columns."""
    extra = kept.extra_columns.get(name, [])
    keys = KEYS[name]
    have = {r[1] for r in kept.old.execute(f"PRAGMA table_info({q(name)})")}
    old: dict[tuple, tuple] = {}
    if set(keys) | {"fid"} <= have:
        cols = ", ".join(q(c) for c in ("fid",) + keys + tuple(c for c, _ in extra))
        counts: dict[tuple, int] = {}
        for row in kept.old.execute(f"SELECT {cols} FROM {q(name)} ORDER BY fid"):
            key = _key(keys, row[1:1 + len(keys)], keys)
            rank = counts[key] = counts.get(key, -1) + 1
            old[key + (rank,)] = (row[0],) + row[1 + len(keys):]
    next_fid = max((v[0] for v in old.values() if isinstance(v[0], int)), default=0) + 1
    counts, merged = {}, []
    for row in rows.rows:
        key = _key(rows.columns, row, keys)
        rank = counts[key] = counts.get(key, -1) + 1
        match = old.get(key + (rank,))
        if match is None or not isinstance(match[0], int):
            match = (next_fid,) + (None,) * len(extra)
            next_fid += 1
        merged.append((match[0],) + tuple(row) + match[1:])
    alters = [f"ALTER TABLE {q(name)} ADD COLUMN {q(c)} {decl}".rstrip() for c, decl in extra]
    columns = ("fid",) + rows.columns + tuple(c for c, _ in extra)
    return TableRows(columns, merged, rows.bounds), alters


def copy_foreign(conn: sqlite3.Connection, kept: Kept) -> None:
    """Carry the old file's own tables, rows and schema objects into ``conn`` (our tables
    already filled)."""
    _register_envelope_functions(conn)
    old = kept.old
    ours_srs = {r[0] for r in conn.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")}
    for row in old.execute("SELECT * FROM gpkg_spatial_ref_sys"):
        if row[1] not in ours_srs:
            conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES "
                         f"({', '.join('?' * len(row))})", row)
    tables = [o for o in kept.objects if o[0] == "table"]
    for _, name, _, sql in tables:
        if name in kept.virtual:
            continue
        conn.execute(sql)
        _copy_rows(old, conn, name)
    for registry in ("gpkg_contents", "gpkg_geometry_columns"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({registry})")]
        have = {r[1] for r in old.execute(f"PRAGMA table_info({registry})")}
        columns = [c for c in columns if c in have]
        cols = ", ".join(q(c) for c in columns)
        rows = old.execute(f"SELECT {cols} FROM {registry} WHERE table_name NOT IN "
                           f"({', '.join('?' * len(schema.TABLES))})",
                           tuple(schema.TABLES)).fetchall()
        conn.executemany(f"INSERT OR IGNORE INTO {registry} ({cols}) VALUES "
                         f"({', '.join('?' * len(columns))})", rows)
    for _, name, _, sql in tables:
        if name in kept.virtual:
            conn.execute(sql)
            if not _rebuild_rtree(conn, name):
                _copy_rows(old, conn, name)
    for kind in ("index", "view", "trigger"):
        for _, _, _, sql in (o for o in kept.objects if o[0] == kind):
            conn.execute(sql)
    if "gpkg_ogr_contents" in {o[1] for o in tables}:
        for name in schema.TABLES:
            conn.execute("UPDATE gpkg_ogr_contents SET feature_count = "
                         f"(SELECT count(*) FROM {q(name)}) WHERE table_name = ?", (name,))


def _copy_rows(old: sqlite3.Connection, conn: sqlite3.Connection, name: str) -> None:
    columns = [r[1] for r in old.execute(f"PRAGMA table_info({q(name)})")]
    if not columns:
        return
    cols = ", ".join(q(c) for c in columns)
    conn.executemany(f"INSERT INTO {q(name)} ({cols}) VALUES ({', '.join('?' * len(columns))})",
                     old.execute(f"SELECT {cols} FROM {q(name)}"))


def _rebuild_rtree(conn: sqlite3.Connection, name: str) -> bool:
    """Fill the R-tree ``name`` of one of our tables from its new rows (GDAL's layout:
    ``rtree_<table>_<column>``); False when ``name`` is no such index."""
    m = _RTREE.fullmatch(name)
    if not m or m.group(1) not in schema.FEATURE_TABLES or m.group(2) != "geom":
        return False
    conn.execute(f"INSERT INTO {q(name)} SELECT fid, st_minx(geom), st_maxx(geom), "
                 f"st_miny(geom), st_maxy(geom) FROM {q(m.group(1))} "
                 "WHERE geom IS NOT NULL AND NOT st_isempty(geom)")
    return True


def _envelope(blob) -> tuple[float, float, float, float] | None:
    """[minx, maxx, miny, maxy] from one of our blobs' header (we always write it)."""
    if not isinstance(blob, bytes) or len(blob) < 40 or blob[3] & 0x10:
        return None
    return struct.unpack_from("<4d", blob, 8) if (blob[3] >> 1) & 7 == 1 else None


def _register_envelope_functions(conn: sqlite3.Connection) -> None:
    """The ST_ functions GDAL's R-tree statements use, for the rebuild."""
    for i, fn in enumerate(("st_minx", "st_maxx", "st_miny", "st_maxy")):
        conn.create_function(fn, 1, lambda b, i=i: (_envelope(b) or (None,) * 4)[i],
                             deterministic=True)
    conn.create_function("st_isempty", 1, lambda b: int(_envelope(b) is None),
                         deterministic=True)
