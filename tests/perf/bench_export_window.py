"""File ▸ Export Animation in the window, in the background, on the DeepState import:
summer 2025 (1 Jun - 1 Sep, daily) as a GIF at 1280x720.

Prints, each in its own process:
- floor: the same GIF written by write_animation on the calling thread (what
  ``render --from --to`` does), without a window;
- window: the export started from the shown window, timed from the call to its
  ``finished`` signal, while a 10 ms timer runs on the GUI thread: the ticks it got and
  the longest gap between two (the event loop's longest stall during the export);
- the ratio window / floor. Run in ABBA order (floor, window, window, floor).
Not a unit test: timings on shared machines vary, so nothing here asserts.

    xvfb-run -a .venv/bin/python tests/perf/bench_export_window.py   # or offscreen
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZE = (1280, 720)


def _animation(situation):
    from viewer.model import parse_time
    from viewer.render.animation import Animation, step_times
    times = step_times(situation, parse_time("2025-06-01"), parse_time("2025-09-01"),
                       timedelta(days=1))
    return Animation(times, fps=4)


def part(name: str) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from deepstate_situation import cached
    from viewer.io.situation_file import read_situation
    from viewer.ui.main_window import MainWindow
    app = QApplication.instance() or QApplication(["bench"])
    situation = read_situation(cached())
    animation = _animation(situation)
    out = Path(tempfile.mkdtemp(prefix="bench-export-")) / "summer.gif"
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.set_situation(situation, None)
    app.processEvents()
    if name == "floor":
        from viewer.render.animation import write_animation
        base = window.canvas.render_settings(size=SIZE, decorations=True)
        start = time.perf_counter()
        write_animation(window.loaded.scene, base, animation, out)
        result = {"seconds": time.perf_counter() - start}
    else:
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        window.animations.finished.connect(lambda ok: loop.quit())
        timer.start()
        start = time.perf_counter()
        window.animations.export_to(out, animation, SIZE)
        loop.exec()
        elapsed = time.perf_counter() - start
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        result = {"seconds": elapsed, "ticks": len(ticks),
                  "longest_gap_ms": 1000 * max(gaps, default=elapsed)}
    result.update(frames=len(animation.times), bytes=out.stat().st_size)
    window.edits.may_close = lambda: True
    window.close()
    return result


def run(name: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--part", name], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--part":
        print(json.dumps(part(sys.argv[2])))
        return 0
    f1, w1, w2, f2 = (run(p) for p in ("floor", "window", "window", "floor"))
    floor = (f1["seconds"] + f2["seconds"]) / 2
    window = (w1["seconds"] + w2["seconds"]) / 2
    n = f1["frames"]
    print(f"GIF of summer 2025, {n} frames at {SIZE[0]}x{SIZE[1]}, load {os.getloadavg()[0]:.1f}:")
    print(f"  on the calling thread (floor): {floor:.1f} s ({1000 * floor / n:.0f} ms a frame)")
    print(f"  from the window, in the background: {window:.1f} s "
          f"({1000 * window / n:.0f} ms a frame), ratio {window / floor:.2f}")
    for w in (w1, w2):
        print(f"  GUI thread during the export: {w['ticks']} ticks of a 10 ms timer, "
              f"longest gap {w['longest_gap_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
