"""Import benchmark: the 536 DeepStateMap snapshots (../shared) imported in-process, timed
by step (parse / history / analysis / write), against a floor measured in the same run:
parsing every file with json (+ shapely.geometry.shape) and one shapely.difference per
consecutive pair. The issue's budget: the import within 2x the floor, the file <= 5 MB.

Run on demand (``make bench``, or ``.venv/bin/python tests/perf/bench_import.py``); prints
medians over ``--repeat`` runs, with the overlays in threads (the default) and in one.
Not a unit test: timings on shared machines vary, so nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import shapely
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.importing.pipeline import ImportOptions  # noqa: E402
from viewer.importing.to_file import import_to_file  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "deepstate-daily"


def floor() -> dict[str, float]:
    """json parse of every file, then one shapely.difference per consecutive pair."""
    t0 = time.perf_counter()
    states = []
    for path in sorted(CORPUS.glob("*.geojson")):
        doc = json.loads(path.read_bytes())
        geoms = [shape(f["geometry"]) for f in doc["features"]]
        states.append(geoms[0] if len(geoms) == 1 else shapely.union_all(geoms))
    t1 = time.perf_counter()
    for a, b in zip(states, states[1:]):
        shapely.difference(b, a)
    t2 = time.perf_counter()
    return {"parse": t1 - t0, "difference": t2 - t1, "total": t2 - t0}


def import_once(out: Path, workers: int | None) -> dict[str, float]:
    """The import command's work, through the same import_to_file() the CLI calls."""
    options = ImportOptions([str(CORPUS)], layer="Occupied (DeepState)",
                            kind="assessed-control", workers=workers)
    report = import_to_file(options, str(out), regions_spec="builtin:ukraine-oblasts")
    return {**report.seconds, "dropped": report.result.dropped}


def median_of(runs: list[dict]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (median)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"import: skipped ({CORPUS} is absent)")
        return 0
    for path in CORPUS.glob("*.geojson"):           # the page cache warm for everyone
        path.read_bytes()
    out = Path(tempfile.mkdtemp(prefix="bench-import-")) / "deepstate.gpkg"
    fl = median_of([floor() for _ in range(args.repeat)])
    threaded = median_of([import_once(out, None) for _ in range(args.repeat)])
    serial = median_of([import_once(out, 1) for _ in range(args.repeat)])
    print(f"import of {len(list(CORPUS.glob('*.geojson')))} DeepState snapshots "
          f"(median of {args.repeat}); {threaded['dropped']:.0f} sliver parts dropped")
    print(f"  floor: json parse {fl['parse']:.2f} s + difference per pair "
          f"{fl['difference']:.2f} s = {fl['total']:.2f} s")
    for name, r in (("import, overlays in threads", threaded), ("import, one thread", serial)):
        steps = ", ".join(f"{k} {r[k]:.2f} s" for k in ("parse", "history", "analysis", "write"))
        print(f"  {name}: {r['total']:.2f} s ({steps}) -> ratio {r['total'] / fl['total']:.2f}x")
    print(f"  output file: {out.stat().st_size / 2 ** 20:.2f} MiB ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
