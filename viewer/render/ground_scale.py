"""The scale bar's measure: the ground distance a pixel covers at the centre of the view,
and the round length the bar shows."""

from __future__ import annotations

import math

from pyproj import Geod

from viewer.render.scene import MapScene
from viewer.render.viewport import Viewport

_GEOD = Geod(ellps="WGS84")


def nice_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 x 10^n metres not above ``max_metres``."""
    exp = math.floor(math.log10(max_metres))
    for step in (5, 2, 1):
        if step * 10 ** exp <= max_metres:
            return step * 10 ** exp
    return 10 ** exp


def ground_metres_per_pixel(scene: MapScene, viewport: Viewport) -> float:
    """True ground distance of one horizontal pixel at the centre of the view."""
    cx, cy = viewport.centre
    half = viewport.metres_per_pixel * 50
    lon, lat = scene.projector.inverse([cx - half, cx + half], [cy, cy])
    _, _, dist = _GEOD.inv(lon[0], lat[0], lon[1], lat[1])
    return dist / 100.0
