"""Labels' layout benchmark: this layout against the plain formulation of its rules
(tests/test_label_layout_reference.py: QRectF boxes, a region's shifts one by one; main
before h-label already tested a place's boxes as numbers, so it lay between the two), on
the DeepState benchmark file at that test's views (1600x1000 and 900x560, zooms 1 to
0.008, English and Ukrainian). GUI-thread CPU (time.thread_time) per layout, mean per
round, the two alternated view by view; their layouts are compared too. Not a unit
test: nothing here asserts timings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from PySide6.QtWidgets import QApplication  # noqa: E402

from deepstate_situation import cached  # noqa: E402
from test_label_layout_reference import canonical, cases, plain  # noqa: E402
from viewer.io.situation_file import read_situation  # noqa: E402
from viewer.render import MapScene  # noqa: E402
from viewer.render.label_layout import layout_labels  # noqa: E402


class Patch:
    """A monkeypatch's setattr, undone by ``undo``."""

    def __init__(self):
        self.saved = []

    def setattr(self, owner, name, value):
        self.saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def undo(self):
        for owner, name, value in reversed(self.saved):
            setattr(owner, name, value)
        self.saved.clear()


def timed(view, scene, plain_rules: bool):
    """(GUI-thread CPU, layout) of one view, with the plain rules or this layout's."""
    patch = Patch()
    if plain_rules:
        plain(patch)
    try:
        t = time.thread_time()
        made = layout_labels(scene, *view)
        return time.thread_time() - t, made
    finally:
        patch.undo()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(["bench"])
    scene = MapScene(read_situation(cached()))
    views = cases(scene)
    rounds = {"plain": [], "this": []}
    same = True
    for n in range(args.rounds + 1):               # the first round warms the caches
        spent = {"plain": 0.0, "this": 0.0}
        for m, view in enumerate(views):            # alternated view by view
            made = {}
            for name in (("plain", "this") if (n + m) % 2 else ("this", "plain")):
                seconds, made[name] = timed(view, scene, name == "plain")
                spent[name] += seconds
            same = same and canonical(made["plain"]) == canonical(made["this"])
        if n:
            for name in spent:
                rounds[name].append(spent[name] / len(views) * 1e3)
    for name, values in rounds.items():
        print(f"{name:6s} ms a layout, per round: " + " ".join(f"{v:.2f}" for v in values)
              + f"  median {statistics.median(values):.2f}")
    ratios = [t / p for t, p in zip(rounds["this"], rounds["plain"])]
    print(f"this / plain: min {min(ratios):.2f}, median {statistics.median(ratios):.2f}, "
          f"max {max(ratios):.2f}; {len(views)} views; layouts the same: {same}")
    del app


if __name__ == "__main__":
    main()
