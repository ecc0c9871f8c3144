"""Big layers in the window: the 200,000 timestamped squares and the 2,000,000-vertex
polygon of bench_import_scale, imported once (cached), then opened in a 1600x1000 map.

Prints, per case (each in its own process, so the peak memory is its own): open to first
paint, time steps to random dates (each timed until the event loop is idle and every
widget has painted, as bench_window does), the longest gap between ticks of a 1 ms timer
while the time cursor is scrubbed by a timer every 20 ms (how long the event loop was
blocked at once), and the peak memory. The issue's budgets for the squares: first paint
<= 2 s, step median <= 50 ms, gap <= 100 ms, < 800 MB; for the polygon: step median
<= 50 ms. Not a unit test: nothing here asserts; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_window as bw  # noqa: E402  (sets the offscreen platform and fresh settings)

CASES = {"squares": ("squares", 200_000), "big": ("big", 2_000_000)}


def situation_file(case: str, scale: float) -> Path:
    from bench_import_scale import make_input
    from viewer.importing.pipeline import ImportOptions
    from viewer.importing.to_file import import_to_file
    kind, n = CASES[case]
    n = max(10, int(n * scale))
    folder = Path(tempfile.gettempdir()) / "situation-viewer-scale-inputs"
    folder.mkdir(exist_ok=True)
    out = folder / f"{case}-{n}.gpkg"
    if not out.exists():
        source = make_input(kind, n, folder)
        import_to_file(ImportOptions([str(source)], layer="Scale"), str(out))
    return out


def scrub_gap(win, steps: int, every_ms: int = 20) -> float:
    """Longest gap (s) between 1 ms timer ticks while a timer moves the cursor."""
    from PySide6.QtCore import QEventLoop, QTimer
    cursor = win.cursor_model
    rng = random.Random(2)
    start, end = cursor.start, cursor.end
    ticks: list[float] = []
    loop = QEventLoop()
    ticker, stepper = QTimer(win), QTimer(win)
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    left = [steps]

    def step():
        if left[0] == 0:
            stepper.stop()
            loop.quit()
            return
        left[0] -= 1
        cursor.set_time(start + (end - start) * rng.random())
    stepper.setInterval(every_ms)
    stepper.timeout.connect(step)
    ticker.start()
    stepper.start()
    loop.exec()
    ticker.stop()
    return max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0)


def layer_drawn(win, t0: float) -> tuple[float, float]:
    """Seconds from ``t0`` until the map has drawn the layer's state shown (a big state
    is drawn once its Display for the zoom is made in the background), and until the
    builder has made every state's (it then idles)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    from viewer.render.display import bucket
    app, wait = QApplication.instance(), QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    scene, canvas = win.canvas.scene, win.canvas
    layer = scene.situation.layers[0]
    index = layer.history.state_index(canvas.render_settings().at)   # (a first view's time)
    key = (layer.id, index, bucket(canvas.viewport().metres_per_pixel / canvas.devicePixelRatioF()))
    if scene.big.is_big(layer.id, index):
        while not scene.big.has(key):
            app.processEvents(wait)
    canvas.repaint()
    drawn = time.perf_counter() - t0
    win.big_layers.wait()
    app.processEvents()
    return drawn, time.perf_counter() - t0


def child(case: str, scale: float, steps: int) -> dict:
    from PySide6.QtWidgets import QApplication
    path = situation_file(case, scale)
    app = QApplication.instance() or QApplication([])
    counter = bw.EventCounter(app)
    win = bw.sized_window(bw.KINDS[0])
    t0 = time.perf_counter()
    first = bw.open_to_first_paint(path, win)
    drawn, made = layer_drawn(win, t0)
    timer = bw.Steps(win, counter)
    rng = random.Random(1)
    bw.time_steps(timer, bw.MODES[0], bw.step_times(win, bw.MODES[0], steps, rng))
    gap = scrub_gap(win, steps)
    times = timer.times[bw.MODES[0]]
    result = {"file_mb": path.stat().st_size / 2 ** 20, "first_paint": first,
              "drawn": drawn, "made": made,
              "step_median": statistics.median(times), "step_max": max(times), "gap": gap,
              "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "pieces": sum(len(l.history.pieces) for l in win.loaded.situation.layers)}
    win.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"some of {', '.join(CASES)} (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the sizes")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.scale, args.steps)))
        return 0
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    for case in args.cases or list(CASES):
        done = subprocess.run([sys.executable, __file__, "--child", case, "--scale",
                               str(args.scale), "--steps", str(args.steps)],
                              check=True, capture_output=True, text=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{case} (scale {args.scale:g}): {r['pieces']:,} pieces, file "
              f"{r['file_mb']:.1f} MiB; load average {os.getloadavg()[0]:.1f}")
        print(f"  open to first paint {r['first_paint']:.2f} s, the layer drawn at "
              f"{r['drawn']:.2f} s, every state made for that zoom at {r['made']:.1f} s")
        print(f"  random-date step median "
              f"{bw.ms(r['step_median']):.1f} ms, max {bw.ms(r['step_max']):.1f} ms "
              f"({args.steps} steps); longest event-loop gap while scrubbing "
              f"{bw.ms(r['gap']):.0f} ms; peak {r['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
