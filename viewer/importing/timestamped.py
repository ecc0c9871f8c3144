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

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.io.foreign.features import Feature, ReadResult
from viewer.model import History, parse_time, to_utc
from viewer.model.geometry import EMPTY, polygonal

START_FIELDS = ("valid_from", "timestamp", "date", "time")
END_FIELD = "valid_to"
_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")      # KML gYear / gYearMonth


def as_time(value) -> datetime:
    """A property value as an aware UTC datetime: ISO 8601 text (a date alone is 00:00 UTC;
    ``2025`` and ``2025-06`` are the first day), a datetime or a date. ValueError if not."""
    if isinstance(value, datetime):
        return to_utc(value)
    if isinstance(value, date):
        return to_utc(datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        partial = _YEAR_MONTH.match(value)
        if partial and not re.fullmatch(r"\s*\d{8}\s*", value):
            return parse_time(f"{partial.group(1)}-{partial.group(2) or '01'}-01")
        return parse_time(value)
    raise ValueError(f"not a date or time: {value!r}")


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
    problems: dict[str, list[int]] = {}
    for n, f in enumerate(result.features, start=1):
        why = None
        start_field = first_time_field([f], time_field, START_FIELDS)
        if f.geometry.geom_type not in ("Polygon", "MultiPolygon"):
            why = "not an area"
        elif start_field is None or not _present(f.properties.get(start_field)):
            why = f"no {time_field or 'start time (valid_from, timestamp, date or time)'}"
        else:
            try:
                start = as_time(f.properties[start_field])
                raw_end = f.properties.get(end_name)
                end = as_time(raw_end) if _present(raw_end) else None
            except ValueError:
                why = "an unreadable time"
            else:
                if end is not None and end <= start:
                    why = f"{end_name} not after {start_field}"
        if why:
            problems.setdefault(why, []).append(n)
            continue
        out.append(TimedFeature(start, end, f.geometry, f.layer))
    warnings = [f"{result.source}: {len(ns)} feature(s) left out, {why} "
                f"(feature {', '.join(map(str, ns[:5]))}{', ...' if len(ns) > 5 else ''})"
                for why, ns in problems.items()]
    return out, warnings


def history_from_timed(layer_id: str, items: list[TimedFeature]) -> History:
    """The History whose state at every start or end time is the union of the features
    present then (an end with nothing left present is an empty state)."""
    if not items:
        raise ValueError(f"layer {layer_id!r}: no timestamped features")
    starts = np.array([i.start.timestamp() for i in items])
    ends = np.array([i.end.timestamp() if i.end else np.inf for i in items])
    geoms = np.array([i.geometry for i in items], dtype=object)
    boundaries = sorted({i.start for i in items} | {i.end for i in items if i.end})
    states = []
    for t in boundaries:
        chosen = geoms[(starts <= t.timestamp()) & (t.timestamp() < ends)]
        states.append((t, polygonal(shapely.union_all(chosen)) if len(chosen) else EMPTY))
    return History.from_states(layer_id, states)
