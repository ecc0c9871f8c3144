"""The front's segments (viewer.analysis.front_line): every piece's rings cut into
segments of at most ~1 km, those lying deep inside the country kept, each with its
geodesic length and the pieces on its other side."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.analysis.freed_memory import release_freed_memory
from viewer.analysis.piece_snapshot import private
from viewer.model.geodesy import GEOD

SEGMENT_DEG = 0.01          # segments of at most ~1.1 km
PROBE_DEG = 1e-5            # ~1 m beside a segment
_CHUNK = 64                 # pieces between two checks while the front is measured
_GROUP = 1024               # pieces whose probes are made, tested and let go together
_MATRIX = 1 << 20           # (owner, piece) box tests at once


@dataclass(frozen=True)
class Segments:
    """The segments deep inside, in piece order. Kept for the drawing as long as the
    front is (a 5-year daily series: 800,000 segments), so stored lean: each segment's
    ends are two consecutive ``points`` (the runs of a ring share their ends), its piece
    is found from ``runs``, and the lengths go once every series is measured."""
    runs: np.ndarray            # (pieces + 1,): piece q has segments runs[q]:runs[q+1]
    points: np.ndarray          # (m, 2) float32 lon/lat (~0.5 m, to draw)
    starts: np.ndarray          # the segments that start a run of points (0 first)
    km: np.ndarray | None       # geodesic length (None once every series is measured)
    partner: np.ndarray         # (pairs,) segment index
    other: np.ndarray           # (pairs,) piece on the segment's other side

    @property
    def piece(self) -> np.ndarray:
        """The piece of each segment."""
        return np.repeat(np.arange(len(self.runs) - 1, dtype=np.int32), np.diff(self.runs))

    @property
    def first(self) -> np.ndarray:
        """Each segment's start in ``points`` (its end is the next point): a run of k
        segments has k + 1 points, so every run before a segment's own adds one."""
        n = self.runs[-1]
        return np.arange(n) + np.searchsorted(self.starts, np.arange(n), side="right") - 1


def cut(geoms: np.ndarray, first: np.ndarray, last: np.ndarray, inner,
        check=lambda: None) -> Segments:
    """The Segments of the pieces ``geoms`` valid over states [first, last), those whose
    middle lies in ``inner`` (None: all); ``check()`` between chunks of pieces."""
    # in groups of pieces: only the segments deep inside are kept, so the arrays of
    # every segment of every piece (3 M on a 5-year series) never exist at once; and a
    # group's probes are tested (``_beside``) and let go before the next group's are
    # made: what stays is what Segments keeps, and each segment's length
    near = _Near(geoms, first, last)
    counts, points, starts, km, pairs = [], [], [], [], []
    done = 0                            # the segments of the groups before
    for g in range(0, len(geoms), _GROUP):
        end = min(g + _GROUP, len(geoms))
        parts = [_segments_of(geoms[k:min(k + _CHUNK, end)], k, inner, check)
                 for k in range(g, end, _CHUNK)]
        runs = np.concatenate([[0], np.cumsum(np.concatenate([p[0] for p in parts]))])
        pairs.append(_beside(near, g, runs, np.concatenate([p[4] for p in parts]),
                             np.concatenate([p[5] for p in parts]), done, check))
        for p in parts:                 # a chunk's starts count from its first segment
            counts.append(p[0])
            points.append(p[1])
            starts.append(p[2] + done)
            km.append(p[3])
            done += len(p[3])
        del parts
        release_freed_memory()          # the group's probes and temporaries
    if not counts:
        counts, points, starts, km = ([a] for a in _NO_SEGMENTS[:4])
        pairs = [(np.zeros(0, np.int32), np.zeros(0, np.int32))]
    # joined one field at a time, each field's chunks let go as it is joined: the
    # chunks and the whole never exist together
    columns = [counts, points, starts, km, *(list(a) for a in zip(*pairs))]
    del counts, points, starts, km, pairs
    counts, points, starts, km, partner, other = (_joined(columns, k) for k in range(6))
    # in the order of a pass over every containing piece, each over the probes in order
    key = other.astype(np.int64)
    del other
    key <<= 32
    key |= partner
    del partner
    key.sort()
    other, partner = (key >> 32).astype(np.int32), (key & 0xFFFFFFFF).astype(np.int32)
    del key
    return Segments(np.concatenate([[0], np.cumsum(counts)]), points,
                    starts.astype(np.int32), km, partner, other)


def _joined(columns: list[list[np.ndarray]], k: int) -> np.ndarray:
    """Column ``k`` joined, its chunks let go and their heap handed back."""
    whole = np.concatenate(columns[k])
    columns[k] = []
    release_freed_memory()
    return whole


def _segments_of(chunk: np.ndarray, k: int, inner, check) -> tuple:
    """(segments of each piece, points, starts, km, probe x, probe y) of the segments
    deep inside of the pieces ``chunk``, k on (as Segments, the points float32 and
    the starts counted from the chunk's first segment); the probes in float64, for
    ``_beside``. Segments of no length (a repeated vertex) are left out."""
    check()
    # segmentize may return a polygon as a multipolygon (shapely 2.2): parts after it
    polys, owner = shapely.get_parts(shapely.segmentize(chunk, SEGMENT_DEG),
                                     return_index=True)
    rings, ring_poly = shapely.get_rings(polys, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    at = np.flatnonzero((ring_of[1:] == ring_of[:-1])
                        & np.any(coords[1:] != coords[:-1], axis=1))
    start, end = coords[at], coords[at + 1]
    piece = owner[ring_poly[ring_of[at]]] + k
    mid = (start + end) / 2
    if inner is not None:
        # only the segments that deep inside count, for the length and the drawing:
        # the rest are neither measured further nor kept
        deep = shapely.contains_xy(inner, mid[:, 0], mid[:, 1])
        at, start, end, piece, mid = (a[deep] for a in (at, start, end, piece, mid))
    # the points kept: every kept segment's two ends, each once (at + 1 follows at)
    kept = np.union1d(at, at + 1)
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
    first_point = np.searchsorted(kept, at)
    return (np.bincount(piece - k, minlength=len(chunk)), coords[kept].astype(np.float32),
            np.flatnonzero(np.diff(first_point, prepend=-2) != 1), metres / 1000.0,
            mid[:, 0] + side * ox, mid[:, 1] + side * oy)


_NO_SEGMENTS = (np.zeros(0, np.int64), np.zeros((0, 2), np.float32), np.zeros(0, np.int64),
                np.zeros(0), np.zeros(0), np.zeros(0))


def _contains(geom: BaseGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``contains_xy`` of a private copy of a piece, prepared for the call alone: the
    pieces are the situation's (read only), and every piece prepared at once held ~50 MB
    more at the measuring's peak."""
    return shapely.contains_xy(private(geom), x, y)


class _Near:
    """What finds the pieces a probe may lie in: each piece's box and validity."""

    def __init__(self, geoms: np.ndarray, first: np.ndarray, last: np.ndarray):
        self.geoms, self.first, self.last = geoms, first, last
        self.bounds = shapely.bounds(geoms)
        self.reach = self.bounds + np.array([-1, -1, 1, 1]) * 2 * PROBE_DEG  # 1 m outside

    def pairs(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owner, piece) pairs, sorted by piece then owner: the pieces other than the
        owner, valid at some time with it, whose box meets the owner's reach. Tested
        against the pieces valid with some owner, a block of owners at a time (a block
        by those pieces: at most _MATRIX tests at once)."""
        first, last = self.first, self.last
        valid = np.flatnonzero((first < last[owners].max()) & (last > first[owners].min()))
        b = self.bounds[valid]
        block = max(1, _MATRIX // max(1, len(valid)))
        qs, js = [], []
        for k in range(0, len(owners), block):
            o = owners[k:k + block, None]
            r = self.reach[o[:, 0]]
            meets = ((o != valid) & (first[o] < last[valid]) & (last[o] > first[valid])
                     & (r[:, 0, None] <= b[:, 2]) & (r[:, 2, None] >= b[:, 0])
                     & (r[:, 1, None] <= b[:, 3]) & (r[:, 3, None] >= b[:, 1]))
            q, c = np.nonzero(meets)
            qs.append(q + k)
            js.append(valid[c])
        q, j = np.concatenate(qs), np.concatenate(js)
        order = np.lexsort((q, j))
        return q[order], j[order]


def _beside(near: _Near, g: int, runs: np.ndarray, px: np.ndarray, py: np.ndarray,
            offset: int, check) -> tuple[np.ndarray, np.ndarray]:
    """(segment, piece) pairs (int32) of the probes (px, py) of pieces ``g`` on (piece
    g + q has probes runs[q]:runs[q+1]; segment indices from ``offset``): the piece,
    valid at some time with the segment's own, that contains the segment's probe. One
    prepared ``contains_xy`` pass per piece over the probes in its box of the pieces
    overlapping it in time and space (``_Near.pairs``)."""
    owner, piece = near.pairs(np.arange(g, g + len(runs) - 1))
    found, owners = [], []
    containers, begin = np.unique(piece, return_index=True)
    for n, (j, a, b) in enumerate(zip(containers.tolist(), begin.tolist(),
                                      np.append(begin[1:], len(piece)).tolist())):
        if n % _CHUNK == 0:
            check()
        lengths = runs[owner[a:b] + 1] - runs[owner[a:b]]
        if not lengths.sum():
            continue
        probes = np.repeat(runs[owner[a:b]] - np.cumsum(lengths) + lengths, lengths) \
            + np.arange(lengths.sum())
        box = near.bounds[j]
        probes = probes[(px[probes] >= box[0]) & (px[probes] <= box[2])
                        & (py[probes] >= box[1]) & (py[probes] <= box[3])]
        if len(probes):
            hit = probes[_contains(near.geoms[j], px[probes], py[probes])] + offset
            found.append(hit.astype(np.int32))
            owners.append(np.full(len(hit), j, np.int32))
    if not found:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(found), np.concatenate(owners)
