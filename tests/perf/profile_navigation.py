"""Where a wheel notch to a new view and the end of a drag at a new view go, in GUI-thread
CPU (time.thread_time, which the machine's load disturbs little), stage by stage.

Opens the DeepState import in the whole window (1600x1000 canvas, as bench_window), then
per round: three drags of five 6 x 2 px moves (each settled, no pause) ended by a release
(bench_window's "end of drag at a new view": there, back and there again; ``--one-way``:
each drag on from the last), and ten notches back to back about points
that move with the round ("zoom, notches one way (new views)"). Each action is timed with
the event loop settled after it; the stages are perf counters around the canvas's calls
(the labels' layout and drawing, the background, the layers, the panels).
``--profile FILE`` writes a cProfile of the timed actions instead of the stage table.

Run as ``PYTHONPATH=. python tests/perf/profile_navigation.py [--rounds N]``. Not a unit
test: nothing asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="profile-navigation-")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from profile_canvas import RECORDING, TIMES, _pixmap_label, wrap  # noqa: E402

STAGES: dict[str, dict[str, list[float]]] = {}   # action -> stage -> CPU per action


def instrument() -> None:
    import viewer.render.labels as labels
    import viewer.ui.canvas as canvas
    import viewer.ui.canvas_base_pixmaps as base
    import viewer.ui.canvas_raster as raster
    wrap(canvas.MapCanvas, "paintEvent", "paintEvent (all of it)")
    wrap(labels, "layout_labels", "  labels: layout")
    wrap(labels, "draw_sprites", "  labels: sprites drawn")
    wrap(labels, "draw_borders_above", "  labels: borders above")
    wrap(base, "draw_labels", "  labels: all (draw_labels)")
    wrap(base, "draw_background", "  background (canvas)")
    wrap(raster, "draw_background", "  background (raster)")
    wrap(raster, "draw_dynamic", "  layers (raster)")
    wrap(canvas, "draw_dynamic", "  layers (canvas)")
    wrap(canvas.DecorationPixmaps, "pixmaps", "  panels")
    wrap(canvas.MapCanvas, "label_reserved", "  label_reserved")
    wrap(canvas, "draw_date", "  date")
    wrap(QPainter, "drawPixmap", lambda *a: "  " + _pixmap_label(*a))
    wrap(QPixmap, "fill", lambda *a: f"  QPixmap.fill {a[0].width()}x{a[0].height()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", help="write a cProfile of the timed actions here")
    parser.add_argument("--one-way", action="store_true",
                        help="every drag the same way (bench_window's go there and back)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["profile"])
    import bench_window
    from deepstate_situation import cached
    from frames import EventCounter, settle
    from navigation import _mouse, activate, idle_done
    from open_floor import open_to_first_paint
    counter = EventCounter(app)
    instrument()
    RECORDING[0] = False
    win = bench_window.sized_window(bench_window.KINDS[0])
    open_to_first_paint(cached(), win)
    bench_window.quiet(win)
    canvas, left = win.canvas, Qt.MouseButton.LeftButton
    cpu: dict[str, list[float]] = {}
    profiler = cProfile.Profile() if args.profile else None

    def timed(label, action, *a):
        settle(counter)
        RECORDING[0] = True
        if profiler:
            profiler.enable()
        c0 = time.thread_time()
        action(*a)
        settle(counter)
        cpu.setdefault(label, []).append(time.thread_time() - c0)
        if profiler:
            profiler.disable()
        RECORDING[0] = False
        per = STAGES.setdefault(label, {})
        for stage, values in TIMES.items():
            per.setdefault(stage, []).append(sum(v[1] for v in values))
        TIMES.clear()

    activate(bench_window.Steps(win, counter))
    for r in range(args.rounds):
        for d in range(3):
            pos = QPointF(canvas.width() / 2, canvas.height() / 2)
            idle_done(canvas)           # as bench_window's drags after a pause
            _mouse(canvas, QEvent.Type.MouseButtonPress, pos, left)
            for _ in range(5):
                pos = pos + QPointF(6, 2) * (1 if d % 2 and not args.one_way else -1)
                _mouse(canvas, QEvent.Type.MouseMove, pos, left)
                settle(counter)
            timed("end of drag at a new view", _mouse, canvas,
                  QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        centre = canvas.rect().center().toPointF()
        inward = centre + QPointF(150 + 29 * r, -90 + 17 * r)
        outward = centre + QPointF(-210 + 23 * r, 60 - 13 * r)
        for i in range(10):
            timed("notch to a new view", canvas.zoom_by, 1.25 if i < 5 else 0.8,
                  inward if i < 5 else outward)
        canvas.zoom_to_default()
        settle(counter)
    print(f"whole window, 1600x1000, {args.rounds} rounds; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, values in cpu.items():
        print(f"  {label}: GUI CPU median {statistics.median(values) * 1e3:.2f} ms, mean "
              f"{statistics.mean(values) * 1e3:.2f} ms ({len(values)}: "
              f"{' '.join(f'{v * 1e3:.0f}' for v in values)})")
    if profiler:
        profiler.dump_stats(args.profile)
    else:
        for action, stages in STAGES.items():
            print(f"  {action}: stage, mean GUI CPU per action")
            for stage, values in stages.items():
                print(f"    {stage:36s} {sum(values) / len(cpu[action]) * 1e3:8.3f} ms")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
