"""Front-line length: the part of a state's boundary that lies neither on the country's
border nor on its coast, in geodesic km, for every state of every layer.

**Definition.** The boundary of the state minus the country's outline buffered by
``tolerance_m`` (default 1 km: the outlines are 1:10m data), and only where it lies inside
the country: DeepStateMap's area runs out over the Sea of Azov and into Russia, and those
edges are no front. That is, the boundary at least ``tolerance_m`` inside the country.
The country is the built-in Ukraine outline where the situation's regions are the
built-in ones (or some of them: a subset of oblasts must not count its inner borders),
otherwise the union of the situation's regions; ``outline_source`` says which. Without
regions, the whole boundary.

**How.** A state is the union of disjoint pieces, so its boundary is the pieces' edges
less the edges two valid pieces share. Every piece's rings are cut into segments of at
most ~1 km; each segment has a geodesic length (pyproj), a midpoint that lies that deep
inside the country or not, and a probe point 1 m beside it, outside its own piece, which
finds the pieces on its other side (one prepared ``contains_xy`` pass per piece over the
probes in its box, of the pieces valid with it). The length of every state is then one
cumulative sum over events: a piece's eligible length from its start to its end, less
each shared segment from the time both pieces are valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.analysis.piece_snapshot import LayerPieces, copies, over_intervals
from viewer.analysis.projection import shrunk
from viewer.model import Region, Situation
from viewer.model.geodesy import GEOD

FRONT_TOLERANCE_M = 1000.0
SEGMENT_DEG = 0.01          # segments of at most ~1.1 km
PROBE_DEG = 1e-5            # ~1 m beside a segment
_CHUNK = 64                 # pieces between two checks while the front is measured
BUILTIN_OUTLINE = "the built-in Ukraine outline"


def front_rule(tolerance_m: float = FRONT_TOLERANCE_M) -> str:
    return (f"The front line is the part of a state's boundary inside the country and "
            f"farther than {tolerance_m / 1000:g} km from its border and coast, in "
            "geodesic km.")


@cache
def _builtin_regions() -> tuple[dict[str, bytes], BaseGeometry]:
    from viewer.io.situation_file import read_situation
    from viewer.resources import sample_path
    own = read_situation(sample_path()).own_regions
    return ({r.id: shapely.to_wkb(r.geometry) for r in own},
            shapely.union_all([r.geometry for r in own]))


def builtin_outline() -> BaseGeometry:
    """The built-in Ukraine outline: the union of the built-in oblasts."""
    return _builtin_regions()[1]


def country_outline(regions: list[Region]) -> tuple[BaseGeometry | None, str]:
    """The country whose border and coast are not front, and a sentence naming it."""
    if not regions:
        return None, "no regions: the whole boundary counts"
    builtin, union = _builtin_regions()
    if all(builtin.get(r.id) == shapely.to_wkb(r.geometry) for r in regions):
        return union, BUILTIN_OUTLINE
    return (shapely.union_all([r.geometry for r in regions]),
            f"the union of the situation's {len(regions)} regions")


@dataclass(frozen=True)
class _Segments:
    piece: np.ndarray           # index of the segment's piece
    start: np.ndarray           # (k, 2) lon/lat
    end: np.ndarray
    km: np.ndarray              # geodesic length (only segments deep inside are kept)
    partner: np.ndarray         # (pairs,) segment index
    other: np.ndarray           # (pairs,) piece on the segment's other side


class FrontLine:
    """Front length of each layer's states (``series``) and the line itself (``line_at``)."""

    def __init__(self, situation: Situation, tolerance_m: float = FRONT_TOLERANCE_M,
                 regions: list[Region] | None = None):
        self.situation = situation
        self.tolerance_m = float(tolerance_m)
        outline, self.outline_source = country_outline(
            list(situation.own_regions if regions is None else regions))
        self._outline = None if outline is None else copies([outline])[0]
        self._layers = {layer.id: LayerPieces.of(layer) for layer in situation.layers}
        self._zone = None
        self._segments: dict[str, _Segments] = {}
        self._km: dict[str, np.ndarray] = {}
        self.complete = False

    def measure_all(self, check=lambda: None) -> FrontLine:
        """Every layer's front (``check`` is called before each: it raises to cancel)."""
        for layer_id in self._layers:
            check()
            self.series(layer_id, check)
        self._layers = {k: pieces.measured() for k, pieces in self._layers.items()}
        self.complete = True
        return self

    def times(self, layer_id: str):
        return self._layers[layer_id].times

    def series(self, layer_id: str, check=lambda: None) -> np.ndarray:
        """Front length in km at every state of the layer (``check()`` between the
        pieces while it is measured: it raises to cancel)."""
        if layer_id not in self._km:
            pieces = self._layers[layer_id]
            first, last = pieces.first, pieces.last
            seg = self._cut(layer_id, check)
            n = len(pieces.times)
            own = seg.piece[seg.partner]
            since = np.maximum(first[own], first[seg.other])
            until = np.minimum(last[own], last[seg.other])
            both = since < until
            edges = over_intervals(n, first[seg.piece], last[seg.piece], seg.km)
            shared = over_intervals(n, since[both], until[both], seg.km[seg.partner[both]])
            self._km[layer_id] = np.maximum(edges - shared, 0.0)
        return self._km[layer_id]

    def km_at_index(self, layer_id: str, index: int) -> float:
        km = self.series(layer_id)
        return float(km[index]) if 0 <= index < len(km) else 0.0

    def line_at_index(self, layer_id: str, index: int) -> BaseGeometry:
        """The front line of state ``index`` as lon/lat lines (to draw)."""
        first, last = self._layers[layer_id].first, self._layers[layer_id].last
        seg = self._cut(layer_id)
        valid = (first <= index) & (last > index)
        shared = np.zeros(len(seg.km), bool)
        hit = valid[seg.other] & valid[seg.piece[seg.partner]]
        shared[seg.partner[hit]] = True
        keep = valid[seg.piece] & (seg.km > 0) & ~shared
        lines = shapely.linestrings(np.stack([seg.start[keep], seg.end[keep]], axis=1))
        if not len(lines):
            return shapely.MultiLineString()
        return shapely.line_merge(shapely.multilinestrings(lines))

    # -- the vectorised work ---------------------------------------------------------
    def _inner(self):
        """The country at least ``tolerance_m`` inside its border and coast (None: no
        country, every edge counts)."""
        if self._zone is None and self._outline is not None:
            self._zone = shrunk(self._outline, self.tolerance_m)
            shapely.prepare(self._zone)
        return self._zone

    def _cut(self, layer_id: str, check=lambda: None) -> _Segments:
        if layer_id in self._segments:
            return self._segments[layer_id]
        pieces = self._layers[layer_id]
        geoms, first, last = pieces.geoms, pieces.first, pieces.last
        # in chunks of pieces: only the segments deep inside are kept, so the arrays of
        # every segment of every piece (3 M on a 5-year series) never exist at once
        parts = [self._segments_of(geoms, k, check) for k in range(0, len(geoms), _CHUNK)]
        piece, start, end, km, px, py = (np.concatenate(a) for a in zip(*parts)) if parts \
            else _NO_SEGMENTS
        del parts
        partner, other = _beside(geoms, first, last, piece, px, py, check)
        self._segments[layer_id] = _Segments(piece, start, end, km, partner.astype(np.int32),
                                             other.astype(np.int32))
        return self._segments[layer_id]

    def _segments_of(self, geoms: np.ndarray, k: int, check) -> tuple:
        """(piece, start, end, km, probe x, probe y) of the segments deep inside of
        pieces ``k`` to ``k + _CHUNK``: float32 lon/lat (~0.5 m, to draw) and int32
        pieces, what is kept per segment; the probes in float64, for ``_beside``."""
        check()
        chunk = geoms[k:k + _CHUNK]
        # segmentize may return a polygon as a multipolygon (shapely 2.2): parts after it
        polys, owner = shapely.get_parts(shapely.segmentize(chunk, SEGMENT_DEG),
                                         return_index=True)
        rings, ring_poly = shapely.get_rings(polys, return_index=True)
        coords, ring_of = shapely.get_coordinates(rings, return_index=True)
        same = ring_of[1:] == ring_of[:-1]
        start, end = coords[:-1][same], coords[1:][same]
        piece = owner[ring_poly[ring_of[:-1][same]]] + k
        mid = (start + end) / 2
        inner = self._inner()
        if inner is not None:
            # only the segments that deep inside count, for the length and the drawing:
            # the rest are neither measured further nor kept
            deep = shapely.contains_xy(inner, mid[:, 0], mid[:, 1])
            start, end, piece, mid = (a[deep] for a in (start, end, piece, mid))
        _, _, metres = GEOD.inv(start[:, 0], start[:, 1], end[:, 0], end[:, 1])
        # the probe: 1 m beside the segment, on the side outside its own piece (the
        # rings' orientation can't be relied on where a ring touches itself)
        scale = np.cos(np.radians(mid[:, 1]))
        dx, dy = (end[:, 0] - start[:, 0]) * scale, end[:, 1] - start[:, 1]
        norm = np.hypot(dx, dy)
        norm[norm == 0] = 1.0
        ox, oy = dy / norm * PROBE_DEG / scale, -dx / norm * PROBE_DEG
        right_inside = np.zeros(len(piece), bool)
        bounds = np.searchsorted(piece, np.arange(k, k + len(chunk) + 1))
        for j, geom in enumerate(chunk):
            own = slice(bounds[j], bounds[j + 1])
            right_inside[own] = _contains(geom, mid[own, 0] + ox[own], mid[own, 1] + oy[own])
        side = np.where(right_inside, -1.0, 1.0)
        return (piece.astype(np.int32), start.astype(np.float32), end.astype(np.float32),
                metres / 1000.0, mid[:, 0] + side * ox, mid[:, 1] + side * oy)


_NO_SEGMENTS = (np.zeros(0, np.int32), np.zeros((0, 2), np.float32),
                np.zeros((0, 2), np.float32), np.zeros(0), np.zeros(0), np.zeros(0))


def _contains(geom: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``contains_xy`` of a piece prepared for the call alone: every piece of a long
    series prepared at once held ~50 MB more at the measuring's peak."""
    shapely.prepare(geom)
    try:
        return shapely.contains_xy(geom, x, y)
    finally:
        shapely.destroy_prepared(geom)


def _beside(geoms, first, last, piece, px, py, check) -> tuple[np.ndarray, np.ndarray]:
    """(segment, piece) pairs: the piece, valid at some time with the segment's own,
    that contains the segment's probe (px, py). One prepared ``contains_xy`` pass per
    piece over the probes in its bounding box of the pieces overlapping it in time and
    space. The pieces are chosen first (the probes of a piece are contiguous): a scan of
    every probe in each box took time quadratic in the series' length (43 s for a
    5-year series of the DeepState snapshots replayed, whose pieces repeat in space)."""
    bounds = shapely.bounds(geoms)
    reach = bounds + np.array([-1, -1, 1, 1]) * 2 * PROBE_DEG   # a probe is 1 m outside
    runs = np.searchsorted(piece, np.arange(len(geoms) + 1))    # piece q: runs[q]:runs[q+1]
    found, owners = [], []
    for j, geom in enumerate(geoms):
        if j % _CHUNK == 0:
            check()
        box = bounds[j]
        near = np.flatnonzero((first < last[j]) & (last > first[j])
                              & (reach[:, 0] <= box[2]) & (reach[:, 2] >= box[0])
                              & (reach[:, 1] <= box[3]) & (reach[:, 3] >= box[1]))
        near = near[near != j]
        lengths = runs[near + 1] - runs[near]
        if not lengths.sum():
            continue
        probes = np.repeat(runs[near] - np.cumsum(lengths) + lengths, lengths) \
            + np.arange(lengths.sum())
        probes = probes[(px[probes] >= box[0]) & (px[probes] <= box[2])
                        & (py[probes] >= box[1]) & (py[probes] <= box[3])]
        if len(probes):
            hit = probes[_contains(geom, px[probes], py[probes])]
            found.append(hit)
            owners.append(np.full(len(hit), j))
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(found), np.concatenate(owners)
