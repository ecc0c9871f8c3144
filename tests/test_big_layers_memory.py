"""What a big layer's Display keeps: a rastered one holds its packed raster, not the
shapes it was filled from (28 states of 200,000 squares kept 1.2 GB of them through a
view of the shapes array: tests/perf/bench_big_layers.py measured it)."""

from __future__ import annotations

import numpy as np
import shapely

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



def test_a_rastered_display_spans_its_state_not_the_layer_s_extent(qapp):
    """A state over part of the extent (a day's change, say) takes a raster of its own
    bounds, on the extent's pixel grid."""
    from viewer.model import parse_time
    situation = _grid_situation()
    scene = MapScene(situation)
    minx, miny, maxx, maxy = scene.extent
    level = bucket((maxx - minx) / 2000)
    m = 2.0 ** level
    east = scene.big.pieces("dense", 1)         # from 8 June: the eastern half alone
    assert situation.layers[0].history.state_index(parse_time("2025-06-08")) == 1
    display = build_display(scene.projector.crs.srs, east, level, scene.extent)
    assert display.rastered
    height, width = display.size
    left, top = display.origin
    east_box = scene.project_bbox(shapely.total_bounds(np.array(east, dtype=object)))
    assert width * m < 0.6 * (maxx - minx)              # about half the extent's width
    assert left <= east_box[0] and left + width * m >= east_box[2]
    assert top >= east_box[3] and top - height * m <= east_box[1]
    assert (left - minx) / m == round((left - minx) / m)     # on the extent's grid
    assert (maxy - top) / m == round((maxy - top) / m)


def test_a_display_of_small_parts_alone_spans_them(qapp):
    """Zoomed out until every square is smaller than SMALL_PX pixels: no shape is
    filled, every part is marked as its box, and the raster spans those boxes."""
    from viewer.render.display import SMALL_PX
    situation = _grid_situation()
    scene = MapScene(situation)
    minx, miny, maxx, maxy = scene.extent
    level = bucket((maxx - minx) / 200)          # a 0.04° square: ~1.4 pixels
    pieces = scene.big.pieces("dense", 0)
    display = build_display(scene.projector.crs.srs, pieces, level, scene.extent)
    box = scene.project_bbox(shapely.total_bounds(np.array(pieces, dtype=object)))
    assert (box[2] - box[0]) / 150 < SMALL_PX * 2.0 ** level     # (a square: half a slot)
    assert display.rastered and display.mask().any()
    height, width = display.size
    assert width * 2.0 ** level < (box[2] - box[0]) + 4 * 2.0 ** level


def test_a_display_of_nothing_is_an_empty_raster(qapp):
    """A window's side with nothing in it (a day that lost no ground) or a state of
    empty pieces: a raster of nothing, drawn as nothing."""
    scene = MapScene(_grid_situation())
    for pieces in ([], [shapely.MultiPolygon()]):
        display = build_display(scene.projector.crs.srs, pieces, 11, scene.extent)
        assert display.rastered and not display.mask().any()
