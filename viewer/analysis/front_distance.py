"""How far a place is from each layer's area: the distance in km to the nearest point of
the layer's state at a time (0 when the place is inside it, with the date of the first
state of the run of states that hold it), and how that distance changed over the
highlight window.

Distances are measured in an azimuthal equidistant projection centred on the place (a
PROJ pipeline made per place): distances from its centre are the geodesic distances on
the WGS84 ellipsoid, so the nearest point of the projected area is at the true distance
(to within the straight-versus-geodesic difference of its edges, metres at most over the
lengths of a front line's segments)."""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from viewer.model.layer import Layer
from viewer.model.situation import Situation
from viewer.model.times import to_utc


@dataclass(frozen=True)
class FrontDistance:
    layer_id: str
    layer_name: str
    km: float | None                # None: the layer has no area at the time
    inside_since: datetime | None   # inside: the first state of the run that holds it
    km_before: float | None         # at the start of the highlight window
    days: float                     # the highlight window
    nearest: tuple[float, float] | None = None   # (lon, lat) of the nearest point, outside

    @property
    def inside(self) -> bool:
        return self.km == 0.0

    @property
    def change_km(self) -> float | None:
        """Now less then (negative: the area came closer)."""
        if self.km is None or self.km_before is None:
            return None
        return self.km - self.km_before


def equidistant(lon: float, lat: float) -> Transformer:
    """lon/lat degrees -> metres of the azimuthal equidistant projection centred on (lon, lat)."""
    return Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +x_0=0 +y_0=0 +ellps=WGS84")


def distance_km(geoms, lon: float, lat: float,
                transformer: Transformer | None = None) -> float | None:
    """From (lon, lat) to the nearest point of the lon/lat areas ``geoms`` (one geometry
    or several, e.g. a state's pieces), in km: 0 inside or on one; None when there is no
    area."""
    return nearest_point(geoms, lon, lat, transformer)[0]


def nearest_point(geoms, lon: float, lat: float, transformer: Transformer | None = None
                  ) -> tuple[float | None, tuple[float, float] | None]:
    """``distance_km`` and the (lon, lat) of the nearest point (None inside or without
    area). Only the pieces that can hold the nearest point are projected: those whose
    distance in degrees is within the factor by which degrees of longitude shrink at
    the latitudes between of the nearest in degrees."""
    geoms = np.atleast_1d(np.asarray(geoms, dtype=object))
    geoms = geoms[~shapely.is_empty(geoms)] if len(geoms) else geoms
    if not len(geoms):
        return None, None
    if shapely.intersects_xy(geoms, lon, lat).any():
        return 0.0, None
    degrees = shapely.distance(geoms, shapely.points(lon, lat))
    nearest = float(degrees.min())
    widest = min(89.0, abs(lat) + 2.0 * nearest / max(math.cos(math.radians(abs(lat))), 0.02))
    slack = 1.01 / math.cos(math.radians(widest))
    near = geoms[degrees <= nearest * slack + 1e-12]
    aeqd = transformer or equidistant(lon, lat)

    def forward(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(aeqd.transform(coords[:, 0], coords[:, 1]))

    projected = shapely.transform(near, forward)
    centre = shapely.points(0.0, 0.0)
    metres = shapely.distance(projected, centre)
    best = int(np.argmin(metres))
    end = shapely.get_coordinates(shapely.shortest_line(projected[best], centre))[0]
    far = aeqd.transform(end[0], end[1], direction="INVERSE")
    return float(metres[best]) / 1000.0, (float(far[0]), float(far[1]))


def inside_since(layer: Layer, lon: float, lat: float, at: datetime) -> datetime | None:
    """The first state of the unbroken run of states, up to the one in force at ``at``,
    whose area holds (lon, lat); None when that state does not hold it."""
    history = layer.history
    index = history.state_index(at)
    if index < 0:
        return None
    covered = np.zeros(len(history.times) + 1, dtype=bool)
    geoms = np.array([p.geometry for p in history.pieces], dtype=object)
    holding = np.flatnonzero(shapely.intersects_xy(geoms, lon, lat)) if len(geoms) else []
    for i in holding:
        piece = history.pieces[i]
        start = bisect_left(history.times, to_utc(piece.valid_from))
        end = (len(history.times) if piece.valid_to is None
               else bisect_left(history.times, to_utc(piece.valid_to)))
        covered[start:end] = True
    if not covered[index]:
        return None
    first = index
    while first > 0 and covered[first - 1]:
        first -= 1
    return history.times[first]


def front_distances(situation: Situation, lon: float, lat: float, at: datetime,
                    days: float) -> list[FrontDistance]:
    """Each layer's ``FrontDistance`` from (lon, lat) at ``at``, the change measured
    against the state in force ``days`` earlier."""
    at = to_utc(at)
    before = at - timedelta(days=days)
    aeqd = equidistant(lon, lat)
    out = []
    for layer in situation.layers:
        history = layer.history
        km, nearest = nearest_point(_pieces(layer, at), lon, lat, aeqd)
        then = (distance_km(_pieces(layer, before), lon, lat, aeqd)
                if days > 0 and history.state_index(before) >= 0 else None)
        since = inside_since(layer, lon, lat, at) if km == 0.0 else None
        out.append(FrontDistance(layer.id, layer.name, km, since, then, days, nearest))
    return out


def _pieces(layer: Layer, t: datetime) -> list[BaseGeometry]:
    return [p.geometry for p in layer.history.pieces_at(t)]
