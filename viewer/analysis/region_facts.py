"""Per region: each layer's area inside it over time and the first time the layer entered
it, with the region's own area; measured once per situation, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
import shapely

from viewer.analysis.areas import Areas
from viewer.analysis.first_entry import RegionAreas
from viewer.model import Region, Situation
from viewer.model.geodesy import geodesic_area_km2


@dataclass(eq=False)
class RegionFacts:
    situation: Situation
    regions: list[Region]                   # the situation's own regions, in its order
    region_km2: np.ndarray                  # each region's own geodesic area
    series: dict[str, np.ndarray]           # layer id -> (states x regions) km² inside
    first: dict[str, dict[str, datetime]]   # layer id -> {region id: first state inside}

    def km2_at(self, layer_id: str, t: datetime) -> np.ndarray:
        """km² of the layer inside each region at ``t`` (zeros before its first state)."""
        index = self.situation.layer(layer_id).history.state_index(t)
        km2 = self.series[layer_id]
        return km2[index] if 0 <= index < len(km2) else np.zeros(len(self.regions))

    def in_region(self, layer_id: str, region_index: int) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and its km² inside one region at each."""
        return (self.situation.layer(layer_id).history.times,
                self.series[layer_id][:, region_index])

    def from_first_state(self, layer_id: str, region_id: str) -> bool:
        """Whether the layer was already inside the region at its first state: then the
        first entry is on or before that date, not on it."""
        times = self.situation.layer(layer_id).history.times
        first = self.first.get(layer_id, {}).get(region_id)
        return first is not None and bool(times) and first == times[0]


def measure_regions(situation: Situation, areas: Areas | None = None) -> RegionFacts:
    """Measure every layer in every own region. Safe to run in a worker thread while the
    GUI uses the same situation: GEOS prepares the geometries it tests against in place,
    so the worker tests against copies of the region outlines, never the shared ones."""
    own = situation.own_regions
    copies = [replace(r, geometry=shapely.from_wkb(shapely.to_wkb(r.geometry))) for r in own]
    by_region = RegionAreas(situation, copies, areas or Areas(situation))
    series = {layer.id: by_region.series(layer.id)[1] for layer in situation.layers}
    first = {layer.id: by_region.first_entered(layer.id) for layer in situation.layers}
    sizes = np.array([geodesic_area_km2(r.geometry) for r in copies], dtype=float)
    return RegionFacts(situation, list(own), sizes, series, first)
