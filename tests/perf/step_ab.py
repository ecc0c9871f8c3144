"""A change's time-step cost, old against new, in one process: the old code of a name
(as a git revision has it) and the new one swapped in step by step (interleaved: old,
new, new, old, ...), in one window on the DeepState import at 1600x1000 (bench_window's
kinds). Each step is timed as bench_window times it (until everything has painted);
medians of GUI-thread CPU (time.thread_time) and wall, for the time's handlers, the
events after them, and those less the map canvas's paint (the part outside the map,
which varies less from date to date than the canvas).

Run on demand: ``.venv/bin/python tests/perf/step_ab.py --old main --module
viewer.ui.row_blit --name RowBlit --into viewer.ui.window_rows [--mode adjacent]``
(``--into``: the modules that hold the name as imported, each swapped too), or a value
of a module's name against today's: ``--old-value 10**6 --module viewer.ui.timeline_band
--name STRIP_ROWS`` (``--old`` is then not asked for). The canvas
does no idle work here (its rasters made ahead would land in some steps). Not a test:
nothing here asserts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="step-ab-settings-")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class TimingApp(QApplication):
    """Adds up the thread time and wall time of the canvas's paints."""
    canvas = None

    def __init__(self, argv):
        super().__init__(argv)
        self.spent = [0.0, 0.0]

    def notify(self, obj, event) -> bool:       # noqa: N802
        if obj is not self.canvas or event.type() != QEvent.Type.Paint:
            return super().notify(obj, event)
        c0, w0 = time.thread_time(), time.perf_counter()
        try:
            return super().notify(obj, event)
        finally:
            self.spent[0] += time.thread_time() - c0
            self.spent[1] += time.perf_counter() - w0


def old_module(name: str, rev: str) -> types.ModuleType:
    """Module ``name`` as revision ``rev`` has it (its own imports are today's)."""
    path = name.replace(".", "/") + ".py"
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(name + "_old")
    module.__file__ = str(ROOT / path)
    exec(compile(source, f"{rev}:{path}", "exec"), module.__dict__)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="git revision of the old code")
    parser.add_argument("--old-value", help="instead: a Python expression, the old value")
    parser.add_argument("--module", required=True)
    parser.add_argument("--name", required=True, help="a class or function of --module")
    parser.add_argument("--into", nargs="*", default=[])
    parser.add_argument("--mode", choices=("random", "adjacent"), default="random")
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--kind", type=int, default=0, help="0 whole window, 1 Reports "
                                                            "closed, 2 map alone")
    args = parser.parse_args()
    if (args.old is None) == (args.old_value is None):
        parser.error("give --old or --old-value")
    app = TimingApp(["step_ab"])
    import viewer.ui.canvas_idle as canvas_idle
    from bench_window import KINDS, MODES, quiet, sized_window, step_times
    from deepstate_situation import cached
    from frames import EventCounter, settle
    from open_floor import open_to_first_paint
    canvas_idle.IDLE_MS = 10 ** 9
    holders = [importlib.import_module(m) for m in [args.module] + args.into]
    code = {"old": eval(args.old_value) if args.old_value is not None
            else getattr(old_module(args.module, args.old), args.name),
            "new": getattr(holders[0], args.name)}
    counter = EventCounter(app)
    win = sized_window(KINDS[args.kind])
    open_to_first_paint(cached(), win)
    quiet(win)
    app.canvas = win.canvas
    mode = MODES[0] if args.mode == "random" else MODES[1]
    times = step_times(win, mode, args.steps, random.Random(1))
    if mode == MODES[1]:
        win.cursor_model.set_time(times[0])
        times = times[1:]
    seen = {v: defaultdict(list) for v in code}
    for k, t in enumerate(times):
        variant = ("old", "new", "new", "old")[k % 4]
        for holder in holders:
            setattr(holder, args.name, code[variant])
        settle(counter)
        app.spent[:] = [0.0, 0.0]
        c0, w0 = time.thread_time(), time.perf_counter()
        win.cursor_model.set_time(t) if mode == MODES[0] else win.cursor_model.step_by(1)
        c1, w1 = time.thread_time(), time.perf_counter()
        settle(counter)
        c2, w2 = time.thread_time(), time.perf_counter()
        row = seen[variant]
        for key, value in (("handlers", (c1 - c0, w1 - w0)), ("step", (c2 - c0, w2 - w0)),
                           ("events after them", (c2 - c1, w2 - w1)),
                           ("  less the canvas", (c2 - c1 - app.spent[0],
                                                  w2 - w1 - app.spent[1]))):
            row[key].append(value)
    print(f"{args.module}.{args.name}: {args.old or args.old_value} (old) vs the worktree (new); "
          f"{KINDS[args.kind]}, {mode}, {len(times)} steps interleaved; medians, ms; load "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"  {'':22s} {'CPU old':>9s} {'CPU new':>9s} {'wall old':>9s} {'wall new':>9s}")
    for key in seen["old"]:
        cpu = [statistics.median(c for c, _ in seen[v][key]) * 1000 for v in code]
        wall = [statistics.median(w for _, w in seen[v][key]) * 1000 for v in code]
        print(f"  {key:22s} {cpu[0]:9.3f} {cpu[1]:9.3f} {wall[0]:9.3f} {wall[1]:9.3f}")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
