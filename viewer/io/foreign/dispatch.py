"""Read features from any supported foreign format, chosen by suffix (or, for an unknown
suffix, by the file's first bytes).

| suffix | format | ``layer`` selects |
|---|---|---|
| ``.geojson``, ``.json`` | GeoJSON FeatureCollection, Feature or geometry | (single layer) |
| ``.kml`` / ``.kmz`` | KML / zipped KML (Google Earth) | a folder path, "Outer/Inner" |
| ``.shp`` | ESRI Shapefile (+ .dbf, .shx, .prj, .cpg beside it) | (single layer) |
| ``.gpkg`` | any GeoPackage's feature tables | a table name |
"""

from __future__ import annotations

import os
from collections.abc import Callable

from viewer.io.errors import SituationError, os_reason
from viewer.io.files import check_regular_file
from viewer.io.foreign.features import ReadResult
from viewer.model.messages import QT_TRANSLATE_NOOP, message

SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp", ".gpkg")


def read_features(path: str | os.PathLike, layer: str | None = None) -> ReadResult:
    """Features (lon/lat) of the file at ``path``; ``layer`` picks a GeoPackage table or a
    KML folder path (and is refused for single-layer formats). Raises only SituationError."""
    path = os.fspath(path)
    check_regular_file(path)
    kind = os.path.splitext(path)[1].lower()
    if kind not in SUFFIXES:
        kind = _sniff(path)
    if kind in (".kml", ".kmz"):
        return select_folder(_reader(kind)(path), layer)
    if kind == ".gpkg":
        from viewer.io.foreign.gpkg_layers import read_gpkg_features
        return read_gpkg_features(path, layer)
    if layer is not None:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "has a single layer, so no layer %1 can be chosen (layers exist in "
                    "GeoPackage and KML files)"), repr(layer)))
    return _reader(kind)(path)


def select_folder(result: ReadResult, layer: str | None) -> ReadResult:
    """Only the features in folder path ``layer`` (or below it); all if ``layer`` is None."""
    if layer is None:
        return result
    layer = layer.strip("/")
    keep = [f for f in result.features if f.layer == layer or f.layer.startswith(layer + "/")]
    if not keep:
        names = sorted({f.layer for f in result.features if f.layer})
        listed = ", ".join(repr(n) for n in names[:10]) or "none"
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no folder %1 holding features (folders: %2)"), repr(layer), listed))
    return ReadResult(result.source, keep, result.warnings, result.repaired)


def _reader(kind: str) -> Callable[[str], ReadResult]:
    if kind in (".geojson", ".json"):
        from viewer.io.foreign.geojson import read_geojson
        return read_geojson
    if kind == ".kml":
        from viewer.io.foreign.kml import read_kml
        return read_kml
    if kind == ".kmz":
        from viewer.io.foreign.kmz import read_kmz
        return read_kmz
    from viewer.io.foreign.shp import read_shapefile
    return read_shapefile


def _sniff(path: str) -> str:
    try:
        with open(path, "rb") as f:
            head = f.read(256)
    except OSError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't read: %1"), os_reason(exc))) from None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"SQLite format 3\x00"):
        return ".gpkg"
    if head.startswith(b"PK\x03\x04"):
        return ".kmz"
    if text.startswith(b"<"):
        return ".kml"
    if text.startswith((b"{", b"[")):
        return ".geojson"
    raise SituationError(path, message(QT_TRANSLATE_NOOP(
        "Core", "unknown format: expected GeoJSON (.geojson), KML (.kml), KMZ (.kmz), a "
                "Shapefile (.shp) or a GeoPackage (.gpkg)")))
