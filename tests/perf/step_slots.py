"""Where a time step's GUI-thread CPU goes outside the map: the whole window and the map
alone (docks closed) stepped to the same dates in turn, in one process, each step split
into the time cursor's handlers (the slots its ``time_changed`` runs, each timed on its
own) and the events after them until everything has painted (frames, and of them the
map canvas's own paint). Medians of thread CPU time (time.thread_time), DeepState import,
1600x1000 canvas, as bench_window.

Run on demand: ``.venv/bin/python tests/perf/step_slots.py [--steps 300] [--mode
adjacent]``. Not a test: nothing here asserts. The paints of each widget are in
profile_docks.py.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SLOTS = (("viewer.ui.reports_panel", "ReportsPanel", "_on_time"),
         ("viewer.ui.layers_panel", "LayersPanel", "_on_time"),
         ("viewer.ui.canvas", "MapCanvas", "_on_time"),
         ("viewer.ui.timeline_chart", "TimelineChart", "_on_time"),
         ("viewer.ui.timeline_band", "HighlightBand", "_update"),
         ("viewer.ui.timeline", "TimelineWidget", "_on_time"),
         ("viewer.ui.timeline_date", "DateField", "_on_time"),
         ("viewer.ui.place_panel", "PlacePanel", "refresh"))


class TimingApp(QApplication):
    """Adds up the thread time of the canvases' paints and of the windows' frames."""

    def __init__(self, argv):
        super().__init__(argv)
        self.canvases: set[QObject] = set()
        self.canvas = self.frames = 0.0

    def notify(self, obj: QObject, event: QEvent) -> bool:      # noqa: N802
        kind = event.type()
        canvas = kind == QEvent.Type.Paint and obj in self.canvases
        frame = kind == QEvent.Type.UpdateRequest and isinstance(obj, QWidget) and obj.isWindow()
        if not canvas and not frame:
            return super().notify(obj, event)
        t0 = time.thread_time()
        try:
            return super().notify(obj, event)
        finally:
            if canvas:
                self.canvas += time.thread_time() - t0
            else:
                self.frames += time.thread_time() - t0


def time_slots(spent: dict[str, float]) -> None:
    """Wrap each slot of SLOTS (before any window connects it) to add its thread time
    to ``spent``, under the owner of the window that ran it."""
    import importlib
    for module, owner, name in SLOTS:
        cls = getattr(importlib.import_module(module), owner)
        slot = getattr(cls, name)

        @functools.wraps(slot)
        def timed(self, *args, _slot=slot, _key=f"{owner}.{name}", **kwargs):
            t0 = time.thread_time()
            try:
                return _slot(self, *args, **kwargs)
            finally:
                spent[_key] += time.thread_time() - t0
        setattr(cls, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--mode", choices=("random", "adjacent"), default="random")
    args = parser.parse_args()
    app = TimingApp(["step_slots"])
    spent: dict[str, float] = defaultdict(float)
    time_slots(spent)
    from bench_window import KINDS, MODES, quiet, sized_window, step_times  # noqa: E402
    from deepstate_situation import cached  # noqa: E402
    from frames import EventCounter, settle  # noqa: E402
    from open_floor import open_to_first_paint  # noqa: E402

    counter = EventCounter(app)
    kinds = (KINDS[0], KINDS[2])
    windows = [sized_window(kind) for kind in kinds]
    for win in windows:
        open_to_first_paint(cached(), win)
    for win in windows:
        quiet(win)
    app.canvases = {win.canvas for win in windows}
    mode = MODES[0] if args.mode == "random" else MODES[1]
    times = step_times(windows[0], mode, args.steps, random.Random(1))
    if mode == MODES[1]:
        for win in windows:
            win.cursor_model.set_time(times[0])
        times = times[1:]
    seen = {kind: defaultdict(list) for kind in kinds}
    for t in times:
        for kind, win in zip(kinds, windows):
            settle(counter)
            spent.clear()
            app.canvas = app.frames = 0.0
            t0 = time.thread_time()
            win.cursor_model.set_time(t) if mode == MODES[0] else win.cursor_model.step_by(1)
            t1 = time.thread_time()
            settle(counter)
            t2 = time.thread_time()
            row = seen[kind]
            row["handlers"].append(t1 - t0)
            row["events after them"].append(t2 - t1)
            row["  of them frames"].append(app.frames)
            row["    of them the canvas's paint"].append(app.canvas)
            row["    frames less the canvas"].append(app.frames - app.canvas)
            for key, value in spent.items():
                row["  slot " + key].append(value)
    print(f"{mode}, {len(times)} steps, each window in turn; medians of GUI-thread CPU ms "
          f"a step; load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"  {'':40s} {kinds[0]:>14s} {'map alone':>14s}")
    for key in seen[kinds[0]]:
        values = [statistics.median(seen[k][key]) * 1000 if seen[k].get(key) else float("nan")
                  for k in kinds]
        print(f"  {key:40s} {values[0]:14.3f} {values[1]:14.3f}")
    for win in windows:
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
