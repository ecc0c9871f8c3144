"""The front line measured a chunk at a time gives the figures of the whole at once.

The front's segments are cut, and their probes tested, a group of pieces at a time (the
5-year series' arrays of every segment never exist at once), and its series is summed
over chunks of segments: the segments, their pairs and the lengths must be those of a
single group and a single sum, bit for bit. The lengths are also checked against pyproj
(the perimeter of each state, its inner seams left out), and no measuring may prepare
the situation's own geometries (the GUI's: a worker prepares private copies only).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import box

from factories import D
from viewer.analysis import front_segments
from viewer.analysis.front_line import FrontLine
from viewer.analysis.piece_snapshot import over_intervals, over_intervals_in_chunks
from viewer.analysis.settlement_status import SettlementStatus
from viewer.model import History, Layer, Place, Situation

GEOD = Geod(ellps="WGS84")
FIELDS = ("runs", "points", "starts", "km", "partner", "other")


def replayed() -> Situation:
    """A row of squares growing east a day at a time, then shrinking back (as the growth
    benchmark replays the snapshots), and a second row north of it: pieces that share
    edges while both are valid, and pieces that repeat in space at other times."""
    squares = [box(30 + 0.1 * k, 48.0, 30.1 + 0.1 * k, 48.1) for k in range(8)]
    north = [box(30 + 0.1 * k, 48.1, 30.1 + 0.1 * k, 48.2) for k in range(8)]
    sizes = list(range(1, 9)) + list(range(7, 0, -1)) + list(range(2, 6))
    states = [(D[1] + timedelta(days=day), shapely.union_all(squares[:n] + north[:max(1, n - 3)]))
              for day, n in enumerate(sizes)]
    return Situation(layers=[Layer("l", "L", "assessed-control",
                                   History.from_states("l", states))])


def measured(situation: Situation, monkeypatch, group: int, chunk: int) -> FrontLine:
    monkeypatch.setattr(front_segments, "_GROUP", group)
    monkeypatch.setattr(front_segments, "_CHUNK", chunk)
    front = FrontLine(situation)
    front.series("l")
    return front


def test_segments_cut_in_small_groups_are_those_of_one_group(monkeypatch):
    situation = replayed()
    pieces = len(situation.layer("l").history.pieces)
    assert pieces >= 12                                 # several groups of 3 below
    whole = measured(situation, monkeypatch, 10 ** 6, 10 ** 6)
    parts = measured(situation, monkeypatch, 3, 2)
    a, b = whole._segments["l"], parts._segments["l"]
    assert len(a.partner) > 100 and len(a.km) > 500     # seams shared, many segments
    for field in FIELDS:
        assert np.array_equal(getattr(a, field), getattr(b, field)), field
        assert getattr(a, field).dtype == getattr(b, field).dtype, field
    assert np.array_equal(whole.series("l"), parts.series("l"))
    for k in (0, 7, 14):
        assert parts.line_at_index("l", k).equals(whole.line_at_index("l", k))


def test_the_series_summed_in_chunks_is_the_whole_sum(monkeypatch):
    """The old whole-array formula, from the segments themselves."""
    front = measured(replayed(), monkeypatch, 3, 2)
    seg, layer = front._segments["l"], front._layers["l"]
    first, last, n = layer.first, layer.last, len(layer.times)
    piece = seg.piece
    own = piece[seg.partner]
    since = np.maximum(first[own], first[seg.other])
    until = np.minimum(last[own], last[seg.other])
    both = since < until
    edges = over_intervals(n, first[piece], last[piece], seg.km)
    shared = over_intervals(n, since[both], until[both], seg.km[seg.partner[both]])
    assert np.array_equal(front.series("l"), np.maximum(edges - shared, 0.0))


def test_the_series_is_each_states_outer_boundary():
    """Without regions every edge counts but the seams inside a state: its perimeter."""
    situation = replayed()
    front = FrontLine(situation).measure_all()
    history = situation.layer("l").history
    for k, t in enumerate(history.times):
        state = shapely.union_all([p.geometry for p in history.pieces
                                   if p.valid_from <= t and (p.valid_to is None or t < p.valid_to)])
        want = GEOD.geometry_length(shapely.segmentize(state.exterior, 0.001)) / 1000
        assert front.series("l")[k] == pytest.approx(want, rel=1e-3), k


def test_over_intervals_in_chunks_adds_as_the_whole_does():
    rng = np.random.default_rng(7)
    n, count = 40, 1_000
    since = rng.integers(0, n, count)
    until = np.minimum(since + rng.integers(1, 20, count), n)
    values = rng.random(count) * 10.0 ** rng.integers(-3, 4, count)
    whole = over_intervals(n, since, until, values)
    for chunk in (1, 7, 999, 5_000):
        got = over_intervals_in_chunks(
            n, count, lambda a, b: (since[a:b], until[a:b], values[a:b]), chunk)
        assert np.array_equal(got, whole), chunk


def test_measuring_never_prepares_the_situations_own_geometries():
    situation = replayed()
    history = situation.layer("l").history
    places = [Place(f"p{k}", {"en": f"P{k}"}, 30.05 + 0.1 * k, 48.05) for k in range(8)]
    FrontLine(situation).measure_all()
    SettlementStatus(situation, places, tolerance_m=0).measure_all()
    status = SettlementStatus(situation, places)
    status.measure_all()
    assert not shapely.is_prepared([p.geometry for p in history.pieces]).any()
    inside = status.statuses("l")
    assert inside[0, 0] == 2 and inside[0, 1] == 0      # the first square only, at first


def test_no_pieces_no_segments():
    """A layer without pieces (the fuzzer's damaged files): no segments, no pairs."""
    from viewer.analysis.front_segments import cut
    empty = np.empty(0, dtype=object)
    seg = cut(empty, np.zeros(0, np.int64), np.zeros(0, np.int64), None)
    assert len(seg.km) == 0 and len(seg.partner) == 0 and list(seg.runs) == [0]
