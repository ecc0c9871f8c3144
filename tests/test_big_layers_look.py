"""A big layer looks like the normal path's drawing of it: a hatched layer just over
the big-layer threshold keeps its hatching and its dashed outline (compared pixel by
pixel with the same layer drawn the normal way, its union's outline stroked)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.model import History, Layer, Region, Situation, SituationMeta, Style, parse_time
from viewer.model.history import Piece
from viewer.render import MapScene, RenderSettings, render_image
from viewer.render.big_counts import DENSE_POLYGONS

D1 = parse_time("2025-06-01")
BBOX = (29.8, 46.8, 36.2, 51.2)
VIEW = (29.9, 46.9, 32.0, 48.4)         # part of the grid: squares of some 30 pixels


def _claimed(n: int = 45) -> Situation:
    """``n`` × ``n`` squares of 0.1° on a 0.14° grid: just over DENSE_POLYGONS, hatched
    (a claimed layer's style), two of them touching so the union differs from the pieces."""
    x, y = np.meshgrid(np.arange(n) * 0.14 + 30.0, np.arange(n) * 0.1 * 0.95 + 47.0)
    x, y = x.ravel(), y.ravel()
    squares = shapely.box(x, y, x + 0.1, y + 0.08)
    squares = np.append(squares, shapely.box(x[0] + 0.1, y[0], x[0] + 0.14, y[0] + 0.04))
    assert len(squares) > DENSE_POLYGONS
    layer = Layer("claim", "Claimed", "claimed-control",
                  History([D1], [Piece(shapely.multipolygons(squares), D1, None)], []),
                  style=Style("#7b3294", 0.7, hatch=True, outline="#40164f"))
    region = Region("R", {"en": "Land"}, shapely.box(*BBOX))
    meta = SituationMeta(title="Claims", highlight_days=0.0, default_bbox=BBOX)
    return Situation(meta, [region], [], [layer])


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.width(), 4)[..., :3].astype(int)


def _blocks(pixels: np.ndarray, size: int) -> np.ndarray:
    h, w = (pixels.shape[0] // size) * size, (pixels.shape[1] // size) * size
    return pixels[:h, :w].reshape(h // size, size, w // size, size, 3).mean(axis=(1, 3))


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_big_hatched_layer_looks_like_the_normal_path(qapp, scale):
    situation = _claimed()
    settings = RenderSettings(at=D1, size=(700, 500), decorations=False, scale=scale,
                              bbox=VIEW,
                              hidden=frozenset({"labels", "regions", "context"}))
    big_scene = MapScene(situation)
    assert big_scene.big.is_big("claim", 0)
    big = _pixels(render_image(big_scene, settings))
    normal_scene = MapScene(situation)
    normal_scene.big.is_big = lambda layer_id, index: False     # the normal path
    normal = _pixels(render_image(normal_scene, settings))
    purple = (normal[..., 0] > normal[..., 1] + 20).mean()     # blue over green
    assert 0.2 < purple < 0.8                       # the layer is in view, not all of it
    # hatch lines and dashes: both images have about as many pixels darker than the
    # tint (without them, the big one has none)
    dark_big, dark_normal = ((image.sum(-1) < 420).mean() for image in (big, normal))
    assert dark_normal > 0.05
    assert abs(dark_big - dark_normal) < 0.35 * dark_normal
    # over blocks of the hatch spacing, the same shade (lines at the same places, edges
    # within a pixel); without the hatching and outline: mean 18.6-34.6, p99 44.6-67.6
    size = int(7 * scale)
    blocks = np.abs(_blocks(big, size) - _blocks(normal, size)).max(axis=-1)
    assert blocks.mean() < 12
    assert np.percentile(blocks, 99) < 35
