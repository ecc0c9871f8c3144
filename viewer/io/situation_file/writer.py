"""Write a Situation as a GeoPackage, atomically: a crash mid-save leaves the old file.

The new file is written beside the target (see gpkg_temp), fsynced, and renamed over it;
a successful save also removes what saves killed mid-way left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from datetime import datetime, timezone

from viewer.io.situation_file import schema
from viewer.io import atomic as gpkg_temp
from viewer.io.errors import SituationError, UnusablePart
from viewer.io.situation_file.rows import TableRows, situation_rows
from viewer.model.situation import Situation
from viewer.model.times import gpkg_datetime


def write_situation(situation: Situation, path: str | os.PathLike) -> None:
    """Write ``situation`` to ``path`` (replacing it only once the new file is complete).
    Raises SituationError("<path>: can't write: <reason>") on any failure."""
    target = os.fspath(path)                            # as given, for messages
    real = os.path.realpath(target)                     # through symlinks to the real file
    try:
        tables = situation_rows(situation)
    except UnusablePart as exc:                         # e.g. a region that is not an area
        raise SituationError(target, f"can't write: {exc}") from exc
    directory, name = os.path.split(real)
    try:
        tmp = gpkg_temp.create(directory, name)
    except OSError as exc:
        raise SituationError(target, f"can't write: {exc.strerror or exc}") from exc
    try:
        fill_database(tmp, tables)
        _fsync_file(tmp)
        _copy_mode(tmp, real)
        os.replace(tmp, real)
    except BaseException as exc:
        for leftover in (tmp, tmp + "-journal"):
            with contextlib.suppress(OSError):
                os.remove(leftover)
        if isinstance(exc, OSError):
            raise SituationError(target, f"can't write: {exc.strerror or exc}") from exc
        # SQLite's own errors, and text it can't store (a lone surrogate in a name)
        if isinstance(exc, (sqlite3.Error, UnicodeEncodeError)):
            raise SituationError(target, f"can't write: {_reason(exc)}") from exc
        raise
    _fsync_dir(directory)
    gpkg_temp.remove_stale(directory, name)


def _reason(exc: Exception) -> str:
    """SQLite says "database or disk is full" when a write fails for want of space."""
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return os.strerror(errno.ENOSPC)
    return str(exc)


def fill_database(path: str, tables: dict[str, TableRows]) -> None:
    """Create the GeoPackage schema in the empty database at ``path`` and insert ``tables``."""
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
        conn.execute("COMMIT")
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, name: str, rows: TableRows) -> None:
    columns = ", ".join(f'"{c}"' for c in rows.columns)
    marks = ", ".join("?" for _ in rows.columns)
    conn.executemany(f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', rows.rows)


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_mode(tmp: str, target: str) -> None:
    """Give the new file the old file's permissions, or the usual ones for a new file
    (mkstemp makes it private to the owner)."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _fsync_dir(directory: str) -> None:
    """Make the rename durable; not every platform or file system allows this."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
