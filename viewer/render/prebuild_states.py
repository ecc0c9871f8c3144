"""Each layer state's outline without its pieces' shared edges (dissolve.py), made
ahead of time on a worker thread for ``MapScene.adopt_dissolved``.

A full repaint fills a state as one winding-rule path. Of its pieces' path, the edges
two pieces share add nothing to the fill but cost the antialiasing rasteriser as much
as the outline (a DeepState date: 4.8 -> 3.2 ms at 1600x1000, 2x as much at 2x device
pixel ratio). The states are made once, after the pieces' paths (prebuild.py), and
kept as int16 steps of QUANTUM from point to point (the DeepState import's 536 states:
2.3 million points, 9.4 MB; as paths they would be 24 bytes a point), up to
DISSOLVED_MAX_VERTICES points in all; a state is made a path when shown (a few
polygons per ring from numpy, no Python per vertex) and kept with the scene's state
paths. A state not made (yet) is filled from its pieces as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.analysis.projection import Projector
from viewer.render.big_counts import big_state
from viewer.render.dissolve import dissolved_rings
from viewer.render.paths import empty_path, polygon_from_array

DISSOLVED_MAX_VERTICES = 3_000_000  # points kept in all (4 bytes each, mostly)
QUANTUM = 0.25          # m: the points' grid (a state is filled from its outline only when
                        # all of it meets the view: then a pixel is many metres)


@dataclass(frozen=True, eq=False)
class Dissolved:
    """One state's rings, as QUANTUM steps: each point the step from the one before
    (int16, int32 where a step is longer), the first of each ring ``jumps`` (int64) from
    the last of the ring before (the first from 0)."""
    steps: np.ndarray           # (n, 2) int16 or int32, read-only
    jumps: np.ndarray           # (rings, 2) int64
    starts: np.ndarray          # (rings + 1,) int64: ring k is points starts[k]:starts[k + 1]

    def __len__(self) -> int:
        return len(self.steps)

    def points(self) -> np.ndarray:
        """The rings' points (projected metres, float64)."""
        steps = self.steps.astype(np.int64)
        steps[self.starts[:-1]] = self.jumps
        return np.cumsum(steps, axis=0) * QUANTUM

    def path(self) -> QPainterPath:
        """The rings as one winding-rule path (projected metres)."""
        path = empty_path()
        xy = self.points()
        path.reserve(len(xy))
        bounds = self.starts.tolist()
        for a, b in zip(bounds[:-1], bounds[1:]):
            path.addPolygon(polygon_from_array(xy[a:b]))
            path.closeSubpath()
        return path


@dataclass(frozen=True, eq=False)
class PrebuiltDissolved:
    states: dict                # (layer id, state index) -> Dissolved


def _dissolved(rings: np.ndarray) -> Dissolved | None:
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return None
    counts = np.bincount(index, minlength=len(rings))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    q = np.round(coords / QUANTUM).astype(np.int64)
    steps = np.diff(q, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    jumps = steps[starts[:-1]].copy()
    steps[starts[:-1]] = 0
    small = np.abs(steps).max() <= np.iinfo(np.int16).max
    steps = steps.astype(np.int16 if small else np.int32)
    for array in (steps, jumps, starts):
        array.flags.writeable = False
    return Dissolved(steps, jumps, starts)


def build_dissolved(crs: str, histories: Iterable[tuple[str, object]], segment_deg: float,
                    check: Callable[[], None] | None = None) -> PrebuiltDissolved:
    """The dissolved outline of every state of ``histories`` ((layer id, History)
    pairs) that is drawn as a path (not big: big_counts), projected as the scene
    projects the pieces (cut into ``segment_deg`` steps first, then projected with a
    projector of its own); ``check()`` between states (it may raise to stop). Stops at
    DISSOLVED_MAX_VERTICES points."""
    projector = Projector(crs)
    out: dict = {}
    total = 0
    for layer_id, history in histories:
        geoms = np.array([p.geometry for p in history.pieces], dtype=object)
        polygons = shapely.get_num_geometries(geoms).astype(np.int64)
        vertices = shapely.get_num_coordinates(geoms).astype(np.int64)
        for index in range(len(history.times)):
            if check is not None:
                check()
            idx = history.piece_indices(index)
            if not len(idx) or big_state(polygons[idx].sum(), vertices[idx].sum()):
                continue
            rings = dissolved_rings(geoms[idx])
            made = _dissolved(projector.project(shapely.segmentize(rings, segment_deg)))
            if made is None:
                continue
            total += len(made)
            if total > DISSOLVED_MAX_VERTICES:
                return PrebuiltDissolved(out)
            out[(layer_id, index)] = made
    return PrebuiltDissolved(out)
