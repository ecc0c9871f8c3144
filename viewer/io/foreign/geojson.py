"""Read GeoJSON: a FeatureCollection, a single Feature or a bare geometry, any geometry
type, properties kept as given.

Coordinates are lon/lat (RFC 7946). A legacy (2008) ``crs`` member naming another CRS,
e.g. ``{"type": "name", "properties": {"name": "EPSG:3857"}}``, is honoured: the
coordinates are converted to lon/lat with a warning; an unknown CRS is refused.
Non-standard ``NaN``/``Infinity`` literals are read as numbers, so the features holding
them are skipped (with a warning) like any other with non-finite coordinates.
Geometries are built ring by ring from numpy arrays, never vertex by vertex.
"""

from __future__ import annotations

import json
import os

import numpy as np
import shapely

from viewer.io.errors import SituationError, UnusablePart, bounded
from viewer.io.foreign.features import ReadResult
from viewer.io.files import read_limited
from viewer.io.foreign.json_stream import stream_object
from viewer.io.foreign.polygon_batch import polygons_of
from viewer.io.foreign.repair import construct, converted, finish, note_skipped, unusable
from viewer.io.foreign.reproject import crs_from_geojson, to_lonlat
from viewer.model.gil import let_go
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                  "MultiPolygon", "GeometryCollection")
MAX_DEPTH = 100                 # GeometryCollections inside GeometryCollections
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def read_geojson(path: str | os.PathLike) -> ReadResult:
    """Features of the GeoJSON file at ``path``; raises only SituationError."""
    path = os.fspath(path)
    return parse_geojson(read_limited(path), path)


def parse_geojson(data: bytes | str, where: str) -> ReadResult:
    """Features of GeoJSON text ``data``; ``where`` names it in messages. A
    FeatureCollection is decoded feature by feature (viewer.io.foreign.json_stream), each
    made a geometry as it comes; anything else is decoded whole, as are texts the stream
    can't read (whose error json.loads then reports)."""
    collected = _Collected()
    doc = stream_object(data, "features", collected.add, _CONSTANTS.__getitem__)
    if doc is None or doc.get("type") != "FeatureCollection":
        collected = _Collected()
        doc = _decoded(data, where)
        for item in _items(doc, where):
            collected.add(item)
    crs = crs_from_geojson(doc.get("crs"), where)
    result = ReadResult(where, attribution=_attribution(doc))
    geoms, props, labels, failed = collected.done()
    for reason, which in failed.items():
        note_skipped(result, which, unusable(reason))
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = geoms
    if crs is not None:
        arr = to_lonlat(arr, crs, where)
        result.warnings.append(converted(crs))
    finish(result, arr, props, labels)
    for held in (props, labels, geoms):     # (the features hold copies: freed at the
        let_go(held)                        # return, the squares' 200,000 held the GIL 70-110 ms)
    return result


def _decoded(data: bytes | str, where: str) -> dict:
    try:
        doc = json.loads(data, parse_constant=_CONSTANTS.__getitem__)
    except UnicodeDecodeError:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not GeoJSON: the text is not UTF-8"))) from None
    except json.JSONDecodeError as exc:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not valid JSON: %1 (line %2, column %3)"), exc.msg, exc.lineno, exc.colno)) from None
    except RecursionError:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not usable JSON: nested too deeply"))) from None
    if not isinstance(doc, dict):
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not GeoJSON: expected a JSON object")))
    return doc


def _items(doc: dict, where: str) -> list:
    kind = doc.get("type")
    if kind == "FeatureCollection":
        items = doc.get("features")
        if not isinstance(items, list):
            raise SituationError(where, message(QT_TRANSLATE_NOOP(
                "Core", "not GeoJSON: a FeatureCollection without a 'features' list")))
        return items
    if kind == "Feature":
        return [doc]
    if kind in GEOMETRY_TYPES:
        return [{"type": "Feature", "geometry": doc, "properties": {}}]
    raise SituationError(where, message(QT_TRANSLATE_NOOP(
        "Core", "not GeoJSON: type %1 is not a FeatureCollection, Feature or geometry"),
        repr(kind)))


class _Collected:
    """The features' geometries, properties and labels, and the unusable ones by reason.
    Polygons are made in bulk once all are read (viewer.io.foreign.polygon_batch)."""

    def __init__(self):
        self._kept: list[list] = []             # [geometry or None, properties, label, n]
        self._rings: list[list[np.ndarray]] = []    # of the polygons not made yet ...
        self._slots: list[int] = []                 # ... and where they go in _kept
        self._failed: list[tuple[int, Message, Message]] = []   # (n, reason, label)
        self._n = 0

    def add(self, item) -> None:
        self._n += 1
        label = message(QT_TRANSLATE_NOOP("Core", "feature %1"), self._n)
        rings = None
        try:
            if not isinstance(item, dict) or item.get("type") != "Feature":
                raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
                    "Core", "not a GeoJSON Feature")))
            g = item.get("geometry")
            with np.errstate(invalid="ignore"):  # NaN positions: numpy would warn on
                rings = _polygon_rings(g)        # stderr; repair.finish drops them
                geom = geometry(g) if rings is None else None
        except UnusablePart as exc:
            self._failed.append((self._n, bounded(exc.message, 120), label))
            return
        if rings is not None:
            self._rings.append(rings)
            self._slots.append(len(self._kept))
        p = item.get("properties")
        self._kept.append([geom, p if isinstance(p, dict) else {}, label, self._n])

    def done(self) -> tuple[list, list[dict], list[Message], dict[Message, list[Message]]]:
        """(geometries, properties, labels, labels of the unusable ones by reason), in
        the order the features came."""
        with np.errstate(invalid="ignore"):       # NaN positions, as in add()
            made = polygons_of(self._rings)
        for k, slot in enumerate(self._slots):
            if made is not None:
                self._kept[slot][0] = made[k]
                continue
            rings = self._rings[k]
            try:
                self._kept[slot][0] = construct(shapely.Polygon, rings[0], rings[1:])
            except UnusablePart as exc:
                entry = self._kept[slot]
                self._failed.append((entry[3], bounded(exc.message, 120), entry[2]))
                entry[3] = None
        kept = [entry for entry in self._kept if entry[3] is not None]
        failed: dict[Message, list[Message]] = {}
        for _, reason, label in sorted(self._failed, key=lambda f: f[0]):
            failed.setdefault(reason, []).append(label)
        out = ([e[0] for e in kept], [e[1] for e in kept], [e[2] for e in kept], failed)
        for held in (kept, self._kept, self._rings, self._slots):   # (freed at once, the
            let_go(held)        # 200,000 squares' entries held the GIL for 160 ms)
        return out


def _polygon_rings(g) -> list[np.ndarray] | None:
    """A Polygon's checked ring arrays, to be made in bulk; None for every other geometry
    (and a polygon with an empty ring, or none), which geometry() makes at once."""
    if not isinstance(g, dict) or g.get("type") != "Polygon":
        return None
    c = g.get("coordinates")
    if not isinstance(c, (list, tuple)) or not c:
        return None
    arrays = [_positions(r) for r in c]
    return arrays if all(len(a) for a in arrays) else None


def geometry(g, depth: int = 0) -> shapely.Geometry | None:
    """A shapely geometry from a GeoJSON geometry object (None for ``null``); raises
    UnusablePart for anything else."""
    if g is None:
        return None
    if not isinstance(g, dict):
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "not a JSON object")))
    kind, c = g.get("type"), g.get("coordinates")
    if kind == "GeometryCollection":
        parts = g.get("geometries")
        if not isinstance(parts, list):
            raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                "Core", "a GeometryCollection without a 'geometries' list")))
        if depth >= MAX_DEPTH:
            raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                "Core", "GeometryCollections nested more than %1 deep"), MAX_DEPTH))
        return construct(shapely.GeometryCollection,
                      [geometry(p, depth + 1) for p in parts if p is not None])
    if kind not in GEOMETRY_TYPES:
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "unknown geometry type %1"), repr(kind)))
    if not isinstance(c, (list, tuple)):         # (pyshp's __geo_interface__ has tuples)
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "%1 without a 'coordinates' list"), kind))
    if kind == "Point":
        return construct(shapely.Point, _positions([c])[0]) if c else shapely.Point()
    if kind == "MultiPoint":
        return construct(shapely.MultiPoint, _positions(c)) if c else shapely.MultiPoint()
    if kind == "LineString":
        return construct(shapely.LineString, _positions(c))
    if kind == "MultiLineString":
        return construct(shapely.MultiLineString, [_positions(line) for line in c])
    if kind == "Polygon":
        return _polygon(c)
    return construct(shapely.MultiPolygon, [_polygon(p) for p in c])


def _polygon(rings) -> shapely.Polygon:
    if not isinstance(rings, (list, tuple)):
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "polygon coordinates are not a list of rings")))
    if not rings:
        return shapely.Polygon()
    arrays = [_positions(r) for r in rings]
    return construct(shapely.Polygon, arrays[0], arrays[1:])


def _positions(c) -> np.ndarray:
    """An (n, 2) float array of x, y from a list of GeoJSON positions."""
    if not isinstance(c, (list, tuple)):
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "coordinates are not lists of numbers")))
    a = _floats(c)
    if a is None:                       # positions of mixed length (2 and 3 numbers)
        if not all(isinstance(p, (list, tuple)) for p in c):
            raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                "Core", "coordinates are not lists of numbers")))
        a = _floats([p[:2] for p in c])
        if a is None:
            raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                "Core", "coordinates are not lists of numbers")))
    if a.size == 0:
        return np.empty((0, 2))
    if a.ndim != 2 or a.shape[1] < 2:
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "a position must have 2 or 3 numbers")))
    return a[:, :2]


def _floats(c) -> np.ndarray | None:
    """``c`` as a float array, None if numpy can't make one: lists of unequal length, or
    items that are not numbers (text, objects, an integer too large for a float)."""
    try:
        return np.asarray(c, dtype=float)
    except (ValueError, TypeError, OverflowError):
        return None


def _attribution(doc: dict) -> str:
    """The collection's own credit line: an ``attribution`` or ``copyright`` member (the
    latter is what Overpass exports of OpenStreetMap carry), else ""."""
    for key in ("attribution", "copyright"):
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""
