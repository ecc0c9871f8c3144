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
        geoms = [r.geometry for r in own]
        tree = shapely.STRtree(geoms) if geoms else None
        self.entries: list[tuple[str, str, Found]] = []      # (key, name shown, found)
        for p in situation.places:
            region = _region_of(tree, own, p.lon, p.lat)
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


def _region_of(tree, regions, lon: float, lat: float):
    if tree is None:
        return None
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    return regions[int(hits[0])] if len(hits) else None


def _builtin_alternates(situation: Situation) -> dict[str, list[str]]:
    """The built-in settlements' other names, when the situation holds any of them."""
    if not any(p.id.startswith("geonames:") for p in situation.places):
        return {}
    from viewer.importing.places import builtin_alternates
    return builtin_alternates()
