"""Each layer's area inside each region over time, the first time it entered each region,
and each change's gain and loss per region.

A layer's pieces are disjoint, so its area inside a region at any state is a sum over the
pieces valid then: every piece is cut by the regions once (an STRtree finds the regions
it meets; a piece inside one region needs no cut), and the whole series of states is one
cumulative sum over the pieces' start and end events. Areas are geodesic (WGS84).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import shapely
from shapely import STRtree

from viewer.analysis.areas import Areas
from viewer.analysis.regions import MIN_TOUCH_KM2
from viewer.model import Change, Region, Situation
from viewer.model.geodesy import geodesic_area_km2

# A layer has entered a region once at least this much of it lies inside (km²): less is
# a shared border traced twice at different scales, not ground in that region (the
# DeepState area overlaps Natural Earth's Dnipropetrovsk Oblast by 0.06 km² from 2024 on,
# a year before it really entered it).
MIN_ENTRY_KM2 = 0.1


def km2_in_regions(geoms: list, regions: list[Region], totals=None) -> np.ndarray:
    """(len(geoms) x len(regions)) km² of each geometry inside each region. ``totals``:
    the geometries' own areas when already known (a geometry inside one region has it)."""
    out = np.zeros((len(geoms), len(regions)))
    if not len(geoms) or not regions:
        return out
    arr = np.asarray(geoms, dtype=object)
    region_geoms = np.array([r.geometry for r in regions], dtype=object)
    shapely.prepare(region_geoms)
    gi, ri = STRtree(region_geoms).query(arr, predicate="intersects")
    inside = shapely.contains(region_geoms[ri], arr[gi])
    whole = np.unique(gi[inside])
    if totals is None:
        own = {int(i): geodesic_area_km2(arr[i]) for i in whole}
    else:
        own = {int(i): float(totals[i]) for i in whole}
    for g, r in zip(gi[inside], ri[inside]):
        out[g, r] = own[int(g)]
    cut = shapely.intersection(arr[gi[~inside]], region_geoms[ri[~inside]])
    for g, r, part in zip(gi[~inside], ri[~inside], cut):
        out[g, r] = geodesic_area_km2(part)
    return out


class RegionAreas:
    """Per-region areas of a situation's layers and changes (own regions by default),
    computed once and kept."""

    def __init__(self, situation: Situation, regions: list[Region] | None = None,
                 areas: Areas | None = None):
        self.situation = situation
        self.areas = areas or Areas(situation)      # shares the pieces' measured areas
        self.regions = list(situation.own_regions if regions is None else regions)
        self._series: dict[str, np.ndarray] = {}
        self._changes: dict[str, dict[str, tuple[float, float]]] = {}

    # -- layers --------------------------------------------------------------------------
    def series(self, layer_id: str) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and a (states x regions) array of its km² in each."""
        history = self.situation.layer(layer_id).history
        if layer_id not in self._series:
            n = len(history.times)
            index = {t: i for i, t in enumerate(history.times)}
            first = np.array([index[p.valid_from] for p in history.pieces], dtype=np.int64)
            last = np.array([n if p.valid_to is None else index[p.valid_to]
                             for p in history.pieces], dtype=np.int64)
            self.areas.measure_all()                  # once; later layers are measured
            per_piece = km2_in_regions([p.geometry for p in history.pieces], self.regions,
                                       history.piece_km2)
            events = np.zeros((n + 1, len(self.regions)))
            np.add.at(events, first, per_piece)
            np.add.at(events, last, -per_piece)
            self._series[layer_id] = np.maximum(np.cumsum(events, axis=0)[:n], 0.0)
        return history.times, self._series[layer_id]

    def at_index(self, layer_id: str, index: int) -> dict[str, float]:
        """{region id: km² of the layer inside it} at state ``index``, regions it is in."""
        _, km2 = self.series(layer_id)
        if index < 0 or index >= len(km2):
            return {}
        return {r.id: float(v) for r, v in zip(self.regions, km2[index]) if v > 0}

    def at(self, layer_id: str, t: datetime) -> dict[str, float]:
        return self.at_index(layer_id, self.situation.layer(layer_id).history.state_index(t))

    def first_entered(self, layer_id: str, min_km2: float = MIN_ENTRY_KM2) -> dict[str, datetime]:
        """{region id: the first state time with at least ``min_km2`` of the layer inside}."""
        times, km2 = self.series(layer_id)
        out = {}
        for j, region in enumerate(self.regions):
            hits = np.flatnonzero(km2[:, j] >= min_km2)
            if len(hits):
                out[region.id] = times[int(hits[0])]
        return out

    def first_entries(self, min_km2: float = MIN_ENTRY_KM2) -> dict[str, dict[str, datetime]]:
        """{region id: {layer id: first time}} over every layer, regions ever entered."""
        out: dict[str, dict[str, datetime]] = {}
        for layer in self.situation.layers:
            for rid, t in self.first_entered(layer.id, min_km2).items():
                out.setdefault(rid, {})[layer.id] = t
        return out

    # -- changes -------------------------------------------------------------------------
    def change_km2(self, change: Change) -> dict[str, tuple[float, float]]:
        """{region id: (gained, lost) km² inside it} for the regions the change touches."""
        if change.id not in self._changes:
            self.measure_changes([change])
        return self._changes[change.id]

    def measure_changes(self, changes: list[Change], min_km2: float = MIN_TOUCH_KM2) -> None:
        """Split many changes by region at once (two vectorised passes, not one per change)."""
        todo = [c for c in changes if c.id not in self._changes]
        gained = km2_in_regions([c.gained for c in todo], self.regions)
        lost = km2_in_regions([c.lost for c in todo], self.regions)
        for k, change in enumerate(todo):
            total = gained[k] + lost[k]
            order = np.argsort(-total, kind="stable")
            self._changes[change.id] = {
                self.regions[j].id: (float(gained[k, j]), float(lost[k, j]))
                for j in order if total[j] >= min_km2}

