"""Context features: rivers, water bodies, roads and railways drawn under the layers.

They orient the reader (where the front is relative to a river or a road) and are never
measured. Each belongs to a named context layer (the Layers panel switches it), has a
style that says how it is drawn, and may hold only for a time: the Kakhovka reservoir
was drained in June 2023, so its water carries ``valid_to`` 2023-06-06.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from shapely.geometry.base import BaseGeometry

STYLES = ("river", "water", "road", "rail", "other")


@dataclass(frozen=True, eq=False)
class ContextFeature:
    id: str                             # unique in the situation, e.g. "rivers/12"
    layer: str                          # the context layer's name
    style: str                          # one of STYLES
    geometry: BaseGeometry              # lon/lat lines or polygons
    name: str = ""
    valid_from: datetime | None = None  # None: always before
    valid_to: datetime | None = None    # exclusive; None: still valid
    source: str = ""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"context style must be one of {', '.join(STYLES)}, "
                             f"got {self.style!r}"[:200])
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(f"context feature {self.id!r}: valid_to is not after "
                             "valid_from"[:200])

    def valid_at(self, t: datetime) -> bool:
        return ((self.valid_from is None or self.valid_from <= t)
                and (self.valid_to is None or t < self.valid_to))


def layer_names(features: list[ContextFeature]) -> list[str]:
    """The context layers' names, in the order their first features come."""
    return list(dict.fromkeys(f.layer for f in features))


def boundaries(features: list[ContextFeature]) -> np.ndarray:
    """Every time at which some feature starts or ends, sorted, as POSIX seconds: two
    times between the same neighbours show the same features (see ``epoch``)."""
    times = {t.timestamp() for f in features for t in (f.valid_from, f.valid_to) if t}
    return np.array(sorted(times), dtype=float)


def epoch(bounds: np.ndarray, t: datetime) -> int:
    """Which stretch between ``bounds`` the time ``t`` lies in (the same number: the
    same features valid)."""
    return int(np.searchsorted(bounds, t.timestamp(), side="right"))
