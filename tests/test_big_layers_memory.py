"""What a big layer's Display keeps: a rastered one holds its packed raster, not the
shapes it was filled from (28 states of 200,000 squares kept 1.2 GB of them through a
view of the shapes array: tests/perf/bench_big_layers.py measured it)."""

from __future__ import annotations

import numpy as np

from test_big_layers import _grid_situation
from viewer.render import MapScene
from viewer.render.display import bucket, build_display


def _holds_shapes(array: np.ndarray) -> bool:
    """Whether ``array`` or the array it views holds any geometry."""
    base = array.base if isinstance(array.base, np.ndarray) else None
    return len(array) > 0 or (base is not None and len(base) > 0)


def test_a_rastered_display_keeps_no_shapes(qapp):
    situation = _grid_situation()
    scene = MapScene(situation)
    minx, _, maxx, _ = scene.extent
    # at this scale the 0.04° squares (~3 km) are shapes filled into the raster
    level = bucket((maxx - minx) / 2000)
    display = build_display(scene.projector.crs.srs, scene.big.pieces("dense", 0), level,
                            scene.extent)
    assert display.rastered
    height, width = display.size
    assert display.packed.nbytes == height * -(-width // 32) * 4     # a bit a pixel
    assert not _holds_shapes(display.shapes)
    assert display.tree is None

