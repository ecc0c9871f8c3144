"""The front analytics in the window, against the window without them, on the DeepState
import: open to first paint, the region figures, the analytics, time steps, memory.

The issue's budgets: the first paint no later than without the analytics, the time step
no slower. Each round runs one process per mode, in turn (interleaved, so the machine's
load falls on every mode alike):

- ``off``: the window as it is, except that the analytics are never measured (the
  Settlements dock is there, empty; the chart has no front or rate series);
- ``on``: the window as a user gets it (Layers tab raised, the chart showing areas);
- ``on, Settlements shown``: the Settlements tab raised, so every step fills its table.

Each process opens the file in a 1600x1000 map (bench_window's ``sized_window``), times
the first paint, waits for the background measuring, then times ``--steps`` steps to
random dates (the same dates in every mode of a round) until the window has painted
(frames.settle). Memory: VmRSS once everything is measured (after a garbage collection),
and the peak (ru_maxrss). Per mode, min–median–max over the rounds of each figure, and
the ratio of the round's median step to the ``off`` process's in the same round. Then,
since processes apart see different loads, the three windows in one process, their steps
interleaved round by round (the same dates in each), with the ratio per round.

Not a unit test: nothing asserts; the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

MODES = ("off", "on", "on, Settlements shown")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(mode: str, path: Path, steps: int, seed: int) -> dict:
    from PySide6.QtWidgets import QApplication

    import bench_window
    from frames import EventCounter, settle
    from open_floor import open_to_first_paint
    from viewer.ui.analytics_wiring import AnalyticsWiring

    if mode == "off":
        AnalyticsWiring._on_regions_measured = lambda self, _regions: None
    app = QApplication.instance() or QApplication(["bench"])
    counter = EventCounter(app)
    win = bench_window.sized_window(bench_window.KINDS[0])
    if mode == MODES[2]:
        win.analytics.dock.raise_()
    settle(counter)
    base = rss_mb()
    first_paint = open_to_first_paint(path, win)    # and waits for the region figures
    t0 = time.perf_counter()
    QApplication.processEvents()                    # the analytics job, submitted
    win.worker.wait()
    QApplication.processEvents()                    # and adopted
    analytics_s = time.perf_counter() - t0
    done = win.analytics.analytics is not None
    if mode != "off" and not done:
        raise SystemExit(f"{mode}: the analytics were not measured")
    settle(counter)
    gc.collect()
    measured_rss = rss_mb()
    run = bench_window.Steps(win, counter)
    times = bench_window.step_times(win, bench_window.MODES[0], steps, random.Random(seed))
    bench_window.time_steps(run, bench_window.MODES[0], times)
    values = run.times[bench_window.MODES[0]]
    counts = run.counts[bench_window.MODES[0]]
    out = {"first_paint_ms": first_paint * 1000,
           "analytics_ms": analytics_s * 1000 if done else None,
           "step_ms": statistics.median(values) * 1000,
           "missing_paints": sum(1 for c in counts if c[0] < 1),
           "rss_open_mb": measured_rss - base,
           "rss_mb": measured_rss,
           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    win.close()
    win.deleteLater()
    QApplication.processEvents()
    return out


def same_process_steps(path: Path, rounds: int, steps: int) -> dict[str, list[float]]:
    """The three modes' windows in one process, their steps interleaved: each round
    takes the same random dates in each window in turn; per round, each window's median
    step over the ``off`` window's."""
    from PySide6.QtWidgets import QApplication

    import bench_window
    from frames import EventCounter
    from open_floor import open_to_first_paint
    from viewer.ui.analytics_wiring import AnalyticsWiring

    app = QApplication.instance() or QApplication(["bench"])
    counter = EventCounter(app)
    kept = AnalyticsWiring._on_regions_measured
    windows = {}
    for mode in MODES:
        # "off": its wiring connects the no-op at construction, the others the real one
        AnalyticsWiring._on_regions_measured = (lambda self, _r: None) if mode == "off" else kept
        win = bench_window.sized_window(bench_window.KINDS[0])
        if mode == MODES[2]:
            win.analytics.dock.raise_()
        open_to_first_paint(path, win)
        QApplication.processEvents()
        win.worker.wait()
        QApplication.processEvents()
        assert (win.analytics.analytics is None) == (mode == "off"), mode
        windows[mode] = bench_window.Steps(win, counter)
    AnalyticsWiring._on_regions_measured = kept
    rng = random.Random(7)
    ratios: dict[str, list[float]] = {m: [] for m in MODES}
    medians: dict[str, list[float]] = {m: [] for m in MODES}
    for _ in range(rounds):
        times = bench_window.step_times(windows["off"].win, bench_window.MODES[0], steps, rng)
        for mode, run in windows.items():
            done = len(run.times.get(bench_window.MODES[0], []))
            bench_window.time_steps(run, bench_window.MODES[0], times)
            medians[mode].append(statistics.median(run.times[bench_window.MODES[0]][done:])
                                 * 1000)
        for mode in MODES:
            ratios[mode].append(medians[mode][-1] / medians["off"][-1])
    for run in windows.values():
        run.win.close()
        run.win.deleteLater()
    QApplication.processEvents()
    return {"medians": medians, "ratios": ratios}


def spread(values: list[float], digits: int = 0) -> str:
    return "–".join(f"{v:.{digits}f}" for v in (min(values), statistics.median(values),
                                                max(values)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--file", help="a situation file (default: the DeepState import)")
    parser.add_argument("--child", choices=MODES + ("same process",), help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.file:
        path = Path(args.file)
    else:
        from deepstate_situation import cached
        path = cached()
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.child == "same process":
            print(json.dumps(same_process_steps(path, args.rounds, args.steps)))
        else:
            print(json.dumps(child(args.child, path, args.steps, args.seed)))
        return 0
    print(f"{path.name} ({path.stat().st_size / 1e6:.1f} MB): {args.rounds} rounds, one "
          f"process per mode, {args.steps} random-date steps each; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[str, list[dict]] = {m: [] for m in MODES}
    ratios: dict[str, list[float]] = {m: [] for m in MODES}
    for r in range(args.rounds):
        for mode in MODES:
            proc = subprocess.run([sys.executable, __file__, "--child", mode, "--file",
                                   str(path), "--steps", str(args.steps), "--seed", str(r)],
                                  capture_output=True, text=True, check=True)
            results[mode].append(json.loads(proc.stdout.strip().splitlines()[-1]))
        for mode in MODES:
            ratios[mode].append(results[mode][-1]["step_ms"] / results["off"][-1]["step_ms"])
    print("min–median–max over the rounds:")
    for mode in MODES:
        rows = results[mode]
        analytics = [x["analytics_ms"] for x in rows if x["analytics_ms"] is not None]
        print(f"  {mode:22s} first paint {spread([x['first_paint_ms'] for x in rows])} ms; "
              f"step {spread([x['step_ms'] for x in rows], 1)} ms, ratio to off "
              f"{spread(ratios[mode], 2)}x, steps missing a paint "
              f"{sum(x['missing_paints'] for x in rows)}")
        print(f"  {'':22s} analytics after the regions "
              f"{spread(analytics) + ' ms' if analytics else '(not measured)'}; "
              f"memory once measured: +{spread([x['rss_open_mb'] for x in rows])} MB over "
              f"the empty window (VmRSS {spread([x['rss_mb'] for x in rows])} MB), "
              f"peak {spread([x['peak_mb'] for x in rows])} MB")
    print(f"then the three windows in one process, {args.rounds} rounds of {args.steps} "
          f"steps interleaved (load average {os.getloadavg()[0]:.2f}):")
    proc = subprocess.run([sys.executable, __file__, "--child", "same process", "--file",
                           str(path), "--steps", str(args.steps), "--rounds", str(args.rounds)],
                          capture_output=True, text=True, check=True)
    same = json.loads(proc.stdout.strip().splitlines()[-1])
    for mode in MODES:
        print(f"  {mode:22s} step {spread(same['medians'][mode], 1)} ms, ratio to off "
              f"{spread(same['ratios'][mode], 2)}x")
    print(f"load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
