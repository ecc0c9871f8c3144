"""Time handling: everything is a timezone-aware UTC datetime; ranges are half-open."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

UTC = timezone.utc

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_DATE = re.compile(r"^\d{8}$")


def to_utc(value: datetime) -> datetime:
    """Return ``value`` as an aware UTC datetime; naive values are taken to be UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time into an aware UTC datetime.

    ``2025-06-13`` means 2025-06-13T00:00:00Z; ``20250613`` is accepted too; a value with a
    UTC offset is converted to UTC; a value without an offset is taken to be UTC.
    Raises ValueError with a readable message otherwise.
    """
    if not isinstance(text, str):
        raise ValueError(f"not a date: {text!r}")
    s = text.strip()
    if _COMPACT_DATE.match(s):
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        if _DATE_ONLY.match(s):
            return datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=UTC)
        if s.endswith(("Z", "z")):
            s = s[:-1] + "+00:00"
        return to_utc(datetime.fromisoformat(s))
    except ValueError:
        raise ValueError(f"not a date or time (expected e.g. 2025-06-13 or "
                         f"2025-06-13T08:00Z): {text!r}") from None


def iso_z(value: datetime) -> str:
    """ISO 8601 in UTC ending in ``Z``: ``2025-06-13T00:00:00Z``."""
    v = to_utc(value)
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if v.microsecond else "%Y-%m-%dT%H:%M:%SZ"
    return v.strftime(fmt)


def gpkg_datetime(value: datetime) -> str:
    """The GeoPackage DATETIME text form: ``YYYY-MM-DDTHH:MM:SS.SSSZ``."""
    v = to_utc(value)
    return v.strftime("%Y-%m-%dT%H:%M:%S.") + f"{v.microsecond // 1000:03d}Z"


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
