"""Timestamped features -> a layer's History: each feature is present over
[valid_from, valid_to) (no valid_to: from then on; a KML TimeStamp alone: from that time
on), and the layer's state at every boundary time is the union of the features present.

Feature times come from ``--time-field`` / ``--end-field``, else ``valid_from`` /
``valid_to`` (KML TimeSpan), else ``timestamp`` (KML TimeStamp), ``date`` or ``time``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.importing.progress import Progress, quiet
from viewer.io.foreign.features import Feature, ReadResult
from viewer.model import History, parse_time, to_utc
from viewer.model.geometry import EMPTY, polygonal
from viewer.model.gil import in_slices
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

START_FIELDS = ("valid_from", "timestamp", "date", "time")
END_FIELD = "valid_to"
# Pieces of a timestamped layer gather its scattered parts by at most this many vertices:
# a feature ending ends (and copies the rest of) the piece holding it, so small pieces
# copy little (100,000 overlapping squares: 2.7 -> 1.1 million piece vertices, file
# 81 -> 37 MiB).
PIECE_VERTICES = 50
_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")      # KML gYear / gYearMonth


def as_time(value) -> datetime:
    """A property value as an aware UTC datetime: ISO 8601 text (a date alone is 00:00 UTC;
    ``2025`` and ``2025-06`` are the first day), a datetime or a date. ValueError if not."""
    if isinstance(value, datetime):
        return to_utc(value)
    if isinstance(value, date):
        return to_utc(datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        return _time_of_text(value)
    raise ValueError(f"not a date or time: {value!r}")


@lru_cache(maxsize=4096)
def _time_of_text(value: str) -> datetime:
    """as_time of a text, remembered: 10⁵ features carry a few dozen distinct dates, and
    strptime is most of the time of reading them (a ValueError is not remembered)."""
    partial = _YEAR_MONTH.match(value)
    if partial and not re.fullmatch(r"\s*\d{8}\s*", value):
        return parse_time(f"{partial.group(1)}-{partial.group(2) or '01'}-01")
    return parse_time(value)


def _present(value) -> bool:
    return value is not None and value != ""


def first_time_field(features: list[Feature], explicit: str | None,
                     candidates: tuple[str, ...]) -> str | None:
    """``explicit`` if given, else the first of ``candidates`` some feature carries."""
    if explicit:
        return explicit
    for name in candidates:
        if any(_present(f.properties.get(name)) for f in features):
            return name
    return None


def is_timestamped(results: list[ReadResult], time_field: str | None = None,
                   end_field: str | None = None) -> bool:
    """Per-feature time ranges rather than a snapshot series: an end time anywhere, or
    one file whose features start at different times."""
    if end_field:
        return True
    for result in results:
        if any(_present(f.properties.get(END_FIELD)) for f in result.features):
            return True
        starts = set()
        for f in result.features:
            field = first_time_field([f], time_field, START_FIELDS)
            if field and _present(f.properties.get(field)):
                starts.add(str(f.properties[field]))
        if len(starts) > 1:
            return True
    return False


@dataclass(eq=False)
class TimedFeature:
    start: datetime
    end: datetime | None        # exclusive; None = open-ended
    geometry: BaseGeometry      # lon/lat
    layer: str                  # the KML folder / GeoPackage table / file it came from


def timed_features(result: ReadResult, time_field: str | None = None,
                   end_field: str | None = None) -> tuple[list[TimedFeature], list[str]]:
    """The features of ``result`` with their time ranges, and warnings for those left out
    (no start, an unreadable time, an end not after the start, not an area)."""
    end_name = end_field or END_FIELD
    out: list[TimedFeature] = []
    problems: dict[Message, list[int]] = {}
    for n, f in enumerate(result.features, start=1):
        why = None
        start_field = first_time_field([f], time_field, START_FIELDS)
        if f.geometry.geom_type not in ("Polygon", "MultiPolygon"):
            why = message(QT_TRANSLATE_NOOP("Core", "not an area"))
        elif start_field is None or not _present(f.properties.get(start_field)):
            why = message(QT_TRANSLATE_NOOP("Core", "no %1"), time_field) if time_field else \
                message(QT_TRANSLATE_NOOP("Core", "no start time (valid_from, timestamp, date "
                                          "or time)"))
        else:
            try:
                start = as_time(f.properties[start_field])
                raw_end = f.properties.get(end_name)
                end = as_time(raw_end) if _present(raw_end) else None
            except ValueError:
                why = message(QT_TRANSLATE_NOOP("Core", "an unreadable time"))
            else:
                if end is not None and end <= start:
                    why = message(QT_TRANSLATE_NOOP("Core", "%1 not after %2"), end_name,
                                  start_field)
        if why:
            problems.setdefault(why, []).append(n)
            continue
        out.append(TimedFeature(start, end, f.geometry, f.layer))
    warnings = [message(QT_TRANSLATE_NOOP("Core", "%1: %2 feature(s) left out, %3 (feature "
                                          "%4)"), result.source, len(ns), why,
                        ", ".join(map(str, ns[:5])) + (", ..." if len(ns) > 5 else ""))
                for why, ns in problems.items()]
    return out, warnings


def history_from_timed(layer_id: str, items: list[TimedFeature],
                       progress: Progress = quiet) -> History:
    """The History whose state at every start or end time is the union of the features
    present then (an end with nothing left present is an empty state).

    The states are never built whole. At every time what was gained is the union of the
    features starting then, less the features present just before that touch it; what
    was lost is the union of those ending then, less the features still present that
    touch it (found with an STRtree). So each feature takes part in one union when it
    starts, one when it ends, and in the few where its neighbours start or end."""
    if not items:
        raise ValueError(f"layer {layer_id!r}: no timestamped features")
    geoms = np.array([i.geometry for i in items], dtype=object)
    start_s = np.array([i.start.timestamp() for i in items])
    end_s = np.array([i.end.timestamp() if i.end else np.inf for i in items])
    times = sorted({i.start for i in items} | {i.end for i in items if i.end})
    when = np.array([t.timestamp() for t in times])
    start = np.searchsorted(when, start_s)
    end = np.searchsorted(when, end_s)           # len(when) for open-ended features
    by_start, by_end = _grouped(start, len(when)), _grouped(end, len(when))
    tree = shapely.STRtree(geoms)

    def present(k: int) -> np.ndarray:
        return (start <= k) & (k < end)

    def steps():
        for k in range(1, len(when)):
            progress("merging", k, len(when))
            yield (times[k], _less_touching(geoms, tree, by_start[k], present(k - 1)),
                   _less_touching(geoms, tree, by_end[k], present(k)))
    history = History.from_changes(layer_id, (times[0], _union(geoms[by_start[0]])), steps(),
                                   max_vertices=PIECE_VERTICES)
    progress("merging", len(when), len(when))
    return history


def _grouped(index: np.ndarray, n: int) -> list[np.ndarray]:
    """For every time 0..n-1 the features whose ``index`` is that time."""
    order = np.argsort(index, kind="stable")
    bounds = np.searchsorted(index[order], np.arange(n + 1))
    return [order[bounds[k]:bounds[k + 1]] for k in range(n)]


def _less_touching(geoms: np.ndarray, tree: shapely.STRtree, chosen: np.ndarray,
                   others: np.ndarray) -> BaseGeometry:
    """The union of ``geoms[chosen]`` less the features of mask ``others`` touching it.

    Every chosen feature loses its own neighbours first, one neighbour per round for all
    of them at once (small, vectorised differences). Only the rests of chosen features
    that touch another chosen one are then merged (one union_all); a rest that touches
    none is already one of the union's parts, disjoint from every other (10⁵ scattered
    features merge in a fraction of the time of one union of them all)."""
    if not len(chosen):
        return EMPTY
    rests = geoms[chosen].copy()
    mine, near = tree.query(rests, predicate="intersects")
    among = np.zeros(len(geoms), dtype=bool)
    among[chosen] = True
    pair = among[near] & (chosen[mine] != near)
    lonely = np.ones(len(chosen), dtype=bool)
    lonely[mine[pair]] = False
    keep = others[near]
    mine, near = mine[keep], near[keep]
    order = np.argsort(mine, kind="stable")
    mine, near = mine[order], near[order]
    rank = np.arange(len(mine)) - np.searchsorted(mine, mine)   # nth neighbour of its own
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        at = rank == r
        rests[mine[at]] = shapely.difference(rests[mine[at]], geoms[near[at]])
    merged = shapely.union_all(rests[~lonely]) if (~lonely).any() else EMPTY
    parts = in_slices(lambda a: shapely.get_parts(shapely.get_parts(a)),   # (GIL passed on)
                      np.concatenate([rests[lonely], [merged]]))
    parts = parts[(shapely.get_type_id(parts) == shapely.GeometryType.POLYGON)
                  & ~shapely.is_empty(parts)]
    return shapely.multipolygons(parts) if len(parts) else EMPTY


def _union(geoms: np.ndarray) -> BaseGeometry:
    return polygonal(shapely.union_all(geoms)) if len(geoms) else EMPTY
