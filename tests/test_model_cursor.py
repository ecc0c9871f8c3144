"""The time cursor holds navigation logic: clamping, stepping between changes, playing."""

from viewer.model import parse_time
from viewer.model.cursor import TimeCursor

S, E = parse_time("2025-05-26"), parse_time("2025-06-30")
STOPS = [parse_time("2025-06-08"), parse_time("2025-06-13")]


def test_time_is_clamped_to_the_span_and_emits_once_per_change():
    c = TimeCursor(S, E, STOPS)
    seen = []
    c.time_changed.connect(seen.append)
    c.set_time(parse_time("2020-01-01"))      # already at start: no event
    c.set_time(parse_time("2031-01-01"))
    assert seen == [E]


def test_next_and_previous_change():
    c = TimeCursor(S, E, STOPS)
    c.next_change()
    assert c.time == STOPS[0]
    c.next_change()
    assert c.time == STOPS[1]
    c.next_change()                          # no later change: stays
    assert c.time == STOPS[1]
    c.set_time(parse_time("2025-06-10"))
    c.previous_change()
    assert c.time == STOPS[0]


def test_play_ticks_by_step_and_stops_at_the_end():
    c = TimeCursor(S, E, STOPS)
    c.last()
    c.set_playing(True)                      # from the end: restarts at the start
    assert c.time == S and c.playing
    for _ in range(100):
        c.tick()
    assert c.time == E and not c.playing
