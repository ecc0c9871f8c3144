"""Write a Situation as a GeoPackage, atomically: a crash mid-save leaves the old file.

The new file is written beside the target (viewer.io.atomic), fsynced, and renamed over
it; a successful save also removes what saves killed mid-way left behind. What the old
file holds that is not ours is carried over when asked (viewer.io.situation_file.keep).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime, timezone

from viewer.io import atomic
from viewer.io.situation_file import keep, schema
from viewer.io.errors import SituationError, UnusablePart, os_reason
from viewer.io.geopackage.sqlite import sqlite_reason
from viewer.io.situation_file.rows import TableRows, situation_rows
from viewer.model.situation import Situation
from viewer.model.times import gpkg_datetime
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def write_situation(situation: Situation, path: str | os.PathLike,
                    keep_from: str | os.PathLike | None = None) -> None:
    """Write ``situation`` to ``path`` (replacing it only once the new file is complete).
    ``keep_from``: a GeoPackage (usually the file being replaced, or the one a Save As
    started from) whose tables, columns, indexes and other content that are not ours are
    carried over (viewer.io.situation_file.keep); None writes our tables alone.
    Raises SituationError("<path>: can't write: <reason>") on any failure."""
    target = os.fspath(path)                            # as given, for messages
    try:
        tables = situation_rows(situation)
    except UnusablePart as exc:                         # e.g. a region that is not an area
        raise SituationError(target, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: %1"), exc)) from exc
    kept = None
    if keep_from is not None and os.path.exists(keep_from):
        kept = keep.inspect(os.fspath(keep_from))
    try:
        atomic.write_file(target, lambda tmp: fill_database(tmp, tables, kept))
    # SQLite's own errors, and text it can't store (a lone surrogate in a name)
    except (sqlite3.Error, UnicodeEncodeError) as exc:
        raise SituationError(target, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: %1"), _reason(exc))) from exc
    finally:
        if kept is not None:
            kept.close()


def _reason(exc: Exception):
    """SQLite says "database or disk is full" when a write fails for want of space."""
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    return sqlite_reason(exc)


def fill_database(path: str, tables: dict[str, TableRows], kept: keep.Kept | None = None) -> None:
    """Create the GeoPackage schema in the empty database at ``path``, insert ``tables``,
    then what ``kept`` carries over from the file being replaced."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={schema.USER_VERSION}")
        conn.execute("BEGIN")
        for ddl in schema.GPKG_DDL:
            conn.execute(ddl)
        conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)",
                         schema.SPATIAL_REF_SYS_ROWS)
        now = gpkg_datetime(datetime.now(timezone.utc))
        for name, (geometry_type, _, description) in schema.TABLES.items():
            rows = tables[name]
            conn.execute(schema.table_ddl(name))
            if kept is not None:
                rows, alters = keep.merge_extra_columns(kept, name, rows)
                for alter in alters:
                    conn.execute(alter)
            _insert(conn, name, rows)
            bounds = rows.bounds or (None, None, None, None)
            kind = "features" if geometry_type else "attributes"
            srs = schema.SRS_ID if geometry_type else None
            conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                         "description, last_change, min_x, min_y, max_x, max_y, srs_id) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (name, kind, name, description, now, *bounds, srs))
            if geometry_type:
                conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?,?,?,?,0,0)",
                             (name, "geom", geometry_type, schema.SRS_ID))
        if kept is not None:
            keep.copy_foreign(conn, kept)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, name: str, rows: TableRows) -> None:
    columns = ", ".join(f'"{c}"' for c in rows.columns)
    marks = ", ".join("?" for _ in rows.columns)
    conn.executemany(f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', rows.rows)
