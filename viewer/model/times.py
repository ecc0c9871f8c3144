"""Time handling: everything is a timezone-aware UTC datetime; ranges are half-open."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from viewer.model.messages import QT_TRANSLATE_NOOP, message

UTC = timezone.utc

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_DATE = re.compile(r"^\d{8}$")


def to_utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC datetime; naive values are taken to be UTC.
    Raises ValueError when the UTC time falls outside years 1-9999 (e.g.
    9999-12-31T23:00-05:00)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError(message(QT_TRANSLATE_NOOP(
            "Core", "%1 is outside years 1-9999 in UTC"), value.isoformat())) from None


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time into an aware UTC datetime.

    ``2025-06-13`` means 2025-06-13T00:00:00Z; ``20250613`` is accepted too; a value with a
    UTC offset is converted to UTC; a value without an offset is taken to be UTC.
    Times must lie within years 1-9999 (in UTC). Raises ValueError with a readable
    message otherwise.
    """
    if not isinstance(text, str):
        raise ValueError(message(QT_TRANSLATE_NOOP(
            "Core", "not a date: %1"), _shown(text)))
    s = text.strip()
    if _COMPACT_DATE.match(s):
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        if _DATE_ONLY.match(s):
            return datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=UTC)
        if s.endswith(("Z", "z")):
            s = s[:-1] + "+00:00"
        parsed = datetime.fromisoformat(s)
    except ValueError:
        raise ValueError(message(QT_TRANSLATE_NOOP(
            "Core", "not a date or time (expected e.g. 2025-06-13 or 2025-06-13T08:00Z): %1"),
            _shown(text))) from None
    return to_utc(parsed)


def _shown(value, limit: int = 60) -> str:
    """``repr(value)``, cut short: a message never carries a megabyte of bad input."""
    text = repr(value[:limit + 1] if isinstance(value, (str, bytes)) else value)
    return text if len(text) <= limit else text[:limit] + "…"


def _date_time(v: datetime) -> str:
    # not strftime: its %Y gives "1", not "0001", for years before 1000 on glibc
    return f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"


def iso_z(value: datetime) -> str:
    """ISO 8601 in UTC ending in ``Z``: ``2025-06-13T00:00:00Z``."""
    v = to_utc(value)
    return _date_time(v) + (f".{v.microsecond:06d}Z" if v.microsecond else "Z")


def gpkg_datetime(value: datetime) -> str:
    """The GeoPackage DATETIME text form: ``YYYY-MM-DDTHH:MM:SS.SSSZ``."""
    v = to_utc(value)
    return _date_time(v) + f".{v.microsecond // 1000:03d}Z"


def shifted(t: datetime, delta: timedelta) -> datetime:
    """``t + delta``, held at the first or last representable time instead of overflowing
    (a highlight window or a step before year 1 or after 9999)."""
    try:
        return t + delta
    except OverflowError:
        return (datetime.max if delta > timedelta(0) else datetime.min).replace(tzinfo=UTC)


@dataclass(frozen=True)
class TimeRange:
    """A half-open interval [start, end); ``end=None`` means open-ended."""

    start: datetime
    end: datetime | None = None

    def __contains__(self, t: datetime) -> bool:
        return self.start <= t and (self.end is None or t < self.end)

    @property
    def duration(self) -> timedelta | None:
        return None if self.end is None else self.end - self.start
