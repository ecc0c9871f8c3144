"""Which states are big, counted for every state at once (History.state_sums): the same
answer as summing each state's pieces one state at a time."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import numpy as np
import shapely
from shapely.geometry import box

from viewer.model import History, Layer, Region, Situation, SituationMeta, Style
from viewer.model.history import Piece
from viewer.render import MapScene
from viewer.render.big_counts import big_state

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)


def history(rng: random.Random, states: int = 12, pieces: int = 400) -> History:
    times = [T0 + timedelta(days=d) for d in range(states)]
    made = []
    for i in range(pieces):
        a = rng.randrange(states)
        b = rng.choice([None] + list(range(a + 1, states)))
        x, y = rng.uniform(30, 40), rng.uniform(45, 50)
        cells = rng.choice([1, 1, 1, 30, 900])      # some pieces of many polygons
        geom = shapely.multipolygons([box(x + k * 1e-3, y, x + k * 1e-3 + 5e-4, y + 5e-4)
                                      for k in range(cells)])
        made.append(Piece(geom, times[a], None if b is None else times[b]))
    return History(times, made, [])


def test_state_sums_are_each_state_s_pieces_summed():
    h = history(random.Random(3))
    values = np.array([random.Random(i).randrange(10 ** 6) for i in range(len(h.pieces))],
                      dtype=np.int64)
    expected = [int(values[h.piece_indices(i)].sum()) for i in range(len(h.times))]
    assert h.state_sums(values).tolist() == expected


def test_big_states_are_those_of_each_state_s_counts():
    rng = random.Random(5)
    layers = [Layer(f"l{k}", f"L{k}", "assessed-control", history(rng, pieces=n),
                    style=Style("#ff0000"))
              for k, n in enumerate((3, 60, 400))]
    region = Region("R", {"en": "Land"}, box(29.5, 44.5, 40.5, 50.5))
    situation = Situation(SituationMeta(title="t"), [region], [], layers)
    scene = MapScene(situation)
    seen = set()
    for layer in layers:
        h = layer.history
        geoms = np.array([p.geometry for p in h.pieces], dtype=object)
        for i in range(-1, len(h.times)):
            idx = h.piece_indices(i)
            exact = i >= 0 and big_state(shapely.get_num_geometries(geoms[idx]).sum(),
                                         shapely.get_num_coordinates(geoms[idx]).sum())
            assert scene.big.is_big(layer.id, i) is exact
            seen.add(exact)
    assert seen == {True, False}                # both kinds were met
