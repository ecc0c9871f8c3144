"""The last step of every foreign-format reader: check and repair geometries, then build
the Features.

Features without a usable geometry (none, empty, NaN or infinite coordinates, outside
longitude/latitude range) are skipped with one warning per reason that counts them and
names the first few. Invalid polygons are repaired with ``shapely.make_valid`` (method
"structure": overlapping parts are merged, not cut out of each other), keeping only
their polygonal parts, and counted in ``ReadResult.repaired``. All checks are vectorised.
``construct`` is how readers build each geometry: shapely's refusal becomes UnusablePart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon

from viewer.io.errors import GEOMETRY, UnusablePart
from viewer.io.geometry_reasons import build_reason
from viewer.io.foreign.features import Feature, ReadResult
from viewer.io.foreign.reproject import describe
from viewer.model.gil import in_slices
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, joined, message

NAMED = 5            # how many skipped features a warning names before "..."

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


def construct(make, *args) -> shapely.Geometry:
    """``make(*args)``, a shapely constructor; its refusal of the coordinates (a ring of
    three points, a line of one) as UnusablePart, so the reader skips that feature; its
    reason in the interface language (viewer/io/geometry_reasons.py)."""
    try:
        return make(*args)
    except (ValueError, GEOSException) as exc:
        raise UnusablePart(GEOMETRY, build_reason(str(exc))) from None


def finish(result: ReadResult, geoms: Sequence, properties: Sequence[dict[str, Any]],
           labels: Sequence[str], *, names: Sequence[str] | None = None,
           layers: Sequence[str] | None = None) -> None:
    """Append to ``result`` a Feature for every usable geometry in ``geoms`` (lon/lat),
    with the matching ``properties``, ``names`` (default: a string ``name`` property)
    and ``layers`` (default ""). ``labels`` name each feature in warnings, e.g.
    "feature 3" or "placemark 'Avdiivka'"."""
    arr = in_slices(shapely.force_2d, np.asarray(geoms, dtype=object))   # (GIL passed on)
    n = len(arr)
    skip = np.zeros(n, dtype=bool)
    missing = shapely.is_missing(arr)
    _skip(result, labels, missing & ~skip, skip,
          message(QT_TRANSLATE_NOOP("Core", "no geometry")))
    empty = ~missing & shapely.is_empty(arr)
    _skip(result, labels, empty & ~skip, skip,
          message(QT_TRANSLATE_NOOP("Core", "empty geometry")))
    bad, outside = _bad_coordinates(arr, skip)
    _skip(result, labels, bad, skip,
          message(QT_TRANSLATE_NOOP("Core", "NaN or infinite coordinates")))
    _skip(result, labels, outside & ~bad, skip, message(QT_TRANSLATE_NOOP(
        "Core", "coordinates outside longitude -180..180 or latitude -90..90")))
    arr = _repair(result, arr, skip, labels)
    for i in np.nonzero(~skip)[0]:
        props = dict(properties[i])
        name = names[i] if names is not None else props.get("name")
        result.features.append(Feature(arr[i], props, name if isinstance(name, str) else "",
                                       layers[i] if layers is not None else ""))


def _bad_coordinates(arr: np.ndarray, skip: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per geometry: has a NaN/inf coordinate; has a coordinate outside lon/lat range.
    Made a slice at a time, the GIL passed on between (get_coordinates of the 200,000
    squares at once held it for 80 ms)."""
    flags = in_slices(_coordinate_flags, arr)
    return flags[:, 0] & ~skip, flags[:, 1] & ~skip


def _coordinate_flags(arr: np.ndarray) -> np.ndarray:
    """Rows (a NaN/inf coordinate, a coordinate outside lon/lat range) of ``arr``."""
    n = len(arr)
    coords, index = shapely.get_coordinates(arr, return_index=True)
    nonfinite = ~np.isfinite(coords).all(axis=1)
    with np.errstate(invalid="ignore"):
        off = (np.abs(coords[:, 0]) > 180.0) | (np.abs(coords[:, 1]) > 90.0)
    bad = np.bincount(index[nonfinite], minlength=n) > 0
    outside = np.bincount(index[off & ~nonfinite], minlength=n) > 0
    return np.column_stack([bad, outside])


def _repair(result: ReadResult, arr: np.ndarray, skip: np.ndarray,
            labels: Sequence[str]) -> np.ndarray:
    """Make invalid areas valid; polygons keep only their polygonal parts."""
    todo = np.nonzero(~skip)[0]
    invalid = todo[~shapely.is_valid(arr[todo])]
    if not len(invalid):
        return arr
    arr = arr.copy()
    fixed = shapely.make_valid(arr[invalid], method="structure", keep_collapsed=False)
    kinds = shapely.get_type_id(arr[invalid])
    lost = np.zeros(len(arr), dtype=bool)
    for k, i in enumerate(invalid):
        geom = fixed[k]
        if kinds[k] in _POLYGONAL:
            geom = _polygonal(geom)
        if geom is None or geom.is_empty:
            lost[i] = True
        else:
            arr[i] = geom
    done = [labels[i] for i in invalid if not lost[i]]
    result.repaired += len(done)
    if done:
        result.warnings.append(message(
            QT_TRANSLATE_NOOP("Core", "repaired 1 invalid geometry%2") if len(done) == 1 else
            QT_TRANSLATE_NOOP("Core", "repaired %1 invalid geometries%2"), len(done),
            _names(done)))
    _skip(result, labels, lost, skip, message(QT_TRANSLATE_NOOP(
        "Core", "invalid geometry with no area left after repair")))
    return arr


def _polygonal(geom) -> Polygon | MultiPolygon | None:
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [p for g in shapely.get_parts(geom) for p in shapely.get_parts(g)
             if isinstance(p, Polygon) and not p.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _skip(result: ReadResult, labels: Sequence[str], mask: np.ndarray, skip: np.ndarray,
          reason: Message) -> None:
    if mask.any():
        skip |= mask
        note_skipped(result, [labels[i] for i in np.nonzero(mask)[0]], reason)


def note_skipped(result: ReadResult, labels: Sequence[str], reason: Message) -> None:
    """One warning: ``skipped N features with <reason>: <first few labels>``."""
    if labels:
        result.warnings.append(message(
            QT_TRANSLATE_NOOP("Core", "skipped 1 feature with %2%3") if len(labels) == 1 else
            QT_TRANSLATE_NOOP("Core", "skipped %1 features with %2%3"), len(labels), reason,
            _names(list(labels))))


def unusable(reason: object) -> Message:
    """"an unusable geometry (<what shapely or our check said>)"."""
    return message(QT_TRANSLATE_NOOP("Core", "an unusable geometry (%1)"), reason)


def converted(crs) -> Message:
    return message(QT_TRANSLATE_NOOP("Core", "converted coordinates from %1 to "
                                     "longitude/latitude"), describe(crs))


def _names(labels: list[str]) -> Message:
    """": feature 1, feature 2" (the first NAMED) "and N more"."""
    shown = joined(labels[:NAMED])
    if len(labels) <= NAMED:
        return message(QT_TRANSLATE_NOOP("Core", ": %1"), shown)
    return message(QT_TRANSLATE_NOOP("Core", ": %1 and %2 more"), shown, len(labels) - NAMED)
