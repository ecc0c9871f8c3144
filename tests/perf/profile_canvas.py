"""Where the map canvas's time step goes, stage by stage, against the fill floor.

Opens the DeepState import in a window with its docks closed (the map alone, 1600x1000),
steps to random dates with the event loop settled after each (as bench_window does), and
times each stage of the canvas's paint with perf counters around the calls: the
GUI thread's CPU (time.thread_time, which the machine's load disturbs little) and the
wall clock. Stages: the paint as a whole; the dynamic layers (draw_dynamic) and, of it,
the fillPath calls and the making of state paths from their dissolved outlines; each
cached pixmap drawn (the background, the labels, the panels, told apart by size and
alpha channel); the date; the canvas's reaction to the time (_on_time). Then the floor
for the same dates (fill_floor: their recorded fills into a QImage), in CPU and wall.

Run as ``PYTHONPATH=. python tests/perf/profile_canvas.py [--steps N] [--file F]``; at a device
pixel ratio of 2 with ``QT_SCALE_FACTOR=2``. The wrappers cost a few microseconds a
call (some 30 calls a step). fillPath is counted wherever the canvas's code calls it: when
steps are slow (a loaded machine), the idle work (canvas_idle) runs between them and its
rasters' fills are counted too (more than draw_dynamic's some 5 calls a step). Not a unit
test: nothing asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="profile-canvas-")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import viewer.ui.canvas as canvas_module  # noqa: E402
from viewer.render import prebuild_states  # noqa: E402

TIMES: dict[str, list[tuple[float, float]]] = {}
RECORDING = [True]


def _timed(label, call, *args, **kwargs):
    t0, c0 = time.perf_counter(), time.thread_time()
    try:
        return call(*args, **kwargs)
    finally:
        if RECORDING[0]:
            name = label(*args) if callable(label) else label
            TIMES.setdefault(name, []).append((time.perf_counter() - t0,
                                               time.thread_time() - c0))


def wrap(owner, name: str, label) -> None:
    """Time every call of ``owner.name`` under ``label`` (or ``label(*args)``)."""
    original = getattr(owner, name)
    setattr(owner, name, lambda *a, **k: _timed(label, original, *a, **k))


def _pixmap_label(_painter, *args) -> str:
    pixmap = args[-1]
    return (f"drawPixmap {pixmap.width()}x{pixmap.height()} "
            f"{'alpha' if pixmap.hasAlphaChannel() else 'opaque'}")


def instrument() -> None:
    wrap(canvas_module.MapCanvas, "paintEvent", "paintEvent (all of it)")
    wrap(canvas_module.MapCanvas, "_on_time", "_on_time (region of the step)")
    wrap(canvas_module, "draw_dynamic", "draw_dynamic (layers, highlights)")
    wrap(canvas_module, "draw_date", "draw_date")
    wrap(prebuild_states.Dissolved, "path", "  of it: dissolved state made a path")
    wrap(QPainter, "fillPath", "  of it: fillPath")
    wrap(QPainter, "drawPixmap", _pixmap_label)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=80)
    parser.add_argument("--file", type=Path, help="a situation file (default: the DeepState "
                        "import; e.g. bench_growth.py's growth-1826.gpkg)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["profile"])
    import bench_window
    from deepstate_situation import cached
    from fill_floor import canvas_fills, floor_fill
    from frames import EventCounter, settle
    from open_floor import open_to_first_paint
    counter = EventCounter(app)
    instrument()            # before the window: its paint and time slot are looked up then
    RECORDING[0] = False
    win = bench_window.sized_window(bench_window.KINDS[2])
    open_to_first_paint(args.file or cached(), win)
    bench_window.quiet(win)
    cursor, dpr, n = win.cursor_model, win.canvas.devicePixelRatioF(), args.steps
    rng = random.Random(1)
    times = [cursor.start + (cursor.end - cursor.start) * rng.random() for _ in range(n)]
    for t in times[:5]:                     # warm: fonts, pixmaps, the panels' layout
        cursor.set_time(t)
        settle(counter)
    RECORDING[0] = True
    walls, cpus = [], []
    for t in times:
        settle(counter)
        t0, c0 = time.perf_counter(), time.thread_time()
        cursor.set_time(t)
        settle(counter)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.thread_time() - c0)
    RECORDING[0] = False
    fills = canvas_fills(win, times[:20])
    floor = floor_fill(fills, bench_window.W, bench_window.H, dpr)
    floor_cpu = floor_fill(fills, bench_window.W, bench_window.H, dpr, time.thread_time)
    ms = 1e3
    print(f"map alone, {bench_window.W}x{bench_window.H} at device pixel ratio {dpr:g}, "
          f"{n} random steps; load average {os.getloadavg()[0]:.2f}")
    print(f"  step (event loop settled): median wall {statistics.median(walls) * ms:.2f} ms,"
          f" GUI-thread CPU {statistics.median(cpus) * ms:.2f} ms")
    print(f"  floor (recorded fills into a QImage): median wall "
          f"{statistics.median(floor) * ms:.2f} ms, CPU {statistics.median(floor_cpu) * ms:.2f} ms")
    print(f"  {'stage':40s} {'calls/step':>10s} {'wall/step':>10s} {'CPU/step':>10s}")
    for label, values in TIMES.items():
        wall, cpu = (sum(v[k] for v in values) / n * ms for k in (0, 1))
        print(f"  {label:40s} {len(values) / n:10.2f} {wall:8.3f}ms {cpu:8.3f}ms")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
