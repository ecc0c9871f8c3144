"""A situation ready to paint: projected geometries and QPainterPaths, built once and cached.

Every path is in projected metres; the viewport's QTransform maps it to pixels, so a
zoom or a pan never rebuilds anything.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Callable

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath
from shapely.geometry.base import BaseGeometry

from viewer.analysis.difference import layer_difference
from viewer.analysis.projection import Projector, auto_crs
from viewer.model import Situation
from viewer.model.geometry import polygonal
from viewer.render.big_layers import BigStates
from viewer.render.context_paths import ContextPaths
from viewer.render.paths import geometry_path, lines_path
from viewer.render.window_union import WindowUnions

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
FALLBACK_BBOX = (-1.0, -1.0, 1.0, 1.0)   # lon/lat extent of a situation with nothing in it


class _LRU(OrderedDict):
    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def get_or_build(self, key, build: Callable):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = build()
        while len(self) > self.size:
            self.popitem(last=False)
        return value


def lonlat_extent(situation: Situation) -> tuple[float, float, float, float]:
    """Bounds of the situation's own regions and layers (lon/lat); failing those the
    default bbox, then the places."""
    geoms = [r.geometry for r in situation.own_regions]
    geoms += [p.geometry for layer in situation.layers for p in layer.history.pieces]
    bounds = shapely.total_bounds(geoms) if geoms else np.full(4, np.nan)
    if not np.isnan(bounds).any():
        return tuple(float(v) for v in bounds)
    if situation.meta.default_bbox:
        return situation.meta.default_bbox
    if situation.places:
        lon = [p.lon for p in situation.places]
        lat = [p.lat for p in situation.places]
        return min(lon) - 0.5, min(lat) - 0.5, max(lon) + 0.5, max(lat) + 0.5
    return FALLBACK_BBOX


class MapScene:
    """Per-situation cache of projected geometry and QPainterPaths."""

    def __init__(self, situation: Situation, crs: str | None = None):
        self.situation = situation
        lonlat = lonlat_extent(situation)
        self.projector = Projector(crs or situation.meta.crs or auto_crs(lonlat))
        self.extent = self.projector.project_bbox(lonlat)
        self.regions = {r.id: r for r in situation.regions}
        projected = _for_display(_valid(self.project(
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
        self._pieces: dict[tuple[str, int], tuple[BaseGeometry, QPainterPath]] = {}
        self._states = _LRU(STATE_PATHS)
        self._outlines = _LRU(STATE_PATHS)
        self._changes = _LRU(256)
        self._edges = _LRU(512)
        self._memo = _LRU(MEMO_ENTRIES)
        self._windows = _LRU(WINDOW_ENTRIES)
        self._static: dict = {}             # base-map paths: built once, never dropped
        self.front = None       # the FrontLine measured in the background, once adopted
        self.context = ContextPaths(situation.context, self.project)   # rivers, roads...
        self.big = BigStates(self)          # big layer states, drawn for the zoom
        self.window_unions = WindowUnions(situation.change)   # sliding highlight windows

    # -- projection --------------------------------------------------------------------
    def project(self, geoms):
        """Lon/lat geometry (or an array of them) in projected metres, one pyproj call."""
        def forward(coords: np.ndarray) -> np.ndarray:
            return np.column_stack(self.projector.forward(coords[:, 0], coords[:, 1]))
        return shapely.transform(geoms, forward)

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
            geoms = [self.region_geometries[r.id] for r in self.situation.own_regions]
            if not geoms:
                return QPainterPath()
            whole = shapely.union_all(geoms, grid_size=None)
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
        return self._state(layer_id, index)[1]

    def layer_rings(self, layer_id: str, t: datetime) -> int:
        """How many polygons (outer rings) the layer's area at ``t`` is drawn with (see
        DENSE_RINGS)."""
        index = self.situation.layer(layer_id).history.state_index(t)
        return self._state(layer_id, index)[2]

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

    def layer_geometry(self, layer_id: str, t: datetime) -> np.ndarray:
        """The projected pieces (disjoint shapely polygons) of the layer's state at ``t``."""
        index = self.situation.layer(layer_id).history.state_index(t)
        return self._state(layer_id, index)[0]

    def _ensure_pieces(self, layer_id: str, indices: list[int]) -> None:
        """Project the pieces ``indices`` of the layer and make their paths, where not
        done yet (one pyproj call for all of them)."""
        missing = [i for i in indices if (layer_id, i) not in self._pieces]
        if missing:
            history = self.situation.layer(layer_id).history
            geoms = self.project_layer(np.array([history.pieces[i].geometry
                                                 for i in missing], dtype=object))
            for i, geom in zip(missing, geoms):
                self._pieces[(layer_id, i)] = (geom, geometry_path(geom))

    def piece_bounds(self, layer_id: str, indices) -> np.ndarray:
        """Projected bounds (minx, miny, maxx, maxy) of the layer's pieces ``indices``,
        one row each: pieces are cut to a bounded size, so each box stays local."""
        indices = [int(i) for i in indices]
        self._ensure_pieces(layer_id, indices)
        geoms = np.array([self._pieces[(layer_id, i)][0] for i in indices], dtype=object)
        return shapely.bounds(geoms).reshape(-1, 4)

    def _state(self, layer_id: str, index: int) -> tuple[np.ndarray, QPainterPath, int]:
        def build():
            history = self.situation.layer(layer_id).history
            indices = history.piece_indices(index).tolist()
            self._ensure_pieces(layer_id, indices)
            path = geometry_path([])
            for i in indices:
                path.addPath(self._pieces[(layer_id, i)][1])
            geoms = np.array([self._pieces[(layer_id, i)][0] for i in indices], dtype=object)
            # polygons, holes aside: counted without making an object per part
            return geoms, path, int(shapely.get_num_geometries(geoms).sum())
        return self._states.get_or_build((layer_id, index), build)

    def adopt_pieces(self, built: dict) -> None:
        """Take pieces made by ``build_pieces`` (on the GUI thread)."""
        for key, value in built.items():
            self._pieces.setdefault(key, value)

    def change_paths(self, change_id: str) -> tuple[QPainterPath, QPainterPath]:
        """The areas a change gained and lost, as paths."""
        return self._change(change_id)[:2]

    def change_bounds(self, change_id: str) -> np.ndarray:
        """Projected bounds of each part of the change's gained and lost areas, one
        row each (a day's change is many small parts spread along a front)."""
        return self._change(change_id)[2]

    def _change(self, change_id: str) -> tuple[QPainterPath, QPainterPath, np.ndarray]:
        def build():
            change = self.situation.change(change_id)
            gained, lost = self.project_layer(np.array([change.gained, change.lost],
                                                       dtype=object))
            parts = shapely.get_parts(np.array([gained, lost], dtype=object))
            bounds = shapely.bounds(parts[~shapely.is_empty(parts)]).reshape(-1, 4)
            return geometry_path(gained), geometry_path(lost), bounds
        return self._changes.get_or_build(change_id, build)

    def merged_change_paths(self, change_ids: tuple[str, ...]) -> tuple[QPainterPath, QPainterPath]:
        """What the changes ``change_ids`` gained and lost together, each one merged
        area: the union of their gains less the union of their losses, and the other
        way round (ground gained and lost again within them is neither); a window
        that slid by a change from the last one costs a union or two (window_union)."""
        both = self.project_layer(np.array(self.window_unions.merged(change_ids), dtype=object))
        return geometry_path(both[0]), geometry_path(both[1])

    def difference_paths(self, layer_id: str, a: datetime, b: datetime
                         ) -> tuple[QPainterPath, QPainterPath]:
        """The ground the layer gained and lost between the states in force at ``a`` and
        at ``b``, as paths (cached per pair of states)."""
        history = self.situation.layer(layer_id).history

        def build():
            change = layer_difference(self.situation, layer_id, a, b)
            gained, lost = self.project_layer(np.array([change.gained, change.lost],
                                                       dtype=object))
            return geometry_path(gained), geometry_path(lost)
        key = ("difference", layer_id, history.state_index(a), history.state_index(b))
        return self.memo(key, build)

    def edge_path(self, key, build: Callable) -> QPainterPath:
        """An outline stroked into an area at one width (see draw_layers._edge)."""
        return self._edges.get_or_build(key, build)

    # -- derived -----------------------------------------------------------------------
    def _once(self, key, build: Callable):
        if key not in self._static:
            self._static[key] = build()
        return self._static[key]

    def window_paths(self, key, build: Callable):
        """Paths of one highlight window (keyed by its changes), built once: stepping
        back and forth through time, or playing a stretch again, reuses them; they do
        not push the label layouts out of ``memo``."""
        return self._windows.get_or_build(key, build)

    def memo(self, key, build: Callable):
        """A value derived from the scene (and maybe a view), built once per ``key``."""
        return self._memo.get_or_build(key, build)


PREBUILD_CHUNK = 256    # pieces projected at once by build_pieces, between its checks


def build_pieces(crs: str, pieces, check: Callable[[], None] | None = None) -> dict:
    """``{(layer id, piece index): (projected geometry, path)}`` for ``pieces``, an
    iterable of (layer id, piece index, lon/lat geometry), for ``MapScene.adopt_pieces``.
    Meant for a worker thread while the GUI draws: it projects with its own transformer
    and makes new objects only; ``check()`` is called between pieces (it may raise to
    stop). More than PREBUILD_MAX_VERTICES vertices in all: none (they are then built
    as they are shown)."""
    pieces = list(pieces)
    geoms = np.array([g for _, _, g in pieces], dtype=object)
    if not len(geoms) or shapely.get_num_coordinates(geoms).sum() > PREBUILD_MAX_VERTICES:
        return {}
    projector = Projector(crs)
    built = {}
    for start in range(0, len(pieces), PREBUILD_CHUNK):
        chunk = pieces[start:start + PREBUILD_CHUNK]
        projected = projector.project(shapely.segmentize(geoms[start:start + len(chunk)],
                                                         DISPLAY_SEGMENT_DEG))
        for (layer_id, i, _), g in zip(chunk, projected):
            if check is not None:
                check()
            built[(layer_id, i)] = (g, geometry_path(g))
    return built


DISPLAY_MAX_VERTICES = 50_000   # a region's outline drawn with more would slow every repaint


def _for_display(geoms: np.ndarray) -> np.ndarray:
    """Projected region areas, the rare huge ones (a file may hold a million-vertex border)
    simplified until they have at most DISPLAY_MAX_VERTICES: the tolerance starts at a
    hundred-thousandth of the region's size, far below a pixel at any useful zoom."""
    counts = shapely.get_num_coordinates(geoms)
    for i in np.nonzero(counts > DISPLAY_MAX_VERTICES)[0].tolist():
        minx, miny, maxx, maxy = geoms[i].bounds
        tolerance = max(maxx - minx, maxy - miny) / 100_000
        for _ in range(12):
            simpler = polygonal(shapely.simplify(geoms[i], tolerance, preserve_topology=True))
            if shapely.get_num_coordinates(simpler) <= DISPLAY_MAX_VERTICES:
                break
            tolerance *= 4
        geoms[i] = simpler
    return geoms


def _valid(geoms: np.ndarray) -> np.ndarray:
    """Projected areas, the few that projection made invalid (a spike of a valid lon/lat
    ring can cross itself in metres) repaired: unions of invalid areas raise in GEOS."""
    bad = np.nonzero(~shapely.is_valid(geoms) & ~shapely.is_missing(geoms))[0]
    for i in bad.tolist():
        geoms[i] = polygonal(geoms[i])
    return geoms


def inscribed_circles(geoms: np.ndarray) -> list[tuple[float, float, float]]:
    """(x, y, radius) of the largest circle inside each polygonal geometry; geometries
    without area give NaNs."""
    geoms = np.array([polygonal(g) for g in geoms], dtype=object)
    out = np.full((len(geoms), 4), np.nan)
    ok = np.flatnonzero(shapely.area(geoms) > 0) if len(geoms) else np.empty(0, int)
    if len(ok):
        tolerance = np.sqrt(shapely.area(geoms[ok])) / 500.0
        lines = shapely.maximum_inscribed_circle(geoms[ok], tolerance)
        centre = shapely.get_coordinates(shapely.get_point(lines, 0))
        edge = shapely.get_coordinates(shapely.get_point(lines, 1))
        out[ok] = np.hstack([centre, edge])
    return [(x0, y0, float(np.hypot(x1 - x0, y1 - y0))) for x0, y0, x1, y1 in out.tolist()]
