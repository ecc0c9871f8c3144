"""Open a GeoPackage (any: ours or someone else's) read-only, after checking it is one.

Opening never changes the file or its directory, and the whole read is one read
transaction, so a program writing the file meanwhile (QGIS, GDAL) can't mix two of its
commits into what is read:

- a file in rollback-journal mode (the usual) is opened with ``mode=ro``: SQLite takes a
  shared lock for the read and creates nothing;
- a file in WAL mode whose ``-wal`` a live writer holds (it has a lock on the ``-shm``
  file or the database) is opened with ``mode=ro`` too, reading through that writer's
  ``-wal`` and ``-shm``, which exist already;
- a file in WAL mode with no ``-wal`` (or an empty one) is opened ``immutable``: a
  ``mode=ro`` open would create ``-wal`` and ``-shm`` beside it;
- a ``-wal`` left by a writer that is gone is never touched: the file and its ``-wal``
  are copied to a private temporary folder and read from there, with a notice.

Nothing stored in the file is run: schema SQL from the file is not trusted
(``trusted_schema`` off), only real tables are read, and no value longer than
``MAX_VALUE_BYTES`` is built.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import tempfile
import urllib.parse

from viewer.io.errors import SituationError, os_reason
from viewer.io.files import read_head
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

SQLITE_MAGIC = b"SQLite format 3\x00"
GEOPACKAGE_IDS = (0x47504B47, 0x47503130, 0x47503131)    # "GPKG"; "GP10", "GP11" (1.0, 1.1)
MAX_VALUE_BYTES = 64 << 20        # one value (a geometry, a text): 4 million vertices
MAX_GEOMETRY_BYTES = 512 << 20    # all geometries of a file together
BUSY_SECONDS = 10.0               # how long a read waits for a writer's commit to end
_LOCK_BYTES = (0x40000000, 512)   # SQLite's lock range in a database file (unix VFS)


def check_file(path: str) -> bytes:
    """The 100-byte header of ``path``; SituationError unless it is a complete SQLite
    database file (a regular file: a FIFO or a device is refused without blocking)."""
    header, size = read_head(path, 100)
    if not header.startswith(SQLITE_MAGIC):
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "not a GeoPackage (not an SQLite database)")))
    if len(header) < 100:
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "is truncated (shorter than an SQLite header)")))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]   # SQLite file format, "in-header size"
    if header_size_valid and pages and page_size * pages > size:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "is truncated (%1 of %2 bytes)"), size, page_size * pages))
    return header


class ReadConnection(sqlite3.Connection):
    """A connection that removes its private copy of the file (if any) when closed."""
    private_copy: str | None = None

    def close(self) -> None:
        super().close()
        if self.private_copy:
            shutil.rmtree(self.private_copy, ignore_errors=True)
            self.private_copy = None


def connect_read_only(path: str, notices: list[str] | None = None) -> ReadConnection:
    """A read-only connection to the SQLite file ``path`` (checked with check_file), with
    its read transaction begun. ``notices`` gets a line when a private copy is read."""
    header = check_file(path)
    wal_mode = header[18] == 2 or header[19] == 2
    copy_dir = None
    uri = _uri(path, "mode=ro")
    if wal_mode:
        wal = path + "-wal"
        if not _non_empty(wal):
            uri = _uri(path, "mode=ro&immutable=1")
        elif not _locked(path + "-shm") and not _locked(path):
            copy_dir, uri = _private_copy(path)
            if notices is not None:
                notices.append(message(QT_TRANSLATE_NOOP(
                    "Core", "%1: its %2 holds changes a program that is no longer running "
                    "did not finish saving; read them from a private copy, the file itself is "
                    "left as it is"), path, os.path.basename(wal)))
    conn = None
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None,
                               factory=ReadConnection, check_same_thread=False)
        conn.private_copy = copy_dir
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("BEGIN")                       # one read transaction for the whole read
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()   # takes the lock
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        elif copy_dir:
            shutil.rmtree(copy_dir, ignore_errors=True)
        raise SituationError(path, _open_problem(exc)) from None
    except UnicodeDecodeError:          # SQLite's message quotes a schema that is not UTF-8
        conn.close()
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable GeoPackage (its schema is damaged: text that is not "
                    "UTF-8)"))) from None
    return conn


def _open_problem(exc: sqlite3.Error) -> Message:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_READONLY_ROLLBACK":
        return message(QT_TRANSLATE_NOOP(
            "Core", "has an unfinished change (its -journal file is still there): let the "
            "program changing it finish, or open the file once in that program or in "
            "sqlite3 to roll the change back"))
    if name.startswith("SQLITE_BUSY"):
        return message(QT_TRANSLATE_NOOP(
            "Core", "another program kept it locked for %1 s while writing to it; try "
            "again"), f"{BUSY_SECONDS:g}")
    if name.startswith("SQLITE_NOTADB") or name.startswith("SQLITE_CORRUPT"):
        return message(QT_TRANSLATE_NOOP("Core", "not a readable GeoPackage (%1)"),
                       sqlite_reason(exc))
    return message(QT_TRANSLATE_NOOP("Core", "can't open: %1"), sqlite_reason(exc))


_SQLITE_REASONS = {text: text for text in (
    QT_TRANSLATE_NOOP("Core", "file is not a database"),
    QT_TRANSLATE_NOOP("Core", "database disk image is malformed"),
    QT_TRANSLATE_NOOP("Core", "database or disk is full"),
    QT_TRANSLATE_NOOP("Core", "disk I/O error"),
    QT_TRANSLATE_NOOP("Core", "unable to open database file"),
    QT_TRANSLATE_NOOP("Core", "database is locked"),
    QT_TRANSLATE_NOOP("Core", "attempt to write a readonly database"))}


def sqlite_reason(exc: Exception) -> Message | str:
    """SQLite's reason: its usual messages as Messages (the English is SQLite's own, so
    the CLI says what it said), others as SQLite wrote them."""
    text = str(exc)
    return message(_SQLITE_REASONS[text]) if text in _SQLITE_REASONS else text


def _uri(path: str, query: str) -> str:
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + "?" + query


def _non_empty(path: str) -> bool:
    try:
        return os.path.getsize(path) > 0
    except OSError:
        return False


def _locked(path: str) -> bool:
    """Whether another process holds a lock on ``path`` (a live SQLite connection keeps
    one on the ``-shm`` file and the database's lock bytes). Unsure means locked."""
    try:
        import fcntl
    except ImportError:                     # not POSIX: assume a live writer
        return True
    start, length = _LOCK_BYTES if not path.endswith("-shm") else (0, 0)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
        kind = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, query))[0]
        return kind != fcntl.F_UNLCK
    except (OSError, struct.error):
        return True
    finally:
        os.close(fd)


def _private_copy(path: str) -> tuple[str, str]:
    """A private folder holding copies of ``path`` and its -wal; (folder, URI to open).
    The copy is opened read-write, so SQLite applies the -wal to the copy alone."""
    folder = tempfile.mkdtemp(prefix="situation-viewer-")
    copy = os.path.join(folder, "copy.gpkg")
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(path + "-wal", copy + "-wal")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't read its -wal file: %1"), os_reason(exc))) from None
    return folder, _uri(copy, "mode=rw")


def read_only_uri(path: str) -> str:
    return _uri(path, "mode=ro")


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
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "not a GeoPackage (SQLite application_id %1, not 'GPKG')"), shown))
