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


def test_a_window_held_to_a_start_follows_the_time_with_one_time_signal():
    c = TimeCursor(S, E, STOPS, highlight_days=7.0)
    c.set_time(parse_time("2025-06-10"))
    seen = []
    c.time_changed.connect(lambda t: seen.append(("time", t, c.highlight_days)))
    c.highlight_changed.connect(lambda d: seen.append(("days", d)))
    c.set_highlight_since(parse_time("2025-06-01"))
    assert seen == [("days", 9.0)]
    seen.clear()
    c.set_time(parse_time("2025-06-13"))       # one signal, whose listeners see (1, 13]
    assert seen == [("time", parse_time("2025-06-13"), 12.0)]
    c.set_highlight_days(12.0)                 # its length now: still held to 1 June
    assert c.highlight_since == parse_time("2025-06-01")
    c.set_highlight_since(None)
    assert c.highlight_days == 7.0 and c.highlight_since is None
    c.set_highlight_since(parse_time("2025-06-01"))
    c.set_highlight_days(3.0)                  # a new length ends the held window
    c.set_time(parse_time("2025-06-20"))
    assert c.highlight_days == 3.0 and c.highlight_since is None
