"""Regions (named polygons) and places (named points)."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True, eq=False)
class Region:
    """A named area; ``role`` is "region" for the situation's own regions, "context"
    for neighbouring countries drawn for orientation only."""

    id: str
    names: dict[str, str]
    geometry: BaseGeometry
    admin_level: int = 1
    role: str = "region"

    @property
    def name(self) -> str:
        return self.names.get("en") or next(iter(self.names.values()), self.id)

    @property
    def name_uk(self) -> str:
        return self.names.get("uk", "")

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` ("en", "uk"), else the English one."""
        return self.names.get(lang) or self.name


@dataclass(frozen=True)
class Place:
    id: str
    names: dict[str, str]
    lon: float
    lat: float
    population: int = 0
    kind: str = "city"
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names.get("en") or next(iter(self.names.values()), self.id)

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` ("en", "uk"), else the English one."""
        return self.names.get(lang) or self.name
