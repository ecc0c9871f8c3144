"""Build a situation file from the DeepStateMap daily snapshots in ../shared, for benchmarks.

The simplest conversion that works (the full importer with sliver filtering is its own
piece of work): every file is one state of one layer, the date from the file name, the
sample's oblasts as regions. The result is cached beside the system's temp files.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

import shapely
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.io.gpkg import read_situation, write_situation  # noqa: E402
from viewer.model import History, Layer, Situation, SituationMeta, parse_time  # noqa: E402
from viewer.resources import SAMPLE  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "deepstate-daily"
CACHE = Path(tempfile.gettempdir()) / "situation-viewer-bench" / "deepstate.gpkg"
DATE = re.compile(r"(\d{8})")


def read_snapshots(folder: Path = CORPUS) -> list[tuple]:
    states = []
    for path in sorted(folder.glob("*.geojson")):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        geom = shapely.union_all([shape(f["geometry"]) for f in doc["features"]])
        states.append((parse_time(DATE.search(path.name).group(1)), geom))
    return states


def build(out: Path = CACHE) -> tuple[Path, dict]:
    """Convert the corpus; return the file and the seconds each step took."""
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: the DeepState corpus lives in ../shared")
    t0 = time.perf_counter()
    states = read_snapshots()
    t1 = time.perf_counter()
    history = History.from_states("deepstate", states)
    t2 = time.perf_counter()
    sample = read_situation(SAMPLE)
    layer = Layer("deepstate", "Occupied (DeepState)", "assessed-control", history,
                  source="DeepStateMap via cyterat/deepstate-map-data (GPL-3.0)")
    meta = SituationMeta(
        title="DeepStateMap daily, 2024-07 to 2025-12 (benchmark)",
        description="Benchmark file built from ../shared; not for distribution.",
        attributions=["Occupied area: DeepStateMap (GPL-3.0) via cyterat/deepstate-map-data",
                      "Regions: Natural Earth (public domain)"],
        default_bbox=(22.0, 44.0, 41.0, 52.5), default_time=states[-1][0])
    out.parent.mkdir(parents=True, exist_ok=True)
    write_situation(Situation(meta, sample.regions, sample.places, [layer]), out)
    t3 = time.perf_counter()
    return out, {"parse": t1 - t0, "history": t2 - t1, "write": t3 - t2}


def cached() -> Path:
    """The converted file, built once per machine."""
    if not CACHE.exists():
        build()
    return CACHE


if __name__ == "__main__":
    path, secs = build()
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB; "
          + ", ".join(f"{k} {v:.2f} s" for k, v in secs.items()))
