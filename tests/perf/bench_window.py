"""Window benchmark: open to first paint, time steps, drag and zoom, at a 1600x1000 canvas.

Run on demand (``make bench``). Every step is timed from the change (a new time, a mouse
move, a wheel notch) until the event loop has nothing left to do: every widget has
painted, the timeline chart included (``frames.settle``; the chart's paints are counted
and printed). Time steps go to random dates and to adjacent ones (``step_by(1)``, what
playback does), in the whole window, with the Reports dock closed, and in the map alone
(docks closed). Each round times every kind in turn (interleaved), then the floor for the
same dates: QPainter filling the paths the canvas fills for them into a QImage of the
canvas's size, measured in the same run (``fill_floor``). The ratio is taken per round;
min, median and max of those are printed. The deepstate run then repeats itself in a
subprocess at a device pixel ratio of 2 (QT_SCALE_FACTOR=2: 3200x2000 pixels).

The open is also timed to the end of its background work with the event loop running
(``open_floor.open_gaps``), and the longest gaps between ticks of a 1 ms timer are
printed: how long the window was blocked at once while the region figures, the front
analytics and the prebuilt paths arrived.

Navigation (navigation.py): drags and wheel notches back to back, then as a person who
pauses navigates (drags ending at new views, notches about where the pointer rests after
the canvas's idle work). ``--navigation`` runs only those, in one window, with the floor
for the date shown (for iterating).

Not a unit test: timings on a shared machine vary, so nothing here asserts; the load
average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fresh settings: the default dock layout, not whatever the user's last session left.
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-window-settings-")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from fill_floor import canvas_fills, floor_fill  # noqa: E402
from frames import EventCounter, settle  # noqa: E402
from navigation import ms, navigate, navigate_after_pauses, p90, report_navigation  # noqa: E402
from open_floor import (FOLLOW, MEASURED, lazy_floor, open_floor, open_gaps,  # noqa: E402
                        open_to_first_paint)
from viewer.resources import sample_path  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

W, H = 1600, 1000
KINDS = ("whole window", "Reports dock closed", "map alone (docks closed)")
MODES = ("random dates", "adjacent dates")


def sized_window(kind: str) -> MainWindow:
    """A main window whose map canvas is exactly W x H, its docks as ``kind`` says."""
    win = MainWindow()
    docks = kind != KINDS[2]
    for dock in win.docks():
        dock.setVisible(docks and not (kind == KINDS[1] and dock is win.reports_dock))
    win.resize(W + (700 if docks else 0), H + (400 if docks else 80))
    win.show()
    QApplication.processEvents()
    canvas = win.canvas
    for _ in range(3):
        dw, dh = W - canvas.width(), H - canvas.height()
        if not dw and not dh:
            break
        win.resize(win.width() + dw, win.height() + dh)
        QApplication.processEvents()
    assert (canvas.width(), canvas.height()) == (W, H), (canvas.width(), canvas.height())
    return win


class Steps:
    """Times actions on a window until everything has settled, and counts the paints."""

    def __init__(self, win: MainWindow, counter: EventCounter) -> None:
        self.win, self.counter = win, counter
        self.times: dict[str, list[float]] = {}
        self.counts: dict[str, list[tuple[int, int, int, int]]] = {}

    def run(self, label: str, action, *args) -> None:
        counter, win = self.counter, self.win
        settle(counter)
        counter.reset()
        t0 = time.perf_counter()
        action(*args)
        settle(counter)
        self.times.setdefault(label, []).append(time.perf_counter() - t0)
        chart = win.timeline.chart.viewport() if win.timeline_dock.isVisible() else None
        self.counts.setdefault(label, []).append(
            (counter.painted(win.canvas), counter.painted(chart) if chart else -1,
             counter.frames, counter.window_layouts))


def quiet(win: MainWindow) -> None:
    """Let the window's background work end before timing: the jobs a measuring starts
    when it is delivered (the front analytics follow the region figures) would otherwise
    run in the worker during the first rounds and take the GIL from every step."""
    for _ in range(100):
        win.worker.wait()
        QApplication.processEvents()        # deliveries, which may submit more jobs
        QApplication.processEvents()
        if win.worker.wait(0.0):
            return
    raise RuntimeError("the window's worker never fell quiet")


def step_times(win: MainWindow, mode: str, n: int, rng: random.Random) -> list:
    """The n times a round visits: random ones, or n days on from a random start."""
    start, end = win.cursor_model.start, win.cursor_model.end
    if mode == MODES[0]:
        return [start + (end - start) * rng.random() for _ in range(n)]
    first = start + (end - start - n * timedelta(days=1)) * rng.random()
    return [first + k * timedelta(days=1) for k in range(n + 1)]


def time_steps(steps: Steps, mode: str, times: list) -> None:
    cursor = steps.win.cursor_model
    if mode == MODES[0]:
        for t in times:
            steps.run(mode, cursor.set_time, t)
        return
    cursor.set_time(times[0])
    for _ in times[1:]:
        steps.run(mode, cursor.step_by, 1)


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{statistics.median(values):.2f}–{max(values):.2f}"


def report_steps(kinds: dict[str, Steps], floors: dict[str, list[float]],
                 ratios: dict[tuple[str, str], list[float]], scale: float) -> None:
    for mode in MODES:
        flat = [x for per_round in floors[mode] for x in per_round]
        print(f"  {mode}: floor (fill the canvas's paths into a {W * scale:g}x{H * scale:g} "
              f"pixel image) median "
              f"{ms(statistics.median(flat)):.2f} ms")
        for kind, steps in kinds.items():
            values, counts = steps.times[mode], steps.counts[mode]
            chart = sum(c[1] for c in counts)
            chart_text = (f"chart painted {chart} times" if chart >= 0 else "no chart")
            missed = sum(1 for c in counts if c[0] < 1 or (c[1] == 0))
            print(f"    {kind:26s} median {ms(statistics.median(values)):6.2f} ms, p90 "
                  f"{ms(p90(values)):6.2f} ms; ratio per round {spread(ratios[kind, mode])}x "
                  f"(min–median–max); {len(values)} steps: canvas painted "
                  f"{sum(c[0] for c in counts)}, {chart_text}, {missed} steps missing a "
                  f"paint, {sum(c[2] for c in counts) / len(counts):.2f} frames and "
                  f"{sum(c[3] for c in counts) / len(counts):.2f} window layouts a step")


def bench(name: str, path: Path, rounds: int, n: int, scale: float,
          navigation_only: bool = False, navigation: bool = True) -> None:
    app = QApplication.instance()
    counter = EventCounter(app)
    print(f"{name}: {path.name} ({path.stat().st_size / 1e6:.2f} MB), canvas {W}x{H} "
          f"logical pixels at device pixel ratio {scale:g}; {rounds} rounds of {n} steps; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    MEASURED.clear()
    FOLLOW.clear()
    first = sized_window(KINDS[0])
    assert first.canvas.devicePixelRatioF() == scale, first.canvas.devicePixelRatioF()
    if navigation_only:
        navigation_bench(first, path, counter, rounds, scale)
        return
    opens, lazy, eager = [], [], []
    for _ in range(7):                  # interleaved: an open, then its floors
        opens.append(open_to_first_paint(path, first))
        lazy.append(lazy_floor(path, (round(W * scale), round(H * scale))))
        eager.append(open_floor(path))
    print(f"  open to first paint (File > Open, event loop running) median "
          f"{ms(statistics.median(opens)):7.1f} ms (7 runs: "
          f"{', '.join(f'{ms(x):.0f}' for x in opens)}); lazy floor (regions' and that "
          f"date's blobs read, parsed, filled once) median {ms(statistics.median(lazy)):.1f}"
          f" ms -> ratio per run {spread([o / f for o, f in zip(opens, lazy)])}x "
          f"(min–median–max); every blob read + parsed {ms(statistics.median(eager)):.1f} ms;"
          f" then the whole file shown {ms(statistics.median(FOLLOW)):.0f} ms later")
    if MEASURED:
        print(f"  then, in the background: each layer and change measured in each region "
              f"in {ms(statistics.median(MEASURED)):.0f} ms (median; then the front analytics, "
              f"then the pieces made paths)")
    opened = [open_gaps(path, first) for _ in range(3)]
    worst = [gaps[0][0] for _, gaps in opened]
    runs = "; ".join(", ".join(f"{ms(g):.0f} ms at {at:.2f} s" for g, at in gaps)
                     for _, gaps in opened)
    print(f"  File > Open until every background job was delivered, event loop running: "
          f"{', '.join(f'{s:.1f}' for s, _ in opened)} s (3 runs); longest event-loop gaps "
          f"per run {runs} (the longest: median {ms(statistics.median(worst)):.0f} ms, "
          f"budget 100)")
    kinds = {KINDS[0]: Steps(first, counter)}
    for kind in KINDS[1:]:
        win = sized_window(kind)
        open_to_first_paint(path, win)
        kinds[kind] = Steps(win, counter)
    for steps in kinds.values():
        quiet(steps.win)
    floors: dict[str, list[list[float]]] = {m: [] for m in MODES}
    ratios: dict[tuple[str, str], list[float]] = {}
    rng = random.Random(1)
    for r in range(rounds):
        for mode in MODES:
            times = step_times(first, mode, n, rng)
            round_medians = {}
            for kind, steps in kinds.items():
                done = len(steps.times.get(mode, []))
                time_steps(steps, mode, times)
                round_medians[kind] = statistics.median(steps.times[mode][done:])
            shown = times if mode == MODES[0] else times[1:]
            floor = floor_fill(canvas_fills(first, shown), W, H, scale)
            floors[mode].append(floor)
            for kind, median in round_medians.items():
                ratios.setdefault((kind, mode), []).append(median / statistics.median(floor))
        if navigation:
            navigate(kinds[KINDS[0]], round_=r)
            navigate_after_pauses(kinds[KINDS[0]], round_=r)
        if r == 0:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report_steps(kinds, floors, ratios, scale)
    if navigation:
        report_navigation(kinds[KINDS[0]])
    print(f"  peak memory after the first round, {len(kinds)} windows open: {peak:.0f} MB "
          f"(ru_maxrss)")
    print(f"  load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for steps in kinds.values():
        steps.win.close()
        steps.win.deleteLater()
    QApplication.processEvents()


def navigation_bench(win: MainWindow, path: Path, counter: EventCounter, rounds: int,
                     scale: float) -> None:
    """``--navigation``: only the drags and notches, in the whole window, and the floor
    for the date shown."""
    open_to_first_paint(path, win)
    quiet(win)
    nav, floors = Steps(win, counter), []
    for r in range(rounds):
        navigate(nav, round_=r)
        navigate_after_pauses(nav, round_=r)
        floors.extend(floor_fill(canvas_fills(win, [win.cursor_model.time]), W, H, scale))
    print(f"  floor (fill the canvas's paths into a {W * scale:g}x{H * scale:g} pixel image) "
          f"median {ms(statistics.median(floors)):.2f} ms")
    report_navigation(nav)
    print(f"  peak memory, 1 window open: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (ru_maxrss)")
    print(f"  load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sample", "deepstate"),
                        help="one situation per process, so the peak memory is its own")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=40, help="time steps per round and kind")
    parser.add_argument("--no-dpr2", action="store_true",
                        help="skip the subprocess at device pixel ratio 2")
    parser.add_argument("--navigation", action="store_true",
                        help="only the drags and wheel notches (in one window), for iterating")
    parser.add_argument("--no-navigation", action="store_true",
                        help="time steps only: no drags and zooms")
    args = parser.parse_args()
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    app = QApplication.instance() or QApplication(["bench"])
    if args.only != "deepstate":
        bench("sample", sample_path(), args.rounds, args.steps, scale, args.navigation,
              not args.no_navigation)
    if args.only == "sample":
        return 0
    try:
        from deepstate_situation import CORPUS, cached
    except SystemExit as exc:
        print(f"deepstate: skipped ({exc})")
        return 0
    if not CORPUS.is_dir():
        print(f"deepstate: skipped ({CORPUS} is absent)")
        return 0
    bench("deepstate", cached(), args.rounds, args.steps, scale, args.navigation,
          not args.no_navigation)
    del app
    if scale == 1 and not args.no_dpr2:
        sys.stdout.flush()
        return subprocess.run([sys.executable, __file__, "--only", "deepstate", "--rounds",
                               str(args.rounds), "--steps", str(args.steps)]
                              + ["--navigation"] * args.navigation
                              + ["--no-navigation"] * args.no_navigation,
                              env=dict(os.environ, QT_SCALE_FACTOR="2")).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
