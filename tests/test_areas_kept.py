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
