"""Big layers in the window: the 200,000 timestamped squares and the 2,000,000-vertex
polygon of bench_import_scale, imported once (cached), then opened in a 1600x1000 map.

Prints, per case (each in its own process, so the peak memory is its own): open to first
paint, to the first paint that drew the layer (a first view draws it from a Display one
zoom bucket coarser than the view's) and to its drawing at the view's own bucket, the
longest gap between ticks of a 1 ms timer from the Open until every background job
ended (how long the event loop was blocked while opening), time steps to random dates (each timed until the event loop is idle and every
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
import threading
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


class LayerPaints:
    """When the map first drew a big layer's state (the main thread's paints only: the
    loader makes a first view's Displays in its worker), at any zoom bucket and at the
    view's own: ``BigStates.state_display`` wrapped, a Display handed out (not None)
    being what the paint then draws. A state that is not big is drawn as soon as the
    map paints, so its times are those of the first paint (``mark_paint``)."""

    def __init__(self, win, t0: float) -> None:
        from viewer.render import big_layers
        from viewer.render.display import bucket
        self.win, self.t0 = win, t0
        self.any: float | None = None
        self.own: float | None = None
        self._original = big_layers.BigStates.state_display
        paints = self

        def state_display(states, layer_id, index, metres_per_pixel):
            display = paints._original(states, layer_id, index, metres_per_pixel)
            if display is not None and threading.current_thread() is threading.main_thread():
                paints.seen(display.bucket == bucket(metres_per_pixel))
            return display
        big_layers.BigStates.state_display = state_display

    def seen(self, own: bool) -> None:
        now = time.perf_counter() - self.t0
        self.any = now if self.any is None else self.any
        if own and self.own is None:
            self.own = now

    def mark_paint(self) -> None:
        """After the first paint: a state shown that is not big was drawn by it."""
        scene = self.win.canvas.scene
        at = self.win.canvas.render_settings().at
        if not any(scene.big.is_big(layer.id, layer.history.state_index(at))
                   for layer in scene.situation.layers):
            self.seen(True)

    def restore(self) -> None:
        from viewer.render import big_layers
        big_layers.BigStates.state_display = self._original


def open_and_settle(win, path: Path) -> dict:
    """Open ``path`` with File > Open and run the event loop until the file is shown, its
    layer drawn at the view's own zoom, and every background job (measuring, the big
    layers' builder) has ended. Returns the seconds from the Open to the first paint of
    the file, to the first paint holding its layer (any zoom bucket, e.g. the first
    view's coarser one) and to the layer at the view's own, the seconds until the
    background work ended, and the longest gap between ticks of a 1 ms timer over all of
    it (the event loop blocked while opening)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    from frames import Ticker
    from open_floor import ScenePaints
    app = QApplication.instance()
    painted = ScenePaints(win.canvas)
    before = win.canvas.scene
    ticker = Ticker(win)
    t0 = ticker.start()
    layer = LayerPaints(win, t0)
    win.files.open_file(path, dialog_on_error=False)
    first = None
    quiet = 0
    while quiet < 3:                # the background jobs' deliveries may start more
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)   # (the 1 ms timer)
        if first is None and any(scene is not before for scene in painted.scenes):
            first = time.perf_counter() - t0
            layer.mark_paint()
        shown = win.loaded.path == path and not win.files.loader.busy
        idle = win.worker.wait(0.0) and win.big_layers.wait(0.0)
        quiet = quiet + 1 if shown and idle and layer.own is not None else 0
    settled = time.perf_counter() - t0
    ticker.stop()
    win.canvas.removeEventFilter(painted)
    layer.restore()
    gap = max((g for g, _ in ticker.gaps(1)), default=0.0)
    return {"first_paint": first, "drawn": layer.any, "drawn_own": layer.own,
            "settled": settled, "open_gap": gap, "open_peak_mb": peak_mb()}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(case: str, scale: float, steps: int) -> dict:
    from PySide6.QtWidgets import QApplication
    path = situation_file(case, scale)
    app = QApplication.instance() or QApplication([])
    counter = bw.EventCounter(app)
    win = bw.sized_window(bw.KINDS[0])
    opened = open_and_settle(win, path)
    timer = bw.Steps(win, counter)
    rng = random.Random(1)
    bw.time_steps(timer, bw.MODES[0], bw.step_times(win, bw.MODES[0], steps, rng))
    gap = scrub_gap(win, steps)
    times = timer.times[bw.MODES[0]]
    result = {"file_mb": path.stat().st_size / 2 ** 20, **opened,
              "step_median": statistics.median(times), "step_max": max(times), "gap": gap,
              "peak_mb": peak_mb(),
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
        print(f"  open to first paint {r['first_paint']:.2f} s; the layer first drawn at "
              f"{r['drawn']:.2f} s, at the view's own zoom at {r['drawn_own']:.2f} s; "
              f"background work done at {r['settled']:.1f} s; longest event-loop gap "
              f"while opening {bw.ms(r['open_gap']):.0f} ms")
        print(f"  random-date step median "
              f"{bw.ms(r['step_median']):.1f} ms, max {bw.ms(r['step_max']):.1f} ms "
              f"({args.steps} steps); longest event-loop gap while scrubbing "
              f"{bw.ms(r['gap']):.0f} ms; peak {r['peak_mb']:.0f} MB "
              f"({r['open_peak_mb']:.0f} MB by the end of the open)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
