"""Each layer state's outline without its pieces' shared edges (dissolve.py), made
ahead of time on a worker thread for ``MapScene.adopt_dissolved``.

A full repaint fills a state as one winding-rule path. Of its pieces' path, the edges
two pieces share add nothing to the fill but cost the antialiasing rasteriser as much
as the outline (a DeepState date: 4.8 -> 3.2 ms at 1600x1000, 2x as much at 2x device
pixel ratio). The states are made once, after the pieces' paths (prebuild.py), and
kept as int16 steps of QUANTUM from point to point (as paths they would be 24 bytes a
point), zlib-compressed with a key state's steps as preset dictionary: a state differs
from the one a few days before by a few changes, so it compresses to those changes
(the DeepState import's 536 states: 2.3 million points, 9.4 MB of steps, 1.2 MB kept;
the 5-year replay's 1,826 states: 36 MB of steps, 4.1 MB kept). Every KEY_EVERY-th
state of a layer is a key, compressed alone, so a state is two inflates away. Up to
DISSOLVED_MAX_BYTES are kept in all; a state is made a path when shown (a few polygons
per ring from numpy, no Python per vertex) and kept with the scene's state paths. A
state not made (yet) is filled from its pieces as before.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.analysis.projection import Projector
from viewer.render.big_counts import big_state
from viewer.render.dissolve import dissolved_rings
from viewer.render.paths import empty_path, polygon_from_array

DISSOLVED_MAX_BYTES = 12_000_000  # kept in all, compressed (the 3 million raw points
                                 # kept before compression: 1,826 DeepState states use 4 MB)
KEY_EVERY = 16          # a layer's states 0, 16, 32...: compressed alone, the dictionary
                        # of the 15 after them (DeepState: 4.1 MB; 8: 5.2 MB, 32: 4.4 MB)
QUANTUM = 0.25          # m: the points' grid (a state is filled from its outline only when
                        # all of it meets the view: then a pixel is many metres)


@dataclass(frozen=True, eq=False)
class Dissolved:
    """One state's rings, as QUANTUM steps: each point the step from the one before
    (int16, int32 where a step is longer), the first of each ring ``jumps`` (int64) from
    the last of the ring before (the first from 0). ``packed``: the bytes of the jumps,
    of the rings' starts and of the steps, zlib-compressed with ``key``'s as preset
    dictionary, or alone when ``key`` is None."""
    packed: bytes
    wide: bool                  # int32 steps (else int16)
    size: int                   # points
    rings: int
    key: "Dissolved | None" = None

    def __len__(self) -> int:
        return self.size

    def raw(self) -> bytes:
        """``packed`` inflated."""
        if self.key is None:
            return zlib.decompress(self.packed)
        inflate = zlib.decompressobj(zdict=self.key.raw())
        return inflate.decompress(self.packed) + inflate.flush()

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(steps (n, 2) int16 or int32, jumps (rings, 2) int64, starts (rings + 1,)
        int64: ring k is points starts[k]:starts[k + 1]), read-only."""
        raw, rings = self.raw(), self.rings
        jumps = np.frombuffer(raw, np.int64, 2 * rings).reshape(-1, 2)
        starts = np.frombuffer(raw, np.int64, rings + 1, 16 * rings)
        steps = np.frombuffer(raw, np.int32 if self.wide else np.int16, 2 * self.size,
                              8 * (3 * rings + 1))
        return steps.reshape(-1, 2), jumps, starts

    def points(self) -> np.ndarray:
        """The rings' points (projected metres, float64)."""
        return _points(*self.arrays())

    def path(self) -> QPainterPath:
        """The rings as one winding-rule path (projected metres)."""
        path = empty_path()
        steps, jumps, starts = self.arrays()
        xy = _points(steps, jumps, starts)
        path.reserve(len(xy))
        bounds = starts.tolist()
        for a, b in zip(bounds[:-1], bounds[1:]):
            path.addPolygon(polygon_from_array(xy[a:b]))
            path.closeSubpath()
        return path


def _points(steps: np.ndarray, jumps: np.ndarray, starts: np.ndarray) -> np.ndarray:
    steps = steps.astype(np.int64)
    steps[starts[:-1]] = jumps
    return np.cumsum(steps, axis=0) * QUANTUM


@dataclass(frozen=True, eq=False)
class PrebuiltDissolved:
    states: dict                # (layer id, state index) -> Dissolved


def _dissolved(rings: np.ndarray, key: Dissolved | None = None,
               key_raw: bytes | None = None) -> Dissolved | None:
    """``rings``' Dissolved, compressed with ``key`` (whose steps' bytes are
    ``key_raw``) as its dictionary, or alone."""
    coords, index = shapely.get_coordinates(rings, return_index=True)
    q = np.round(coords / QUANTUM).astype(np.int64)
    fills = _fills(q, index, len(rings))
    count = int(fills.sum())
    if count < len(rings):      # flat rings left out: their fill is nothing
        on = fills[index]
        q, index = q[on], np.searchsorted(np.flatnonzero(fills), index[on])
    if not len(q):
        return None
    counts = np.bincount(index, minlength=count)
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    steps = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    jumps = steps[starts[:-1]].copy()
    steps[starts[:-1]] = 0
    small = np.abs(steps).max() <= np.iinfo(np.int16).max
    raw = b"".join([jumps.tobytes(), starts.tobytes(),
                    steps.astype(np.int16 if small else np.int32).tobytes()])
    deflate = zlib.compressobj(6, zdict=key_raw) if key is not None else zlib.compressobj(6)
    return Dissolved(deflate.compress(raw) + deflate.flush(), not small, len(q), count, key)


def _fills(q: np.ndarray, index: np.ndarray, n: int) -> np.ndarray:
    """Whether each of ``n`` rings (points ``q`` on the QUANTUM grid, int64, ring
    ``index`` of each, in order) fills any area: whether some triangle of its fan from
    its first point is not flat. A ring's winding number is the sum of its fan
    triangles', so a ring with only flat ones winds nothing but on its lines: the slivers
    a cut leaves along a loss's edge (1e-23 deg²), 220 of a state's 358 rings after a
    year of losses, are points on a line once on the grid (exact: integer products)."""
    if not len(q):
        return np.zeros(n, dtype=bool)
    first = np.searchsorted(index, index)           # each point's ring's first point
    rel = q - q[first]
    cross = rel[:-1, 0] * rel[1:, 1] - rel[:-1, 1] * rel[1:, 0]
    flat = (index[1:] != index[:-1]) | (cross == 0)
    return np.bincount(index[:-1][~flat], minlength=n) > 0


def build_dissolved(crs: str, histories: Iterable[tuple[str, object]], segment_deg: float,
                    check: Callable[[], None] | None = None) -> PrebuiltDissolved:
    """The dissolved outline of every state of ``histories`` ((layer id, History)
    pairs) that is drawn as a path (not big: big_counts), projected as the scene
    projects the pieces (cut into ``segment_deg`` steps first, then projected with a
    projector of its own); ``check()`` between states (it may raise to stop). Stops at
    DISSOLVED_MAX_BYTES (compressed: module docstring)."""
    projector = Projector(crs)
    out: dict = {}
    total = 0
    for layer_id, history in histories:
        geoms = np.array([p.geometry for p in history.pieces], dtype=object)
        polygons = shapely.get_num_geometries(geoms).astype(np.int64)
        vertices = shapely.get_num_coordinates(geoms).astype(np.int64)
        key = key_raw = None
        for index in range(len(history.times)):
            if check is not None:
                check()
            idx = history.piece_indices(index)
            if not len(idx) or big_state(polygons[idx].sum(), vertices[idx].sum()):
                continue
            rings = dissolved_rings(geoms[idx])
            rings = projector.project(shapely.segmentize(rings, segment_deg))
            made = _dissolved(rings, *((key, key_raw) if index % KEY_EVERY else ()))
            if made is None:
                continue
            if made.key is None:
                key, key_raw = made, made.raw()
            total += len(made.packed)
            if total > DISSOLVED_MAX_BYTES:
                return PrebuiltDissolved(out)
            out[(layer_id, index)] = made
    return PrebuiltDissolved(out)
