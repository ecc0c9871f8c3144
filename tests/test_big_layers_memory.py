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


def _frees_between_checks(monkeypatch, max_raster_pixels: int | None = None) -> tuple:
    """Build state 0's Display of the grid (5,625 squares) with LET_GO at 500 and count
    its parts (what it takes from shapely.get_parts) as each is freed: the most freed between two
    of the job's checks (or after the last one, up to the return), and how many of them
    were freed by the end. Between two checks a worker holds the GIL (a free is a C
    loop), so that count is how long the GUI thread could be kept waiting."""
    import sys
    import weakref
    from viewer.render import display as display_module
    monkeypatch.setattr(display_module, "LET_GO", 500, raising=False)
    if max_raster_pixels is not None:
        monkeypatch.setattr(display_module, "MAX_RASTER_PIXELS", max_raster_pixels)
    scene = MapScene(_grid_situation())
    minx, _, maxx, _ = scene.extent
    pieces = scene.big.pieces("dense", 0)
    freed, refs, seen = [0], [], [0]
    get_parts = shapely.get_parts

    def counted(geoms, *args, **kwargs):
        parts = get_parts(geoms, *args, **kwargs)
        if sys._getframe(1).f_code.co_filename != display_module.__file__:
            return parts            # (shapely's own, projecting: freed as it goes)
        refs.extend(weakref.ref(p, lambda _: freed.__setitem__(0, freed[0] + 1))
                    for p in parts)
        return parts
    monkeypatch.setattr(shapely, "get_parts", counted)
    most = [0]

    def check():
        most[0] = max(most[0], freed[0] - seen[0])
        seen[0] = freed[0]
    display = build_display(scene.projector.crs.srs, pieces,
                            bucket((maxx - minx) / 2000), scene.extent, check)
    most[0] = max(most[0], freed[0] - seen[0])          # from the last check to the end
    return display, max(most[0], 0), freed[0], len(refs)


def test_a_display_lets_go_of_its_parts_a_chunk_at_a_time(qapp, monkeypatch):
    """Freed at once, 200,000 squares' parts held the GIL for 55-75 ms of CPU."""
    display, most, freed, parts = _frees_between_checks(monkeypatch)
    assert display.rastered and parts == 5625
    assert freed == parts                   # none kept
    assert most <= 500


def test_a_display_of_shapes_lets_go_of_its_parts_a_chunk_at_a_time(qapp, monkeypatch):
    display, most, freed, parts = _frees_between_checks(monkeypatch, max_raster_pixels=0)
    assert not display.rastered and len(display.shapes) == parts == 5625
    assert freed == parts                   # the shapes kept are projected copies
    assert most <= 500
