"""Run every benchmark, each in its own process (so peak memory is its own); print figures.

    make bench          # or: .venv/bin/python tests/perf/run_all.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ["bench_window.py", "--only", "sample"],
    ["bench_window.py", "--only", "deepstate"],
    ["bench_import.py"],
    ["bench_labels.py"],
    ["bench_animation.py"],
    ["bench_analytics.py"],
    ["bench_context.py"],
]


def main() -> int:
    failed = 0
    for script, *args in RUNS:
        path = HERE / script
        if not path.exists():
            print(f"== {script}: not present, skipped")
            continue
        print(f"== {script} {' '.join(args)}", flush=True)
        failed += subprocess.run([sys.executable, str(path), *args]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
