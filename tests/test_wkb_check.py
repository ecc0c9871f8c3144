"""The WKB check's fast path (little-endian 2D Polygons and MultiPolygons, wkb._areas_le)
gives what the general walk gives: the same type and count for a sound blob, and for a
blob cut short, with a byte changed, of another type or byte order, the general walk's
own verdict (it runs instead), the same error with the same reason."""

from __future__ import annotations

import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io.geopackage import wkb as gpkg_wkb

SHAPES = [
    shapely.box(30, 48, 31, 49),
    shapely.box(30, 48, 31, 49).difference(shapely.box(30.2, 48.2, 30.4, 48.4)),
    shapely.MultiPolygon([shapely.box(30 + k, 48, 30.5 + k, 48.5) for k in range(4)]),
    shapely.Point(30, 48).buffer(1, quad_segs=3),
    shapely.from_wkt("MULTIPOLYGON EMPTY"),
    shapely.from_wkt("POLYGON EMPTY"),
    shapely.Point(30, 48),
    shapely.LineString([(30, 48), (31, 49)]),
    shapely.GeometryCollection([shapely.box(0, 0, 1, 1)]),
]
ALLOWED = [None, gpkg_wkb.AREAS, gpkg_wkb.POINTS, frozenset({gpkg_wkb.POLYGON})]


def _general(blob: bytes, allowed):
    counter = [0]
    try:
        base = gpkg_wkb._geometry(blob, 0, allowed, 0, counter)[0]
    except gpkg_wkb.WkbError as exc:
        return "error", str(exc)
    return base, counter[0]


def _checked(blob: bytes, allowed):
    try:
        return gpkg_wkb.check(blob, allowed)
    except gpkg_wkb.WkbError as exc:
        return "error", str(exc)


@settings(max_examples=400, deadline=None)
@given(shape=st.sampled_from(SHAPES), allowed=st.sampled_from(ALLOWED),
       big_endian=st.booleans(), cut=st.integers(0, 400),
       flips=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 255)), max_size=3))
def test_the_fast_path_agrees_with_the_general_walk(shape, allowed, big_endian, cut, flips):
    blob = bytearray(shapely.to_wkb(shape, byte_order=0 if big_endian else 1, flavor="iso"))
    for at, value in flips:
        if at < len(blob):
            blob[at] = value
    blob = bytes(blob[:len(blob) - cut % (len(blob) + 1)])
    assert _checked(blob, allowed) == _general(blob, allowed)


def test_the_fast_path_takes_what_the_writer_writes():
    blob = shapely.to_wkb(SHAPES[2], byte_order=1, flavor="iso")
    assert gpkg_wkb._areas_le(blob, gpkg_wkb.AREAS) == (gpkg_wkb.MULTIPOLYGON, 1 + 4 + 4)
    assert gpkg_wkb._areas_le(blob[:-1], gpkg_wkb.AREAS) is None    # the walk says why
