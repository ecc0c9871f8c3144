"""The ruler's state, Qt-free: points clicked on the map (lon/lat), their geodesic
segment and total lengths, and, once the shape is closed, its geodesic area (all on the
WGS84 ellipsoid with pyproj.Geod, the one geodesic library we use)."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model.geodesy import GEOD


@dataclass(frozen=True)
class Measure:
    segments_km: tuple[float, ...]      # each leg, in order (closed: the closing leg last)
    total_km: float
    area_km2: float | None              # closed shapes only


class Ruler:
    """Points in clicking order; ``closed`` once the shape has been closed."""

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []
        self.closed = False

    def add(self, lon: float, lat: float) -> None:
        """A new point (a closed shape starts over)."""
        if self.closed:
            self.clear()
        if not self.points or self.points[-1] != (lon, lat):
            self.points.append((float(lon), float(lat)))

    def undo_last(self) -> None:
        if self.closed:
            self.closed = False
        elif self.points:
            self.points.pop()

    def can_close(self) -> bool:
        return not self.closed and len(self.points) >= 3

    def close(self) -> bool:
        """Close the shape (three points at least); False when it can't be."""
        if not self.can_close():
            return False
        self.closed = True
        return True

    def clear(self) -> None:
        self.points.clear()
        self.closed = False

    def measure(self, pointer: tuple[float, float] | None = None) -> Measure:
        """The lengths (km) and, when closed, the area (km²); ``pointer``: a leg to it
        from the last point is counted too (the leg being drawn)."""
        points = list(self.points)
        if self.closed:
            points.append(points[0])
        elif pointer is not None and points:
            points.append(pointer)
        legs = segment_lengths_km(points)
        area = polygon_area_km2(self.points) if self.closed else None
        return Measure(legs, sum(legs), area)


def segment_lengths_km(points: list[tuple[float, float]]) -> tuple[float, ...]:
    """The geodesic length of each leg of a path of (lon, lat) points, in km."""
    if len(points) < 2:
        return ()
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    _, _, metres = GEOD.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
    return tuple(float(m) / 1000.0 for m in metres)


def polygon_area_km2(points: list[tuple[float, float]]) -> float:
    """The geodesic area enclosed by a ring of (lon, lat) points, in km² (either
    direction)."""
    area, _ = GEOD.polygon_area_perimeter([p[0] for p in points], [p[1] for p in points])
    return abs(area) / 1e6
