"""The front's segments (viewer.analysis.front_line): every piece's rings cut into
segments of at most ~1 km, those lying deep inside the country kept, each with its
geodesic length and the pieces on its other side."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from viewer.analysis.freed_memory import release_freed_memory
from viewer.analysis.front_probes import PROBE_DEG, Near, beside, contains
from viewer.model.geodesy import GEOD

SEGMENT_DEG = 0.01          # segments of at most ~1.1 km
_CHUNK = 64                 # pieces between two checks while the front is measured
_GROUP = 1024               # pieces near each other whose probes are made, tested, let go


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
    # in chunks of pieces: only the segments deep inside are kept, so the arrays of
    # every segment of every piece (3 M on a 5-year series) never exist at once
    counts, points, starts, km = [], [], [], []
    done = 0                            # the segments of the chunks before
    for k in range(0, len(geoms), _CHUNK):
        part = _segments_of(geoms[k:k + _CHUNK], inner, check)
        counts.append(part[0])
        points.append(part[1])
        starts.append(part[2] + done)   # a chunk's starts count from its first segment
        km.append(part[3])
        done += len(part[3])
        if k % _GROUP == 0:
            release_freed_memory()      # the chunks' temporaries
    if not counts:
        counts, points, starts, km = ([a] for a in _NO_SEGMENTS)
    # joined one field at a time, each field's chunks let go as it is joined: the
    # chunks and the whole never exist together
    columns = [counts, points, starts, km]
    del counts, points, starts, km
    counts, points, starts, km = (_joined(columns, k) for k in range(4))
    runs = np.concatenate([[0], np.cumsum(counts)])
    del counts
    partner, other = _pairs(geoms, first, last, runs, inner, check)
    return Segments(runs, points, starts.astype(np.int32), km, partner, other)


def _pairs(geoms, first, last, runs, inner, check) -> tuple[np.ndarray, np.ndarray]:
    """(segment, piece) pairs, int32, sorted by piece then segment: the piece beside
    each segment (``front_probes.beside``). The probes are made again a group of pieces
    near each other at a time, tested and let go before the next group's: the
    pieces a group's probes may lie in are then mostly the group's own."""
    near = Near(geoms, first, last)
    found = []
    for group in near.groups(_GROUP):
        parts = [_segments_of(geoms[group[c:c + _CHUNK]], inner, check, probes=True)
                 for c in range(0, len(group), _CHUNK)]
        px, py = (np.concatenate([p[k] for p in parts]) for k in (1, 2))
        del parts
        found.append(beside(near, group, runs, px, py, check))
        del px, py
        release_freed_memory()          # the group's probes and temporaries
    if not found:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    columns = [list(a) for a in zip(*found)]
    del found
    partner, other = (_joined(columns, k) for k in range(2))
    # in the order of a pass over every containing piece, each over the probes in order
    key = other.astype(np.int64)
    del other
    key <<= 32
    key |= partner
    del partner
    key.sort()
    other, partner = (key >> 32).astype(np.int32), (key & 0xFFFFFFFF).astype(np.int32)
    return partner, other


def _joined(columns: list[list[np.ndarray]], k: int) -> np.ndarray:
    """Column ``k`` joined, its chunks let go and their heap handed back."""
    whole = np.concatenate(columns[k])
    columns[k] = []
    release_freed_memory()
    return whole


def _segments_of(chunk: np.ndarray, inner, check, probes: bool = False) -> tuple:
    """(segments of each piece, points, starts, km) of the segments deep inside of the
    pieces ``chunk`` (as Segments, the points float32 and the starts counted from the
    chunk's first segment); with ``probes``, (segments of each piece, probe x, probe y)
    instead, in float64, for ``beside``. Segments of no length (a repeated vertex) are
    left out."""
    check()
    # segmentize may return a polygon as a multipolygon (shapely 2.2): parts after it
    polys, owner = shapely.get_parts(shapely.segmentize(chunk, SEGMENT_DEG),
                                     return_index=True)
    rings, ring_poly = shapely.get_rings(polys, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    at = np.flatnonzero((ring_of[1:] == ring_of[:-1])
                        & np.any(coords[1:] != coords[:-1], axis=1))
    start, end = coords[at], coords[at + 1]
    piece = owner[ring_poly[ring_of[at]]]
    mid = (start + end) / 2
    if inner is not None:
        # only the segments that deep inside count, for the length and the drawing:
        # the rest are neither measured further nor kept
        deep = shapely.contains_xy(inner, mid[:, 0], mid[:, 1])
        at, start, end, piece, mid = (a[deep] for a in (at, start, end, piece, mid))
    counts = np.bincount(piece, minlength=len(chunk))
    if not probes:
        # the points kept: every kept segment's two ends, each once (at + 1 follows at)
        kept = np.union1d(at, at + 1)
        _, _, metres = GEOD.inv(start[:, 0], start[:, 1], end[:, 0], end[:, 1])
        first_point = np.searchsorted(kept, at)
        return (counts, coords[kept].astype(np.float32),
                np.flatnonzero(np.diff(first_point, prepend=-2) != 1), metres / 1000.0)
    # the probe: 1 m beside the segment, on the side outside its own piece (the
    # rings' orientation can't be relied on where a ring touches itself)
    scale = np.cos(np.radians(mid[:, 1]))
    dx, dy = (end[:, 0] - start[:, 0]) * scale, end[:, 1] - start[:, 1]
    norm = np.hypot(dx, dy)
    norm[norm == 0] = 1.0
    ox, oy = dy / norm * PROBE_DEG / scale, -dx / norm * PROBE_DEG
    right_inside = contains(chunk, piece, mid[:, 0] + ox, mid[:, 1] + oy)
    side = np.where(right_inside, -1.0, 1.0)
    return counts, mid[:, 0] + side * ox, mid[:, 1] + side * oy


_NO_SEGMENTS = (np.zeros(0, np.int64), np.zeros((0, 2), np.float32), np.zeros(0, np.int64),
                np.zeros(0))
