"""Which piece lies beside each front segment (viewer.analysis.front_segments): the
piece, valid at some time with the segment's own, that contains the segment's probe (a
point 1 m beside it, outside its own piece).

A group of pieces near each other (consecutive along a Z-order curve of their boxes'
centres) is measured at a time, so the pieces its probes may lie in are mostly its own
and each is copied and prepared about once. Groups of consecutive pieces instead (in
the history's order, all over the map) met most of a big layer's pieces each: on the
200,000 squares every piece was prepared and tested in 31 groups of 59.
"""

from __future__ import annotations

import numpy as np
import shapely

from viewer.analysis.piece_snapshot import copies

PROBE_DEG = 1e-5            # ~1 m beside a segment
_MATRIX = 1 << 20           # (owner, piece) box tests at once
_BATCH = 64                 # pieces copied and prepared at once to test probes
_PROBES = 1 << 16           # probe tests (before the boxes) at once


def contains(geoms: np.ndarray, which: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether piece ``geoms[which[i]]`` contains point i: one vectorised prepared
    ``contains_xy`` over private copies of the pieces (the pieces are the situation's,
    read only, and every piece prepared at once held ~50 MB more at the measuring's
    peak: the copies go with the call)."""
    own = copies(geoms)
    shapely.prepare(own)
    return shapely.contains_xy(own[which], x, y)


class Near:
    """What finds the pieces a probe may lie in: each piece's box and validity."""

    def __init__(self, geoms: np.ndarray, first: np.ndarray, last: np.ndarray):
        self.geoms, self.first, self.last = geoms, first, last
        self.bounds = shapely.bounds(geoms)
        self.reach = self.bounds + np.array([-1, -1, 1, 1]) * 2 * PROBE_DEG  # 1 m outside

    def groups(self, size: int):
        """The pieces in groups of ``size`` near each other, each in index order:
        consecutive along a Z-order curve of their boxes' centres."""
        centre = np.nan_to_num((self.bounds[:, :2] + self.bounds[:, 2:]) / 2)
        order = np.argsort(_z_order(centre[:, 0], centre[:, 1]), kind="stable")
        for g in range(0, len(order), size):
            yield np.sort(order[g:g + size])

    def pairs(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owner, piece) pairs, sorted by piece then owner (owner as its position in
        ``owners``): the pieces other than the owner, valid at some time with it, whose
        box meets the owner's reach. Tested against the pieces valid with some owner
        whose box meets the owners' reach, a block of owners at a time (a block by
        those pieces: at most _MATRIX tests at once)."""
        first, last, bounds = self.first, self.last, self.bounds
        reach = self.reach[owners]
        valid = np.flatnonzero((first < last[owners].max()) & (last > first[owners].min())
                               & (bounds[:, 0] <= reach[:, 2].max())
                               & (bounds[:, 2] >= reach[:, 0].min())
                               & (bounds[:, 1] <= reach[:, 3].max())
                               & (bounds[:, 3] >= reach[:, 1].min()))
        b = bounds[valid]
        block = max(1, _MATRIX // max(1, len(valid)))
        qs, js = [], []
        for k in range(0, len(owners), block):
            o = owners[k:k + block, None]
            r = reach[k:k + block]
            meets = ((o != valid) & (first[o] < last[valid]) & (last[o] > first[valid])
                     & (r[:, 0, None] <= b[:, 2]) & (r[:, 2, None] >= b[:, 0])
                     & (r[:, 1, None] <= b[:, 3]) & (r[:, 3, None] >= b[:, 1]))
            q, c = np.nonzero(meets)
            qs.append(q + k)
            js.append(valid[c])
        q, j = np.concatenate(qs), np.concatenate(js)
        order = np.lexsort((q, j))
        return q[order], j[order]


def beside(near: Near, owners: np.ndarray, runs: np.ndarray, px: np.ndarray,
           py: np.ndarray, check) -> tuple[np.ndarray, np.ndarray]:
    """(segment, piece) pairs (int32) of the probes (px, py) of the pieces ``owners``
    (in that order, their segments' probes one after another; piece q has segments
    runs[q]:runs[q+1]): the piece, valid at some time with the segment's own, that
    contains the segment's probe. Each piece overlapping some owner in time and space
    (``Near.pairs``) tests the probes in its box of those owners, a batch of pieces at
    a time in one vectorised prepared ``contains_xy``."""
    counts = runs[owners + 1] - runs[owners]
    local = np.concatenate([[0], np.cumsum(counts)])        # the owners' probes
    shift = runs[owners] - local[:-1]                       # probe -> segment index
    owner, piece = near.pairs(owners)
    lengths = counts[owner]                                 # the owner's probes, a pair
    found, containers = [], []
    for a, b in _batches(piece, lengths):
        check()
        ends = np.cumsum(lengths[a:b])
        probes = (np.repeat(local[owner[a:b]] - ends + lengths[a:b], lengths[a:b])
                  + np.arange(ends[-1]))
        container = np.repeat(piece[a:b], lengths[a:b])
        segment = probes + np.repeat(shift[owner[a:b]], lengths[a:b])
        for axis, at in ((0, px), (1, py)):             # the probes in the piece's box
            v = at[probes]
            inside = (v >= near.bounds[container, axis]) & (v <= near.bounds[container, axis + 2])
            probes, container, segment = probes[inside], container[inside], segment[inside]
        if not len(probes):
            continue
        x, y = px[probes], py[probes]
        tested, which = np.unique(container, return_inverse=True)
        hit = contains(near.geoms[tested], which, x, y)
        found.append(segment[hit].astype(np.int32))
        containers.append(container[hit].astype(np.int32))
    if not found:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(found), np.concatenate(containers)


def _batches(piece: np.ndarray, lengths: np.ndarray):
    """(start, stop) of the pairs (sorted by piece) in batches of whole pieces, each of
    at most _BATCH pieces and about _PROBES probe tests (one piece's may exceed it)."""
    begin = np.flatnonzero(np.diff(piece, prepend=-1))      # each piece's first pair
    tests = np.concatenate([[0], np.cumsum(lengths)])
    tests = np.append(tests[begin], tests[-1])              # before each piece, and all
    a = 0                                                   # index into begin
    while a < len(begin):
        b = max(a + 1, min(a + _BATCH,
                           int(np.searchsorted(tests, tests[a] + _PROBES, side="right")) - 1))
        yield int(begin[a]), int(begin[b]) if b < len(begin) else len(piece)
        a = b


def _z_order(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each point's place on a Z-order (Morton) curve over the points' extent, 16 bits
    a coordinate."""
    def cells(v):
        if not len(v):                  # a layer without pieces
            return np.zeros(0, np.uint64)
        span = v.max() - v.min()
        q = ((v - v.min()) / (span or 1.0) * 0xFFFF).astype(np.uint64)
        for shift, mask in ((8, 0x00FF00FF), (4, 0x0F0F0F0F), (2, 0x33333333),
                            (1, 0x55555555)):
            q = (q | (q << np.uint64(shift))) & np.uint64(mask)
        return q
    return cells(x) | (cells(y) << np.uint64(1))
