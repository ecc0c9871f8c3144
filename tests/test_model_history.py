"""History: pieces with validity intervals, changes between consecutive states."""

import pytest
from shapely.geometry import box

from viewer.model import History, parse_time

T = [parse_time(d) for d in ("2025-06-01", "2025-06-02", "2025-06-03", "2025-06-04")]


def _history():
    return History.from_states("a", [
        (T[2], box(0, 0, 1, 2)),   # given out of order on purpose
        (T[0], box(0, 0, 1, 1)),
        (T[1], box(0, 0, 1, 2)),
        (T[3], box(0.5, 0, 1, 2)),
    ])


def test_state_at_selects_the_state_in_force():
    h = _history()
    assert h.state_at(parse_time("2025-05-31")).is_empty
    assert h.state_at(T[0]).area == 1.0
    assert h.state_at(parse_time("2025-06-02T23:59")).area == 2.0
    assert h.state_at(parse_time("2030-01-01")).area == 1.0


def test_identical_consecutive_states_give_no_change():
    h = _history()
    assert [c.at for c in h.changes] == [T[1], T[3]]
    first, second = h.changes
    assert (first.gained.area, first.lost.area) == (1.0, 0.0)
    assert (second.gained.area, second.lost.area) == (0.0, 1.0)


def test_changes_window_is_open_at_start_closed_at_end():
    h = _history()
    assert [c.at for c in h.changes_between(T[1], T[3])] == [T[3]]
    assert [c.at for c in h.changes_between(T[0], T[1])] == [T[1]]


def test_a_local_loss_does_not_copy_the_whole_layer():
    big = box(0, 0, 40, 40).buffer(0.1, quad_segs=2000)   # many vertices: split into pieces
    nibbled = big.difference(box(39, 39, 41, 41))
    h = History.from_states("a", [(T[0], big), (T[1], nibbled)], max_vertices=500)
    first = [p for p in h.pieces if p.valid_from == T[0]]
    assert len(first) > 4
    ended = [p for p in h.pieces if p.valid_to == T[1]]
    assert 0 < len(ended) < len(first) / 2
    assert abs(h.state_at(T[1]).area - nibbled.area) < 1e-6


def test_extended_history_equals_the_one_built_at_once():
    """The daily update: adding states to a history gives the states, changes and areas a
    history built from all the states at once gives."""
    days = [parse_time(f"2025-06-{d:02d}") for d in range(1, 7)]
    areas = [box(0, 0, 1, 1), box(0, 0, 1.5, 1), box(0.2, 0, 1.5, 1), box(0.2, 0, 1.5, 1),
             box(0.2, 0, 1.5, 1.4), box(0.5, 0.1, 1.2, 1.4)]
    whole = History.from_states("l", list(zip(days, areas)))
    first = History.from_states("l", list(zip(days[:3], areas[:3])))
    first.measure_pieces()
    kept = dict(zip(map(id, (p.geometry for p in first.pieces)), first.piece_km2))
    grown = first.extended("l", list(zip(days[3:], areas[3:])))
    assert grown.times == whole.times
    for t in days:
        assert grown.state_at(t).symmetric_difference(whole.state_at(t)).area < 1e-12
    assert [(c.id, c.at) for c in grown.changes] == [(c.id, c.at) for c in whole.changes]
    for c, d in zip(grown.changes, whole.changes):
        assert c.gained.symmetric_difference(d.gained).area < 1e-12
        assert c.lost.symmetric_difference(d.lost).area < 1e-12
    carried = [km2 for p, km2 in zip(grown.pieces, grown.piece_km2) if id(p.geometry) in kept]
    assert carried and all(km2 == km2 for km2 in carried)       # measured areas kept
    with pytest.raises(ValueError, match="not after the last one"):
        first.extended("l", [(days[1], areas[1])])
