"""Which regions a geometry touches, how much of it lies in each, and the region at a point."""

from __future__ import annotations

import shapely
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from viewer.analysis.areas import geodesic_area_km2
from viewer.model import Change, Region

# A change touches a region when at least this much of it lies inside (km²): less is
# a shared border traced twice, not ground in that region.
MIN_TOUCH_KM2 = 0.001


class RegionIndex:
    """A spatial index over regions (by default only the situation's own, not context)."""

    def __init__(self, regions: list[Region]):
        self.regions = list(regions)
        self._tree = STRtree([r.geometry for r in self.regions])
        self._by_change: dict[str, dict[str, float]] = {}
        for r in self.regions:
            shapely.prepare(r.geometry)

    def km2_by_region(self, geom: BaseGeometry) -> dict[str, float]:
        """{region id: km² of ``geom`` inside it}, only regions it really touches."""
        if geom is None or geom.is_empty:
            return {}
        out: dict[str, float] = {}
        for i in self._tree.query(geom, predicate="intersects"):
            region = self.regions[int(i)]
            if region.geometry.contains(geom):
                km2 = geodesic_area_km2(geom)
            else:
                km2 = geodesic_area_km2(shapely.intersection(region.geometry, geom))
            if km2 >= MIN_TOUCH_KM2:
                out[region.id] = km2
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))

    def touched(self, geom: BaseGeometry) -> list[Region]:
        """Regions ``geom`` lies in, largest share first."""
        by_id = {r.id: r for r in self.regions}
        return [by_id[i] for i in self.km2_by_region(geom)]

    def change_km2_by_region(self, change: Change) -> dict[str, float]:
        """{region id: km² of the change's gain and loss inside it}, computed once per change."""
        if change.id not in self._by_change:
            self._by_change[change.id] = self.km2_by_region(
                shapely.union(change.gained, change.lost))
        return self._by_change[change.id]

    def regions_of_change(self, change: Change) -> list[Region]:
        """The regions a change touches, largest share first (cached per change)."""
        by_id = {r.id: r for r in self.regions}
        return [by_id[i] for i in self.change_km2_by_region(change)]

    def region_at(self, lon: float, lat: float) -> Region | None:
        pt = Point(lon, lat)
        for i in self._tree.query(pt, predicate="intersects"):
            return self.regions[int(i)]
        return None
