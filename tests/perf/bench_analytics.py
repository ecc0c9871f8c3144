"""Analytics benchmark: the settlement status log and the front-line length of every state
of the DeepState import, each against the issue's budget (2 s, in the background) and a
floor measured in the same run.

- status log: every place in every state (250 m tolerance); floor: the same with no
  tolerance, i.e. one prepared ``contains_xy`` pass per piece over the points in its box;
- front length: every state; floor: pyproj's geodesic length of every piece's rings,
  once (the measuring the front needs at the least).

The places are the import's own when it has at least 1,000; otherwise (an import from
before the built-in settlements) 5,500 points spread over Ukraine stand in for them, and
the output says so. Not a unit test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import shapely  # noqa: E402

from viewer.analysis.front_line import FrontLine, builtin_outline  # noqa: E402
from viewer.analysis.settlement_status import SettlementStatus  # noqa: E402
from viewer.io.situation_file import read_situation  # noqa: E402
from viewer.model import Place  # noqa: E402
from viewer.model.geodesy import GEOD  # noqa: E402

BUDGET_S = 2.0
STAND_IN = 5500


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def places_of(situation) -> tuple[list[Place], str]:
    if len(situation.places) >= 1000:
        return situation.places, f"the import's {len(situation.places)} places"
    outline = builtin_outline()
    rng = np.random.default_rng(13)
    minx, miny, maxx, maxy = outline.bounds
    lon, lat = rng.uniform(minx, maxx, STAND_IN * 3), rng.uniform(miny, maxy, STAND_IN * 3)
    keep = shapely.contains_xy(outline, lon, lat)
    lon, lat = lon[keep][:STAND_IN], lat[keep][:STAND_IN]
    return ([Place(f"p{i}", {"en": f"p{i}"}, float(x), float(y))
             for i, (x, y) in enumerate(zip(lon, lat))],
            f"{len(lon)} random points in Ukraine standing in for the places "
            f"(the import has {len(situation.places)})")


def ring_lengths(situation) -> None:
    for layer in situation.layers:
        geoms = [p.geometry for p in layer.history.pieces]
        rings = shapely.get_rings(shapely.get_parts(geoms))
        for ring in rings:
            GEOD.line_length(*shapely.get_coordinates(ring).T)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", help="a situation file (default: the DeepState import)")
    args = parser.parse_args()
    if args.file:
        path = Path(args.file)
    else:
        from deepstate_situation import cached
        path = cached()
    situation = read_situation(path)
    places, which = places_of(situation)
    states = sum(len(layer.history.times) for layer in situation.layers)
    print(f"{path.name}: {states} states, {which}")
    status = timed(lambda: SettlementStatus(situation, places).measure_all(), args.runs)
    status_floor = timed(lambda: SettlementStatus(situation, places, 0).measure_all(),
                         args.runs)
    front = timed(lambda: FrontLine(situation).measure_all(), args.runs)
    front_floor = timed(lambda: ring_lengths(situation), args.runs)
    for name, value, floor in (("status log", status, status_floor),
                               ("front length", front, front_floor)):
        print(f"{name:13s} median {value * 1000:7.0f} ms   budget {BUDGET_S:.0f} s: "
              f"x{value / BUDGET_S:.2f}   floor {floor * 1000:6.0f} ms: x{value / floor:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
