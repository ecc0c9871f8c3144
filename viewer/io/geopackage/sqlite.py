"""Open a GeoPackage (any: ours or someone else's) read-only, after checking it is one.

Opening never changes the file or its directory: the database is opened through a URI
with ``mode=ro&immutable=1``, so SQLite takes no locks and writes no journal. Nothing
stored in the file is run: schema SQL from the file is not trusted (``trusted_schema``
off), only real tables are read, and no value longer than ``MAX_VALUE_BYTES`` is built.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse

from viewer.io.errors import SituationError

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"    # a rollback journal's header
GEOPACKAGE_IDS = (0x47504B47, 0x47503130, 0x47503131)    # "GPKG"; "GP10", "GP11" (1.0, 1.1)
MAX_VALUE_BYTES = 64 << 20        # one value (a geometry, a text): 4 million vertices
MAX_GEOMETRY_BYTES = 512 << 20    # all geometries of a file together


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
    if _hot_journal(path + "-journal"):
        raise SituationError(path, "has an unfinished change (its -journal file is still "
                             "there): let the program changing it finish, or open the file "
                             "once in that program or in sqlite3 to roll the change back")


def _hot_journal(journal: str) -> bool:
    """A rollback journal left by a writer that stopped mid-change: the file itself may
    then be half-written, and an immutable open would not roll it back."""
    try:
        with open(journal, "rb") as f:
            return f.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except OSError:
        return False


def connect_read_only(path: str) -> sqlite3.Connection:
    conn = None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise SituationError(path, f"can't open: {exc}") from None
    return conn


def read_only_uri(path: str) -> str:
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro&immutable=1"


def list_tables(conn: sqlite3.Connection) -> set[str]:
    """Names of real tables (never views, nor virtual tables) in the database."""
    return {name for name, virtual in table_kinds(conn) if not virtual}


def table_kinds(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """(name, is virtual) of every table. A virtual table's rows come from a module's
    code (full-text search, R-tree...), not from stored rows."""
    return [(name, str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL"))
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'")]


def check_identity(conn: sqlite3.Connection, path: str) -> None:
    app = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
    if app not in GEOPACKAGE_IDS:
        tag = app.to_bytes(4, "big")
        shown = repr(tag.decode("ascii")) if tag.isascii() and tag.decode().isprintable() \
            else hex(app)
        raise SituationError(path, f"not a GeoPackage (SQLite application_id {shown}, "
                             "not 'GPKG')")
