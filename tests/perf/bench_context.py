"""Context-layer benchmark: the background (what the window caches and redraws on a zoom
or a pan) drawn with the built-in rivers shown, against the same background with them
hidden (the floor, measured in the same run), on the embedded sample (all of Ukraine's
regions and the built-in rivers) in a 1600x1000 image: at country zoom, over a 300 km
and a 120 km view, each drawing a new view (shifted by 0.01°) as a pan does. Also a new
zoom level's paths (simplify + build) and a cached lookup.

Run on demand: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_context.py``.
Prints medians of interleaved rounds and the ratios' min-median-max; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402

VIEWS = {"country": (22.0, 44.0, 40.5, 52.5), "300 km": (33.0, 46.6, 37.0, 48.6), "120 km": (36.4, 47.8, 37.9, 48.7)}
ROUNDS, DRAWS = 5, 12


def main() -> int:
    app = QGuiApplication([])           # noqa: F841  (kept alive for the painting)
    from viewer.io.situation_file import read_situation
    from viewer.model import parse_time
    from viewer.render import MapScene, RenderSettings, Viewport
    from viewer.render.draw_layers import draw_background
    from viewer.render.settings import context_layer_key
    from viewer.resources import sample_path
    scene = MapScene(read_situation(sample_path()))
    at = parse_time("2025-06-13")
    hidden = frozenset({context_layer_key("rivers")})

    def draw(bbox, hide: bool, shift: float) -> float:
        if bbox is not None:
            bbox = (bbox[0] + shift, bbox[1], bbox[2] + shift, bbox[3])
        settings = RenderSettings(at=at, size=(1600, 1000), bbox=bbox, decorations=False,
                                  hidden=hidden if hide else frozenset())
        viewport = Viewport.for_settings(scene, settings)
        image = QImage(1600, 1000, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        start = time.perf_counter()
        draw_background(painter, scene, viewport, settings)
        took = time.perf_counter() - start
        painter.end()
        return took

    for name, bbox in VIEWS.items():              # warm up: projection, first levels
        draw(bbox, False, 0.0)
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {DRAWS} draws, {ROUNDS} rounds")
    for name, bbox in VIEWS.items():
        shown, floor, ratios = [], [], []
        for r in range(ROUNDS):
            a = statistics.median(draw(bbox, False, 0.01 * (r * DRAWS + i + 1))
                                  for i in range(DRAWS))
            b = statistics.median(draw(bbox, True, 0.01 * (r * DRAWS + i + 1))
                                  for i in range(DRAWS))
            shown.append(a)
            floor.append(b)
            ratios.append(a / b)
        ratios.sort()
        print(f"{name:8s} background with rivers {statistics.median(shown) * 1e3:6.2f} ms, "
              f"without {statistics.median(floor) * 1e3:6.2f} ms, ratio "
              f"{ratios[0]:.2f}-{statistics.median(ratios):.2f}-{ratios[-1]:.2f}")
    context = scene.context
    for mpp in (3000.0, 700.0, 90.0):
        start = time.perf_counter()
        context.paths(mpp * 1.3, at, frozenset())      # a level not built yet
        built = time.perf_counter() - start
        start = time.perf_counter()
        context.paths(mpp * 1.3, at, frozenset())
        print(f"{mpp * 1.3:7.0f} m/px: a new zoom level's paths {built * 1e3:.1f} ms, "
              f"cached {(time.perf_counter() - start) * 1e6:.0f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
