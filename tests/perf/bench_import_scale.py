"""Import at scale: synthetic inputs (tests/perf/scale_inputs.py) imported in-process by
the same import_to_file() the CLI calls, each run in its own subprocess so its peak
memory (ru_maxrss) is its own, against a floor measured the same way in the same run:

- ``timestamped``: 100,000 small overlapping squares over 28 dates (a third with an
  end); floor: json parse + shapely.from_geojson + one union_all per date of the
  features starting then. Budget: at most 2x the floor, under 500 MB.
- ``squares``: 200,000 timestamped squares on a grid over 28 dates; same floor.
  Budget: at most 60 s and 1 GB.
- ``big``: 3 snapshots of one 2,000,000-vertex polygon; floor: json parse + from_geojson
  + one shapely.difference per consecutive pair.
- ``snapshots``: a daily series of 10,000 snapshot files of one 400-vertex front moving
  a little every day; same floor as ``big`` (the issue's "10⁴ snapshots").

Rounds alternate floor and import (``--rounds``); prints min-median-max of the per-round
ratios and the load average. Not a unit test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CASES = {"timestamped": 100_000, "squares": 200_000, "big": 2_000_000, "snapshots": 10_000}


def make_input(case: str, n: int, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from scale_inputs import write_big_snapshots, write_snapshot_series, write_squares
    if case == "snapshots":
        target = folder / f"series-{n}"
        if not target.is_dir():
            write_snapshot_series(target, n)
        return target
    if case == "big":
        target = folder / f"big-{n}"
        if not target.is_dir():
            write_big_snapshots(target, n)
        return target
    target = folder / f"{case}-{n}.geojson"
    if not target.exists():
        write_squares(target, n, grid=case == "squares")
    return target


def floor(source: Path) -> float:
    """Parse every file once into shapely, then the least merging the import must do."""
    import numpy as np
    import shapely
    clock = time.perf_counter()
    files = sorted(source.glob("*.geojson")) if source.is_dir() else [source]
    docs = [json.loads(p.read_bytes()) for p in files]
    geoms = [shapely.from_geojson([json.dumps(f["geometry"]) for f in d["features"]])
             for d in docs]
    if source.is_dir():                       # snapshots: one difference per pair
        states = [shapely.union_all(g) for g in geoms]
        for a, b in zip(states, states[1:]):
            shapely.difference(b, a)
    else:                                     # timestamped: one union per start date
        starts = np.array([f["properties"]["valid_from"] for f in docs[0]["features"]])
        for day in np.unique(starts):
            shapely.union_all(geoms[0][starts == day])
    return time.perf_counter() - clock


def run_import(source: Path, out: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from viewer.importing.pipeline import ImportOptions
    from viewer.importing.to_file import import_to_file
    report = import_to_file(ImportOptions([str(source)], layer="Scale"), str(out))
    return {**report.seconds, "states": len(report.result.situation.layers[0].history.times),
            "pieces": len(report.result.situation.layers[0].history.pieces)}


def child(what: str, source: Path, out: Path) -> None:
    clock = time.perf_counter()
    result = {"floor": floor(source)} if what == "floor" else run_import(source, out)
    result["wall"] = time.perf_counter() - clock
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def in_subprocess(what: str, source: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", what, str(source), str(out)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"some of {', '.join(CASES)} (default: all)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the sizes")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    folder = Path(tempfile.gettempdir()) / "situation-viewer-scale-inputs"
    folder.mkdir(exist_ok=True)
    for case in args.cases or list(CASES):
        n = max(10, int(CASES[case] * args.scale))
        source = make_input(case, n, folder)
        out = Path(tempfile.mkdtemp(prefix="bench-scale-")) / "out.gpkg"
        floors, imports = [], []
        for _ in range(args.rounds):
            floors.append(in_subprocess("floor", source, out))
            imports.append(in_subprocess("import", source, out))
        ratios = sorted(i["total"] / f["floor"] for i, f in zip(imports, floors))
        med = {k: statistics.median(r[k] for r in imports) for k in imports[0]}
        steps = ", ".join(f"{k} {med[k]:.1f} s" for k in ("parse", "history", "analysis",
                                                            "write"))
        unit = {"big": "vertices", "snapshots": "snapshot files"}.get(case, "features")
        print(f"{case}: {n:,} {unit} -> "
              f"{med['states']:.0f} states, {med['pieces']:.0f} pieces "
              f"(load average {os.getloadavg()[0]:.1f})")
        print(f"  floor {statistics.median(f['floor'] for f in floors):.1f} s "
              f"(peak {max(f['peak_mb'] for f in floors):.0f} MB); import {med['total']:.1f} s "
              f"({steps}), peak {max(i['peak_mb'] for i in imports):.0f} MB, file "
              f"{out.stat().st_size / 2 ** 20:.1f} MiB")
        print(f"  ratio import/floor over {args.rounds} round(s): min {ratios[0]:.2f} "
              f"median {statistics.median(ratios):.2f} max {ratios[-1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
