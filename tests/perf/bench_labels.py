"""Labels benchmark: the DeepState import with the built-in settlements (about 8,000
places) against the same import without places (``--places none``), in the window's map
at 1600x1000 with the docks closed.

Prints medians and the ratios with/without, against the issue's budgets: a time step no
slower (the labels sit in the cached overlay: a time step lays nothing out), a zoom step
within 1.2x (a zoom lays the labels out again), open to first paint at most 10 % slower.
Not a unit test: timings on shared machines vary, so nothing here asserts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_window import (KINDS, MODES, Steps, navigate, open_to_first_paint,  # noqa: E402
                          sized_window, step_times, time_steps)
from open_floor import FOLLOW  # noqa: E402
from frames import EventCounter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.cli.main import main as cli_main  # noqa: E402
from viewer.io.situation_file import read_situation  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "deepstate-daily"
BUDGETS = {"time step": 1.0, "zoom step": 1.2, "open to first paint": 1.1}


def imported(places: str, folder: Path, keep: bool = False) -> Path:
    out = folder / f"deepstate-{places.replace(':', '-')}.gpkg"
    if keep and out.exists():
        print(f"reusing {out}")
        return out
    status = cli_main(["import", str(CORPUS), "--layer", "Occupied (DeepState)",
                       "--kind", "assessed-control", "--regions", "builtin:ukraine-oblasts",
                       "--places", places, "-o", str(out)])
    if status != 0:
        raise SystemExit(f"import failed with status {status}")
    return out


def median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000.0


def settle(win) -> None:
    """Until the window's background work for the file shown (regions, then every
    settlement's status) is done: each open is timed from an idle window, not behind the
    previous open's measuring on the one worker (that queueing is the open path's own
    matter, the same with or without places once it is fixed)."""
    for _ in range(3):
        win.worker.wait()
        QApplication.processEvents()


def measure(path: Path, counter: EventCounter, n: int = 120) -> dict[str, float]:
    """The map alone (docks closed), each step timed until the window has settled."""
    win = sized_window(KINDS[2])
    del FOLLOW[:]
    opens = []
    for _ in range(5):
        opens.append(open_to_first_paint(path, win))
        settle(win)
    follow = statistics.median(FOLLOW)
    times = step_times(win, MODES[0], n, random.Random(1))
    warm, steps = Steps(win, counter), Steps(win, counter)
    time_steps(warm, MODES[0], times)              # first visits: build the layer paths
    time_steps(steps, MODES[0], times)
    navigate(steps)
    out = {"open to first paint": median_ms(opens), "time step": median_ms(steps.times[MODES[0]]),
           "zoom step": median_ms(steps.times["zoom one wheel notch"]),
           "places": len(win.situation.places), "whole file shown": follow * 1000.0}
    win.close()
    win.deleteLater()
    QApplication.processEvents()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="import into DIR and keep the files there (reused when present)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return
    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as scratch:
        folder, keep = (args.keep, True) if args.keep else (Path(scratch), False)
        folder.mkdir(parents=True, exist_ok=True)
        compare({"without places": imported("none", folder, keep),
                 "with the settlements": imported("builtin:ukraine-settlements", folder, keep)},
                EventCounter(app), args.rounds)
    del app


def compare(files: dict[str, Path], counter: EventCounter, n_rounds: int = 2) -> None:
    print(f"places in the second file: {len(read_situation(files['with the settlements']).places)}")
    rounds = {name: [] for name in files}
    for n in range(n_rounds):               # alternate, so drift hits both alike
        for name, path in files.items():
            rounds[name].append(measure(path, counter))
        ratios = {key: rounds["with the settlements"][n][key] / rounds["without places"][n][key]
                  for key in BUDGETS}
        print(f"round {n + 1}: " + ", ".join(f"{k} {r:.2f}x" for k, r in ratios.items()))
    results = {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
               for name, runs in rounds.items()}
    base, with_places = results["without places"], results["with the settlements"]
    for key, budget in BUDGETS.items():
        ratio = with_places[key] / base[key]
        print(f"  {key:20s} without {base[key]:7.2f} ms, with {with_places[key]:7.2f} ms "
              f"-> ratio {ratio:.2f}x (budget {budget:.1f}x: "
              f"{'within' if ratio <= budget else 'OVER'})")
    print(f"  first paint to the whole file shown (labels, panels): without "
          f"{base['whole file shown']:.0f} ms, with {with_places['whole file shown']:.0f} ms")


if __name__ == "__main__":
    main()
