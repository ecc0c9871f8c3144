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
from shapely.errors import GEOSException

from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.io.files import read_limited
from viewer.io.foreign.repair import finish, note_skipped
from viewer.io.foreign.reproject import crs_from_geojson, describe, to_lonlat

GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                  "MultiPolygon", "GeometryCollection")
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def read_geojson(path: str | os.PathLike) -> ReadResult:
    """Features of the GeoJSON file at ``path``; raises only SituationError."""
    path = os.fspath(path)
    return parse_geojson(read_limited(path), path)


def parse_geojson(data: bytes | str, where: str) -> ReadResult:
    """Features of GeoJSON text ``data``; ``where`` names it in messages."""
    try:
        doc = json.loads(data, parse_constant=_CONSTANTS.__getitem__)
    except UnicodeDecodeError:
        raise SituationError(where, "not GeoJSON: the text is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise SituationError(where, f"not valid JSON: {exc.msg} (line {exc.lineno}, "
                             f"column {exc.colno})") from None
    except RecursionError:
        raise SituationError(where, "not usable JSON: nested too deeply") from None
    if not isinstance(doc, dict):
        raise SituationError(where, "not GeoJSON: expected a JSON object")
    kind = doc.get("type")
    if kind == "FeatureCollection":
        items = doc.get("features")
        if not isinstance(items, list):
            raise SituationError(where, "not GeoJSON: a FeatureCollection without a "
                                 "'features' list")
    elif kind == "Feature":
        items = [doc]
    elif kind in GEOMETRY_TYPES:
        items = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        raise SituationError(where, f"not GeoJSON: type {kind!r} is not a FeatureCollection, "
                             "Feature or geometry")
    crs = crs_from_geojson(doc.get("crs"), where)
    result = ReadResult(where)
    geoms, props, labels = [], [], []
    failed: dict[str, list[str]] = {}
    for i, item in enumerate(items):
        label = f"feature {i + 1}"
        try:
            if not isinstance(item, dict) or item.get("type") != "Feature":
                raise ValueError("not a GeoJSON Feature")
            with np.errstate(invalid="ignore"):  # NaN positions: numpy would warn on
                geom = geometry(item.get("geometry"))  # stderr; repair.finish drops them
        except (ValueError, TypeError, KeyError, IndexError, RecursionError,
                GEOSException) as exc:
            failed.setdefault(" ".join(str(exc).split())[:120], []).append(label)
            continue
        geoms.append(geom)
        p = item.get("properties")
        props.append(p if isinstance(p, dict) else {})
        labels.append(label)
    for reason, which in failed.items():
        note_skipped(result, which, f"an unusable geometry ({reason})")
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = geoms
    if crs is not None:
        arr = to_lonlat(arr, crs, where)
        result.warnings.append(f"converted coordinates from {describe(crs)} to "
                               "longitude/latitude")
    finish(result, arr, props, labels)
    return result


def geometry(g) -> shapely.Geometry | None:
    """A shapely geometry from a GeoJSON geometry object (None for ``null``)."""
    if g is None:
        return None
    if not isinstance(g, dict):
        raise ValueError("geometry is not a JSON object")
    kind, c = g.get("type"), g.get("coordinates")
    if kind == "GeometryCollection":
        parts = g.get("geometries")
        if not isinstance(parts, list):
            raise ValueError("a GeometryCollection without a 'geometries' list")
        return shapely.GeometryCollection([geometry(p) for p in parts if p is not None])
    if kind not in GEOMETRY_TYPES:
        raise ValueError(f"unknown geometry type {kind!r}")
    if not isinstance(c, (list, tuple)):
        raise ValueError(f"{kind} without a 'coordinates' list")
    if kind == "Point":
        return shapely.Point(_positions([c])[0]) if c else shapely.Point()
    if kind == "MultiPoint":
        return shapely.MultiPoint(_positions(c)) if c else shapely.MultiPoint()
    if kind == "LineString":
        return shapely.LineString(_positions(c))
    if kind == "MultiLineString":
        return shapely.MultiLineString([_positions(line) for line in c])
    if kind == "Polygon":
        return _polygon(c)
    return shapely.MultiPolygon([_polygon(p) for p in c])


def _polygon(rings: list) -> shapely.Polygon:
    if not isinstance(rings, (list, tuple)):
        raise ValueError("polygon coordinates are not a list of rings")
    if not rings:
        return shapely.Polygon()
    arrays = [_positions(r) for r in rings]
    return shapely.Polygon(arrays[0], arrays[1:])


def _positions(c) -> np.ndarray:
    """An (n, 2) float array of x, y from a list of GeoJSON positions."""
    try:
        a = np.asarray(c, dtype=float)
    except ValueError:                  # positions of mixed length (2 and 3 numbers)
        if not isinstance(c, (list, tuple)) or not all(isinstance(p, (list, tuple)) for p in c):
            raise ValueError("coordinates are not lists of numbers") from None
        a = np.asarray([p[:2] for p in c], dtype=float)
    if a.size == 0:
        return np.empty((0, 2))
    if a.ndim != 2 or a.shape[1] < 2:
        raise ValueError("a position must have 2 or 3 numbers")
    return a[:, :2]
