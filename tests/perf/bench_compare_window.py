"""Time steps while comparing, in the window, on the DeepState import (1600x1000).

The main window steps through the last 40 change dates (B; A is 30 days earlier and
moves with it in the steps of the "A moves" rows), timed until the event loop is idle
and every widget has painted (frames.settle), the worker quiet before each run
(bench_window.quiet: the window's own background jobs, and the last run's figures, out of
the way), in wall-clock time and in the GUI
thread's CPU time (which the other work on a shared machine barely changes): with the
comparison open as swipe, side by side (two canvases) and difference, each right after
a floor, the same steps with the comparison closed. Each round's ratio to its own floor
is printed (issue 14's budget for swipe and side by side: 2x); the difference's areas
and km² are measured in the worker thread, and not counted. Not a unit test: nothing here asserts.

Each row also says in how many steps the comparison's figures (the km² below the map, the
difference's overlay) reached the screen: a step's measuring cancels the last one's, so
with steps back to back the worker delivers almost none, and their GUI-thread cost (the
figures' text, the caption, the overlay's repaint) is then in no step. ``--figures`` waits
after each step for the worker's jobs to end and settles again, and counts the GUI-thread
CPU of what they delivered in the step (its wall clock stops when the map has settled, as
without it: the wait is the worker's).

Every run steps through the same dates, so from the second run on the main map finds the
merged (A, B] highlight windows of those dates already kept (a step back and forth, or a
stretch played again, does). ``--fresh`` gives each run (its floor too) a stretch of dates
of its own instead, going back from the last change, as playback over dates not yet
shown (the file's 466 change dates hold 11 such stretches of 40).

    .venv/bin/python tests/perf/bench_compare_window.py [--rounds N] [--modes swipe,side]
                                                        [--figures] [--fresh]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

MODES = ("closed", "swipe", "side", "diff")
ROUNDS = 3


def _steps(window, counter, settle, quiet, dates, mode: str,
           a_moves: bool, figures: bool = False) -> tuple[list, list, int]:
    """Wall-clock and GUI-thread CPU seconds of each step through ``dates`` in ``mode``,
    and the number of steps whose figures were shown (``figures``: see the module's doc)."""
    if mode == "closed":
        window.compare_mode.close()
    else:
        view = window.compare_mode.open(dates[0] - timedelta(days=30))
        view.resize(1600, 1000)
        view.set_mode(mode)
    window.cursor_model.set_time(dates[0])
    settle(counter)
    quiet(window)                       # the last run's figures measured: not in this one
    settle(counter)
    wall, cpu, shown = [], [], [0]
    view = window.compare_mode.view

    def count() -> None:
        shown[0] += 1
    if view is not None:
        view.figures_shown.connect(count)
    for t in dates[1:]:
        start, start_cpu = time.perf_counter(), time.thread_time()
        window.cursor_model.set_time(t)
        if a_moves:
            view.set_a(t - timedelta(days=30))
        settle(counter)
        wall.append(time.perf_counter() - start)
        while figures and not window.worker.wait(0.0):
            window.worker.wait()            # (blocked: this thread's CPU clock stands)
            settle(counter)                 # the deliveries, and what they repaint
        cpu.append(time.thread_time() - start_cpu)
    if view is not None:
        view.figures_shown.disconnect(count)
    return wall, cpu, shown[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--modes", default=",".join(MODES[1:]),
                        help="comma-separated, of swipe, side, diff")
    parser.add_argument("--figures", action="store_true",
                        help="wait for each step's figures and count their GUI-thread CPU")
    parser.add_argument("--a-fixed", action="store_true", help="no 'A moves' rows")
    parser.add_argument("--fresh", action="store_true",
                        help="each run steps through dates of its own (nothing kept from before)")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    from PySide6.QtWidgets import QApplication

    from bench_window import quiet
    from deepstate_situation import cached
    from frames import EventCounter, settle
    from viewer.io.situation_file import read_situation
    from viewer.ui.main_window import MainWindow
    app = QApplication.instance() or QApplication(["bench"])
    counter = EventCounter(app)
    situation = read_situation(cached())
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.set_situation(situation, None)
    settle(counter)                     # (the background jobs are submitted)
    quiet(window)           # the regions, then the analytics and prebuilt paths their
    settle(counter)         # delivery submits: the steps share the worker with nothing else
    every = sorted({c.at for c in situation.changes})
    runs = iter(range(10**6))

    def stretch() -> list:
        """The dates a run steps through: the last 40, or (``--fresh``) its own 40."""
        end = len(every) - 40 * next(runs) if args.fresh else len(every)
        if end < 40:
            raise SystemExit("--fresh: not enough change dates for so many runs")
        return every[end - 40:end]
    dates = every[-40:]
    # (mode, A moves) -> per round: (median wall, median CPU, its floor's wall, CPU)
    rows: dict[tuple[str, bool], list[tuple[float, float, float, float]]] = {}
    shown: dict[tuple[str, bool], int] = {}
    for _ in range(args.rounds):
        for mode in modes:
            for a_moves in (False,) if args.a_fixed else (False, True):
                dates = stretch() if args.fresh else dates
                floor = _steps(window, counter, settle, quiet, dates, "closed", False,
                               args.figures)
                wall, cpu, n = _steps(window, counter, settle, quiet, dates, mode, a_moves,
                                      args.figures)
                shown[mode, a_moves] = shown.get((mode, a_moves), 0) + n
                rows.setdefault((mode, a_moves), []).append(
                    (statistics.median(wall), statistics.median(cpu),
                     statistics.median(floor[0]), statistics.median(floor[1])))
    window.compare_mode.close()
    floors = [r[2] for v in rows.values() for r in v]
    print(f"Time step in the window, DeepState, {len(dates) - 1} changes "
          f"({'a stretch of its own each run' if args.fresh else 'the last'}) x {args.rounds} "
          f"rounds, load {os.getloadavg()[0]:.1f}; each mode right after its own floor "
          f"(comparison closed), wall clock / GUI thread CPU"
          f"{' (each step with its figures delivered)' if args.figures else ''}:")
    print(f"  comparison closed (floor): {statistics.median(floors) * 1000:.1f} ms wall, "
          f"{statistics.median([r[3] for v in rows.values() for r in v]) * 1000:.1f} ms CPU")
    for (mode, a_moves), per in rows.items():
        wall = statistics.median([r[0] for r in per]) * 1000
        cpu = statistics.median([r[1] for r in per]) * 1000
        ratios = " ".join(f"{r[0] / r[2]:.2f}x" for r in per)
        cpu_ratios = " ".join(f"{r[1] / r[3]:.2f}x" for r in per)
        print(f"  {mode:5} {'A moves too' if a_moves else 'A fixed    '}: {wall:6.1f} ms wall "
              f"(per round {ratios}), {cpu:6.1f} ms CPU (per round {cpu_ratios}); "
              f"figures shown in {shown[mode, a_moves]} of {len(per) * (len(dates) - 1)} steps")
    window.edits.may_close = lambda: True
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
