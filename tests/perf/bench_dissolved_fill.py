"""The fills of a time with the layers' states dissolved (render/prebuild_states.py)
against their pieces' paths, in one run: the floor (fill_floor: the canvas's recorded
fills refilled into a QImage) and the map canvas's full repaint, CPU time of the GUI
thread (time.thread_time: less hurt by a loaded machine than the wall clock), medians
and p90 over 30 random DeepState dates, 3 interleaved rounds. QT_SCALE_FACTOR=2 for a
device pixel ratio of 2 (3200x2000 pixels).

Not a unit test: nothing here asserts; the load average is printed with the figures.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-dissolved-")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_window import KINDS, H, W, quiet, sized_window  # noqa: E402
from fill_floor import canvas_fills, floor_fill  # noqa: E402
from open_floor import open_to_first_paint  # noqa: E402


def main() -> int:
    app = QApplication.instance() or QApplication(["bench"])
    from deepstate_situation import CORPUS, cached
    if not CORPUS.is_dir():
        print(f"deepstate: skipped ({CORPUS} is absent)")
        return 0
    win = sized_window(KINDS[0])
    open_to_first_paint(cached(), win)
    quiet(win)
    scene, scale = win.canvas.scene, win.canvas.devicePixelRatioF()
    kept = dict(scene._dissolved)
    rng = random.Random(7)
    start, end = win.cursor_model.start, win.cursor_model.end
    times = [start + (end - start) * rng.random() for _ in range(30)]

    def dissolved(on: bool) -> None:
        scene._dissolved.clear()
        scene._state_paths.clear()
        if on:
            scene.adopt_dissolved(kept)
    fills = {}
    for on in (False, True):
        dissolved(on)
        fills[on] = canvas_fills(win, times)
    out: dict[str, list[float]] = {}
    for _ in range(3):
        for on in (False, True):
            tag = "dissolved" if on else "pieces"
            out.setdefault(f"floor, {tag}", []).extend(
                floor_fill(fills[on], W, H, scale, clock=time.thread_time))
            dissolved(on)
            for t in times:
                win.cursor_model.set_time(t)
                t0 = time.thread_time()
                win.canvas.repaint()
                out.setdefault(f"canvas repaint, {tag}", []).append(time.thread_time() - t0)
    print(f"deepstate, {len(kept)} states dissolved, device pixel ratio {scale:g}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, values in out.items():
        values = sorted(values)
        print(f"  {label:26s} median {statistics.median(values) * 1000:6.2f} ms, p90 "
              f"{values[int(0.9 * (len(values) - 1))] * 1000:6.2f} ms ({len(values)} frames, "
              f"CPU time)")
    win.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
