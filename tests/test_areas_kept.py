"""A state's area, kept once summed (viewer/analysis/areas.py), is the area of the state's
geometry at every date asked, asked again or not, and follows a layer's new history."""

import pytest
from shapely.geometry import box

from factories import D, two_region_situation
from viewer.analysis.areas import Areas, geodesic_area_km2
from viewer.model.history import History


def test_a_state_area_asked_again_is_its_geometry_area():
    situation = two_region_situation()
    areas = Areas(situation)
    states = [(D[1], box(30.2, 48.2, 30.4, 48.4)), (D[5], box(30.2, 48.2, 31.2, 48.4)),
              (D[20], box(30.2, 48.2, 30.8, 48.4))]
    first = [areas.state_km2("adv", day) for day, _ in states]
    again = [areas.state_km2("adv", day) for day, _ in states]     # from what was kept
    fresh = [Areas(two_region_situation()).state_km2("adv", day) for day, _ in states]
    assert again == first == fresh          # the same figure, so the same text
    # (the sum of a state's pieces: the whole shape's area to within its seams)
    assert first == pytest.approx([geodesic_area_km2(shape) for _, shape in states], rel=1e-4)


def test_a_new_history_of_the_layer_gives_its_own_areas():
    situation = two_region_situation()
    areas = Areas(situation)
    before = areas.state_km2("adv", D[5])
    layer = situation.layer("adv")
    layer.history = History.from_states("adv", [(D[1], box(30.2, 48.2, 30.3, 48.3))])
    after = areas.state_km2("adv", D[5])
    assert after == pytest.approx(geodesic_area_km2(box(30.2, 48.2, 30.3, 48.3)), rel=1e-4)
    assert after < before / 5


def test_the_series_sums_every_state_at_once_and_keeps_the_figures_asked_before(monkeypatch):
    """Areas.series: each state's area (the shape's, to within its seams), summed for all
    states in one pass over the pieces (no mask over every piece per state: 30 ms on the
    GUI thread for 28 states of 60,000 pieces), and a state asked before keeps its figure."""
    situation = two_region_situation()
    layer = situation.layer("adv")
    shapes = [box(30.2, 48.2, 30.2 + 0.1 * k, 48.2 + 0.05 * (k % 3 + 1)) for k in range(1, 9)]
    layer.history = History.from_states("adv", [(D[k], s) for k, s in zip(range(1, 9), shapes)])
    areas = Areas(situation)
    asked = areas.state_km2("adv", D[3])
    looked_up = []
    original = History.piece_indices
    monkeypatch.setattr(History, "piece_indices",
                        lambda self, i: looked_up.append(i) or original(self, i))
    times, km2 = areas.series("adv")
    assert looked_up == []
    assert list(times) == [D[k] for k in range(1, 9)]
    assert km2[2] == asked
    history = layer.history             # (a state's figure: its pieces' areas summed)
    assert list(km2) == pytest.approx(
        [sum(geodesic_area_km2(p.geometry) for p in history.pieces_at(D[k]))
         for k in range(1, 9)], rel=1e-9)
    assert list(km2) == pytest.approx([geodesic_area_km2(s) for s in shapes], rel=3e-3)
