"""The time cursor: current time, step, play state, speed and highlight window.

It holds all time-navigation logic so widgets only reflect it (QGIS keeps this in
QgsTemporalNavigationObject, its controller widget only shows it). The play clock
itself belongs to the UI: a timer calls ``tick()`` every ``interval_ms``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta

from psygnal import Signal

from viewer.model.times import shifted, to_utc

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)   # steps per second



def held_days(since: datetime, t: datetime) -> float:
    """The length in days of the window (since, t] (0 before ``since``): the highlight
    window held to a start, as the cursor gives it at ``t`` (prebuild_windows makes those
    windows ahead with this same number)."""
    return max((t - since).total_seconds() / 86400, 0.0)

class TimeCursor:
    time_changed = Signal(object)       # datetime
    playing_changed = Signal(bool)
    speed_changed = Signal(float)
    highlight_changed = Signal(float)   # days
    span_changed = Signal(object, object)

    def __init__(self, start: datetime, end: datetime, stops: list[datetime] | None = None,
                 step: timedelta = timedelta(days=1), highlight_days: float = 7.0):
        self.step = step
        self._time = to_utc(start)
        self._playing = False
        self._speed = 2.0
        self._highlight = float(highlight_days)
        self._since: datetime | None = None     # the window starts here (see below)
        self.set_span(start, end, stops or [])

    # -- span and stops ----------------------------------------------------------------
    def set_span(self, start: datetime, end: datetime, stops: list[datetime]) -> None:
        """The situation's span and the times where something changes."""
        self.start, self.end = to_utc(start), to_utc(end)
        if self.end < self.start:
            raise ValueError("time span ends before it starts")
        self.stops = sorted({to_utc(s) for s in stops if self.start <= to_utc(s) <= self.end})
        self.span_changed.emit(self.start, self.end)
        self.set_time(self._time)

    # -- time --------------------------------------------------------------------------
    @property
    def time(self) -> datetime:
        return self._time

    def set_time(self, t: datetime) -> None:
        t = min(max(to_utc(t), self.start), self.end)
        if t != self._time:
            self._time = t
            # one signal: while the window is held to a start (highlight_since), its
            # length follows the time and the listeners read it from here
            self.time_changed.emit(t)

    def first(self) -> None:
        self.set_time(self.start)

    def last(self) -> None:
        self.set_time(self.end)

    def next_change(self) -> None:
        i = bisect_right(self.stops, self._time)
        if i < len(self.stops):
            self.set_time(self.stops[i])

    def previous_change(self) -> None:
        i = bisect_left(self.stops, self._time)
        if i > 0:
            self.set_time(self.stops[i - 1])

    def step_by(self, n: int) -> None:
        self.set_time(shifted(self._time, n * self.step))

    # -- playing -----------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._playing

    def set_playing(self, playing: bool) -> None:
        playing = bool(playing)
        if playing and self._time >= self.end:
            self.first()            # play from the start when at the end, like a video
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    def toggle_play(self) -> None:
        self.set_playing(not self._playing)

    def tick(self) -> None:
        """One step of playback; stops at the end of the span."""
        if not self._playing:
            return
        self.set_time(shifted(self._time, self.step))
        if self._time >= self.end:
            self.set_playing(False)

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, steps_per_second: float) -> None:
        if steps_per_second <= 0:
            raise ValueError("speed must be positive")
        if steps_per_second != self._speed:
            self._speed = float(steps_per_second)
            self.speed_changed.emit(self._speed)

    @property
    def interval_ms(self) -> int:
        return max(15, int(1000 / self._speed))

    # -- highlight window --------------------------------------------------------------
    @property
    def highlight_days(self) -> float:
        if self._since is not None:
            return held_days(self._since, self._time)
        return self._highlight

    @property
    def highlight_since(self) -> datetime | None:
        return self._since

    def set_highlight_days(self, days: float) -> None:
        """A window of ``days`` before the time, wherever the time goes (it ends a
        window held to a start, unless it is that window's length now)."""
        if days < 0:
            raise ValueError("highlight window can't be negative")
        if days != self.highlight_days:
            self._since = None
            self._highlight = float(days)
            self.highlight_changed.emit(self._highlight)

    def set_highlight_since(self, since: datetime | None) -> None:
        """Hold the window's start at ``since`` (comparing two dates: the window is
        (since, time]; a time step emits ``time_changed`` only, and ``highlight_days``
        is the new length then); None: back to the window of ``set_highlight_days``."""
        before = self.highlight_days
        self._since = None if since is None else to_utc(since)
        if self.highlight_days != before:
            self.highlight_changed.emit(self.highlight_days)
