"""Coordinate reference systems of foreign files, and conversion to WGS84 lon/lat.

A CRS comes as a GeoJSON ``crs`` member, a Shapefile ``.prj`` (WKT, often ESRI's
dialect), an EPSG code or a GeoPackage ``gpkg_spatial_ref_sys`` row. Only those forms are
accepted (never an arbitrary PROJ string, URL or file name); an unknown CRS is refused
with a SituationError. Conversion is vectorised (one pyproj call per geometry array) and
always in x = easting/longitude, y = northing/latitude order, as all these formats store.
"""

from __future__ import annotations

import re

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import ProjError

from viewer.io.errors import SituationError
from viewer.model.messages import QT_TRANSLATE_NOOP, message

LONLAT = CRS.from_user_input("OGC:CRS84")

# "EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG:6.6:3857",
# "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/EPSG/0/3857"
_CRS_NAME = re.compile(
    r"^(?:urn:ogc:def:crs:)?(?P<auth>EPSG|OGC|ESRI):(?:[\d.]*:)?(?P<code>\w+)$"
    r"|^https?://www\.opengis\.net/def/crs/(?P<auth2>EPSG|OGC)/[\d.]+/(?P<code2>\w+)$",
    re.IGNORECASE)


def crs_from_name(name: str, where: str) -> CRS:
    """The CRS named by an authority code such as ``EPSG:3857`` or an OGC URN/URI."""
    m = _CRS_NAME.match(str(name).strip())
    if not m:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system %1 (expected e.g. EPSG:3857 or "
                    "urn:ogc:def:crs:EPSG::3857)"), repr(name)))
    auth = (m["auth"] or m["auth2"]).upper()
    code = m["code"] or m["code2"]
    return crs_from_authority(auth, code, where)


def crs_from_authority(auth: str, code: str | int, where: str) -> CRS:
    try:
        return CRS.from_authority(str(auth).upper(), str(code))
    except (ProjError, ValueError, TypeError):
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system %1:%2"), auth, code)) from None


def crs_from_wkt(wkt: str, where: str) -> CRS:
    """The CRS of a WKT text (OGC WKT 1 or 2, or ESRI's WKT as found in ``.prj`` files)."""
    try:
        return CRS.from_wkt(wkt)
    except (ProjError, ValueError, TypeError):
        short = " ".join(str(wkt).split())[:60]
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system (unreadable WKT %1)"), repr(short))) from None


def crs_from_geojson(member, where: str) -> CRS | None:
    """The CRS of a GeoJSON (2008) ``crs`` member; None means lon/lat (no member,
    ``null``, CRS84 or EPSG:4326)."""
    if member is None:
        return None
    if not isinstance(member, dict) or not isinstance(member.get("properties"), dict):
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system: the 'crs' member is not a GeoJSON "
                    "crs object")))
    kind, props = member.get("type"), member["properties"]
    if kind == "name" and isinstance(props.get("name"), str):
        crs = crs_from_name(props["name"], where)
    elif kind == "EPSG" and isinstance(props.get("code"), (int, str)):
        crs = crs_from_authority("EPSG", props["code"], where)
    elif kind == "link":
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system: the 'crs' member is a link, and "
                    "links are never followed")))
    else:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "unknown coordinate reference system: unsupported 'crs' member of type %1"),
            repr(kind)))
    return None if is_lonlat(crs) else crs


def is_lonlat(crs: CRS) -> bool:
    """True for WGS84 longitude/latitude in either axis order (CRS84, EPSG:4326)."""
    return crs.is_geographic and crs.equals(LONLAT, ignore_axis_order=True)


def describe(crs: CRS) -> str:
    auth = crs.to_authority(min_confidence=90)
    return f"{auth[0]}:{auth[1]} ({crs.name})" if auth else crs.name


def to_lonlat(geoms: np.ndarray, crs: CRS, where: str) -> np.ndarray:
    """``geoms`` (an object array; None allowed) converted from ``crs`` to lon/lat.
    Points the projection cannot convert come back as inf, for the caller to drop."""
    try:
        transformer = Transformer.from_crs(crs, LONLAT, always_xy=True)
    except ProjError as exc:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "can't convert %1 to longitude/latitude (%2)"), describe(crs), exc)) from None

    def convert(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1], errcheck=False)
        return np.column_stack([x, y])

    arr = np.asarray(geoms, dtype=object)
    try:
        return shapely.transform(shapely.force_2d(arr), convert)
    except ProjError as exc:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "can't convert %1 to longitude/latitude (%2)"), describe(crs), exc)) from None
