"""Where a time step's time goes outside the map: each widget's paint events, counted and
timed (thread CPU time, exclusive of the paints nested in them), and a cProfile of the
Python run by the steps, in the whole window on the DeepState import at 1600x1000.

Run on demand: ``.venv/bin/python tests/perf/profile_docks.py [--steps 200] [--front
regions]`` (``--front``: the tab in front in the left column, Layers by default). The
steps run the event loop until everything has painted (``frames.settle``), as
bench_window does. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


class TimingApp(QApplication):
    """Times every event it delivers by receiver (paints) or type (others), each net
    of the events delivered inside it."""

    def __init__(self, argv):
        super().__init__(argv)
        self.on = False
        self.paint = defaultdict(lambda: [0, 0.0])       # widget name -> [count, seconds]
        self.other = defaultdict(lambda: [0, 0.0])       # event type -> [count, seconds]
        self._stack: list[float] = []                    # nested time of the events open

    def notify(self, obj: QObject, event: QEvent) -> bool:      # noqa: N802
        if not self.on:
            return super().notify(obj, event)
        kind = event.type()
        self._stack.append(0.0)
        t0 = time.thread_time()
        try:
            return super().notify(obj, event)
        finally:
            spent = time.thread_time() - t0
            nested = self._stack.pop()
            if self._stack:
                self._stack[-1] += spent
            if kind == QEvent.Type.Paint and isinstance(obj, QWidget):
                entry = self.paint[name_of(obj)]
            else:
                entry = self.other[f"{kind.name} -> {type(obj).__name__}"]
            entry[0] += 1
            entry[1] += spent - nested

    def reset(self) -> None:
        self.paint.clear()
        self.other.clear()


def name_of(widget: QWidget) -> str:
    """A widget and its owners up to the dock (``reports_dock/ReportsTree/QWidget``)."""
    parts, w = [], widget
    while w is not None and not w.isWindow():
        parts.append(w.objectName() or type(w).__name__)
        if w.objectName().endswith("_dock"):
            break
        w = w.parentWidget()
    return "/".join(reversed(parts[:4])) if len(parts) <= 4 else \
        "/".join(reversed(parts[-1:] + parts[:3]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--mode", choices=("random", "adjacent"), default="random")
    parser.add_argument("--kind", type=int, default=0, help="0 whole window, 1 Reports "
                                                            "closed, 2 map alone")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--front", choices=("layers", "regions", "settlements"),
                        default="layers", help="the tab in front in the left column")
    args = parser.parse_args()
    app = TimingApp(["profile"])
    from bench_window import KINDS, MODES, quiet, sized_window, step_times  # noqa: E402
    from deepstate_situation import cached  # noqa: E402
    from frames import EventCounter, settle  # noqa: E402
    from open_floor import open_to_first_paint  # noqa: E402

    counter = EventCounter(app)
    win = sized_window(KINDS[args.kind])
    open_to_first_paint(cached(), win)
    {"layers": win.layers_dock, "regions": win.regions_dock,
     "settlements": win.analytics.dock}[args.front].raise_()
    quiet(win)
    mode = MODES[0] if args.mode == "random" else MODES[1]
    times = step_times(win, mode, args.steps, random.Random(1))
    cursor = win.cursor_model
    steps = [(cursor.set_time, t) for t in times] if mode == MODES[0] else \
        [(cursor.step_by, 1)] * args.steps
    if mode == MODES[1]:
        cursor.set_time(times[0])
    settle(counter)

    def run(profile: cProfile.Profile | None) -> float:
        total = 0.0
        for action, arg in steps:
            settle(counter)
            t0 = time.thread_time()
            if profile:
                profile.enable()
            action(arg)
            settle(counter)
            if profile:
                profile.disable()
            total += time.thread_time() - t0
        return total

    app.on = True
    total = run(None)
    app.on = False
    n = len(steps)
    print(f"{KINDS[args.kind]}, {args.front} in front, {mode}: {n} steps, {1000 * total / n:.2f} ms CPU a step "
          f"(with the timing of every event); load {os.getloadavg()[0]:.2f}")
    print("paint events (exclusive CPU ms a step, paints a step):")
    for name, (count, spent) in sorted(app.paint.items(), key=lambda kv: -kv[1][1]):
        print(f"  {1000 * spent / n:7.3f} ms  {count / n:5.2f}  {name}")
    print("other events (exclusive):")
    for name, (count, spent) in sorted(app.other.items(), key=lambda kv: -kv[1][1])[:20]:
        print(f"  {1000 * spent / n:7.3f} ms  {count / n:6.2f}  {name}")
    profile = cProfile.Profile(time.thread_time)
    run(profile)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_callees("emit|_refresh|show|set_area")
    print(out.getvalue())
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
