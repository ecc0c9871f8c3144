"""A change: what differs between two consecutive states of a layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shapely.geometry.base import BaseGeometry

from viewer.model.times import iso_z


def change_id(layer_id: str, at: datetime) -> str:
    return f"{layer_id}@{iso_z(at)}"


@dataclass(frozen=True, eq=False)
class Change:
    id: str
    layer_id: str
    at: datetime
    gained: BaseGeometry   # in the new state, not in the previous one (lon/lat)
    lost: BaseGeometry     # in the previous state, not in the new one (lon/lat)
