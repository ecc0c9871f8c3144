"""Context features (rivers, water, roads, rails) as paths, simplified for the zoom.

Projected once; then for each zoom level (a power of two of metres per pixel) simplified
to about half a pixel with one vectorised shapely call, and for each stretch of time in
which the same features hold, and each set of hidden context layers, made into one path
per style and shape (lines or areas). Both are cached, so a repaint only looks them up.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from datetime import datetime
from typing import Callable

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.model.context import ContextFeature, boundaries, epoch
from viewer.render.paths import geometry_path, lines_path

LEVELS_KEPT = 8             # zoom levels whose simplified geometry is kept
PATHS_KEPT = 16             # (level, time stretch, hidden layers) whose paths are kept
VIEWS_KEPT = 4              # paths cut to a view (the window redraws one view at a time)
SMALL_VIEW = 16             # a view this many times smaller than the extent is cut to
MARGIN_PX = 8               # pixels of features kept beyond the view's edges
_LINE_TYPES = (1, 5)        # shapely: LineString, MultiLineString


class ContextPaths:
    def __init__(self, features: list[ContextFeature], project: Callable):
        self.features = features
        self._project = project
        self._bounds = boundaries(features)
        self._projected: np.ndarray | None = None
        self._levels: OrderedDict = OrderedDict()
        self._paths: OrderedDict = OrderedDict()
        self._views: OrderedDict = OrderedDict()
        self._extent: float | None = None       # projected area of the features' bounds

    def __bool__(self) -> bool:
        return bool(self.features)

    def epoch(self, t: datetime) -> int:
        """The same number for two times at which the same features hold."""
        return epoch(self._bounds, t) if len(self._bounds) else 0

    def paths(self, metres_per_pixel: float, t: datetime, hidden: frozenset[str],
              view: tuple[float, float, float, float] | None = None
              ) -> list[tuple[str, bool, QPainterPath]]:
        """(style, areas?, path) of the features shown at ``t`` whose layers are not in
        ``hidden`` (layer names), simplified for ``metres_per_pixel``. A ``view`` (projected
        minx, miny, maxx, maxy) much smaller than the features' extent gets them cut to
        it (a margin of MARGIN_PX around): stroking the whole country's rivers to show a
        town's costs several times the drawing of the rest of the background."""
        level = math.floor(math.log2(max(metres_per_pixel, 1e-3)))
        if view is not None and self._small(view):
            m = MARGIN_PX * metres_per_pixel
            rect = (view[0] - m, view[1] - m, view[2] + m, view[3] + m)
            key = ("view", level, self.epoch(t), hidden, rect)
            return _cached(self._views, key, VIEWS_KEPT,
                           lambda: self._build(level, t, hidden, rect))
        key = (level, self.epoch(t), hidden)
        return _cached(self._paths, key, PATHS_KEPT, lambda: self._build(level, t, hidden))

    def _small(self, view) -> bool:
        if self._extent is None:
            geoms = np.array([f.geometry for f in self.features], dtype=object)
            minx, miny, maxx, maxy = shapely.total_bounds(self._project(shapely.envelope(geoms)))
            self._extent = max((maxx - minx) * (maxy - miny), 1.0)
        return (view[2] - view[0]) * (view[3] - view[1]) * SMALL_VIEW < self._extent

    def _build(self, level: int, t: datetime, hidden: frozenset[str], rect=None):
        geoms = _cached(self._levels, level, LEVELS_KEPT, lambda: self._simplified(level))
        if rect is not None:
            geoms = shapely.clip_by_rect(geoms, *rect)
        keep = np.array([f.valid_at(t) and f.layer not in hidden for f in self.features],
                        dtype=bool)
        styles = np.array([f.style for f in self.features], dtype=object)
        lines = np.isin(shapely.get_type_id(geoms), _LINE_TYPES)
        out = []
        for areas in (True, False):
            for style in dict.fromkeys(styles[keep].tolist()):
                chosen = geoms[keep & (styles == style) & (lines != areas)]
                if len(chosen):
                    path = geometry_path(chosen) if areas else lines_path(chosen)
                    if not path.isEmpty():
                        out.append((style, areas, path))
        return out

    def _simplified(self, level: int) -> np.ndarray:
        if self._projected is None:
            self._projected = self._project(
                np.array([f.geometry for f in self.features], dtype=object))
        tolerance = 2.0 ** level * 0.5          # half a pixel at the level's finest zoom
        # Douglas-Peucker without topology checks (5x faster on the built-in lakes): a
        # ring it makes cross itself by under a pixel fills the same with the winding
        # rule, and one it collapses is too small to see
        return shapely.simplify(self._projected, tolerance, preserve_topology=False)


def _cached(store: OrderedDict, key, size: int, build: Callable):
    if key in store:
        store.move_to_end(key)
        return store[key]
    value = store[key] = build()
    while len(store) > size:
        store.popitem(last=False)
    return value
