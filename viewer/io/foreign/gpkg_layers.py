"""Read the features of any GeoPackage (e.g. boundaries from a humanitarian data source).

The file is opened read-only in one read transaction, like a situation file
(viewer/io/geopackage/sqlite.py), and no SQL text from it is ever run. A layer is a real table (never a view) listed in
both ``gpkg_contents`` (``data_type`` ``features``) and ``gpkg_geometry_columns``.
Every column but the primary key and the geometry becomes a property. Layers in
``srs_id`` 4326 are read as they are; others are converted to lon/lat with pyproj from
their ``gpkg_spatial_ref_sys`` definition (WKT, else the organisation's code); an
undefined SRS (0, -1) is taken as lon/lat when the coordinates fit, else refused.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import shapely

from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.io.geopackage.blob import BlobError, decode
from viewer.io.geopackage.sqlite import connect_read_only, list_tables, sqlite_reason
from viewer.io.foreign.repair import converted, finish, note_skipped
from viewer.io.foreign.reproject import (crs_from_authority, crs_from_wkt, is_lonlat,
                                 to_lonlat)
from viewer.model.messages import QT_TRANSLATE_NOOP, message

# SQLite's messages about a corrupt file may themselves not decode as UTF-8.
_SQL_ERRORS = (sqlite3.Error, UnicodeDecodeError)
_SQL_MISUSE = (sqlite3.ProgrammingError, sqlite3.InterfaceError)   # our bug, never the file's


def read_gpkg_features(path: str | os.PathLike, layer: str | None = None) -> ReadResult:
    """Features of every feature layer of the GeoPackage at ``path``, or of table
    ``layer`` only; ``Feature.layer`` is the table name. Raises only SituationError."""
    path = os.fspath(path)
    with _reading(path) as conn:
        layers = _feature_layers(conn, path)
        if layer is not None:
            if layer not in layers:
                listed = ", ".join(_shown(t, True) for t in list(layers)[:20]) or "none"
                raise SituationError(path, message(QT_TRANSLATE_NOOP(
                    "Core", "no feature layer %1 (layers: %2)"), _shown(layer, True), listed))
            layers = {layer: layers[layer]}
        result = ReadResult(path)
        for table, (column, srs_id) in layers.items():
            _read_layer(conn, path, table, column, srs_id, result)
        return result


def list_feature_layers(path: str | os.PathLike) -> list[str]:
    """The feature table names of the GeoPackage at ``path``, in gpkg_contents order."""
    path = os.fspath(path)
    with _reading(path) as conn:
        return list(_feature_layers(conn, path))


@contextmanager
def _reading(path: str) -> Iterator[sqlite3.Connection]:
    """A read-only connection, closed afterwards; the file's SQLite errors become one
    SituationError line, while misuse of the sqlite3 API (our bug) propagates."""
    conn = _open(path)
    try:
        yield conn
    except _SQL_MISUSE:
        raise
    except _SQL_ERRORS as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable GeoPackage (%1)"), sqlite_reason(exc))) from None
    finally:
        conn.close()


def _open(path: str) -> sqlite3.Connection:
    conn = connect_read_only(path)
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    return conn


def _feature_layers(conn: sqlite3.Connection, path: str) -> dict[str, tuple[str, int]]:
    """table name -> (geometry column, srs_id)."""
    tables = list_tables(conn)
    if not {"gpkg_contents", "gpkg_geometry_columns"} <= tables:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a GeoPackage with features (no gpkg_contents or "
                    "gpkg_geometry_columns table)")))
    rows = conn.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
        "WHERE c.data_type = 'features' ORDER BY c.rowid").fetchall()
    return {t: (c, s) for t, c, s in rows if t in tables}


def _shown(value, quoted: bool = False, limit: int = 80) -> str:
    """A name or value from the file in a message, cut short: text as it is (or quoted),
    anything else (a blob where a name belongs) as its repr."""
    text = repr(value) if quoted or not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + "…"


def _q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _read_layer(conn: sqlite3.Connection, path: str, table: str, column: str, srs_id,
                result: ReadResult) -> None:
    info = conn.execute(f"PRAGMA table_info({_q(table)})").fetchall()
    names = [row[1] for row in info]
    if column not in names:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "table %1: no geometry column %2"), _shown(table), _shown(column, True)))
    pk = next((row[1] for row in info if row[5] == 1), None)
    key = _q(pk) if pk is not None else "rowid"
    attrs = [n for n in names if n not in (column, pk)]
    cols = ", ".join([key, _q(column), *map(_q, attrs)])
    rows = conn.execute(f"SELECT {cols} FROM {_q(table)} ORDER BY {key}").fetchall()
    labels = [f"table {_shown(table)}, fid {_shown(row[0])}" for row in rows]
    geoms, ok = _decode([row[1] for row in rows], labels, result)
    if not ok.all():
        rows, labels = [r for r, k in zip(rows, ok) if k], [b for b, k in zip(labels, ok) if k]
        geoms = geoms[ok]
    dropped = {a for row in rows for a, v in zip(attrs, row[2:]) if isinstance(v, bytes)}
    if dropped:
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "table %1: binary columns not read: %2"), _shown(table),
            ", ".join(sorted(dropped))))
    props = [{a: v for a, v in zip(attrs, row[2:]) if a not in dropped} for row in rows]
    geoms = _to_lonlat(conn, path, table, srs_id, geoms, result)
    finish(result, geoms, props, labels, layers=[table] * len(rows))


def _decode(blobs: list, labels: list[str], result: ReadResult):
    """Geometries of ``blobs`` and which of them could be read (with a warning if not)."""
    ok = np.ones(len(blobs), dtype=bool)
    try:
        return decode(blobs), ok
    except BlobError:
        pass
    geoms = np.empty(len(blobs), dtype=object)
    for i, blob in enumerate(blobs):          # only on the error path
        try:
            geoms[i] = decode([blob])[0]
        except BlobError:
            ok[i] = False
    note_skipped(result, [labels[i] for i in np.nonzero(~ok)[0]],
                 message(QT_TRANSLATE_NOOP("Core", "an unreadable geometry blob")))
    return geoms, ok


def _to_lonlat(conn: sqlite3.Connection, path: str, table: str, srs_id, geoms: np.ndarray,
               result: ReadResult) -> np.ndarray:
    if srs_id == 4326:
        return geoms
    where = f"{path}: table {_shown(table)}"
    row = conn.execute("SELECT organization, organization_coordsys_id, definition "
                       "FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
    org, code, definition = row if row else ("NONE", None, "undefined")
    if str(org).upper() == "NONE" or srs_id in (0, -1):
        coords = shapely.get_coordinates(geoms)
        coords = coords[np.isfinite(coords).all(axis=1)]
        if not ((np.abs(coords[:, 0]) <= 180) & (np.abs(coords[:, 1]) <= 90)).all():
            raise SituationError(where, message(QT_TRANSLATE_NOOP(
                "Core", "undefined spatial reference system (srs_id %1) and coordinates that are "
                        "not lon/lat"), _shown(srs_id)))
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "table %1: undefined spatial reference system (srs_id %2); coordinates "
            "taken as lon/lat"), _shown(table), _shown(srs_id)))
        return geoms
    try:
        crs = crs_from_wkt(definition, where)
    except SituationError:
        crs = crs_from_authority(org, code, where)
    if is_lonlat(crs):
        return geoms
    result.warnings.append(message(QT_TRANSLATE_NOOP("Core", "table %1: %2"), _shown(table),
                                   converted(crs)))
    return to_lonlat(geoms, crs, where)
