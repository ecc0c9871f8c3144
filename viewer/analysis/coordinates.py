"""A lon/lat position as degrees-minutes-seconds or as an MGRS grid reference.

MGRS comes from the ``mgrs`` package (GeoTrans's C code, as used by the US NGA), not from
our own arithmetic: its zone, band and 100 km square letters have exceptions (Norway,
Svalbard, the polar UPS areas) that a library already gets right."""

from __future__ import annotations

import mgrs
from mgrs._native import MGRSError   # (not re-exported by the package)

_CONVERTER = mgrs.MGRS()


def dms(value: float) -> tuple[int, int, float]:
    """``abs(value)`` degrees as (degrees, minutes, seconds), seconds to 0.1 and carried
    (59.96″ is the next minute)."""
    tenths = round(abs(value) * 36000)
    degrees, rest = divmod(tenths, 36000)
    minutes, rest = divmod(rest, 600)
    return int(degrees), int(minutes), rest / 10.0


def mgrs_reference(lon: float, lat: float, digits: int = 5) -> str | None:
    """``37U CP 12345 67890`` (1 m with five digits), or None where MGRS has no square
    for the point."""
    try:
        text = _CONVERTER.toMGRS(lat, lon, MGRSPrecision=digits)
    except MGRSError:      # e.g. a latitude beyond the poles
        return None
    if isinstance(text, bytes):
        text = text.decode("ascii")
    numbers = 2 * digits
    head, tail = text[:-numbers], text[-numbers:]
    grid, square = head[:-2], head[-2:]
    return f"{grid} {square} {tail[:digits]} {tail[digits:]}".strip()
