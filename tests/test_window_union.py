"""The sliding unions of a highlight window give what uniting its changes afresh gives,
however the window moves (both ends forward, back, jumps, other windows between)."""

from __future__ import annotations

import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from viewer.model.geometry import polygonal
from viewer.render.window_parts import Parts
from viewer.render.window_union import SlidingUnion, WindowUnions


class _Change:
    def __init__(self, i: int):
        x = (i * 0.37) % 3.0
        self.gained = box(x, i * 0.1, x + 0.5, i * 0.1 + 0.4)
        if i % 4 == 1:          # a collection: an area and a stray line beside it
            self.gained = shapely.GeometryCollection(
                [self.gained, shapely.LineString([(x, 5), (x + 1, 6)])])
        self.lost = (box(x + 0.2, 0.0, x + 0.3, 1.0), shapely.GeometryCollection(),
                     shapely.MultiPolygon())[i % 3]      # empties of both kinds read


CHANGES = {f"c{i}": _Change(i) for i in range(40)}
IDS = list(CHANGES)


def _fresh(ids):
    gained = polygonal(shapely.union_all([polygonal(CHANGES[i].gained) for i in ids]))
    lost = polygonal(shapely.union_all([polygonal(CHANGES[i].lost) for i in ids]))
    return shapely.difference(gained, lost), shapely.difference(lost, gained)


def _gains(ids):
    return shapely.union_all([CHANGES[i].gained for i in ids])


def _same(a, b) -> bool:
    return shapely.area(shapely.symmetric_difference(a, b)) < 1e-9


windows = st.lists(st.tuples(st.integers(0, 39), st.integers(0, 12)), min_size=1, max_size=30)


@given(windows)
@settings(max_examples=60, deadline=None)
def test_any_sequence_of_windows_gives_the_fresh_unions(spans):
    unions = WindowUnions(CHANGES.__getitem__)
    for start, length in spans:
        ids = IDS[start:start + length]
        for got, expected in zip(unions.merged(ids), _fresh(ids)):
            assert got.is_valid and _same(got, expected), (start, length)


def test_sliding_by_one_change_unites_one_change_not_the_window():
    calls = []

    def geometry(i):
        calls.append(i)
        return Parts.of(CHANGES[i].gained)
    union = SlidingUnion(geometry)
    union.union(IDS[0:30])
    calls.clear()
    for b in range(31, 40):                 # B moves on, A stays
        got = union.union(IDS[0:b]).geometry()
        assert calls == [IDS[b - 1]]
        assert _same(got, _gains(IDS[0:b]))
        calls.clear()
    looked = 0
    for a in range(1, 10):                  # both ends move on
        got = union.union(IDS[a:39 + min(a, 1)]).geometry()
        looked += len(calls)
        calls.clear()
        assert _same(got, _gains(IDS[a:39 + min(a, 1)]))
    assert looked <= 1                      # one new change; the leaving ones cost nothing


def test_a_window_growing_at_its_new_end_keeps_its_merged_areas_right():
    unions = WindowUnions(CHANGES.__getitem__)
    for end in list(range(6, 30)) + [33, 37, 40]:        # B moves by one, then by more
        ids = IDS[5:end]
        for got, expected in zip(unions.merged(ids), _fresh(ids)):
            assert got.is_valid and _same(got, expected), end


class _Plain:
    def __init__(self, gained, lost):
        self.gained, self.lost = gained, lost


def test_ground_lost_then_gained_again_in_the_window_is_neither():
    changes = {"lose": _Plain(shapely.Polygon(), box(0, 0, 1, 1)),
               "take": _Plain(box(0.5, 0, 1.5, 1), shapely.Polygon()),
               "cede": _Plain(shapely.Polygon(), box(1.2, 0, 1.5, 1))}
    unions = WindowUnions(changes.__getitem__)
    unions.merged(("lose",))
    gained, lost = unions.merged(("lose", "take"))            # grown by one change
    assert _same(gained, box(1, 0, 1.5, 1)) and _same(lost, box(0, 0, 0.5, 1))
    gained, lost = unions.merged(("lose", "take", "cede"))
    assert _same(gained, box(1, 0, 1.2, 1)) and _same(lost, box(0, 0, 0.5, 1))
