"""Finding a place or region of a situation by name: English, Ukrainian, or, for the
built-in settlements, any of GeoNames' other spellings and former names ("Pokrovsk",
"Покровськ", "Krasnoarmiisk" all find Pokrovsk).

Names are compared case-folded, with the three apostrophes made one and hyphens and runs
of spaces made one space. ``NAME, REGION`` narrows the places to those inside a region
whose name starts with REGION ("Pokrovske, Dnipropetrovsk").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely

from viewer.model import Situation
from viewer.model.text import safe_line


@dataclass(frozen=True)
class Found:
    label: str                                  # what a person reads: name, region, kind
    lon: float
    lat: float
    bbox: tuple[float, float, float, float] | None = None   # regions: their bounds
    place_id: str = ""
    region_id: str = ""
    population: int = 0


def box_around(lon: float, lat: float, radius_km: float) -> tuple[float, float, float, float]:
    """The lon/lat box reaching ``radius_km`` (geodesic) north, east, south and west."""
    from pyproj import Geod
    lons, lats, _ = Geod(ellps="WGS84").fwd([lon] * 4, [lat] * 4, [0, 90, 180, 270],
                                            [radius_km * 1000.0] * 4)
    return (max(-180.0, min(lons)), max(-90.0, min(lats)), min(180.0, max(lons)),
            min(90.0, max(lats)))


def key(text: str) -> str:
    text = text.casefold().replace("'", "’").replace("ʼ", "’").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip()


class PlaceIndex:
    """Every name of the situation's places and own regions, for lookup and completion."""

    def __init__(self, situation: Situation, alternates: dict[str, list[str]] | None = None):
        if alternates is None:
            alternates = _builtin_alternates(situation)
        own = situation.own_regions
        self.regions = own
        inside = _regions_of(own, situation.places)
        self.entries: list[tuple[str, str, Found]] = []      # (key, name shown, found)
        for p, region in zip(situation.places, inside):
            where = f", {region.name}" if region else ""
            label = safe_line(f"{p.name}{where}" + (f" ({p.names['uk']})" if p.names.get("uk")
                                                     else ""), 120)
            found = Found(label, p.lon, p.lat, None, p.id, region.id if region else "",
                          p.population)
            names = list(p.names.values()) + alternates.get(p.id, [])
            for name in dict.fromkeys(names):
                self.entries.append((key(name), name, found))
        for r in own:
            x0, y0, x1, y1 = r.geometry.bounds
            point = r.geometry.representative_point()
            found = Found(safe_line(f"{r.name} (region)", 120), point.x, point.y,
                          (x0, y0, x1, y1), region_id=r.id)
            for name in dict.fromkeys(r.names.values()):
                self.entries.append((key(name), name, found))

    def find(self, query: str) -> list[Found]:
        """Everything named exactly ``query`` (see the module's rules), regions first,
        then places, most populous first; each once."""
        name, _, within = query.partition(",")
        want, region_key = key(name), key(within)
        hits = {}
        for k, _, found in self.entries:
            if k != want or found.label in hits:
                continue
            if region_key and not (found.region_id and self._region_starts(found.region_id,
                                                                           region_key)):
                continue
            hits[found.label] = found
        return sorted(hits.values(), key=lambda f: (f.bbox is None, -f.population, f.label))

    def complete(self, prefix: str, limit: int = 20) -> list[Found]:
        """Places and regions with a name starting with ``prefix``, most populous first."""
        want = key(prefix)
        if not want:
            return []
        hits = {}
        for k, _, found in self.entries:
            if k.startswith(want):
                hits.setdefault(found.label, found)
        return sorted(hits.values(), key=lambda f: (f.bbox is None, -f.population,
                                                    f.label))[:limit]

    def _region_starts(self, region_id: str, region_key: str) -> bool:
        region = next(r for r in self.regions if r.id == region_id)
        return any(key(n).startswith(region_key) for n in region.names.values())


def _regions_of(regions, places) -> list:
    """The region each place lies in (None outside them all), in one query."""
    out = [None] * len(places)
    if not regions or not places:
        return out
    tree = shapely.STRtree([r.geometry for r in regions])
    points = shapely.points([(p.lon, p.lat) for p in places])
    for place, region in tree.query(points, predicate="intersects").T.tolist():
        if out[place] is None:
            out[place] = regions[region]
    return out


def _builtin_alternates(situation: Situation) -> dict[str, list[str]]:
    """The built-in settlements' other names, when the situation holds any of them."""
    if not any(p.id.startswith("geonames:") for p in situation.places):
        return {}
    from viewer.importing.places import builtin_alternates
    return builtin_alternates()
