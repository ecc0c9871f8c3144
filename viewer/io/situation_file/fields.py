"""Reading helpers for the situation GeoPackage: rows, times, JSON and geometry columns.

Every helper raises UnusablePart naming the table, row and column; the reader turns
that into one SituationError line naming the file.
"""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import datetime

import numpy as np

from viewer.io.errors import UnusablePart, column_part, reason, table_part
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.geopackage import sqlite as gpkg_open
from viewer.io.geopackage import wkb as gpkg_wkb
from viewer.io.situation_file.geometry import GeometryProblem, usable
from viewer.io.situation_file.schema import TABLES
from viewer.model.times import parse_time
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def select(conn: sqlite3.Connection, tables: set[str], name: str,
           columns: tuple[str, ...]) -> list[tuple]:
    """``fid`` plus ``columns`` of every row of table ``name`` (one of ours, never a name
    from the file), in fid order; no rows when the file has no such table."""
    if name not in TABLES:
        raise KeyError(name)
    if name not in tables:
        return []
    missing = missing_columns(conn, name, ("fid",) + columns)
    if missing:   # checked first: SQLite would take an unknown "column" for a string
        raise UnusablePart(table_part(name), message(QT_TRANSLATE_NOOP(
            "Core", "has no column %1"), ', '.join(missing)))
    # a geometry written as text (e.g. by X'..' || X'..' in SQL) is read as its bytes
    cols = ", ".join('CAST("geom" AS BLOB)' if c == "geom" else f'"{c}"'
                     for c in ("fid",) + columns)
    _no_blobs(conn, name, tuple(c for c in ("fid",) + columns if c != "geom"))
    try:
        return conn.execute(f'SELECT {cols} FROM "{name}" ORDER BY fid').fetchall()
    except sqlite3.DataError as exc:     # a value over the connection's length limit
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_TOOBIG":
            raise
        raise UnusablePart(*_too_big(conn, name, ("fid",) + columns)) from None


def _no_blobs(conn: sqlite3.Connection, name: str, columns: tuple[str, ...]) -> None:
    """Refuse a blob in a column of text or numbers (typeof() never reads the value)."""
    kinds = ", ".join(f'typeof("{c}")' for c in columns)
    test = " OR ".join(f"typeof(\"{c}\") = 'blob'" for c in columns)
    row = conn.execute(f'SELECT {kinds}, fid FROM "{name}" WHERE {test} LIMIT 1').fetchone()
    if row is not None:
        column = columns[row.index("blob")]
        fid = None if isinstance(row[-1], bytes) else row[-1]
        raise UnusablePart(column_part(table_part(name, fid), column), message(QT_TRANSLATE_NOOP(
            "Core", "a blob where text or a number was expected")))


def _too_big(conn: sqlite3.Connection, name: str, columns: tuple[str, ...]) -> tuple:
    """The place and problem for a value over the length limit, naming its row when it is a blob:
    length() of a blob reads only its stored size, but of a text it would read the text."""
    limit = gpkg_open.MAX_VALUE_BYTES
    over = " OR ".join(f"(typeof(\"{c}\") = 'blob' AND length(\"{c}\") > {limit})"
                       for c in columns)
    fid = conn.execute(f'SELECT fid FROM "{name}" WHERE {over} ORDER BY fid LIMIT 1').fetchone()
    where = table_part(name, fid[0] if fid else None)
    return where, message(QT_TRANSLATE_NOOP(
        "Core", "holds a value larger than %1 MB, more than this viewer reads"), limit >> 20)


def missing_columns(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[str]:
    """``columns`` the table lacks. A generated column (hidden != 0) counts as missing:
    reading it would evaluate SQL written in the file."""
    info = conn.execute("SELECT name, hidden FROM pragma_table_xinfo(?)", (table,)).fetchall()
    generated = [n for n, hidden in info if hidden and n in columns]
    if generated:
        raise UnusablePart(table_part(table), message(QT_TRANSLATE_NOOP(
            "Core", "column %1 is computed by SQL stored in the file (a generated column), "
                    "which is never run"), generated[0]))
    present = {n for n, hidden in info if not hidden}
    return [c for c in columns if c not in present]


def has_columns(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> bool:
    return not missing_columns(conn, table, columns)


class TimeParser:
    """parse_time with a cache (state times repeat a lot) and messages naming the cell."""

    def __init__(self) -> None:
        self._cache: dict[str, datetime] = {}

    def __call__(self, value, where: str) -> datetime:
        if isinstance(value, str):
            hit = self._cache.get(value)
            if hit is not None:
                return hit
        try:
            parsed = parse_time(value)
        except ValueError as exc:
            raise UnusablePart(where, reason(exc)) from None
        self._cache[value] = parsed
        return parsed

    def optional(self, value, where: str) -> datetime | None:
        return None if value is None or value == "" else self(value, where)


def json_value(text, where: str, kind: type, default):
    """Decode a JSON cell expected to hold a ``kind``; NULL or "" gives ``default``."""
    if text is None or text == "":
        return default
    try:
        value = json.loads(text)
    except RecursionError:
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "JSON nested too deeply"))) from None
    except (TypeError, ValueError):    # not text (a number), or not JSON
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "not valid JSON: %1"), shown(str(text)))) from None
    if not isinstance(value, kind):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "expected a JSON %1, got %2"), kind.__name__, shown(str(text))))
    return value


def text_map(text, where: str) -> dict[str, str]:
    value = json_value(text, where, dict, {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "expected a JSON object of strings")))
    return value


def text(value) -> str:
    """A text cell as text: NULL is "", a number (a column declared with another type
    keeps numbers as numbers) its decimal form. Blobs never get here (see select)."""
    return "" if value is None else str(value)


def shown(value, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters, for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def integer(value, where: str, default: int) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except ValueError:                  # text that is not a number (blobs are refused first)
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "not a number: %1"), shown(value))) from None
    if not math.isfinite(number) or number != int(number):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "not a whole number: %1"), shown(value)))
    return int(number)


def real(value, where: str, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError:                  # text that is not a number (blobs are refused first)
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "not a number: %1"), shown(value))) from None


def geometries(table: str, rows: list[tuple], column: int = 1,
               known: dict | None = None) -> np.ndarray:
    """Decode the geometry blobs in ``rows[i][column]`` (``rows[i][0]`` is the fid): areas
    (MultiPolygons) or points, as the table holds, made safe by gpkg_geometry.usable.
    ``known``: blob -> the geometry this function gave for those same bytes (a first
    view's, viewer.io.situation_file.lazy); such a blob is checked as every other one
    but not parsed and made safe again (both depend on its bytes alone)."""
    areas = TABLES[table][0] == "MULTIPOLYGON"
    blobs = [r[column] for r in rows]
    reuse = [known.get(b) if type(b) is bytes else None for b in blobs] if known else []
    skip = np.array([g is not None for g in reuse], dtype=bool) if reuse else None
    try:
        out = usable(gpkg_blob.decode(blobs, gpkg_wkb.AREAS if areas else gpkg_wkb.POINTS,
                                      skip), areas)
        if skip is not None and skip.any():
            at = np.flatnonzero(skip)
            taken = np.empty(len(at), dtype=object)
            taken[:] = [reuse[i] for i in at.tolist()]
            out[at] = taken
        return out
    except (gpkg_blob.BlobError, GeometryProblem) as exc:
        raise UnusablePart(table_part(table, rows[exc.index][0]), message(QT_TRANSLATE_NOOP(
            "Core", "bad geometry: %1"), reason(exc))) \
            from None
