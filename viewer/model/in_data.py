"""A date asked for against the dates the data has: before the first state or after the
last one, the map shows the first or last state and says so, in the window's status bar,
the render's caption and a warning on stderr alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.model.situation import Situation
from viewer.model.times import to_utc

SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")


def short_date(t: datetime) -> str:
    """``8 Jul 2024``."""
    t = to_utc(t)
    return f"{t.day} {SHORT_MONTHS[t.month - 1]} {t.year}"


@dataclass(frozen=True)
class InData:
    asked: datetime
    at: datetime                # the time shown: ``asked`` held to the data's span
    note: str | None = None     # "before the first state, 8 Jul 2024"; None when inside

    def warning(self, what: str = "--at") -> str | None:
        """One line for stderr, or None."""
        if self.note is None:
            return None
        return (f"{what} {short_date(self.asked)} is {self.note.split(',')[0]} "
                f"({short_date(self.at)}): showing that state")


def in_data(situation: Situation, t: datetime) -> InData:
    """``t`` against the situation's states (any layer's). Before the first state nothing
    is in force; after the day of the last state, nothing is known. A situation without
    states keeps ``t`` as it is."""
    t = to_utc(t)
    start, end = situation.start, situation.end
    if start is None or end is None or not situation.times:
        return InData(t, t)
    if t < start:
        return InData(t, start, f"before the first state, {short_date(start)}")
    if t > end and t.date() > end.date():      # later the same day is still that day's state
        return InData(t, end, f"after the last state, {short_date(end)}")
    return InData(t, t)
