"""Open a situation file: a read-only GeoPackage connection, after checking that the file
is a GeoPackage holding our tables, none of them virtual, and no more geometry than we read.
"""

from __future__ import annotations

import os
import shlex
import sqlite3

from viewer.io.errors import SituationError
from viewer.io.geopackage import sqlite as gpkg_sqlite
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message
from viewer.io.geopackage.sqlite import (check_identity, connect_read_only, list_tables,
                                         table_kinds)
from viewer.io.situation_file.schema import FEATURE_TABLES, TABLES


def open_situation(path: str | os.PathLike,
                   notices: list[str] | None = None) -> tuple[sqlite3.Connection, set[str]]:
    """A read-only connection to the situation file at ``path`` (in one read transaction)
    and its table names. Raises SituationError for anything that is not a readable
    situation GeoPackage; a foreign file's message names the way in (``import``)."""
    path = os.fspath(path)       # as given: messages name the file the way the user did
    try:
        conn = connect_read_only(path, notices)
    except SituationError as exc:
        if exc.problem.startswith("not a GeoPackage (not an SQLite") and \
                path.lower().endswith(FOREIGN_SUFFIXES):
            raise SituationError(path, not_a_situation(path)) from None
        raise
    try:
        tables = list_tables(conn)
        if "gpkg_contents" not in tables:
            raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "not a GeoPackage (no gpkg_contents table)")))
        if "situation_meta" not in tables:
            raise SituationError(path, not_a_situation(path, geopackage=True))
        check_identity(conn, path)
        _check_tables(conn, path)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        conn.close()
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "not a readable GeoPackage (%1)"),
                                           gpkg_sqlite.sqlite_reason(exc))) from None
    except SituationError:
        conn.close()
        raise
    return conn, tables


FOREIGN_SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp")


def not_a_situation(path: str, geopackage: bool = False) -> Message:
    """The way from a foreign file to a situation file, for its error message."""
    command = f"situation-viewer import {shlex.quote(path)} -o OUT.gpkg"
    if geopackage:
        return message(QT_TRANSLATE_NOOP("Core", "is a GeoPackage but not a situation file; "
                                         "make one with: %1"), command)
    return message(QT_TRANSLATE_NOOP("Core", "not a situation file; make one with: %1"), command)


def _check_tables(conn: sqlite3.Connection, path: str) -> None:
    """Refuse virtual tables in place of ours, and more geometry than gpkg_sqlite.MAX_GEOMETRY_BYTES
    (summed from the stored sizes before any is read: length() of a blob reads only its
    size)."""
    for name, virtual in table_kinds(conn):
        if virtual and name in TABLES:
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "table %1 is a virtual table (rows made by code, not stored), which "
                "is never read"), name))
    total, real = 0, list_tables(conn)
    for name in FEATURE_TABLES:
        if name not in real or ("geom",) not in conn.execute(
                "SELECT name FROM pragma_table_info(?)", (name,)).fetchall():
            continue
        try:
            total += conn.execute(
                "SELECT coalesce(sum(CASE typeof(geom) WHEN 'blob' THEN length(geom) "
                f'ELSE length(CAST(geom AS BLOB)) END), 0) FROM "{name}"').fetchone()[0]
        except sqlite3.DataError:           # a text geometry over the length limit
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "table %1: holds a value larger than %2 MB, more than this viewer "
                "reads"), name, gpkg_sqlite.MAX_VALUE_BYTES >> 20)) from None
    if total > gpkg_sqlite.MAX_GEOMETRY_BYTES:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "holds %1 MB of geometry, more than this viewer reads (%2 MB)"),
            total >> 20, gpkg_sqlite.MAX_GEOMETRY_BYTES >> 20))
