"""GeoPackage geometry blobs: a small header in front of standard WKB, vectorised.

Header (GeoPackage 1.4, clause 2.1.3): ``b"GP"``, version byte 0, a flags byte, the
srs_id as int32, then an optional envelope. Flags: bit 0 byte order of the header
(1 = little-endian), bits 1-3 the envelope kind (0 none, 1 [minx, maxx, miny, maxy],
2 and 3 with z or m range, 4 with both), bit 4 empty geometry, bit 5 extended type.
We write little-endian, envelope kind 1 for non-empty geometries, kind 0 + empty flag
for empty ones, srs_id 4326. We read any standard blob.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.errors import GEOSException

from viewer.io.errors import reason
from viewer.io.geopackage import wkb as gpkg_wkb
from viewer.model.geometry import vertex_batches
from viewer.model.gil import pass_gil
from viewer.model.messages import QT_TRANSLATE_NOOP, message

MAGIC = b"GP"
SRS_ID = 4326
ENVELOPE_BYTES = (0, 32, 48, 48, 64)   # by envelope kind 0..4
FLAG_LITTLE_ENDIAN = 0x01
FLAG_ENVELOPE_XY = 0x02                # envelope kind 1, shifted into bits 1-3
FLAG_EMPTY = 0x10
FLAG_EXTENDED = 0x20
MAX_PARTS = 5_000_000                  # parts and rings of one decode() call together
PARSE_CHUNK = 1024                     # blobs parsed by one shapely call, at most
PARSE_BYTES = 1 << 20                  # and their WKB bytes (but for one blob of more)

_HEADER_XY = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"),
                       ("srs_id", "<i4"), ("env", "<f8", (4,))])
_HEADER_NONE = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"),
                         ("srs_id", "<i4")])


class BlobError(ValueError):
    """A blob that is not a usable GeoPackage geometry; ``index`` is its position."""

    def __init__(self, index: int, problem: str):
        self.index = index
        super().__init__(problem)


def encode(geoms: Sequence | np.ndarray, srs_id: int = SRS_ID) -> list[bytes | None]:
    """GeoPackage blobs for ``geoms`` (None stays None, i.e. SQL NULL)."""
    arr = np.asarray(geoms, dtype=object)
    out: list[bytes | None] = [None] * len(arr)
    present = ~shapely.is_missing(arr)
    if not present.any():
        return out
    idx = np.nonzero(present)[0]
    geo = arr[idx]
    empty = shapely.is_empty(geo)
    wkb = shapely.to_wkb(geo, byte_order=1, output_dimension=2, flavor="iso")
    full = np.zeros(len(geo), dtype=_HEADER_XY)
    full["magic"], full["version"], full["srs_id"] = MAGIC, 0, srs_id
    full["flags"] = FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XY
    full["env"] = shapely.bounds(geo)[:, [0, 2, 1, 3]]   # minx, maxx, miny, maxy
    bare = np.zeros(1, dtype=_HEADER_NONE)
    bare["magic"], bare["version"], bare["srs_id"] = MAGIC, 0, srs_id
    bare["flags"] = FLAG_LITTLE_ENDIAN | FLAG_EMPTY
    empty_header = bare.tobytes()
    packed, size = full.tobytes(), _HEADER_XY.itemsize
    for k, i in enumerate(idx):
        header = empty_header if empty[k] else packed[k * size:(k + 1) * size]
        out[i] = header + wkb[k]
    return out


def header_length(blob: bytes) -> int:
    """Bytes before the WKB; raises WkbError for anything but a GeoPackage blob."""
    if len(blob) < 8 or blob[:2] != MAGIC:
        raise gpkg_wkb.WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "not a GeoPackage geometry (no GP header)")))
    if blob[2] != 0:
        raise gpkg_wkb.WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "unsupported GeoPackage geometry version %1"), blob[2]))
    flags = blob[3]
    if flags & FLAG_EXTENDED:
        raise gpkg_wkb.WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "extended GeoPackage geometry types are not supported")))
    kind = (flags >> 1) & 0x07
    if kind >= len(ENVELOPE_BYTES):
        raise gpkg_wkb.WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "bad envelope kind %1 in GeoPackage geometry"), kind))
    size = 8 + ENVELOPE_BYTES[kind]
    if len(blob) <= size:
        raise gpkg_wkb.WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "GeoPackage geometry is cut short")))
    return size


def _parsed(wkb: np.ndarray) -> np.ndarray:
    """``shapely.from_wkb(wkb)``, then the GIL passed to a thread waiting for it."""
    out = shapely.from_wkb(wkb)
    pass_gil()
    return out


def _uniform_points(blobs: Sequence[bytes | None]) -> np.ndarray | None:
    """Points in one call when every blob is the same: one GeoPackage header layout and
    SRS, then a little-endian 2D WKB point (21 bytes) with finite coordinates, as our
    writer stores them; None for anything else (left to the checks of ``decode``). A
    table of thousands of places is then read without a Python step per blob."""
    if not blobs or not all(type(b) is bytes for b in blobs):
        return None
    try:
        size = header_length(blobs[0])
    except gpkg_wkb.WkbError:
        return None
    n, length = len(blobs), size + 21
    joined = b"".join(blobs)
    if len(joined) != n * length or n > MAX_PARTS:
        return None
    rows = np.frombuffer(joined, dtype=np.uint8).reshape(n, length)
    point = np.array([1, 1, 0, 0, 0], dtype=np.uint8)    # little-endian, type 1 (Point)
    if not ((rows[:, :8] == rows[0, :8]).all() and (rows[:, size:size + 5] == point).all()):
        return None
    xy = np.ascontiguousarray(rows[:, size + 5:]).view("<f8").reshape(n, 2)
    if not np.isfinite(xy).all():
        return None
    return shapely.points(xy.astype(float))


def decode(blobs: Sequence[bytes | None], allowed: frozenset[int] | None = None,
           skip: np.ndarray | None = None) -> np.ndarray:
    """Shapely geometries for ``blobs`` (None for NULL); raises BlobError naming the first
    bad one. Headers are stripped by their length from the flags byte, each WKB's structure
    is checked (``allowed``: the WKB base types accepted, see gpkg_wkb; None: any), then
    all WKB is parsed in one call. ``skip``: a mask of blobs checked as the others but
    not parsed (None for them: the caller has their geometry, see fields.geometries)."""
    if allowed == gpkg_wkb.POINTS:
        fast = _uniform_points(blobs)
        if fast is not None:
            return fast
    n, parts = len(blobs), 0
    wkb = np.empty(n, dtype=object)
    for i, blob in enumerate(blobs):
        if blob is None:
            continue
        if not isinstance(blob, (bytes, bytearray, memoryview)):
            raise BlobError(i, message(QT_TRANSLATE_NOOP(
                "Core", "geometry is %1, not a blob"), type(blob).__name__))
        blob = bytes(blob)
        try:
            wkb[i] = blob[header_length(blob):]
            parts += gpkg_wkb.check(wkb[i], allowed)[1]
        except gpkg_wkb.WkbError as exc:
            raise BlobError(i, reason(exc)) from None
        if parts > MAX_PARTS:
            raise BlobError(i, message(QT_TRANSLATE_NOOP(
                "Core", "more than %1 polygons and rings together, more than this viewer reads"),
                format(MAX_PARTS, ',')))
    if skip is not None:
        wkb[skip] = None
    try:
        with np.errstate(invalid="ignore"):      # NaN coordinates: refused by the caller
            # in chunks: one call holds the GIL, and a window's event loop waits for it
            # (1,024 of the 200,000 squares' changes: ~90 ms of CPU); passed on between
            # them (calls back to back kept it from the GUI thread: viewer.model.gil)
            sizes = [0 if w is None else len(w) for w in wkb]
            return np.concatenate([_parsed(wkb[part]) for part in
                                   vertex_batches(sizes, PARSE_CHUNK, PARSE_BYTES)]) if n \
                else shapely.from_wkb(wkb)
    except (GEOSException, ValueError, TypeError):
        pass
    for i, item in enumerate(wkb):          # find the culprit (only on the error path)
        try:
            with np.errstate(invalid="ignore"):
                shapely.from_wkb(item)
        except (GEOSException, ValueError, TypeError) as exc:
            raise BlobError(i, message(QT_TRANSLATE_NOOP(
                "Core", "unreadable WKB (%1)"), exc)) from None
    raise BlobError(0, message(QT_TRANSLATE_NOOP(
        "Core", "unreadable WKB")))
