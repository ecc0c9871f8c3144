"""The canvas's view as a centre and a scale, the zoom/pan arithmetic, and hit-testing.

Keeping the view as (centre, metres per pixel) makes the aspect ratio follow the widget
for free: the projected rectangle shown is always the widget's size times the scale.
Until the person zooms or pans, a requested fit (the default view, the whole situation)
is kept on resize, so the window opens on the same area whatever its final size.
"""

from __future__ import annotations

from datetime import datetime

import shapely
from shapely.geometry import Point

from viewer.model import Change, Situation

MIN_METRES_PER_PIXEL = 1.0          # street level
MAX_METRES_PER_PIXEL = 20_000.0     # a continent in a small window
HIT_TOLERANCE_PX = 3.0
METRES_PER_DEGREE = 111_320.0


class ViewState:
    """Centre (projected metres) and scale of a ``width`` x ``height`` pixel view."""

    def __init__(self) -> None:
        self.centre = (0.0, 0.0)
        self.mpp = 1000.0
        self.width, self.height = 1, 1
        self._fit: tuple[float, float, float, float] | None = None

    # -- reading -------------------------------------------------------------------------
    def rect(self) -> tuple[float, float, float, float]:
        """The projected rectangle shown, exactly the widget's aspect."""
        cx, cy = self.centre
        hw, hh = self.width / 2 * self.mpp, self.height / 2 * self.mpp
        return cx - hw, cy - hh, cx + hw, cy + hh

    @property
    def navigated(self) -> bool:
        """Whether the view was zoomed or panned since it was last fitted to a rectangle."""
        return self._fit is None

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        return (self.centre[0] + (px - self.width / 2) * self.mpp,
                self.centre[1] - (py - self.height / 2) * self.mpp)

    # -- changing ------------------------------------------------------------------------
    def resize(self, width: int, height: int) -> None:
        self.width, self.height = max(1, int(width)), max(1, int(height))
        if self._fit is not None:
            self._apply_fit(self._fit)

    def fit(self, rect: tuple[float, float, float, float], keep: bool = True) -> None:
        """Show all of ``rect`` (projected), centred; ``keep``: refit on resize until the
        view is zoomed or panned."""
        self._fit = tuple(rect) if keep else None
        self._apply_fit(rect)

    def _apply_fit(self, rect: tuple[float, float, float, float]) -> None:
        minx, miny, maxx, maxy = rect
        self.centre = ((minx + maxx) / 2, (miny + maxy) / 2)
        span = max((maxx - minx) / self.width, (maxy - miny) / self.height)
        self.mpp = _clamp(span if span > 0 else MIN_METRES_PER_PIXEL)

    def zoom(self, factor: float, px: float | None = None, py: float | None = None) -> bool:
        """Zoom in by ``factor`` (>1 in) keeping the map point under pixel (px, py) in
        place (the centre when not given). False when already at the limit."""
        new_mpp = _clamp(self.mpp / factor)
        if new_mpp == self.mpp:
            return False
        if px is None or py is None:
            px, py = self.width / 2, self.height / 2
        ax, ay = self.to_map(px, py)
        self.mpp = new_mpp
        self.centre = (ax - (px - self.width / 2) * new_mpp,
                       ay + (py - self.height / 2) * new_mpp)
        self._fit = None
        return True

    def follow(self, other: "ViewState") -> bool:
        """Take ``other``'s centre and scale (a view locked to another); False when it
        already has them."""
        if (self.centre, self.mpp) == (other.centre, other.mpp):
            return False
        self.centre, self.mpp, self._fit = other.centre, other.mpp, None
        return True

    def pan(self, dx_px: float, dy_px: float) -> None:
        """Move the map by (dx, dy) pixels on screen (the content follows the mouse)."""
        self.centre = (self.centre[0] - dx_px * self.mpp, self.centre[1] + dy_px * self.mpp)
        self._fit = None


def _clamp(mpp: float) -> float:
    return min(max(mpp, MIN_METRES_PER_PIXEL), MAX_METRES_PER_PIXEL)


def changes_at(situation: Situation, lon: float, lat: float, at: datetime, days: float,
               hidden: frozenset[str], metres_per_pixel: float) -> list[Change]:
    """Changes in the highlight window (at - days, at] of visible layers whose gained or
    lost ground lies within a few pixels of (lon, lat)."""
    candidates = [c for c in situation.recent_changes(at, days) if c.layer_id not in hidden]
    if not candidates:
        return []
    point = Point(lon, lat)
    tolerance = HIT_TOLERANCE_PX * metres_per_pixel / METRES_PER_DEGREE
    gained = shapely.dwithin([c.gained for c in candidates], point, tolerance)
    lost = shapely.dwithin([c.lost for c in candidates], point, tolerance)
    return [c for c, hit in zip(candidates, gained | lost) if hit]
