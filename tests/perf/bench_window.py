"""Window benchmark: open to first paint, and move-the-time-and-repaint at 1600x1000.

Run on demand (``make bench``); prints medians and the ratio to a floor measured in the
same run: QPainter filling the same, already built layer paths into a 1600x1000 QImage.
Not a unit test: timings on shared machines vary, so nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.io.gpkg import read_situation  # noqa: E402
from viewer.render import styles as st  # noqa: E402
from viewer.resources import SAMPLE  # noqa: E402
from viewer.ui.loader import prepare  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

W, H = 1600, 1000


def ms(seconds: float) -> float:
    return seconds * 1000.0


def sized_window() -> MainWindow:
    """A main window whose map canvas is exactly W x H."""
    win = MainWindow()
    win.resize(W + 700, H + 400)
    win.show()
    QApplication.processEvents()
    canvas = win.canvas
    for _ in range(3):
        dw, dh = W - canvas.width(), H - canvas.height()
        if not dw and not dh:
            break
        win.resize(win.width() + dw, win.height() + dh)
        QApplication.processEvents()
    assert (canvas.width(), canvas.height()) == (W, H), (canvas.width(), canvas.height())
    return win


def open_to_first_paint(path: Path, win: MainWindow) -> float:
    t0 = time.perf_counter()
    loaded = prepare(read_situation(path), path)
    win.show_loaded(loaded)
    win.canvas.repaint()
    return time.perf_counter() - t0


def random_times(situation, n: int, seed: int = 1):
    rng = random.Random(seed)
    start, end = situation.start, situation.end
    span = (end - start).total_seconds()
    return [start + (end - start) * rng.random() for _ in range(n)] if span else [start] * n


def scrub(win: MainWindow, times) -> list[float]:
    out = []
    for t in times:
        t0 = time.perf_counter()
        win.cursor_model.set_time(t)
        win.canvas.repaint()
        out.append(time.perf_counter() - t0)
    return out


def floor_fill(win: MainWindow, times) -> list[float]:
    """QPainter filling the already built layer paths of each time into a W x H image."""
    scene, canvas = win.canvas.scene, win.canvas
    viewport = canvas.viewport()
    layers = scene.situation.layers
    for t in times:                                  # build every path before timing
        for layer in layers:
            scene.layer_path(layer.id, t)
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    out = []
    for t in times:
        t0 = time.perf_counter()
        image.fill(0xFFDFE7EC)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(viewport.transform)
        for layer in layers:
            p.fillPath(scene.layer_path(layer.id, t), st.brush(layer.style.color,
                                                               layer.style.opacity))
        p.end()
        out.append(time.perf_counter() - t0)
    return out


def bench(name: str, path: Path, n: int = 200) -> None:
    win = sized_window()
    opens = [open_to_first_paint(path, win) for _ in range(5)]
    times = random_times(win.situation, n)
    first = scrub(win, times)             # first visit of each time
    again = scrub(win, times)             # the same times again, caches warm
    fl = floor_fill(win, times)
    med_first, med_again, med_floor = (statistics.median(x) for x in (first, again, fl))
    print(f"{name}: {path.name} ({path.stat().st_size / 1e6:.2f} MB), canvas {W}x{H}")
    print(f"  open to first paint      median {ms(statistics.median(opens)):7.1f} ms "
          f"(5 runs: {', '.join(f'{ms(x):.0f}' for x in opens)})")
    print(f"  time change + repaint    median {ms(med_first):7.2f} ms first visit, "
          f"{ms(med_again):.2f} ms again; p90 {ms(sorted(first)[int(0.9 * n)]):.2f} ms "
          f"({n} random times)")
    print(f"  floor: fill built paths  median {ms(med_floor):7.2f} ms  -> ratio "
          f"{med_first / med_floor:.2f}x first visit, {med_again / med_floor:.2f}x again")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of this process so far: {peak:.0f} MB (ru_maxrss)")
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sample", "deepstate"),
                        help="one situation per process, so the peak memory is its own")
    only = parser.parse_args().only
    app = QApplication.instance() or QApplication(["bench"])
    if only != "deepstate":
        bench("sample", SAMPLE)
    if only == "sample":
        return
    try:
        from deepstate_situation import CORPUS, cached
    except SystemExit as exc:
        print(f"deepstate: skipped ({exc})")
        return
    if not CORPUS.is_dir():
        print(f"deepstate: skipped ({CORPUS} is absent)")
        return
    bench("deepstate", cached())
    del app


if __name__ == "__main__":
    main()
