"""The history model on the real DeepState corpus (536 daily snapshots, ../shared)."""

import random

import shapely

from viewer.model import History
from viewer.model.piece_steps import REKEY_RATIO


def test_every_state_is_rebuilt_exactly_and_stays_cheap_to_draw(deepstate_states):
    history = History.from_states("ds", deepstate_states)
    assert len(history.times) == len(deepstate_states) == 536
    assert all(c.at in set(history.times) for c in history.changes)
    stored = sum(shapely.get_num_coordinates(p.geometry) for p in history.pieces)
    one_state = shapely.get_num_coordinates(deepstate_states[-1][1])
    assert stored < 60 * one_state            # far from 536 full copies
    for i in random.Random(7).sample(range(len(deepstate_states)), 25):
        t, geom = deepstate_states[i]
        state = history.state_at(t)
        assert shapely.symmetric_difference(state, geom).area < 1e-9 * geom.area
        carried = sum(shapely.get_num_coordinates(history.pieces[j].geometry)
                      for j in history.piece_indices(i))
        assert carried <= REKEY_RATIO * shapely.get_num_coordinates(geom) + 1000
