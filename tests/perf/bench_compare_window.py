"""Time steps while comparing, in the window, on the DeepState import (1600x1000).

The main window steps through the last 40 change dates (B; A is 30 days earlier and
moves with it in the steps of the "A moves" rows), timed until the event loop is idle
and every widget has painted (frames.settle): with the comparison closed (the floor),
then open as swipe, side by side (two canvases) and difference. Rounds interleave the
modes; the medians and their ratios to the floor are printed, over all rounds and
round by round (the machine is shared: a round's ratio compares steps taken minutes
apart at most; issue 14's budget for swipe and side by side: 2x). Not a unit test: nothing here asserts.

    .venv/bin/python tests/perf/bench_compare_window.py
"""

from __future__ import annotations

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


def main() -> int:
    from PySide6.QtWidgets import QApplication

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
    window.worker.wait(120)              # the regions measured (then delivered by settle)
    settle(counter)
    dates = sorted({c.at for c in situation.changes})[-40:]
    steps: dict[tuple[str, bool], list[float]] = {}
    rounds: list[dict[tuple[str, bool], float]] = []       # each round's medians
    for _ in range(ROUNDS):
        this: dict[tuple[str, bool], list[float]] = {}
        for mode in MODES:
            for a_moves in ((False,) if mode == "closed" else (False, True)):
                if mode == "closed":
                    window.compare_mode.close()
                else:
                    view = window.compare_mode.open(dates[0] - timedelta(days=30))
                    view.resize(1600, 1000)
                    view.set_mode(mode)
                window.cursor_model.set_time(dates[0])
                settle(counter)
                for t in dates[1:]:
                    start = time.perf_counter()
                    window.cursor_model.set_time(t)
                    if a_moves:
                        window.compare_mode.view.set_a(t - timedelta(days=30))
                    settle(counter)
                    steps.setdefault((mode, a_moves), []).append(time.perf_counter() - start)
                    this.setdefault((mode, a_moves), []).append(time.perf_counter() - start)
        rounds.append({key: statistics.median(v) for key, v in this.items()})
    window.compare_mode.close()
    floor = statistics.median(steps[("closed", False)]) * 1000
    print(f"Time step in the window, DeepState, last {len(dates) - 1} changes x {ROUNDS} "
          f"rounds, load {os.getloadavg()[0]:.1f}:")
    print(f"  comparison closed (floor): {floor:.1f} ms")
    for mode in MODES[1:]:
        for a_moves in (False, True):
            median = statistics.median(steps[(mode, a_moves)]) * 1000
            per_round = " ".join(f"{r[(mode, a_moves)] / r[('closed', False)]:.2f}x"
                                 for r in rounds)
            print(f"  {mode:5} {'A moves too' if a_moves else 'A fixed    '}: {median:6.1f} ms "
                  f"({median / floor:.2f}x; per round {per_round})")
    window.edits.may_close = lambda: True
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
