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

from dataclasses import replace
from functools import cache, partial

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.analysis.front_segments import Segments, cut
from viewer.analysis.piece_snapshot import LayerPieces, copies, over_intervals_in_chunks
from viewer.analysis.projection import shrunk
from viewer.model import Region, Situation

FRONT_TOLERANCE_M = 1000.0
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
        self._segments: dict[str, Segments] = {}
        self._km: dict[str, np.ndarray] = {}
        self.complete = False

    def measure_all(self, check=lambda: None) -> FrontLine:
        """Every layer's front (``check`` is called before each: it raises to cancel)."""
        for layer_id in self._layers:
            check()
            self.series(layer_id, check)
        self._layers = {k: pieces.measured() for k, pieces in self._layers.items()}
        self._segments = {k: replace(seg, km=None) for k, seg in self._segments.items()}
        self.complete = True
        return self

    def times(self, layer_id: str):
        return self._layers[layer_id].times

    def series(self, layer_id: str, check=lambda: None) -> np.ndarray:
        """Front length in km at every state of the layer (``check()`` between the
        pieces while it is measured: it raises to cancel)."""
        if layer_id not in self._km:
            pieces = self._layers[layer_id]
            seg = self._cut(layer_id, check)
            n = len(pieces.times)
            edges = over_intervals_in_chunks(n, len(seg.km), partial(_edges, pieces, seg))
            shared = over_intervals_in_chunks(n, len(seg.partner),
                                              partial(_shared, pieces, seg))
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
        piece = seg.piece
        shared = np.zeros(len(piece), bool)
        hit = valid[seg.other] & valid[piece[seg.partner]]
        shared[seg.partner[hit]] = True
        start = seg.first[valid[piece] & ~shared]
        lines = shapely.linestrings(np.stack([seg.points[start], seg.points[start + 1]], axis=1))
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

    def _cut(self, layer_id: str, check=lambda: None) -> Segments:
        if layer_id not in self._segments:
            pieces = self._layers[layer_id]
            self._segments[layer_id] = cut(pieces.geoms, pieces.first, pieces.last,
                                           self._inner(), check)
        return self._segments[layer_id]


def _edges(pieces: LayerPieces, seg: Segments, start: int, stop: int) -> tuple:
    """Segments start to stop, over the states of their piece."""
    piece = np.searchsorted(seg.runs, np.arange(start, stop), side="right") - 1
    return pieces.first[piece], pieces.last[piece], seg.km[start:stop]


def _shared(pieces: LayerPieces, seg: Segments, start: int, stop: int) -> tuple:
    """Pairs start to stop (a segment, the piece beside it), over the states both pieces
    are valid at (none where they never are together)."""
    first, last = pieces.first, pieces.last
    partner, other = seg.partner[start:stop], seg.other[start:stop]
    own = np.searchsorted(seg.runs, partner, side="right") - 1
    since = np.maximum(first[own], first[other])
    until = np.minimum(last[own], last[other])
    both = since < until
    return since[both], until[both], seg.km[partner[both]]
