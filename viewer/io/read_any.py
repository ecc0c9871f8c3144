"""Read features from any supported foreign format, chosen by suffix (or, for an unknown
suffix, by the file's first bytes), and the bounded file access every reader shares.

| suffix | format | ``layer`` selects |
|---|---|---|
| ``.geojson``, ``.json`` | GeoJSON FeatureCollection, Feature or geometry | (single layer) |
| ``.kml`` / ``.kmz`` | KML / zipped KML (Google Earth) | a folder path, "Outer/Inner" |
| ``.shp`` | ESRI Shapefile (+ .dbf, .shx, .prj, .cpg beside it) | (single layer) |
| ``.gpkg`` | any GeoPackage's feature tables | a table name |
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

from viewer.io.errors import SituationError
from viewer.io.features import ReadResult

MB = 2 ** 20
MAX_TEXT_BYTES = 512 * MB           # GeoJSON, KML, CSV/JSON tables: refused above this

SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp", ".gpkg")


def size_text(n: float) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:.0f} bytes"


def check_regular_file(path: str) -> int:
    """The size of the regular file at ``path``; SituationError if it is anything else."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SituationError(path, "no such file") from None
    except OSError as exc:
        raise SituationError(path, f"can't read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise SituationError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SituationError(path, "is not a regular file")
    return st.st_size


def read_limited(path: str, limit: int | None = None) -> bytes:
    """The bytes of the file at ``path``, refused (SituationError) beyond ``limit``
    (default MAX_TEXT_BYTES)."""
    limit = MAX_TEXT_BYTES if limit is None else limit
    size = check_regular_file(path)
    if size > limit:
        raise SituationError(path, f"is {size_text(size)}; files over {size_text(limit)} "
                             "are refused")
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise SituationError(path, f"can't read: {exc.strerror or exc}") from None
    if len(data) > limit:               # it grew while we looked
        raise SituationError(path, f"is over {size_text(limit)}; refused")
    return data


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
        from viewer.io.gpkg_features import read_gpkg_features
        return read_gpkg_features(path, layer)
    if layer is not None:
        raise SituationError(path, f"has a single layer, so no layer {layer!r} can be "
                             "chosen (layers exist in GeoPackage and KML files)")
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
        raise SituationError(result.source, f"no folder {layer!r} holding features "
                             f"(folders: {listed})")
    return ReadResult(result.source, keep, result.warnings, result.repaired)


def _reader(kind: str) -> Callable[[str], ReadResult]:
    if kind in (".geojson", ".json"):
        from viewer.io.geojson import read_geojson
        return read_geojson
    if kind == ".kml":
        from viewer.io.kml import read_kml
        return read_kml
    if kind == ".kmz":
        from viewer.io.kmz import read_kmz
        return read_kmz
    from viewer.io.shapefile_reader import read_shapefile
    return read_shapefile


def _sniff(path: str) -> str:
    try:
        with open(path, "rb") as f:
            head = f.read(256)
    except OSError as exc:
        raise SituationError(path, f"can't read: {exc.strerror or exc}") from None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"SQLite format 3\x00"):
        return ".gpkg"
    if head.startswith(b"PK\x03\x04"):
        return ".kmz"
    if text.startswith(b"<"):
        return ".kml"
    if text.startswith((b"{", b"[")):
        return ".geojson"
    raise SituationError(path, "unknown format: expected GeoJSON (.geojson), KML (.kml), "
                         "KMZ (.kmz), a Shapefile (.shp) or a GeoPackage (.gpkg)")
