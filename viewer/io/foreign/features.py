"""What every foreign-format reader returns: features in WGS84 lon/lat, plus warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry


@dataclass(eq=False)
class Feature:
    geometry: BaseGeometry              # lon/lat (EPSG:4326); repaired if it was invalid
    properties: dict[str, Any] = field(default_factory=dict)
    name: str = ""                      # a feature's own name (KML Placemark <name>), if any
    layer: str = ""                     # the source layer / KML folder path it came from


@dataclass(eq=False)
class ReadResult:
    """Features read from one source. ``warnings`` are one-line, human-readable notes
    (skipped features, reprojection done, ...); ``repaired`` counts invalid polygons
    fixed with shapely.make_valid."""

    source: str
    features: list[Feature] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repaired: int = 0
    attribution: str = ""               # the source's own credit line, when it has one
