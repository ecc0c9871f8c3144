"""Region attribution: which region a point lies in, how much of each layer lies in each
region at every state, when each layer first entered each region, and how much each
change gained and lost in each region. One class, one cache, used by the Regions and
reports panels, ``info`` and ``import``.

A layer's pieces are disjoint, so its area inside a region at any state is a sum over the
pieces valid then: every piece is cut by the regions once (an STRtree finds the regions it
meets; a piece inside one region needs no cut), and the whole series of states is one
cumulative sum over the pieces' start and end events. Areas are geodesic (WGS84).

**First entry.** A layer has entered a region once part of it lies at least ``depth_m``
(default 1 km) inside the region, i.e. inside the region shrunk by that depth in an
equal-area projection centred on it. Less is a shared border traced at two scales, not
ground in that region. The km² figures are always measured on the full region; an amount
with no part that deep inside is *border noise* (``border_noise_at``).

**Threads.** The constructor takes a snapshot of what it reads that could change (the
pieces' stored areas) and keeps private copies of the region outlines (GEOS prepares them
in place), so ``measure_all`` can run in a worker while the GUI uses the situation; the
GUI then adopts the measured object and only looks figures up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely import STRtree

from viewer.analysis.piece_snapshot import copies
from viewer.analysis.projection import shrunk
from viewer.model import Change, Region, Situation
from viewer.model.geodesy import geodesic_areas_km2

ENTRY_DEPTH_M = 1000.0      # a layer entered a region where it is this deep inside it
MIN_TOUCH_KM2 = 0.001       # a change touches a region with at least this much inside
DEPTH_TEXT = f"{ENTRY_DEPTH_M / 1000:g} km"
ENTRY_RULE = (f"A layer has entered a region once part of it lies at least {DEPTH_TEXT} "
              "inside the region (less is a shared border traced at two scales). The km² "
              "are measured on the whole region; an amount lying only within "
              f"{DEPTH_TEXT} of the border is border noise.")


@dataclass(frozen=True)
class ChangeFigures:
    gained_km2: float
    lost_km2: float
    by_region: dict[str, tuple[float, float]]   # {region id: (gained, lost)}, largest first


class RegionAttribution:
    """Per-region figures of a situation's layers and changes, in the situation's own
    regions by default (or ``regions``), each computed once and kept."""

    def __init__(self, situation: Situation, regions: list[Region] | None = None,
                 depth_m: float = ENTRY_DEPTH_M):
        self.situation = situation
        self.regions = list(situation.own_regions if regions is None else regions)
        self.depth_m = depth_m
        self._geoms = copies([r.geometry for r in self.regions])
        shapely.prepare(self._geoms)
        self._tree = STRtree(self._geoms)
        self._known_km2 = {layer.id: layer.history.piece_km2.copy()   # NaN: not measured
                           for layer in situation.layers}
        # -- the cache: everything below is filled on first use, or by measure_all ------
        self._inner: tuple[np.ndarray, STRtree] | None = None   # regions shrunk by depth_m
        self._region_km2: np.ndarray | None = None
        self._series: dict[str, np.ndarray] = {}    # layer -> (states x regions) km²
        self._deep: dict[str, np.ndarray] = {}      # layer -> (states x regions) bool
        self._first: dict[str, dict[str, datetime]] = {}    # layer -> {region: time}
        self._changes: dict[str, ChangeFigures] = {}
        self.complete = False                       # measure_all() has run

    # -- points ----------------------------------------------------------------------
    def region_at(self, lon: float, lat: float) -> Region | None:
        hits = self._tree.query(shapely.points(lon, lat), predicate="intersects")
        return self.regions[int(hits.min())] if len(hits) else None

    # -- everything at once (a worker's job) -----------------------------------------
    def measure_all(self, check=lambda: None) -> RegionAttribution:
        """Every figure of every layer and change; returns self, ready to be adopted.
        ``check()`` between the steps (it raises to cancel)."""
        _ = self.region_km2
        for layer in self.situation.layers:
            check()
            self.series(layer.id, check)
            self.first_entered(layer.id)
        check()
        self.measure_changes(self.situation.changes, check)
        self.complete = True
        return self

    @property
    def region_km2(self) -> np.ndarray:
        """Each region's own geodesic area."""
        if self._region_km2 is None:
            self._region_km2 = geodesic_areas_km2(self._geoms)
        return self._region_km2

    # -- layers ----------------------------------------------------------------------
    def series(self, layer_id: str, check=lambda: None) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and a (states x regions) array of its km² in each
        (``check()`` between the steps while it is measured)."""
        history = self.situation.layer(layer_id).history
        if layer_id not in self._series:
            pieces = [p.geometry for p in history.pieces]
            per_piece = self._km2_in_regions(pieces, self._piece_km2(layer_id, pieces))
            self._series[layer_id] = np.maximum(self._over_states(history, per_piece), 0.0)
            check()
            deep = self._deep_in_regions(pieces).astype(np.int64)
            self._deep[layer_id] = self._over_states(history, deep) > 0
        return history.times, self._series[layer_id]

    def km2_at(self, layer_id: str, t: datetime) -> np.ndarray:
        """km² of the layer inside each region at ``t`` (zeros before its first state)."""
        return self._row(self.series(layer_id)[1], self._index(layer_id, t))

    def at(self, layer_id: str, t: datetime) -> dict[str, float]:
        """{region id: km² of the layer inside it} at ``t``, regions it is in."""
        return self.at_index(layer_id, self._index(layer_id, t))

    def at_index(self, layer_id: str, index: int) -> dict[str, float]:
        km2 = self._row(self.series(layer_id)[1], index)
        return {r.id: float(v) for r, v in zip(self.regions, km2) if v > 0}

    def in_region(self, layer_id: str, region_index: int) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and its km² inside one region at each."""
        times, km2 = self.series(layer_id)
        return times, km2[:, region_index]

    def border_noise_at(self, layer_id: str, t: datetime) -> np.ndarray:
        """Per region: whether the layer's km² inside it at ``t`` lies all within
        ``depth_m`` of the region's border (then it has not entered it, by that state)."""
        index = self._index(layer_id, t)
        km2 = self._row(self.series(layer_id)[1], index)
        deep = self._row(self._deep[layer_id], index).astype(bool)
        return (km2 > 0) & ~deep

    def first_entered(self, layer_id: str) -> dict[str, datetime]:
        """{region id: the first state time with part of the layer ``depth_m`` inside}."""
        if layer_id not in self._first:
            times, _ = self.series(layer_id)
            deep = self._deep[layer_id]
            self._first[layer_id] = {
                region.id: times[int(np.argmax(deep[:, j]))]
                for j, region in enumerate(self.regions) if deep[:, j].any()}
        return self._first[layer_id]

    def first_entries(self) -> dict[str, dict[str, datetime]]:
        """{region id: {layer id: first time}} over every layer, regions ever entered."""
        out: dict[str, dict[str, datetime]] = {}
        for layer in self.situation.layers:
            for rid, t in self.first_entered(layer.id).items():
                out.setdefault(rid, {})[layer.id] = t
        return out

    def from_first_state(self, layer_id: str, region_id: str) -> bool:
        """Whether the layer had already entered the region at its first state: then the
        first entry is on or before that date, not on it."""
        times = self.situation.layer(layer_id).history.times
        first = self.first_entered(layer_id).get(region_id)
        return first is not None and first == times[0]

    # -- changes ---------------------------------------------------------------------
    def change(self, change: Change) -> ChangeFigures:
        if change.id not in self._changes:
            self.measure_changes([change])
        return self._changes[change.id]

    def change_km2(self, change: Change) -> dict[str, tuple[float, float]]:
        """{region id: (gained, lost) km² inside it} for the regions the change touches
        (at least MIN_TOUCH_KM2), largest share first."""
        return self.change(change).by_region

    def regions_of_change(self, change: Change) -> list[Region]:
        """The regions a change touches, largest share first."""
        index = {r.id: r for r in self.regions}
        return [index[rid] for rid in self.change_km2(change)]

    def measure_changes(self, changes: list[Change], check=lambda: None) -> None:
        """Split many changes by region at once (two vectorised passes, not one per
        change; ``check()`` between them)."""
        todo = [c for c in changes if c.id not in self._changes]
        gained_total = geodesic_areas_km2([c.gained for c in todo]).tolist()
        lost_total = geodesic_areas_km2([c.lost for c in todo]).tolist()
        gained = self._km2_in_regions([c.gained for c in todo], gained_total)
        check()
        lost = self._km2_in_regions([c.lost for c in todo], lost_total)
        for k, change in enumerate(todo):
            both = gained[k] + lost[k]
            order = np.argsort(-both, kind="stable")
            self._changes[change.id] = ChangeFigures(gained_total[k], lost_total[k], {
                self.regions[j].id: (float(gained[k, j]), float(lost[k, j]))
                for j in order if both[j] >= MIN_TOUCH_KM2})

    # -- the vectorised work ---------------------------------------------------------
    def _piece_km2(self, layer_id: str, pieces: list) -> np.ndarray:
        known = self._known_km2[layer_id]
        todo = np.flatnonzero(np.isnan(known))
        known[todo] = geodesic_areas_km2([pieces[i] for i in todo])
        return known

    def _km2_in_regions(self, geoms: list, totals) -> np.ndarray:
        """(len(geoms) x regions) km² of each geometry inside each region; ``totals``: the
        geometries' own areas (which a geometry inside one region has there)."""
        out = np.zeros((len(geoms), len(self.regions)))
        if not len(geoms) or not self.regions:
            return out
        arr = np.asarray(geoms, dtype=object)
        gi, ri = self._tree.query(arr, predicate="intersects")
        inside = shapely.contains(self._geoms[ri], arr[gi])
        out[gi[inside], ri[inside]] = np.asarray(totals, float)[gi[inside]]
        cut = shapely.intersection(arr[gi[~inside]], self._geoms[ri[~inside]])
        out[gi[~inside], ri[~inside]] = geodesic_areas_km2(cut)
        return out

    def _deep_in_regions(self, geoms: list) -> np.ndarray:
        """(len(geoms) x regions) whether part of each geometry is ``depth_m`` inside."""
        if self._inner is None:
            inner = np.array([shrunk(g, self.depth_m) for g in self._geoms], dtype=object)
            shapely.prepare(inner)
            self._inner = inner, STRtree(inner)
        inner, tree = self._inner
        out = np.zeros((len(geoms), len(self.regions)), dtype=bool)
        if not len(geoms) or not self.regions:
            return out
        arr = np.asarray(geoms, dtype=object)
        gi, ri = tree.query(arr, predicate="intersects")
        overlap = ~shapely.touches(inner[ri], arr[gi])       # interiors meet: an area
        out[gi[overlap], ri[overlap]] = True
        return out

    @staticmethod
    def _over_states(history, per_piece: np.ndarray) -> np.ndarray:
        """(states x regions) sums over the pieces valid at each state."""
        n = len(history.times)
        index = {t: i for i, t in enumerate(history.times)}
        first = np.array([index[p.valid_from] for p in history.pieces], dtype=np.int64)
        last = np.array([n if p.valid_to is None else index[p.valid_to]
                         for p in history.pieces], dtype=np.int64)
        events = np.zeros((n + 1, per_piece.shape[1]), dtype=per_piece.dtype)
        np.add.at(events, first, per_piece)
        np.add.at(events, last, -per_piece)
        return np.cumsum(events, axis=0)[:n]

    def _index(self, layer_id: str, t: datetime) -> int:
        return self.situation.layer(layer_id).history.state_index(t)

    @staticmethod
    def _row(table: np.ndarray, index: int) -> np.ndarray:
        if 0 <= index < len(table):
            return table[index]
        return np.zeros(table.shape[1], dtype=table.dtype)
