"""What the Reports dock costs a time step, in GUI-thread CPU time (``time.thread_time``),
on the DeepState import at a 1600x1000 canvas: the same steps in the whole window and in
one with the Reports dock closed, interleaved step by step (so the machine's load falls
on both alike); their difference is the dock's cost. Also the CPU time of the events
delivered to the dock's widgets (paints, layouts, timers: inclusive of nested events)
and of the panel's refresh.

Run on demand: ``.venv/bin/python tests/perf/bench_reports_dock.py [--steps 200]``.
Not a test: nothing here asserts; the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


class DockApp(QApplication):
    """Sums the CPU time of the events delivered to ``inside`` widgets (outermost only)."""

    def __init__(self, argv):
        super().__init__(argv)
        self.inside: set[int] = set()
        self.spent = 0.0
        self._depth = 0

    def notify(self, obj: QObject, event) -> bool:      # noqa: N802
        if self._depth or not isinstance(obj, QWidget) or id(obj) not in self.inside:
            return super().notify(obj, event)
        self._depth += 1
        t0 = time.thread_time()
        try:
            return super().notify(obj, event)
        finally:
            self.spent += time.thread_time() - t0
            self._depth -= 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    app = DockApp(["bench"])
    from bench_window import KINDS, MODES, quiet, sized_window, step_times  # noqa: E402
    from deepstate_situation import cached  # noqa: E402
    from frames import EventCounter, settle  # noqa: E402
    from open_floor import open_to_first_paint  # noqa: E402

    counter = EventCounter(app)
    wins = [sized_window(KINDS[0]), sized_window(KINDS[1])]
    for win in wins:
        open_to_first_paint(cached(), win)
        quiet(win)
    dock = wins[0].reports_dock
    app.inside = {id(w) for w in dock.findChildren(QWidget)} | {id(dock)}
    panel = wins[0].reports_panel
    refresh, spent_refresh = panel._refresh, [0.0]

    def timed_refresh(t):
        t0 = time.thread_time()
        refresh(t)
        spent_refresh[0] += time.thread_time() - t0
    panel._refresh = timed_refresh
    panel._sight._refresh = lambda: timed_refresh(panel.cursor.time)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{len(panel._rows.ids)} rows in the list")
    rng = random.Random(1)
    for mode in MODES:
        times = step_times(wins[0], mode, args.steps, rng)
        cpu = {0: [], 1: []}
        events = refreshes = 0.0
        if mode == MODES[1]:
            for win in wins:
                win.cursor_model.set_time(times[0])
                settle(counter)
        for t in (times if mode == MODES[0] else times[1:]):
            for k, win in enumerate(wins):
                settle(counter)
                app.spent, spent_refresh[0] = 0.0, 0.0
                t0 = time.thread_time()
                if mode == MODES[0]:
                    win.cursor_model.set_time(t)
                else:
                    win.cursor_model.step_by(1)
                settle(counter)
                cpu[k].append(time.thread_time() - t0)
                if k == 0:
                    events += app.spent
                    refreshes += spent_refresh[0]
        n = len(cpu[0])
        whole, closed = (1000 * statistics.mean(cpu[k]) for k in (0, 1))
        print(f"{mode}: {n} steps, CPU ms a step (mean): whole window {whole:.3f}, Reports "
              f"closed {closed:.3f}, difference {whole - closed:.3f}; of it the panel's "
              f"refresh {1000 * refreshes / n:.3f}, events to the dock's widgets "
              f"{1000 * events / n:.3f}; medians {1000 * statistics.median(cpu[0]):.3f} / "
              f"{1000 * statistics.median(cpu[1]):.3f}")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for win in wins:
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
