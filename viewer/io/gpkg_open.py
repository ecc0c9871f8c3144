"""Open a situation GeoPackage read-only, after checking it is one.

Opening never changes the file or its directory: the database is opened through a URI
with ``mode=ro&immutable=1``, so SQLite takes no locks and writes no journal.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse

from viewer.io.errors import SituationError

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_file(path: str) -> None:
    """Raise SituationError unless ``path`` is a complete SQLite database file."""
    if not os.path.lexists(path):
        raise SituationError(path, "no such file")
    if os.path.isdir(path):
        raise SituationError(path, "is a directory, not a situation file")
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        size = os.path.getsize(path)
    except OSError as exc:
        raise SituationError(path, f"can't read: {exc.strerror or exc}") from None
    if not header.startswith(SQLITE_MAGIC):
        raise SituationError(path, "not a GeoPackage (not an SQLite database)")
    if len(header) < 100:
        raise SituationError(path, "is truncated (shorter than an SQLite header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]   # SQLite file format, "in-header size"
    if header_size_valid and pages and page_size * pages > size:
        raise SituationError(path, f"is truncated ({size} of {page_size * pages} bytes)")
    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise SituationError(path, f"has unsaved changes in {os.path.basename(wal)}; close "
                             "the program that has it open (e.g. QGIS) and try again")


def connect_read_only(path: str) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro&immutable=1"
    try:
        return sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise SituationError(path, f"can't open: {exc}") from None


def list_tables(conn: sqlite3.Connection) -> set[str]:
    """Names of real tables (never views) in the database."""
    return {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}


def open_situation(path: str | os.PathLike) -> tuple[sqlite3.Connection, set[str]]:
    """A read-only connection to the situation file at ``path`` and its table names.
    Raises SituationError for anything that is not a readable situation GeoPackage."""
    path = os.fspath(path)       # as given: messages name the file the way the user did
    check_file(path)
    conn = connect_read_only(path)
    try:
        tables = list_tables(conn)
        if "gpkg_contents" not in tables:
            raise SituationError(path, "not a GeoPackage (no gpkg_contents table)")
        if "situation_meta" not in tables:
            raise SituationError(path, "is a GeoPackage but not a situation file "
                                 "(no situation_meta table)")
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        conn.close()
        raise SituationError(path, f"not a readable GeoPackage ({exc})") from None
    except SituationError:
        conn.close()
        raise
    return conn, tables
