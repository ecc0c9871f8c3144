"""The DeepStateMap daily snapshots in ../shared as a situation file, for the benchmarks.

Built with the real ``situation-viewer import`` command (the file a user would get),
once per machine, beside the system's temp files.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from viewer.cli.main import main as cli_main  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "deepstate-daily"
CACHE = Path(tempfile.gettempdir()) / "situation-viewer-bench" / "deepstate.gpkg"


def build(out: Path = CACHE) -> Path:
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: the DeepState corpus lives in ../shared")
    out.parent.mkdir(parents=True, exist_ok=True)
    status = cli_main(["import", str(CORPUS), "--layer", "Occupied (DeepState)",
                       "--kind", "assessed-control", "--regions", "builtin:ukraine-oblasts",
                       "--attribution", "DeepStateMap (GPL-3.0) via cyterat/deepstate-map-data",
                       "--force", "-o", str(out)])
    if status != 0:
        raise SystemExit(f"import of {CORPUS} failed with status {status}")
    return out


def cached() -> Path:
    """The converted file, built once per machine (again when the built-in regions, i.e.
    the embedded sample, are newer)."""
    from viewer.resources import sample_path
    fresh = CACHE.exists() and CACHE.stat().st_mtime >= sample_path().stat().st_mtime
    return CACHE if fresh else build()


if __name__ == "__main__":
    build()
