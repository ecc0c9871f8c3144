"""Read an ESRI Shapefile with pyshp: the ``.shp`` and the ``.dbf``, ``.shx``, ``.prj``
and ``.cpg`` beside it (matched by name, any letter case).

pyshp gets open file objects only, never a path, so it can neither fetch URLs nor
unpack archives to temporary files. Polygons come from pyshp's ``__geo_interface__``,
which groups parts into polygons by ring orientation (outer rings clockwise). Attributes
are decoded with the ``.cpg`` encoding, else UTF-8, falling back to Latin-1 with a
warning. A ``.prj`` means conversion to lon/lat; without one, coordinates that fit
lon/lat are taken as such (with a warning) and others are refused.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import logging
import os
import re
import struct
import warnings
from contextlib import ExitStack

import numpy as np
import shapefile
import shapely

from viewer.io.errors import SituationError, UnusablePart, bounded, os_reason
from viewer.io.foreign.features import ReadResult
from viewer.io.foreign.geojson import geometry
from viewer.io.files import check_regular_file, read_limited
from viewer.io.foreign.repair import converted, finish, note_skipped
from viewer.io.foreign.reproject import crs_from_wkt, is_lonlat, to_lonlat
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, joined, message

SIDECAR_BYTES = 1 << 20             # .prj and .cpg are a line of text
# What pyshp raises on damaged input: it does not wrap the errors of its own parsing
# (struct.error, IndexError, ... straight from a cut-short record), so these are caught
# around calls into pyshp only, never around our code (see _pyshp).
_PYSHP_ERRORS = (shapefile.ShapefileException, struct.error, ValueError, TypeError,
                 IndexError, KeyError, AttributeError, ArithmeticError, EOFError, OSError)


def read_shapefile(path: str | os.PathLike) -> ReadResult:
    """Features of the Shapefile whose ``.shp`` is at ``path``; raises only SituationError."""
    path = os.fspath(path)
    check_regular_file(path)
    files = _sidecars(path)
    result = ReadResult(path)
    encoding = _encoding(files.get(".cpg"), result)
    try:
        geoms, records, notes = _read(path, files, encoding)
    except _Undecodable:
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "attributes are not valid %1; read as Latin-1"), encoding))
        try:
            geoms, records, notes = _read(path, files, "latin-1")
        except _Undecodable:        # pyshp reads dates and numbers as ASCII, whatever .cpg says
            raise SituationError(files.get(".dbf", path), message(QT_TRANSLATE_NOOP(
                "Core", "not a readable attribute table: undecodable bytes in a date or number "
                        "field"))) from None
    result.warnings.extend(notes)
    if records is None:
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "no .dbf file beside it: features have no attributes")))
        records = [{} for _ in geoms]
    elif len(records) != len(geoms):
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "%1 shapes but %2 attribute rows; reading the first of each"),
            len(geoms), len(records)))
    n = min(len(geoms), len(records))
    labels = [message(QT_TRANSLATE_NOOP("Core", "shape %1"), i + 1) for i in range(n)]
    failed: dict[str | Message, list[Message]] = {}
    for i in range(n):
        if isinstance(geoms[i], (str, Message)):
            failed.setdefault(geoms[i], []).append(labels[i])
    for reason, which in failed.items():
        note_skipped(result, which, message(QT_TRANSLATE_NOOP(
            "Core", "an unreadable shape (%1)"), reason))
    keep = [i for i in range(n) if not isinstance(geoms[i], (str, Message))]
    arr = np.empty(len(keep), dtype=object)
    arr[:] = [geoms[i] for i in keep]
    arr = _to_lonlat(path, files.get(".prj"), arr, result)
    finish(result, arr, [records[i] for i in keep], [labels[i] for i in keep])
    return result


def _sidecars(path: str) -> dict[str, str]:
    """The files beside ``path`` with its name and another suffix, by lowercase suffix."""
    folder, base = os.path.split(path)
    stem = os.path.splitext(base)[0]
    try:
        names = os.listdir(folder or ".")
    except OSError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't list its folder: %1"), os_reason(exc))) from None
    found: dict[str, str] = {}
    for name in sorted(names, key=lambda n: os.path.splitext(n)[0] != stem):
        s, ext = os.path.splitext(name)
        if s.lower() == stem.lower() and ext.lower() in (".dbf", ".shx", ".prj", ".cpg"):
            found.setdefault(ext.lower(), os.path.join(folder, name))
    return found


def _encoding(cpg: str | None, result: ReadResult) -> str:
    if cpg is None:
        return "utf-8"
    text = read_limited(cpg, SIDECAR_BYTES).decode("ascii", "replace").strip()
    name = text.lower().removeprefix("ansi ").strip()
    name = {"65001": "utf-8", "88591": "latin-1", "utf8": "utf-8"}.get(name, name)
    if name.isdigit():
        name = f"cp{name}"
    try:
        b"a".decode(name, "replace")    # a text encoding (not base64…), no NUL in its name
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        result.warnings.append(message(QT_TRANSLATE_NOOP(
            "Core", "unknown encoding %1 in the .cpg file; reading attributes as UTF-8"),
            repr(text[:40])))
        return "utf-8"


class _Undecodable(Exception):
    """Attributes that the chosen encoding can't decode."""


class _Collect(logging.Filter):
    """Keeps pyshp's log messages (ring orientation problems) off stderr, for warnings."""

    def __init__(self):
        super().__init__()
        self.shapes: list[int] = []

    def filter(self, record: logging.LogRecord) -> bool:
        found = re.search(r"Shape #(\d+)", record.getMessage())
        self.shapes.append(int(found[1]) if found else -1)
        return False


def _read(path: str, files: dict[str, str], encoding: str):
    """Shapely geometries (None for null shapes, the problem for unreadable ones), records
    (None without a .dbf) and notes on what pyshp found odd."""
    caught: list = []
    logged = _Collect()
    with ExitStack() as stack, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        shapefile.logger.addFilter(logged)
        stack.callback(shapefile.logger.removeFilter, logged)
        # in memory: pyshp reads as many bytes as a (maybe damaged) header declares,
        # and a file object would allocate them all first; BytesIO returns what is there
        shp = io.BytesIO(read_limited(path))
        shx = io.BytesIO(read_limited(files[".shx"])) if ".shx" in files else None
        dbf = io.BytesIO(read_limited(files[".dbf"])) if ".dbf" in files else None
        shapes, records = _pyshp(path, lambda: _parse(stack, shp, shx, dbf, encoding))
        geoms = [_geometry(shape) for shape in shapes]     # pyshp logs while grouping rings
    if records is not None:
        records = [{k: _value(v) for k, v in rec.items()} for rec in records]
    notes = list(dict.fromkeys(" ".join(str(w.message).split()) for w in caught))
    if logged.shapes:
        which = joined(message(QT_TRANSLATE_NOOP("Core", "shape %1"), i + 1)
                       for i in sorted(set(logged.shapes))[:5])
        notes.append(message(QT_TRANSLATE_NOOP(
            "Core", "polygon rings of %1 are all holes or holes outside any outer ring (by "
            "their orientation); read as outer rings"), which))
    return geoms, records, notes


def _parse(stack: ExitStack, shp, shx, dbf, encoding: str):
    """pyshp's shapes and records (None without a .dbf): nothing but pyshp calls."""
    reader = stack.enter_context(shapefile.Reader(
        shp=shp, shx=shx, dbf=dbf, encoding=encoding, encodingErrors="strict"))
    shapes = list(reader.iterShapes())
    return shapes, None if dbf is None else [rec.as_dict() for rec in reader.iterRecords()]


def _pyshp(path: str, call):
    """``call()``, a call into pyshp, with what pyshp raises on a damaged file made a
    SituationError (or _Undecodable, to retry in another encoding)."""
    try:
        return call()
    except UnicodeDecodeError:
        raise _Undecodable() from None
    except shapefile.dbfFileException as exc:
        if "decode" in str(exc):
            raise _Undecodable() from None
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable Shapefile: %1"), exc)) from None
    except _PYSHP_ERRORS as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable Shapefile: %1"), exc)) from None


def _geometry(shape):
    """The shapely geometry of a pyshp shape, None for a null shape, or why it can't be
    read (pyshp's words or our Message: the shape is skipped with that reason)."""
    if shape.shapeType == shapefile.NULL:
        return None
    try:
        interface = shape.__geo_interface__       # pyshp groups the rings into polygons
    except _PYSHP_ERRORS as exc:
        return " ".join(str(exc).split())[:120] or type(exc).__name__
    try:
        return geometry(interface)
    except UnusablePart as exc:
        return bounded(exc.message, 120)


def _value(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _to_lonlat(path: str, prj: str | None, arr: np.ndarray, result: ReadResult) -> np.ndarray:
    if prj is not None:
        crs = crs_from_wkt(read_limited(prj, SIDECAR_BYTES).decode("utf-8", "replace"),
                           prj)
        if is_lonlat(crs):
            return arr
        result.warnings.append(converted(crs))
        return to_lonlat(arr, crs, path)
    coords = shapely.get_coordinates(arr)
    coords = coords[np.isfinite(coords).all(axis=1)]
    if not ((np.abs(coords[:, 0]) <= 180) & (np.abs(coords[:, 1]) <= 90)).all():
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "has no .prj file and its coordinates are not longitude/latitude; put the"
                    " .prj that came with it beside it")))
    result.warnings.append(message(QT_TRANSLATE_NOOP(
        "Core", "no .prj file: coordinates taken as longitude/latitude (WGS 84)")))
    return arr
