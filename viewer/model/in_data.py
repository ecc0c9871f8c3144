"""A date asked for against the dates the data has: before the first state or after the
last one, the map shows the first or last state and says so, in the window's status bar,
the render's caption and a warning on stderr alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message
from viewer.model.situation import Situation
from viewer.model.times import to_utc

SHORT_MONTHS = (QT_TRANSLATE_NOOP("Core", "Jan"), QT_TRANSLATE_NOOP("Core", "Feb"),
                QT_TRANSLATE_NOOP("Core", "Mar"), QT_TRANSLATE_NOOP("Core", "Apr"),
                QT_TRANSLATE_NOOP("Core", "May"), QT_TRANSLATE_NOOP("Core", "Jun"),
                QT_TRANSLATE_NOOP("Core", "Jul"), QT_TRANSLATE_NOOP("Core", "Aug"),
                QT_TRANSLATE_NOOP("Core", "Sep"), QT_TRANSLATE_NOOP("Core", "Oct"),
                QT_TRANSLATE_NOOP("Core", "Nov"), QT_TRANSLATE_NOOP("Core", "Dec"))
BEFORE = QT_TRANSLATE_NOOP("Core", "before the first state, %1")
AFTER = QT_TRANSLATE_NOOP("Core", "after the last state, %1")


def short_date(t: datetime) -> str:
    """``8 Jul 2024``."""
    return str(Day(t))


@dataclass(frozen=True)
class Day:
    """A date as a value of a ``Message``: ``8 Jul 2024``, ``8 лип. 2024`` in Ukrainian."""
    t: datetime

    def __str__(self) -> str:
        return self.text(lambda context, text: text)

    def text(self, translate) -> str:
        t = to_utc(self.t)
        return f"{t.day} {translate('Core', SHORT_MONTHS[t.month - 1])} {t.year}"


@dataclass(frozen=True)
class InData:
    asked: datetime
    at: datetime                # the time shown: ``asked`` held to the data's span
    note: Message | None = None  # "before the first state, 8 Jul 2024"; None when inside

    def warning(self, what: str = "--at") -> Message | None:
        """One line for stderr, or None."""
        if self.note is None:
            return None
        template = (QT_TRANSLATE_NOOP("Core", "%1 %2 is before the first state (%3): "
                                      "showing that state") if self.note.template == BEFORE
                    else QT_TRANSLATE_NOOP("Core", "%1 %2 is after the last state (%3): "
                                           "showing that state"))
        return message(template, what, Day(self.asked), Day(self.at))

    def status(self) -> Message | None:
        """For a status bar: "8 Jul 2024 is before the first state, 9 Jul 2024: showing
        that state", or None."""
        if self.note is None:
            return None
        return message(QT_TRANSLATE_NOOP("Core", "%1 is %2: showing that state"),
                       Day(self.asked), self.note)


def in_data(situation: Situation, t: datetime) -> InData:
    """``t`` against the situation's states (any layer's). Before the first state nothing
    is in force; after the day of the last state, nothing is known. A situation without
    states keeps ``t`` as it is."""
    t = to_utc(t)
    start, end = situation.start, situation.end
    if start is None or end is None or not situation.times:
        return InData(t, t)
    if t < start:
        return InData(t, start, message(BEFORE, Day(start)))
    if t > end and t.date() > end.date():      # later the same day is still that day's state
        return InData(t, end, message(AFTER, Day(end)))
    return InData(t, t)
