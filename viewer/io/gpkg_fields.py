"""Reading helpers for the situation GeoPackage: rows, times, JSON and geometry columns.

Every helper raises ValueError with a message naming the table, row and column; the
reader turns that into one SituationError line naming the file.
"""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import datetime

import numpy as np

from viewer.io import gpkg_blob
from viewer.io.gpkg_schema import TABLES
from viewer.model.times import parse_time


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
        raise ValueError(f"table {name} has no column {', '.join(missing)}")
    # a geometry written as text (e.g. by X'..' || X'..' in SQL) is read as its bytes
    cols = ", ".join('CAST("geom" AS BLOB)' if c == "geom" else f'"{c}"'
                     for c in ("fid",) + columns)
    return conn.execute(f'SELECT {cols} FROM "{name}" ORDER BY fid').fetchall()


def missing_columns(conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[str]:
    present = {row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))}
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
            raise ValueError(f"{where}: {exc}") from None
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
    except (TypeError, ValueError):
        raise ValueError(f"{where}: not valid JSON: {str(text)[:60]!r}") from None
    if not isinstance(value, kind):
        raise ValueError(f"{where}: expected a JSON {kind.__name__}, got {str(text)[:60]!r}")
    return value


def text_map(text, where: str) -> dict[str, str]:
    value = json_value(text, where, dict, {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"{where}: expected a JSON object of strings")
    return value


def integer(value, where: str, default: int) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: not a number: {value!r}") from None
    if not math.isfinite(number) or number != int(number):
        raise ValueError(f"{where}: not a whole number: {value!r}")
    return int(number)


def real(value, where: str, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: not a number: {value!r}") from None


def geometries(table: str, rows: list[tuple], column: int = 1) -> np.ndarray:
    """Decode the geometry blobs in ``rows[i][column]`` (``rows[i][0]`` is the fid)."""
    try:
        return gpkg_blob.decode([r[column] for r in rows])
    except gpkg_blob.BlobError as exc:
        raise ValueError(f"table {table}, fid {rows[exc.index][0]}: bad geometry: {exc}") \
            from None
