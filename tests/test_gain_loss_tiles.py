"""Large states are compared tile by tile (viewer.model.gain_loss): the same ground as
shapely's own differences of the whole states, each part whole again across the tiles."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.model import gain_loss


def _wavy(vertices: int, *bumps: tuple[float, float]) -> shapely.Polygon:
    """A wavy ring; each (height, angle) bump pushes one sector out (or in), the vertices
    elsewhere exactly as without it."""
    a = np.linspace(0.0, 2 * np.pi, vertices, endpoint=False)
    r = 1.5 + 0.05 * np.sin(a * 97)
    for height, centre in bumps:
        r += height * np.maximum(0.0, 1 - ((a - centre) / 0.3) ** 2)
    return shapely.Polygon(np.column_stack([34 + 1.4 * r * np.cos(a), 48 + 0.9 * r * np.sin(a)]))


@pytest.mark.parametrize("tile", [400, 1500])
def test_tiles_give_the_differences_of_the_whole_states(monkeypatch, tile):
    monkeypatch.setattr(gain_loss, "TILE_VERTICES", tile)
    calls = []
    direct = gain_loss._direct
    monkeypatch.setattr(gain_loss, "_direct", lambda a, b: calls.append(
        max(shapely.get_num_coordinates(a), shapely.get_num_coordinates(b))) or direct(a, b))
    prev = _wavy(6000)
    state = _wavy(6000, (0.2, 1.0), (-0.2, 4.0))        # a gain and a loss
    gained, lost = gain_loss.gain_and_loss(prev, state)
    want_gained, want_lost = shapely.difference(state, prev), shapely.difference(prev, state)
    assert calls and max(calls) <= tile                 # only small overlays were made
    assert shapely.symmetric_difference(gained, want_gained).area < 1e-9 * want_gained.area
    assert shapely.symmetric_difference(lost, want_lost).area < 1e-9 * want_lost.area
    # merged across the tiles' edges: as many parts as the whole states' differences
    assert shapely.get_num_geometries(gained) == shapely.get_num_geometries(want_gained)
    assert shapely.get_num_geometries(lost) == shapely.get_num_geometries(want_lost)


def test_identical_large_states_give_nothing_without_an_overlay(monkeypatch):
    monkeypatch.setattr(gain_loss, "TILE_VERTICES", 500)
    monkeypatch.setattr(gain_loss, "_direct", lambda a, b: pytest.fail("an overlay"))
    state = _wavy(6000, (0.1, 2.0))
    gained, lost = gain_loss.gain_and_loss(state, shapely.Polygon(state.exterior))
    assert gained.is_empty and lost.is_empty


def test_a_state_is_not_left_prepared():
    """A prepared state holds an index of its edges for as long as it lives."""
    prev, state = _wavy(300), _wavy(300, (0.2, 1.0))
    gain_loss.gain_and_loss(prev, state)
    assert not shapely.is_prepared(state) and not shapely.is_prepared(prev)
