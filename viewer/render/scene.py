"""A situation ready to paint: projected geometries and QPainterPaths, built once and cached.

Every path is in projected metres; the viewport's QTransform maps it to pixels, so a
zoom or a pan never rebuilds anything.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Callable

import numpy as np
import shapely
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath
from shapely.geometry.base import BaseGeometry

from viewer.analysis.projection import Projector, auto_crs
from viewer.model import Situation
from viewer.render.big_layers import BigStates
from viewer.render.context_paths import ContextPaths
from viewer.render.paths import empty_path, geometry_path, lines_path, piece_entries
from viewer.render.scene_changes import ChangeAreas
from viewer.render.window_union import WindowUnions
from viewer.render.scene_geometry import (LRU, boxes_meeting, for_display, inscribed_circles,
                                         lonlat_extent, project_lonlat, valid_areas)

STATE_PATHS = 24        # layer states kept as ready paths
# An area of more rings is filled without antialiasing: Qt's antialiasing rasteriser
# slows down superlinearly with the rings of a path (10,000 small squares: about 0.4 s
# per fillPath with it, 0.01 s without), and at that many rings, most a few pixels
# wide, the edges' smoothing is not what one sees.
DENSE_RINGS = 2_000
PREBUILD_MAX_VERTICES = 2_000_000   # pieces built ahead, in the background, up to this
DISPLAY_SEGMENT_DEG = 0.05   # ~5 km: the chord strays < 1 m from the projected curve
MEMO_ENTRIES = 32       # derived per-view things (label layouts, hatching)
WINDOW_ENTRIES = 64     # highlight windows kept as ready paths (their fills and edges)
MAJOR_CITY = 1_000_000  # places labelled before the regions: these and the capital


class MapScene(ChangeAreas):
    """Per-situation cache of projected geometry and QPainterPaths."""

    def __init__(self, situation: Situation, crs: str | None = None):
        self.situation = situation
        lonlat = lonlat_extent(situation)
        self.projector = Projector(crs or situation.meta.crs or auto_crs(lonlat))
        self.extent = self.projector.project_bbox(lonlat)
        self.regions = {r.id: r for r in situation.regions}
        projected = for_display(valid_areas(self.project(
            np.array([r.geometry for r in situation.regions], dtype=object))))
        self.region_geometries: dict[str, BaseGeometry] = dict(zip(self.regions, projected))
        self._region_paths: dict[str, QPainterPath] = {}
        px, py = self.projector.forward([p.lon for p in situation.places],
                                        [p.lat for p in situation.places])
        self.place_xy = np.column_stack([np.atleast_1d(px), np.atleast_1d(py)]).reshape(-1, 2)
        self.place_population = np.array([p.population for p in situation.places], dtype=np.int64)
        self.place_major = np.array([p.population >= MAJOR_CITY or p.kind == "capital"
                                     for p in situation.places], dtype=bool)
        self._anchors: dict[str, tuple[float, float, float]] | None = None
        # (layer id, piece index) -> (path, polygons, projected bounds): paths.piece_entries
        self._pieces: dict[tuple[str, int], tuple[QPainterPath, int, tuple]] = {}
        self._states = LRU(STATE_PATHS)
        self._state_paths = LRU(STATE_PATHS)
        self._dissolved: dict = {}      # (layer id, state index) -> prebuild_states.Dissolved
        self._outlines = LRU(STATE_PATHS)
        self._changes = LRU(256)
        self._change_boxes: dict[str, np.ndarray] = {}   # see changes_bounds
        self._edges = LRU(512)
        self._memo = LRU(MEMO_ENTRIES)
        self._windows = LRU(WINDOW_ENTRIES)
        self._prebuilt_windows: dict = {}   # see adopt_windows
        self._piece_boxes: dict[str, tuple[np.ndarray, np.ndarray]] = {}   # see piece_bounds
        self._static: dict = {}             # base-map paths: built once, never dropped
        self.front = None       # the FrontLine measured in the background, once adopted
        # rivers, roads... (projected by a function of the projector, not a method of the
        # scene: no cycle keeps a replaced scene alive, see viewer.ui.collector)
        self.context = ContextPaths(situation.context, partial(project_lonlat, self.projector))
        self.big = BigStates(self)          # big layer states, drawn for the zoom
        self.window_unions = WindowUnions(situation.change)   # sliding highlight windows

    # -- projection --------------------------------------------------------------------
    def project(self, geoms):
        """Lon/lat geometry (or an array of them) in projected metres, one pyproj call."""
        return project_lonlat(self.projector, geoms)

    def project_layer(self, geoms):
        """Layer geometry (pieces, changes) projected for display, long edges first cut
        into DISPLAY_SEGMENT_DEG steps. A piece's straight lon/lat edge is a curve once
        projected; the piece on its other side may hold more vertices along it, and the
        chord of one against the polyline of the other left a hairline gap in the fill
        (seen across Luhansk Oblast in the DeepState import)."""
        return self.project(shapely.segmentize(geoms, DISPLAY_SEGMENT_DEG))

    def project_bbox(self, bbox_lonlat) -> tuple[float, float, float, float]:
        return self.projector.project_bbox(bbox_lonlat)

    # -- regions -----------------------------------------------------------------------
    def region_path(self, region_id: str) -> QPainterPath:
        if region_id not in self._region_paths:
            self._region_paths[region_id] = geometry_path(self.region_geometries[region_id])
        return self._region_paths[region_id]

    def role_path(self, role: str) -> QPainterPath:
        """All regions of ``role`` ("region" or "context") as one path."""
        ids = [r.id for r in self.situation.regions if r.role == role]
        return self._once(("role", role), lambda: geometry_path(
            np.array([self.region_geometries[i] for i in ids], dtype=object)))

    def role_union(self, role: str) -> BaseGeometry:
        """All regions of ``role`` dissolved into one geometry (projected)."""
        geoms = [self.region_geometries[r.id] for r in self.situation.regions if r.role == role]
        return self._once(("union", role), lambda: shapely.union_all(geoms, grid_size=None))

    def role_fill(self, role: str) -> QPainterPath:
        """The area of ``role_path`` as the path of its union: the same pixels (the
        shared borders of neighbouring regions cancel out in a winding-rule fill), but
        Qt's antialiasing rasteriser fills the 27 own regions of the DeepState import
        some 5x slower than their union (4.5 ms against 0.8 at 1600x1000)."""
        return self._once(("fill", role), lambda: geometry_path(self.role_union(role)))

    def borders_path(self, role: str) -> QPainterPath:
        """Boundaries of the regions of ``role``, each shared border once (for strokes)."""
        def build() -> QPainterPath:
            geoms = [self.region_geometries[r.id] for r in self.situation.regions if r.role == role]
            if not geoms:
                return QPainterPath()
            return lines_path(shapely.line_merge(shapely.union_all(shapely.boundary(geoms))))
        return self._once(("borders", role), build)

    def outline_path(self) -> QPainterPath:
        """The outer boundary of all own regions together (the country's border)."""
        def build() -> QPainterPath:
            if not self.situation.own_regions:
                return QPainterPath()
            whole = self.role_union("region")
            return lines_path(shapely.boundary(shapely.get_parts(whole)))
        return self._once(("outline",), build)

    def region_anchor(self, region_id: str) -> tuple[float, float, float]:
        """Label point of a region (centre of its largest inscribed circle) and that
        circle's radius, in metres."""
        if self._anchors is None:           # the situation's own regions, in one call
            ids = [r.id for r in self.situation.own_regions]
            geoms = np.array([self.region_geometries[i] for i in ids], dtype=object)
            self._anchors = dict(zip(ids, inscribed_circles(geoms)))
        if region_id not in self._anchors:
            geom = np.array([self.region_geometries[region_id]], dtype=object)
            self._anchors[region_id] = inscribed_circles(geom)[0]
        return self._anchors[region_id]

    def place_anchor(self, index: int) -> tuple[float, float]:
        """Projected position of ``situation.places[index]``."""
        x, y = self.place_xy[index]
        return float(x), float(y)

    # -- layers ------------------------------------------------------------------------
    def layer_path(self, layer_id: str, t: datetime) -> QPainterPath:
        """The layer's area at ``t``: one winding-rule path of the pieces of that state."""
        index = self.situation.layer(layer_id).history.state_index(t)
        return self._state_path(layer_id, index)

    def layer_rings(self, layer_id: str, t: datetime) -> int:
        """How many polygons (outer rings) the layer's area at ``t`` is drawn with (see
        DENSE_RINGS)."""
        index = self.situation.layer(layer_id).history.state_index(t)
        return self._state(layer_id, index)[0]

    def layer_outline(self, layer_id: str, t: datetime) -> QPainterPath:
        """The boundary of the layer's area at ``t`` (of the union, so the seams between
        pieces are not drawn), as an open path for strokes. The union costs far more than
        the fill, so only hatched layers, which change rarely, are outlined."""
        history = self.situation.layer(layer_id).history
        index = history.state_index(t)

        def build() -> QPainterPath:
            state = history.state_at(t)          # the union, cached by the model too
            if state.is_empty:
                return QPainterPath()
            return lines_path(self.project_layer(shapely.boundary(state)))
        return self._outlines.get_or_build((layer_id, index), build)

    def layer_path_within(self, layer_id: str, t: datetime, boxes: np.ndarray) -> QPainterPath:
        """The pieces of the layer's area at ``t`` that meet one of ``boxes`` (projected
        minx, miny, maxx, maxy rows), as one winding-rule path: what a repaint of just
        those boxes needs. A closed ring wholly outside a pixel adds nothing to that
        pixel's coverage, so those pixels come out as the whole path fills them."""
        index = self.situation.layer(layer_id).history.state_index(t)
        _, indices, bounds = self._state(layer_id, index)
        hit = boxes_meeting(bounds, boxes)
        if hit.all() or (layer_id, index) in self._dissolved:   # (its pixels: as a whole
            return self._state_path(layer_id, index)           # repaint fills them)
        within = empty_path()
        for i in indices[hit].tolist():
            within.addPath(self._pieces[(layer_id, i)][0])
        return within

    def layer_extent_within(self, layer_id: str, t: datetime, boxes: np.ndarray) -> QRectF:
        """``layer_path_within(...).boundingRect()`` from the pieces' boxes, without
        making the path (a repaint of a few boxes asks it of the whole view's pieces)."""
        index = self.situation.layer(layer_id).history.state_index(t)
        _, _, bounds = self._state(layer_id, index)
        hit = bounds[boxes_meeting(bounds, boxes)]
        if not len(hit):
            return QRectF()
        minx, miny = hit[:, 0].min(), hit[:, 1].min()
        return QRectF(minx, miny, hit[:, 2].max() - minx, hit[:, 3].max() - miny)

    def layer_geometry(self, layer_id: str, t: datetime) -> np.ndarray:
        """The projected pieces (disjoint shapely polygons) of the layer's state at ``t``,
        projected again at each call: only their paths and boxes are kept (an SVG's
        hatching asks, once per view)."""
        history = self.situation.layer(layer_id).history
        return self.project_layer(np.array([p.geometry for p in history.pieces_at(t)],
                                           dtype=object))

    def _ensure_pieces(self, layer_id: str, indices: list[int]) -> None:
        """Project the pieces ``indices`` of the layer and make their paths, where not
        done yet (one pyproj call for all of them)."""
        missing = [i for i in indices if (layer_id, i) not in self._pieces]
        if missing:
            history = self.situation.layer(layer_id).history
            geoms = self.project_layer(np.array([history.pieces[i].geometry
                                                 for i in missing], dtype=object))
            for i, entry in zip(missing, piece_entries(geoms)):
                self._pieces[(layer_id, i)] = entry

    def piece_bounds(self, layer_id: str, indices) -> np.ndarray:
        """Projected bounds (minx, miny, maxx, maxy) of the layer's pieces ``indices``,
        one row each: pieces are cut to a bounded size, so each box stays local. Kept
        per piece once measured (the repaint of an adjacent date asks at every step)."""
        indices = np.asarray(indices, dtype=np.int64)
        if layer_id not in self._piece_boxes:
            n = len(self.situation.layer(layer_id).history.pieces)
            self._piece_boxes[layer_id] = (np.full((n, 4), np.nan), np.zeros(n, dtype=bool))
        boxes, known = self._piece_boxes[layer_id]
        missing = indices[~known[indices]].tolist()
        if missing:
            self._ensure_pieces(layer_id, missing)
            boxes[missing] = [self._pieces[(layer_id, i)][2] for i in missing]
            known[missing] = True
        return boxes[indices]

    def _state(self, layer_id: str, index: int) -> tuple:
        """(how many polygons, piece indices, their bounds) of the layer's state
        ``index``; its path is ``_state_path``, made only when asked (a repaint of a few
        boxes fills just the pieces meeting them)."""
        def build():
            history = self.situation.layer(layer_id).history
            indices = history.piece_indices(index)
            self._ensure_pieces(layer_id, indices.tolist())
            entries = [self._pieces[(layer_id, i)] for i in indices.tolist()]
            # polygons, holes aside: counted when each piece was built
            return (sum(entry[1] for entry in entries), indices,
                    np.array([entry[2] for entry in entries], dtype=float).reshape(-1, 4))
        return self._states.get_or_build((layer_id, index), build)

    def _state_path(self, layer_id: str, index: int) -> QPainterPath:
        """The layer's state ``index`` as one winding-rule path (prebuild_states.py)."""
        def build() -> QPainterPath:
            if (layer_id, index) in self._dissolved:
                return self._dissolved[(layer_id, index)].path()
            paths = [self._pieces[(layer_id, i)][0]
                     for i in self._state(layer_id, index)[1].tolist()]
            path = empty_path()
            path.reserve(sum(p.elementCount() for p in paths))
            for p in paths:
                path.addPath(p)
            return path
        return self._state_paths.get_or_build((layer_id, index), build)

    def adopt_dissolved(self, states: dict) -> None:
        """Take ``build_dissolved``'s outlines (GUI thread); state paths are made anew."""
        self._dissolved.update(states)
        self._state_paths.clear()

    def adopt_pieces(self, built: dict) -> None:
        """Take pieces made by ``build_pieces`` (on the GUI thread)."""
        for key, value in built.items():
            self._pieces.setdefault(key, value)

    def edge_path(self, key, build: Callable) -> QPainterPath:
        """An outline stroked into an area at one width (see fills.stroke_edge)."""
        return self._edges.get_or_build(key, build)

    # -- derived -----------------------------------------------------------------------
    def _once(self, key, build: Callable):
        if key not in self._static:
            self._static[key] = build()
        return self._static[key]

    def static(self, key, build: Callable):
        """A value derived from the scene alone, built once per ``key`` and kept."""
        return self._once(key, build)

    def memo(self, key, build: Callable):
        """A value derived from the scene (and maybe a view), built once per ``key``."""
        return self._memo.get_or_build(key, build)

