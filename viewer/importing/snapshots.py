"""A dated snapshot series -> a layer's History: each snapshot is the layer's whole area at
one date; consecutive snapshots give the changes, without the slivers of re-digitising.

A snapshot's date comes from a property every feature of the file shares (``--time-field``,
else ``date``, ``time``, ``timestamp`` or ``valid_from``) or else from the file name
(by default 8 digits, YYYYMMDD or YYYY-MM-DD; ``--date-pattern`` for others). Features
of one file are unioned. Dates may come unordered and with gaps; two files with one
date are an error naming both.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

import shapely
from shapely.geometry.base import BaseGeometry

from viewer.importing.slivers import SliverFilter
from viewer.importing.timestamped import (END_FIELD, as_time, first_time_field, is_timestamped,
                                         timed_features)
from viewer.io.errors import SituationError, reason
from viewer.io.foreign.features import ReadResult
from viewer.model import History, iso_z
from viewer.model.geometry import EMPTY, polygonal
from viewer.model.gain_loss import gain_and_loss
from viewer.model.messages import QT_TRANSLATE_NOOP, message

DATE_PROPERTIES = ("date", "time", "timestamp", "valid_from")
DATE_IN_NAME = r"(?<!\d)(\d{4}-\d{2}-\d{2}|\d{8})(?!\d)"
_SEPARATED = re.compile(r"^(\d{4})[-_./](\d{2})[-_./](\d{2})$")
HUGE_VERTICES = 200_000     # snapshots this large are compared one pair at a time


@dataclass(eq=False)
class Snapshot:
    source: str                 # the file it came from
    at: datetime
    geometry: BaseGeometry      # lon/lat, the union of the file's areas
    ignored: int = 0            # features that are not areas (points, lines), left out


def snapshot_of(result: ReadResult, time_field: str | None = None,
                date_pattern: str | None = None) -> Snapshot:
    """The snapshot a reader's result holds; SituationError when it has no date."""
    at = _date_from_properties(result, time_field)
    if at is None:
        at = date_from_name(result.source, date_pattern)
    geoms = [f.geometry for f in result.features
             if f.geometry.geom_type in ("Polygon", "MultiPolygon")]
    if not geoms:
        geom = EMPTY
    elif len(geoms) == 1:
        geom = geoms[0]
    else:
        geom = polygonal(shapely.union_all(geoms))
    return Snapshot(result.source, at, geom, len(result.features) - len(geoms))


def file_snapshots(result: ReadResult, time_field: str | None = None,
                   date_pattern: str | None = None) -> list[Snapshot]:
    """A file's snapshots: one, or one per date when its features carry several dates."""
    if date_pattern is None and is_timestamped([result], time_field):
        return dated_snapshots(result, time_field)
    return [snapshot_of(result, time_field, date_pattern)]


def dated_snapshots(result: ReadResult, time_field: str | None = None) -> list[Snapshot]:
    """The snapshots one file holds when its features are dated areas of one layer (as
    ``ogr2ogr`` makes from a folder of snapshots): the areas of each date unioned."""
    items, _ = timed_features(result, time_field)
    by_date: dict[datetime, list[BaseGeometry]] = {}
    for item in items:
        by_date.setdefault(item.start, []).append(item.geometry)
    ignored = len(result.features) - len(items)
    return [Snapshot(f"{result.source} ({iso_z(at)})", at,
                     geoms[0] if len(geoms) == 1 else polygonal(shapely.union_all(geoms)),
                     ignored if i == 0 else 0)
            for i, (at, geoms) in enumerate(sorted(by_date.items(), key=lambda kv: kv[0]))]


def is_dated_series(results: list[ReadResult], time_field: str | None = None) -> bool:
    """Whether files whose features start at different times are really a snapshot
    series: no end times, every area dated, one layer per file, and exactly one area per
    date (what a folder of daily snapshots merged into one file looks like)."""
    found = False
    for result in results:
        if any(f.properties.get(END_FIELD) not in (None, "") for f in result.features):
            return False
        areas = [f for f in result.features if f.geometry.geom_type in ("Polygon",
                                                                        "MultiPolygon")]
        items, _ = timed_features(result, time_field)
        if len(items) != len(areas) or len({i.layer for i in items}) > 1:
            return False
        dates = [i.start for i in items]
        if len(set(dates)) != len(dates):
            return False
        found = found or len(dates) > 1
    return found


def date_from_name(path: str, pattern: str | None = None) -> datetime:
    """The date in the file name of ``path`` (named group ``date``, else the first group,
    else the whole match of ``pattern``); SituationError if there is none."""
    name = os.path.basename(path)
    regex = re.compile(pattern or DATE_IN_NAME)
    m = regex.search(name)
    if m is None and pattern:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "no snapshot date: the name does not match --date-pattern %1"),
            repr(pattern)))
    if m is None:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "no snapshot date: no date in the file name (YYYYMMDD or YYYY-MM-DD) and "
                    "no date, time, timestamp or valid_from property; use --time-field or "
                    "--date-pattern")))
    if "date" in regex.groupindex:
        text = m.group("date")
    else:
        text = m.group(1) if regex.groups else m.group(0)
    sep = _SEPARATED.match(text or "")
    if sep:
        text = "-".join(sep.groups())
    try:
        return as_time(text)
    except ValueError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "no snapshot date: %1"), reason(exc))) from None


def _date_from_properties(result: ReadResult, time_field: str | None) -> datetime | None:
    field = first_time_field(result.features, time_field, DATE_PROPERTIES)
    if field is None:
        return None
    present = [f.properties[field] for f in result.features
               if f.properties.get(field) not in (None, "")]
    if not present:                     # only an explicit --time-field can be absent
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no feature has the property %1 (--time-field)"), repr(field)))
    distinct = sorted({str(v) for v in present})
    if len(distinct) > 1:
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "features carry different %1 values (%2...), so this is no snapshot"),
            field, ', '.join(distinct[:3])))
    try:
        return as_time(present[0])
    except ValueError as exc:
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "%1: %2"), field, reason(exc))) from None


def check_unique_dates(snapshots: list[Snapshot]) -> list[Snapshot]:
    """The snapshots in time order; SituationError naming both files of a repeated date."""
    ordered = sorted(snapshots, key=lambda s: s.at)
    for a, b in zip(ordered, ordered[1:]):
        if a.at == b.at:
            raise SituationError(b.source, message(QT_TRANSLATE_NOOP(
                "Core", "has the same snapshot date, %1, as %2"), iso_z(b.at), a.source))
    return ordered


class _Replay:
    """A History.from_states stepper fed with raw changes computed ahead, in threads
    (shapely releases the GIL), or one at a time as asked when there is no ``pool``,
    through the sliver filter when there is one."""

    def __init__(self, geoms: list[BaseGeometry], pool: ThreadPoolExecutor | None,
                 sliver_filter: SliverFilter | None):
        self._geoms = geoms
        self._futures = [pool.submit(gain_and_loss, a, b) for a, b in zip(geoms, geoms[1:])] \
            if pool is not None else None
        self._filter = sliver_filter
        self._i = 0

    def step(self, prev: BaseGeometry, state: BaseGeometry):
        i, self._i = self._i, self._i + 1
        if self._futures is None:
            gained, lost = gain_and_loss(prev, state)
        elif prev is self._geoms[i] and state is self._geoms[i + 1]:
            gained, lost = self._futures[i].result()
        else:                                # from_states repaired one: measure that
            gained, lost = gain_and_loss(prev, state)
        return (gained, lost) if self._filter is None else self._filter.step_raw(gained, lost)

    def carried(self, state: BaseGeometry) -> BaseGeometry:
        return state if self._filter is None else self._filter.carried(state)


def history_from_snapshots(layer_id: str, snapshots: list[Snapshot], min_width_m: float = 10.0,
                           min_area_km2: float = 0.01,
                           workers: int | None = None) -> tuple[History, SliverFilter | None]:
    """The layer's History (one state per snapshot) and the sliver filter used (None when
    both thresholds are 0), whose ``dropped`` counts the parts left out."""
    ordered = check_unique_dates(snapshots)
    geoms = [s.geometry for s in ordered]
    bounds = shapely.total_bounds([g for g in geoms if not g.is_empty] or [EMPTY])
    sliver_filter = None
    if (min_width_m > 0 or min_area_km2 > 0) and len(geoms) > 1 and all(
            b == b for b in bounds):
        sliver_filter = SliverFilter(tuple(bounds), min_width_m, min_area_km2)
    states = [(s.at, s.geometry) for s in ordered]
    if max(shapely.get_num_coordinates(geoms), default=0) > HUGE_VERTICES:
        # one overlay of such states at a time: each holds hundreds of bytes a vertex
        # while it runs, and three at once (two differences and the first state's cut)
        # took 3.8 GB for 2,000,000-vertex snapshots
        return History.from_states(layer_id, states, stepper=_Replay(geoms, None,
                                                                     sliver_filter)), \
            sliver_filter
    workers = workers or min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        replay = _Replay(geoms, pool, sliver_filter)
        history = History.from_states(layer_id, states, stepper=replay)
    return history, sliver_filter
