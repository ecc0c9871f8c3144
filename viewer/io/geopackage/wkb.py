"""Check the structure of a WKB geometry before GEOS parses it.

GEOS reads nested collections recursively: a blob of a few hundred kilobytes nesting
GeometryCollections 100 000 deep overflows the C stack and kills the process. This walk
follows the same layout (byte order, type, counts) without building anything, refuses
types that were not asked for and nesting deeper than ``MAX_DEPTH``, and checks every
count against the bytes actually there, so GEOS only ever sees a sound blob. It loops per
part and per ring, never per vertex, and counts them: GEOS spends a few hundred bytes on
each, so a blob of millions of 9-byte empty polygons is a memory bomb that the caller
can refuse by the count.
"""

from __future__ import annotations

import struct
from viewer.model.messages import QT_TRANSLATE_NOOP, message

POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, COLLECTION = range(1, 8)
NAMES = {POINT: "Point", LINESTRING: "LineString", POLYGON: "Polygon", MULTIPOINT: "MultiPoint",
         MULTILINESTRING: "MultiLineString", MULTIPOLYGON: "MultiPolygon",
         COLLECTION: "GeometryCollection"}
AREAS = frozenset({POLYGON, MULTIPOLYGON})
POINTS = frozenset({POINT})
MAX_DEPTH = 32                         # collections inside collections

_EWKB_Z, _EWKB_M, _EWKB_SRID = 0x80000000, 0x40000000, 0x20000000
_U32 = (struct.Struct(">I"), struct.Struct("<I"))     # by WKB byte order 0 / 1


class WkbError(ValueError):
    """A WKB that is cut short, malformed, of a type not wanted, or nested too deep."""


def check(wkb: bytes, allowed: frozenset[int] | None = None) -> tuple[int, int]:
    """The base type (1-7) of the well-formed WKB ``wkb`` and its number of parts and
    rings; raises WkbError otherwise. ``allowed``: the base types accepted at the top
    level (None: any)."""
    if allowed is None or MULTIPOLYGON in allowed or POLYGON in allowed:
        fast = _areas_le(wkb, allowed)
        if fast is not None:
            return fast
    counter = [0]
    base = _geometry(wkb, 0, allowed, 0, counter)[0]
    return base, counter[0]


_LE_U32 = _U32[1].unpack_from


def _areas_le(wkb: bytes, allowed: frozenset[int] | None) -> tuple[int, int] | None:
    """``check`` of a little-endian 2D Polygon or MultiPolygon (what our writer and
    GDAL write) in one flat loop: the same checks (every header a polygon's, every count
    within the bytes there), some four times faster than the general walk, which runs
    instead for anything else and for any fault (it names the fault)."""
    n = len(wkb)
    if n < 9 or wkb[0] != 1:
        return None
    code = _LE_U32(wkb, 1)[0]
    if code == POLYGON:
        pos, parts, base = 5, 1, POLYGON
    elif code == MULTIPOLYGON:
        parts, pos, base = _LE_U32(wkb, 5)[0], 9, MULTIPOLYGON
        if parts * 9 > n - pos:
            return None
    else:
        return None
    if allowed is not None and base not in allowed:
        return None
    counter = 1
    for _ in range(parts):
        if base == MULTIPOLYGON:
            if pos + 9 > n or wkb[pos] != 1 or _LE_U32(wkb, pos + 1)[0] != POLYGON:
                return None
            counter += 1
            pos += 5
        rings = _LE_U32(wkb, pos)[0]
        pos += 4
        if rings * 4 > n - pos:
            return None
        counter += rings
        for _ in range(rings):
            if pos + 4 > n:
                return None
            pos += 4 + _LE_U32(wkb, pos)[0] * 16
            if pos > n:
                return None
    return base, counter


def _header(wkb: bytes, pos: int) -> tuple[int, int, int, int]:
    """(byte order, base type, coordinate size in bytes, position after the header)."""
    if pos + 5 > len(wkb):
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "WKB is cut short")))
    order = wkb[pos]
    if order not in (0, 1):
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "bad WKB byte order %1"), order))
    code = _U32[order].unpack_from(wkb, pos + 1)[0]
    pos += 5
    flags, code = code & 0xF0000000, code & 0x0FFFFFFF
    if flags & _EWKB_SRID:
        pos += 4
    base, iso = code % 1000, code // 1000
    if base not in NAMES or iso > 3 or (iso and flags):
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "unsupported WKB geometry type %1"), code | flags))
    dims = (2, 3, 3, 4)[iso] if iso else 2 + bool(flags & _EWKB_Z) + bool(flags & _EWKB_M)
    return order, base, 8 * dims, pos


def _count(wkb: bytes, pos: int, order: int) -> int:
    if pos + 4 > len(wkb):
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "WKB is cut short")))
    return _U32[order].unpack_from(wkb, pos)[0]


def _points(wkb: bytes, pos: int, order: int, size: int) -> int:
    """Position after a point list (count, then coordinates)."""
    end = pos + 4 + _count(wkb, pos, order) * size
    if end > len(wkb):
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "WKB claims more coordinates than it holds")))
    return end


def _geometry(wkb: bytes, pos: int, allowed: frozenset[int] | None, depth: int,
              counter: list[int]) -> tuple[int, int]:
    order, base, size, pos = _header(wkb, pos)
    counter[0] += 1
    if allowed is not None and base not in allowed:
        wanted = " or ".join(NAMES[t] for t in sorted(allowed))
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "a %1 where a %2 was expected"), NAMES[base], wanted))
    if base == POINT:
        if pos + size > len(wkb):
            raise WkbError(message(QT_TRANSLATE_NOOP(
                "Core", "WKB is cut short")))
        return base, pos + size
    if base == LINESTRING:
        return base, _points(wkb, pos, order, size)
    if base == POLYGON:
        rings = _count(wkb, pos, order)
        pos += 4
        if rings * 4 > len(wkb) - pos:          # every ring needs at least its count
            raise WkbError(message(QT_TRANSLATE_NOOP(
                "Core", "WKB claims more rings than it holds")))
        counter[0] += rings
        for _ in range(rings):
            pos = _points(wkb, pos, order, size)
        return base, pos
    if depth >= MAX_DEPTH:
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "geometry collections nested more than %1 deep"), MAX_DEPTH))
    parts = _count(wkb, pos, order)
    pos += 4
    if parts * 9 > len(wkb) - pos:              # every part needs a 5-byte header and more
        raise WkbError(message(QT_TRANSLATE_NOOP(
            "Core", "WKB claims more parts than it holds")))
    part_types = None if base == COLLECTION else frozenset({base - 3})
    for _ in range(parts):
        pos = _geometry(wkb, pos, part_types, depth + 1, counter)[1]
    return base, pos
