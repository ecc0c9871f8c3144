"""Big layer states drawn for the zoom: a raster of what is too small to see as a shape,
and the rest simplified, culled to the view.

A state of 100,000 small polygons costs ~0.2 s to fill however it is cached, and one of
two million vertices ~0.15 s: far beyond a time step. So a *big* state (more than
DENSE_RINGS polygons or BIG_VERTICES vertices) is drawn from a ``Display`` made for a
zoom bucket (metres per pixel rounded down to a power of two):

- while a one-byte raster of the state's bounds (on the grid of the layer's extent) at
  the bucket's resolution stays under MAX_RASTER_PIXELS, the state is that raster, drawn as one image in the layer's colour:
  a polygon whose box is at most SMALL_PX bucket pixels wide and high is marked as its
  box (at that size the shape is its box to within a pixel, and marking boxes is one
  numpy step for 100,000 of them), the others are filled into it (simplified to a
  quarter of a bucket pixel) as a fill without antialiasing would;
- zoomed in further, the polygons are simplified likewise and indexed (STRtree): a paint
  fills only those meeting the view.

Displays are built by ``build_display`` from lon/lat pieces and the CRS alone (new
objects, no Qt: a worker thread makes them, the GUI adopts them); the canvas asks for
one per paint and draws, meanwhile, the display of the same state at another zoom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely

from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from viewer.analysis.projection import Projector
from viewer.render.paths import geometry_path

SMALL_PX = 2.0              # a polygon at most this many bucket pixels across is rastered
MAX_RASTER_PIXELS = 24_000_000   # a finer raster than this: all polygons are shapes
BIG_VERTICES = 250_000      # a state of more vertices than this is drawn from a Display
SIMPLIFY_PX = 0.25          # simplification tolerance, in bucket pixels
SIMPLIFY_MIN = 16           # a part of at most this many vertices is not simplified
SEGMENT_DEG = 0.05          # as MapScene.project_layer: long edges cut before projecting
FILL_CHUNK = 256            # shapes filled into a raster at once
CHUNK = 16_384              # polygons per vectorised call
LET_GO = 4_096              # parts freed at once (``_let_go``)
MONO_ROWS = 256             # raster rows packed at once (``_mono``)


def bucket(metres_per_pixel: float) -> int:
    """The zoom bucket of a scale: metres per pixel rounded down to a power of two (a
    raster pixel is half a screen pixel to one; drawn without smoothing, each screen
    pixel shows the raster pixel under its centre, as a fill without antialiasing)."""
    return math.floor(math.log2(max(metres_per_pixel, 1e-6)))


@dataclass(eq=False)
class Display:
    """One layer state drawn for one zoom bucket (see the module docstring)."""

    bucket: int
    packed: np.ndarray | None           # the raster: rows top-down, a bit a pixel, each
                                        # row padded to 32 bits (QImage.Format_Mono's)
    size: tuple[int, int]               # its height and width in pixels
    origin: tuple[float, float]         # metres of the raster's top-left corner
    shapes: np.ndarray                  # projected, simplified polygons (the larger ones)
    tree: shapely.STRtree | None
    _culled: dict = field(default_factory=dict)        # the view's culled shapes' path
    images: dict = field(default_factory=dict)         # the raster in a colour

    @property
    def metres_per_pixel(self) -> float:
        return 2.0 ** self.bucket

    @property
    def rastered(self) -> bool:
        return self.packed is not None

    def mask(self) -> np.ndarray:
        """The raster as uint8, 255 where marked (a byte a pixel)."""
        height, width = self.size
        return np.unpackbits(self.packed, axis=1, count=width) * np.uint8(255)

    def image(self, rgba: int) -> QImage:
        """The raster as a Format_Mono image (sharing ``packed``): ``rgba`` where
        marked, transparent elsewhere; drawn as fast as a byte-a-pixel one, without
        unpacking it."""
        height, width = self.size
        image = QImage(self.packed.data, width, height, self.packed.shape[1],
                       QImage.Format.Format_Mono)
        image.setColorTable([0, rgba])
        return image

    def shapes_in(self, box: tuple[float, float, float, float]) -> np.ndarray:
        """The shapes meeting the projected ``box``."""
        if self.tree is None:
            return self.shapes[:0]
        return self.shapes[np.sort(self.tree.query(shapely.box(*box)))]


def build_display(crs: str, pieces, level: int, extent, check=None) -> Display:
    """The Display of the lon/lat ``pieces`` (a state's) for bucket ``level``, the
    raster within the projected ``extent`` (``_raster_bounds``); ``check()`` between the steps (may raise)."""
    projector = Projector(crs)
    geoms = np.asarray(list(pieces), dtype=object)
    # in chunks: a shapely or pyproj call over 100,000 polygons holds the GIL for long
    parts = _chunked(lambda g: shapely.get_parts(g), geoms, 256, check)
    parts = parts[~shapely.is_empty(parts)] if len(parts) else parts
    m = 2.0 ** level

    def corner_box(chunk: np.ndarray) -> np.ndarray:
        """A small part's projected box: its lon/lat box's corners projected (locally
        affine at that size)."""
        lonlat = shapely.bounds(chunk).reshape(-1, 4)
        cx, cy = lonlat[:, [0, 2, 2, 0]].ravel(), lonlat[:, [1, 1, 3, 3]].ravel()
        px, py = (np.asarray(v).reshape(-1, 4) for v in projector.forward(cx, cy))
        return np.column_stack([px.min(1), py.min(1), px.max(1), py.max(1)])
    box = _chunked(corner_box, parts, CHUNK, check).reshape(-1, 4)
    small = ((box[:, 2] - box[:, 0]) <= SMALL_PX * m) & ((box[:, 3] - box[:, 1]) <= SMALL_PX * m)
    if check is not None:
        check()
    shapes = _chunked(lambda g: _for_zoom(projector, g, m), parts[~small], 256, check)
    bounds = np.concatenate([box[small], shapely.bounds(shapes).reshape(-1, 4)]).astype(float)
    bounds = bounds[np.isfinite(bounds).all(axis=1)]        # (an empty shape: NaN)
    minx, miny, maxx, maxy = _raster_bounds(extent, bounds, m)
    width, height = math.ceil((maxx - minx) / m) + 1, math.ceil((maxy - miny) / m) + 1
    if width * height > MAX_RASTER_PIXELS:      # all shapes, culled to the view
        shapes = np.concatenate([shapes, _chunked(lambda g: _for_zoom(projector, g, m),
                                                  parts[small], 256, check)])
        _let_go(parts, check)
        return Display(level, None, (0, 0), (minx, maxy), shapes,
                       shapely.STRtree(shapes) if len(shapes) else None)
    mask = _raster(box[small], (minx, maxy), m, width, height)
    _fill(mask, shapes, (minx, maxy), m, check)
    _let_go(parts, check)
    _let_go(shapes, check)
    # a new empty array, not shapes[:0]: a view would keep every shape alive (the
    # simplified polygons of a 200,000-square state: some 40 MB a Display)
    return Display(level, _mono(mask, check), mask.shape, (minx, maxy),
                   np.empty(0, dtype=object), None)


def _raster_bounds(extent, box: np.ndarray, m: float) -> tuple[float, float, float, float]:
    """The part of the projected ``extent`` a raster of bucket pixels ``m`` needs for
    what has the projected bounds ``box`` (the small parts' corner boxes, the others'
    shapes; a pixel more each side), on the extent's own pixel grid, so every pixel
    centre is where the extent's raster has one. A day's change, a few km² along the
    front, then takes a raster of its own size, not of the whole country's."""
    minx, miny, maxx, maxy = extent
    if not len(box):
        return minx, maxy, minx, maxy           # an empty raster of one pixel
    left = max(minx, minx + math.floor((box[:, 0].min() - minx) / m - 1) * m)
    top = min(maxy, maxy - math.floor((maxy - box[:, 3].max()) / m - 1) * m)
    right = min(maxx, box[:, 2].max() + m)
    bottom = max(miny, box[:, 1].min() - m)
    return left, min(bottom, top), max(right, left), top


def _mono(mask: np.ndarray, check=None) -> np.ndarray:
    """``mask`` a bit a pixel, most significant first, rows padded to 32 bits; MONO_ROWS
    rows at a time, ``check()`` between (np.packbits holds the GIL: a whole raster of
    some million pixels at once was 60 ms of it, tests/perf/stall_probe.py)."""
    height, width = mask.shape
    packed = -(-width // 8)
    padded = np.zeros((height, -(-packed // 4) * 4), dtype=np.uint8)
    for top in range(0, height, MONO_ROWS):
        if check is not None and top:
            check()
        padded[top:top + MONO_ROWS, :packed] = np.packbits(mask[top:top + MONO_ROWS] > 0, axis=1)
    return padded


def _for_zoom(projector: Projector, parts: np.ndarray, m: float) -> np.ndarray:
    """``parts`` projected and simplified to SIMPLIFY_PX of a bucket pixel; only those
    spanning more than SEGMENT_DEG are segmentized first and only those of more than
    SIMPLIFY_MIN vertices simplified (for the rest both are no-ops, yet cost a GEOS
    call each: 1.5 of the 4.7 s of a state of 200,000 squares)."""
    lonlat = shapely.bounds(parts)
    wide = np.maximum(lonlat[:, 2] - lonlat[:, 0], lonlat[:, 3] - lonlat[:, 1]) > SEGMENT_DEG
    parts = parts.copy()
    if wide.any():
        parts[wide] = shapely.segmentize(parts[wide], SEGMENT_DEG)
    out = np.asarray(projector.project(parts))
    many = shapely.get_num_coordinates(out) > SIMPLIFY_MIN
    if many.any():
        out[many] = shapely.simplify(out[many], SIMPLIFY_PX * m, preserve_topology=True)
    return out


def _chunked(fn, items: np.ndarray, size: int, check=None) -> np.ndarray:
    """``fn`` over ``items`` ``size`` at a time, concatenated; ``check()`` between."""
    out = []
    for start in range(0, len(items), size):
        if check is not None:
            check()
        out.append(np.asarray(fn(items[start:start + size])))
    return np.concatenate(out) if out else np.empty(0, dtype=object)


def _let_go(items: np.ndarray, check=None) -> None:
    """Drop the geometries ``items`` holds LET_GO at a time, ``check()`` between. Freed
    all at once (the array's end, as ``build_display`` returned) the parts of a state of
    200,000 squares held the GIL for 55-75 ms of CPU in one C loop, and a worker that
    the system descheduled meanwhile kept the GUI thread waiting 100-400 ms (the longest
    gaps of tests/perf/bench_big_layers.py, seen by tests/perf/stall_probe.py); between
    two chunks the GUI thread takes the GIL back."""
    for start in range(0, len(items), LET_GO):
        items[start:start + LET_GO] = None
        if check is not None and start + LET_GO < len(items):
            check()


def _fill(mask: np.ndarray, shapes: np.ndarray, origin, m: float, check=None) -> None:
    """Fill ``shapes`` (projected) into ``mask`` as QPainter fills without antialiasing
    (a pixel whose centre is inside), a few hundred at a time: a fill holds the GIL, so
    the GUI thread gets it back between them."""
    if not len(shapes):
        return
    height, width = mask.shape
    image = QImage(mask.data, width, height, width, QImage.Format.Format_Alpha8)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        x0, y0 = origin
        painter.setTransform(QTransform(1 / m, 0, 0, -1 / m, -x0 / m, y0 / m))
        colour = QColor(0, 0, 0, 255)
        for start in range(0, len(shapes), FILL_CHUNK):
            if check is not None:
                check()
            painter.fillPath(geometry_path(shapes[start:start + FILL_CHUNK]), colour)
    finally:
        painter.end()


def _raster(box: np.ndarray, origin, m: float, width: int, height: int) -> np.ndarray:
    """A top-down uint8 raster, 255 in every pixel whose centre a box of ``box`` covers,
    as a fill without antialiasing marks them (and the pixel of a box's centre, so that
    nothing smaller than a pixel vanishes)."""
    x0, y0 = origin
    fx = (box[:, [0, 2]] - x0) / m - 0.5              # pixel centres at whole numbers
    fy = (y0 - box[:, [3, 1]]) / m - 0.5
    c0, c1 = np.ceil(fx[:, 0]).astype(np.int64), np.floor(fx[:, 1]).astype(np.int64)
    r0, r1 = np.ceil(fy[:, 0]).astype(np.int64), np.floor(fy[:, 1]).astype(np.int64)
    cx = np.rint(fx.mean(axis=1)).astype(np.int64)
    cy = np.rint(fy.mean(axis=1)).astype(np.int64)
    c0, c1 = np.where(c1 < c0, cx, c0), np.where(c1 < c0, cx, c1)
    r0, r1 = np.where(r1 < r0, cy, r0), np.where(r1 < r0, cy, r1)
    mask = np.zeros((height, width), dtype=np.uint8)
    span = int(math.ceil(SMALL_PX)) + 1
    for dy in range(span):
        for dx in range(span):
            c, r = c0 + dx, r0 + dy
            ok = (c <= c1) & (r <= r1) & (c >= 0) & (r >= 0) & (c < width) & (r < height)
            mask[r[ok], c[ok]] = 255
    return mask
