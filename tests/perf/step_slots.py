"""Where a time step's GUI-thread CPU goes outside the map: the whole window and the map
alone (docks closed) stepped to the same dates in turn, in one process, each step split
into the time cursor's handlers (the slots its ``time_changed`` runs, each timed on its
own) and the events after them until everything has painted (frames, and of them the
map canvas's own paint, each other widget's paints, and the rest: Qt's own work in the
frame, the backgrounds it fills under each widget it repaints, the painters it begins,
its regions). Medians (and means, which add up) of thread CPU time (time.thread_time),
DeepState import, 1600x1000 canvas, as bench_window.

Run on demand: ``.venv/bin/python tests/perf/step_slots.py [--steps 300] [--mode
adjacent] [--file F]``. Not a test: nothing here asserts. profile_docks.py has a cProfile of the
steps too.
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
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget  # noqa: E402

# (TimelineWidget._on_time runs the chart's, band's and date field's slots: nested in it)
SLOTS = (("viewer.ui.reports_panel", "ReportsPanel", "_on_time"),
         ("viewer.ui.layers_panel", "LayersPanel", "_on_time"),
         ("viewer.ui.canvas", "MapCanvas", "_on_time"),
         ("viewer.ui.timeline_chart", "TimelineChart", "_on_time"),
         ("viewer.ui.timeline_band", "HighlightBand", "_update"),
         ("viewer.ui.timeline", "TimelineWidget", "_on_time"),
         ("viewer.ui.timeline_date", "DateField", "_on_time"),
         ("viewer.ui.place_panel", "PlacePanel", "refresh"))


class TimingApp(QApplication):
    """Adds up the thread time of the canvases' paints, of the windows' frames, and of
    each other widget's paints (by name: ``widget_name``)."""

    def __init__(self, argv):
        super().__init__(argv)
        self.canvases: set[QObject] = set()
        self.canvas = self.frames = 0.0
        self.paints: dict[str, float] = defaultdict(float)

    def notify(self, obj: QObject, event: QEvent) -> bool:      # noqa: N802
        kind = event.type()
        paint = kind == QEvent.Type.Paint and isinstance(obj, QWidget)
        frame = kind == QEvent.Type.UpdateRequest and isinstance(obj, QWidget) and obj.isWindow()
        if not paint and not frame:
            return super().notify(obj, event)
        t0 = time.thread_time()
        try:
            return super().notify(obj, event)
        finally:
            spent = time.thread_time() - t0
            if not paint:
                self.frames += spent
            elif obj in self.canvases:
                self.canvas += spent
            else:
                self.paints[widget_name(obj)] += spent


def widget_name(widget: QWidget) -> str:
    """The widget's class and its parents' up to its dock (``QLabel<TimelineWidget``)."""
    names = []
    while widget is not None and not isinstance(widget, QDockWidget) and not widget.isWindow():
        names.append(widget.objectName() if widget.objectName().startswith("qt_")
                     else type(widget).__name__)
        widget = widget.parentWidget()
    return "<".join(names[:3])


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
    parser.add_argument("--file", type=Path, help="a situation file (default: the DeepState "
                        "import; e.g. bench_growth.py's growth-1826.gpkg)")
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
        open_to_first_paint(args.file or cached(), win)
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
            app.paints.clear()
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
            row["      of them Qt's own (no paint event)"].append(
                app.frames - app.canvas - sum(app.paints.values()))
            for key, value in app.paints.items():
                row["      paint " + key].append(value)
            row["  of them other events (queued calls, timers)"].append(t2 - t1 - app.frames)
            for key, value in spent.items():
                row["  slot " + key].append(value)
    print(f"{mode}, {len(times)} steps, each window in turn; GUI-thread CPU ms a step, "
          f"medians (means, which add up); load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"  {'':58s} {kinds[0]:>20s} {'map alone':>20s}")
    for key in seen[kinds[0]]:
        cells = []
        for k in kinds:         # a step without that paint or slot counts 0
            values = seen[k].get(key, [])
            values = values + [0.0] * (len(times) - len(values))
            median, mean = statistics.median(values) * 1000, statistics.mean(values) * 1000
            cells.append(f"{median:8.3f} ({mean:7.3f})" if seen[k].get(key) else "-")
        print(f"  {key:58s} {cells[0]:>20s} {cells[1]:>20s}")
    for win in windows:
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
