"""Read ``situation_meta``: the situation-wide settings, checked to be usable.

A value the viewer could not use later — a display CRS pyproj does not know or that is
not projected, a default view that is inverted, empty or off the globe, a highlight
window that is negative or not a number — is refused here, naming the key, rather than
failing in the middle of drawing.
"""

from __future__ import annotations

from pyproj import CRS
from pyproj.exceptions import CRSError

from viewer.io.errors import UnusablePart
from viewer.io.situation_file.fields import TimeParser, json_value, real, shown, text
from viewer.io.situation_file.file_rows import FileRows
from viewer.io.situation_file.geometry import LAT_LIMIT, LON_LIMIT
from viewer.io.situation_file.schema import check_format_version
from viewer.model.meta import SituationMeta
from viewer.model.messages import QT_TRANSLATE_NOOP, message

MAX_HIGHLIGHT_DAYS = 36500.0            # the render command's --highlight-days limit


def read_meta(rows: FileRows, times: TimeParser) -> SituationMeta:
    values = {k: v for _, k, v in rows.rows("situation_meta")}
    check_format_version(values.get("format_version"))
    meta = SituationMeta(format_version=str(values["format_version"]).strip())
    meta.title = text(values.get("title")) or meta.title
    meta.description = text(values.get("description"))
    attributions = json_value(values.get("attributions"), "situation_meta attributions",
                              list, [])
    if not all(isinstance(a, str) for a in attributions):
        raise UnusablePart("situation_meta attributions", message(QT_TRANSLATE_NOOP("Core", "expected a JSON list of strings")))
    meta.attributions = attributions
    meta.default_bbox = _bbox(values.get("default_bbox"))
    meta.default_time = times.optional(values.get("default_time"),
                                       "situation_meta default_time")
    days = real(values.get("highlight_days"), "situation_meta highlight_days",
                meta.highlight_days)
    if not 0 <= days <= MAX_HIGHLIGHT_DAYS:          # also false for NaN
        raise UnusablePart("situation_meta highlight_days", message(QT_TRANSLATE_NOOP(
            "Core", "must be 0-%1 days, got %2"), f"{MAX_HIGHLIGHT_DAYS:g}",
            shown(values.get('highlight_days'))))
    meta.highlight_days = days
    meta.crs = _crs(text(values.get("crs")))
    return meta


def _bbox(cell) -> tuple[float, float, float, float] | None:
    where = "situation_meta default_bbox"
    bbox = json_value(cell, where, list, None)
    if bbox is None:
        return None
    if len(bbox) != 4 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                 for v in bbox):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP("Core", "expected [minlon, minlat, maxlon, maxlat]")))
    minx, miny, maxx, maxy = (float(v) for v in bbox)
    if not (-LON_LIMIT <= minx < maxx <= LON_LIMIT and -LAT_LIMIT <= miny < maxy <= LAT_LIMIT):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "expected minlon < maxlon within ±%1 and minlat < maxlat within ±%2, "
            "got %3"), f"{LON_LIMIT:g}", f"{LAT_LIMIT:g}", shown(cell)))
    return minx, miny, maxx, maxy


def _crs(name: str) -> str:
    """The display CRS as stored, once pyproj knows it as a projected CRS (metres)."""
    if not name:
        return ""
    try:
        crs = CRS.from_user_input(name)
    except CRSError:
        raise UnusablePart("situation_meta crs", message(QT_TRANSLATE_NOOP(
            "Core", "not a coordinate reference system: %1"), shown(name))) from None
    if not crs.is_projected:
        raise UnusablePart("situation_meta crs", message(QT_TRANSLATE_NOOP(
            "Core", "must be a projected CRS (metres), got %1"), shown(name)))
    return name
