"""An import in the window: File ▸ Import of bench_import_scale's 200,000 timestamped
squares (a GeoJSON of 28 dates) into a 1600x1000 window showing the DeepState import,
as a user does it (the import dialog, then Import), until the imported situation is
shown and every background job has ended.

Prints per round: how long until the imported situation was first painted and until
the background work ended, the longest gaps between ticks of a 1 ms timer over all of
it (how long the event loop, and with it the window, was blocked at once; the issue's
budget: never more than 100 ms) and when in the import each came, and the window
process's peak memory; beside them the floor measured in the same run, the same file
imported headless (import_to_file, as ``situation-viewer import`` does), and the ratio.
Each round runs in its own process (so the peak memory is its own), the floor first.
``--scale`` takes a fraction of the squares (e.g. 0.1 to iterate).

    .venv/bin/python tests/perf/bench_import_window.py [--rounds N] [--scale F]

Not a unit test: nothing here asserts; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_window as bw  # noqa: E402  (sets the offscreen platform and fresh settings)

SQUARES = 200_000
GAPS_SHOWN = 5
BUDGET_MS = 100


def source(scale: float) -> Path:
    from bench_import_scale import make_input
    folder = Path(tempfile.gettempdir()) / "situation-viewer-scale-inputs"
    folder.mkdir(exist_ok=True)
    return make_input("squares", max(10, int(SQUARES * scale)), folder)


def floor(scale: float) -> dict:
    """The same file imported headless to a situation file, with the options and
    arguments the window's import dialog gives by default."""
    from PySide6.QtWidgets import QApplication
    from viewer.importing.to_file import import_to_file
    from viewer.ui.import_dialog import ImportDialog
    app = QApplication.instance() or QApplication([])
    dialog = ImportDialog(source(scale))
    options, arguments = dialog.options(), dialog.arguments()
    dialog.deleteLater()
    app.processEvents()
    out = Path(tempfile.mkdtemp(prefix="bench-import-window-")) / "out.gpkg"
    t0 = time.perf_counter()
    import_to_file(options, str(out), **arguments)
    return {"seconds": time.perf_counter() - t0, "peak_mb": bw_peak_mb()}


def bw_peak_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_window(scale: float) -> dict:
    """Import through the window's dialog, the 1 ms ticker running from the click on."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    from deepstate_situation import cached
    from frames import Ticker
    from viewer.io.situation_file import read_situation
    path = source(scale)
    app = QApplication.instance() or QApplication([])
    counter = bw.EventCounter(app)
    win = bw.sized_window(bw.KINDS[0])
    win.set_situation(read_situation(cached()), None)
    bw.settle(counter)
    bw.quiet(win)
    bw.settle(counter)
    before = win.canvas.scene
    dialog = win.files.ask_import(path)
    bw.settle(counter)
    ticker = Ticker(win)
    marks: dict[str, float] = {}
    loader = win.files.loader
    loader.first_view.connect(lambda _: marks.setdefault("first view delivered",
                                                         time.perf_counter() - t0))
    loader.loaded.connect(lambda _: marks.setdefault("delivered", time.perf_counter() - t0))
    t0 = ticker.start()
    dialog.accept()                             # Import
    shown_at = None
    quiet = 0
    while quiet < 3:            # the background jobs' deliveries may start more
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)   # (the 1 ms timer)
        shown = win.canvas.scene is not before and not win.files.loader.busy
        if shown and shown_at is None:
            bw.settle(counter)                  # painted
            shown_at = time.perf_counter() - t0
        idle = win.worker.wait(0.0) and win.big_layers.wait(0.0)
        quiet = quiet + 1 if shown and idle else 0
    settled = time.perf_counter() - t0
    ticker.stop()
    gaps = ticker.gaps()
    layers = win.loaded.situation.layers
    result = {"shown": shown_at, "marks": marks, "t0": t0, "settled": settled,
              "gaps": gaps[:GAPS_SHOWN],
              "over": sum(1 for g, _ in gaps if g * 1000 > BUDGET_MS),
              "pieces": sum(len(layer.history.pieces) for layer in layers),
              "peak_mb": bw_peak_mb()}
    win.edits.may_close = lambda: True
    win.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the squares")
    parser.add_argument("--child", choices=("floor", "window"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = floor if args.child == "floor" else in_window
        print(json.dumps(run(args.scale)))
        return 0
    source(args.scale)                          # written once, outside the timings

    def child(kind: str) -> dict:
        done = subprocess.run([sys.executable, __file__, "--child", kind, "--scale",
                               str(args.scale)], check=True, capture_output=True, text=True)
        return json.loads(done.stdout.strip().splitlines()[-1])
    n = max(10, int(SQUARES * args.scale))
    print(f"Import of {n:,} timestamped squares (28 dates) in the window at 1600x1000, "
          f"{args.rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    ratios, worst = [], []
    for i in range(args.rounds):
        f, w = child("floor"), child("window")
        ratios.append(w["settled"] / f["seconds"])
        worst.append(w["gaps"][0][0])
        gaps = ", ".join(f"{bw.ms(g):.0f} ms at {at:.1f} s" for g, at in w["gaps"])
        print(f"  round {i + 1}: floor (headless import) {f['seconds']:.1f} s, peak "
              f"{f['peak_mb']:.0f} MB; window: shown at {w['shown']:.1f} s, background work "
              f"done at {w['settled']:.1f} s ({ratios[-1]:.2f}x the floor), "
              f"{w['pieces']:,} pieces, peak {w['peak_mb']:.0f} MB")
        if w["marks"]:
            print("    " + ", ".join(f"{k} at {v:.2f} s" for k, v in w["marks"].items()))
        print(f"    longest event-loop gaps: {gaps}; {w['over']} over {BUDGET_MS} ms")
    print(f"  median ratio to the floor {statistics.median(ratios):.2f}x "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}); longest gap per round "
          f"{', '.join(f'{bw.ms(g):.0f}' for g in worst)} ms (median "
          f"{bw.ms(statistics.median(worst)):.0f}, budget {BUDGET_MS})")
    print(f"  load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
