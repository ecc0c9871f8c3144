"""Growth: how the DeepState figures grow with the length of the series. Longer series are
made from the 536 real snapshots (../shared) by replaying them forward and back (a file
named for each new day, a symbolic link to the snapshot it replays), up to a 5-year
daily series of 1,826 states.

For each length, in its own process (so the peak memory is its own): import time and
file size (import_to_file, as bench_import), then in a 1600x1000 window: open to first
paint, then (once every background job is done: region figures, front analytics,
prebuilt paths) the median of random-date steps (timed until the event loop is idle and
every widget has painted, as bench_window does); the memory: the resident memory sampled every 5 ms from the open
until every background job has ended and been adopted (open peak MB; settled s: how long
that took), the process's high-water mark over its whole life, window, open, background
work and steps (window MB: ru_maxrss), and the resident memory after the steps (after
MB). Each should grow at most linearly, the step not at all. ``fwd step``: the same on
days that replay the real snapshots forward only (forward_times). ``--window-only`` reuses the
files an earlier run imported.

The series replays the real snapshots forward (mostly gains), then back (each step
loses what a day gained, cutting the pieces that hold it: a backward half adds about
twice the pieces of a forward one), so the mix changes with the length up to a whole
cycle of 1,071 states: the file grows linearly at whole cycles (``bench_growth.py 536
1071 1606 2141``: 3.22, 8.51, 11.25, 16.41 MiB on 3 Dec 2026, two cycles 1.93x one),
while 536 -> 1,826 (forward only, against one and a half cycles) looks steeper. Not a unit test: nothing here asserts; the load average
is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_window as bw  # noqa: E402  (sets the offscreen platform and fresh settings)

CORPUS = bw.ROOT.parent / "shared" / "data" / "deepstate-daily"
LENGTHS = (536, 1_000, 1_826)


def series(length: int, folder: Path) -> Path:
    """A folder of ``length`` daily snapshot files: the real ones forward, back, ..."""
    real = sorted(CORPUS.glob("*.geojson"))
    target = folder / f"series-{length}"
    if target.is_dir() and len(list(target.iterdir())) == length:
        return target
    target.mkdir(parents=True, exist_ok=True)
    cycle = real + real[-2:0:-1]                    # forward, then back (no repeats)
    first = date(2024, 7, 8)
    for k in range(length):
        day = first + timedelta(days=k)
        link = target / f"deepstatemap_data_{day:%Y%m%d}.geojson"
        if not link.exists():
            link.symlink_to(cycle[k % len(cycle)])
    return target


def child(what: str, length: int, steps: int) -> dict:
    folder = Path(tempfile.gettempdir()) / "situation-viewer-growth"
    out = folder / f"growth-{length}.gpkg"
    return import_once(series(length, folder), out) if what == "import" else \
        window(out, steps)


def import_once(source: Path, out: Path) -> dict:
    from viewer.importing.pipeline import ImportOptions
    from viewer.importing.to_file import import_to_file
    clock = time.perf_counter()
    import_to_file(ImportOptions([str(source)], layer="Occupied (DeepState)",
                                 kind="assessed-control"), str(out),
                   regions_spec="builtin:ukraine-oblasts")
    return {"import": time.perf_counter() - clock,
            "import_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "file_mb": out.stat().st_size / 2 ** 20}


def window(out: Path, steps: int) -> dict:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    counter = bw.EventCounter(app)
    win = bw.sized_window(bw.KINDS[0])
    sampled = RssSampler()
    first = bw.open_to_first_paint(out, win)        # (then waits for the region figures)
    # and for the front analytics they start, and the paths built behind them: the steps
    # and the memory of the window as a user has it once the background work is done
    while win.analytics.analytics is None:
        QApplication.processEvents()
        win.worker.wait()
    bw.quiet(win)
    settled = sampled.stop()
    timer, forward = bw.Steps(win, counter), bw.Steps(win, counter)
    rng = random.Random(1)
    bw.time_steps(timer, bw.MODES[0], bw.step_times(win, bw.MODES[0], steps, rng))
    bw.time_steps(forward, bw.MODES[0], forward_times(win, steps, rng))
    result = {"first_paint": first, "step": statistics.median(timer.times[bw.MODES[0]]),
              "step_forward": statistics.median(forward.times[bw.MODES[0]]),
              "open_peak_mb": sampled.peak, "settled_s": settled,
              "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "rss_mb": _rss_mb()}
    win.close()
    return result


def forward_times(win, n: int, rng: random.Random) -> list:
    """n random times on days that replay the real snapshots forward (``series``): the
    days replayed backward are heavier states (the import cuts the ground lost into more
    pieces: 99 pieces and 221 rings a state against 65 and 53), so a step there costs
    more whatever the length; these compare like with like."""
    real = len(list(CORPUS.glob("*.geojson")))
    days = [k for k in range(int((win.cursor_model.end - win.cursor_model.start).days) + 1)
            if k % (2 * real - 2) < real]
    return [win.cursor_model.start + timedelta(days=rng.choice(days), hours=12)
            for _ in range(n)]


class RssSampler:
    """The process's resident memory sampled every 5 ms on a thread of its own, from the
    File ▸ Open until the background work has settled (``stop``): its peak, besides the
    kernel's high-water mark (ru_maxrss) over the whole process."""

    def __init__(self) -> None:
        self.peak, self._stop = _rss_mb(), threading.Event()
        self._t0 = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss_mb())

    def stop(self) -> float:
        """Seconds from the open to now, once sampling has stopped."""
        self._stop.set()
        self._thread.join()
        return time.perf_counter() - self._t0


def _rss_mb() -> float:
    """The resident memory now (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lengths", nargs="*", type=int, default=None,
                        help=f"series lengths (default: {', '.join(map(str, LENGTHS))})")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--window-only", action="store_true",
                        help="reuse the files an earlier run imported (no import columns)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.steps)))
        return 0
    if not CORPUS.is_dir():
        print(f"growth: skipped ({CORPUS} is absent)")
        return 0
    folder = Path(tempfile.gettempdir()) / "situation-viewer-growth"
    missing = [f"growth-{n}.gpkg" for n in args.lengths or LENGTHS
               if args.window_only and not (folder / f"growth-{n}.gpkg").is_file()]
    if missing:
        print(f"growth: --window-only needs {', '.join(missing)} in {folder}: run without "
              "it first (it imports them)", file=sys.stderr)
        return 2
    print(f"{'states':>7} {'import s':>9} {'import MB':>10} {'file MiB':>9} "
          f"{'first paint ms':>15} {'step ms':>8} {'fwd step ms':>12} {'open peak MB':>13} "
          f"{'settled s':>10} {'window MB':>10} {'after MB':>9}  load")
    for length in args.lengths or LENGTHS:
        r = {"import": float("nan"), "import_peak_mb": float("nan"), "file_mb": float("nan")}
        for what in ("window",) if args.window_only else ("import", "window"):
            done = subprocess.run([sys.executable, __file__, "--child", what, str(length),
                                   "--steps", str(args.steps)],
                                  check=True, capture_output=True, text=True)
            r.update(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{length:>7} {r['import']:>9.1f} {r['import_peak_mb']:>10.0f} "
              f"{r['file_mb']:>9.2f} {bw.ms(r['first_paint']):>15.0f} "
              f"{bw.ms(r['step']):>8.1f} {bw.ms(r['step_forward']):>12.1f} "
              f"{r['open_peak_mb']:>13.0f} {r['settled_s']:>10.1f} "
              f"{r['peak_mb']:>10.0f} {r['rss_mb']:>9.0f}  "
              f"{os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
