"""Window benchmark: open to first paint, and move-the-time-and-repaint at 1600x1000.

Run on demand (``make bench``); prints medians and their ratios to floors measured in
the same run (the issues' definitions):
- open: reading every geometry blob of the file with sqlite3 and parsing it with shapely;
- time change: QPainter filling the same, already built paths into a 1600x1000 QImage.
  The paths and brushes are those the canvas itself filled for that time (recorded from
  its paint: the layers, the recent changes and their edges), replayed with the same
  transforms and antialiasing.
The time change is measured twice: in the whole window (the panels and the timeline
repaint too) and with the docks closed (the map alone, as after View > Full Screen
with the panels hidden). Not a unit test: timings on shared machines vary, so nothing
here asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fresh settings: the default dock layout, not whatever the user's last session left.
os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-window-settings-")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import shapely  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QImage, QMouseEvent, QPainter, QPainterPath  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.io.situation_file import read_situation  # noqa: E402
from viewer.io.geopackage.blob import header_length  # noqa: E402
from viewer.resources import sample_path  # noqa: E402
from viewer.ui.loader import prepare  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

W, H = 1600, 1000


def ms(seconds: float) -> float:
    return seconds * 1000.0


def sized_window(docks: bool = True) -> MainWindow:
    """A main window whose map canvas is exactly W x H (with or without its docks)."""
    win = MainWindow()
    for dock in win.docks():
        dock.setVisible(docks)
    win.resize(W + (700 if docks else 0), H + (400 if docks else 80))
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


def open_floor(path: Path) -> float:
    """Every geometry blob of the file read with sqlite3 and parsed with shapely."""
    t0 = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    wkb = []
    for table, column in con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"):
        for (blob,) in con.execute(f'SELECT "{column}" FROM "{table}"'):
            if blob is not None:
                wkb.append(blob[header_length(blob):])
    con.close()
    shapely.from_wkb(wkb)
    return time.perf_counter() - t0


MEASURED: list[float] = []      # background region measuring after each first paint


def open_to_first_paint(path: Path, win: MainWindow) -> float:
    t0 = time.perf_counter()
    loaded = prepare(read_situation(path), path)
    win.show_loaded(loaded)
    win.canvas.repaint()
    first_paint = time.perf_counter() - t0
    # After the first paint the window measures each layer and change in each region in
    # its worker (Regions and reports panels); let that finish outside the timings below.
    t1 = time.perf_counter()
    QApplication.processEvents()            # delivers the queued request to the worker
    win.worker.wait()
    QApplication.processEvents()            # and the result to the panel
    if win.regions_panel.figures is not None:
        MEASURED.append(time.perf_counter() - t1)
    return first_paint


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


class FillRecorder:
    """Records the paths, brushes and transforms the canvas fills while it paints."""

    def __init__(self, canvas) -> None:
        self.canvas, self.fills = canvas, []
        self._original = QPainter.fillPath

    def __enter__(self) -> "FillRecorder":
        original, fills, canvas = self._original, self.fills, self.canvas

        def fill_path(painter: QPainter, path: QPainterPath, brush) -> None:
            if painter.device() is canvas:
                fills.append((QPainterPath(path), QBrush(brush), painter.transform(),
                              painter.renderHints()))
            original(painter, path, brush)
        QPainter.fillPath = fill_path
        return self

    def __exit__(self, *exc) -> None:
        QPainter.fillPath = self._original


def canvas_fills(win: MainWindow, times) -> list[list[tuple]]:
    """For each time, what the canvas filled when it painted it."""
    out = []
    for t in times:
        win.cursor_model.set_time(t)
        with FillRecorder(win.canvas) as recorder:
            win.canvas.repaint()
        out.append(recorder.fills)
    return out


def floor_fill(fills: list[list[tuple]]) -> list[float]:
    """QPainter filling the recorded, already built paths of each time into a W x H image."""
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    out = []
    for frame in fills:
        t0 = time.perf_counter()
        image.fill(0xFFDFE7EC)
        p = QPainter(image)
        for path, brush, transform, hints in frame:
            p.setRenderHints(hints)
            p.setTransform(transform)
            p.fillPath(path, brush)
        p.end()
        out.append(time.perf_counter() - t0)
    return out


def _mouse(canvas, kind, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    QApplication.sendEvent(canvas, QMouseEvent(kind, pos, canvas.mapToGlobal(pos), button,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def navigate(win: MainWindow, n: int = 40) -> dict[str, list[float]]:
    """Drag the map with the mouse (press, n moves of 6 x 2 px, release), then zoom by a
    wheel notch back and forth, repainting at each step. A drag shifts the cached
    background and labels; the release lays the labels out again; a zoom draws all."""
    canvas = win.canvas
    out: dict[str, list[float]] = {"drag step (6, 2) px": [], "end of drag": [],
                                   "zoom one wheel notch": []}
    left = Qt.MouseButton.LeftButton
    pos = QPointF(canvas.width() / 2, canvas.height() / 2)
    _mouse(canvas, QEvent.Type.MouseButtonPress, pos, left)
    for i in range(n):
        pos = pos + QPointF(6, 2) * (1 if i < n // 2 else -1)
        t0 = time.perf_counter()
        _mouse(canvas, QEvent.Type.MouseMove, pos, left)
        canvas.repaint()
        out["drag step (6, 2) px"].append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    _mouse(canvas, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
    canvas.repaint()
    out["end of drag"].append(time.perf_counter() - t0)
    centre = canvas.rect().center().toPointF()
    for i in range(n):
        t0 = time.perf_counter()
        canvas.zoom_by(1.25 if i % 2 else 0.8, centre)
        canvas.repaint()
        out["zoom one wheel notch"].append(time.perf_counter() - t0)
    return out


def median_ms(values: list[float]) -> float:
    return ms(statistics.median(values))


def bench(name: str, path: Path, n: int = 200) -> None:
    print(f"{name}: {path.name} ({path.stat().st_size / 1e6:.2f} MB), canvas {W}x{H}")
    MEASURED.clear()                # (this situation's own background work only)
    win = sized_window()
    opens = [open_to_first_paint(path, win) for _ in range(5)]
    floors = [open_floor(path) for _ in range(5)]
    print(f"  open to first paint      median {median_ms(opens):7.1f} ms "
          f"(5 runs: {', '.join(f'{ms(x):.0f}' for x in opens)})")
    print(f"  floor: read + parse blobs median {median_ms(floors):6.1f} ms  -> ratio "
          f"{statistics.median(opens) / statistics.median(floors):.1f}x")
    if MEASURED:
        print(f"  then, in the background: each layer and change measured in each region "
              f"and the pieces made paths in "
              f"{median_ms(MEASURED):.0f} ms (median)")
    times = random_times(win.situation, n)
    rows = [("whole window", win, scrub(win, times), scrub(win, times))]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    moves = navigate(win)
    fills = canvas_fills(win, times)
    bare = sized_window(docks=False)
    open_to_first_paint(path, bare)
    rows.append(("map alone (docks closed)", bare, scrub(bare, times), scrub(bare, times)))
    fl = floor_fill(fills)
    med_floor = statistics.median(fl)
    print(f"  floor: fill the canvas's built paths  median {ms(med_floor):6.2f} ms "
          f"({statistics.median(len(f) for f in fills):.0f} fills a frame)")
    for label, _, first, again in rows:
        print(f"  time change + repaint, {label}: median {median_ms(first):.2f} ms first visit "
              f"(p90 {ms(sorted(first)[int(0.9 * n)]):.2f}), {median_ms(again):.2f} ms again "
              f"-> ratio {statistics.median(first) / med_floor:.2f}x first visit, "
              f"{statistics.median(again) / med_floor:.2f}x again")
    for name, values in moves.items():
        print(f"  {name} + repaint, whole window: median {median_ms(values):.1f} ms "
              f"({len(values)} {'steps' if len(values) > 1 else 'step'})")
    print(f"  peak memory with the file open in one window: {peak:.0f} MB (ru_maxrss, after "
          f"{len(opens)} opens and {2 * n} time changes)")
    for w in (win, bare):
        w.close()
        w.deleteLater()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("sample", "deepstate"),
                        help="one situation per process, so the peak memory is its own")
    only = parser.parse_args().only
    app = QApplication.instance() or QApplication(["bench"])
    if only != "deepstate":
        bench("sample", sample_path())
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
