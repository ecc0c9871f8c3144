"""The parts in view of the regions whose labels are placed inside them, worked out in a
thread while the map is filled: a region whose label point is off-screen (and every
neighbouring country) is named inside its intersection with the view, at the centre of
the largest circle in it (label_regions), and those GEOS calls (a millisecond or two at a
zoom step) hold no GIL, so the window starts them for a view whose labels it will lay
out (``start``) before it fills the map, and the layout takes them when it comes to those
regions (``Clips.get``), the same values it would compute. Regions whose bounds miss the
view are left out (the layout skips them); one missing is computed by the layout."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import shapely

from viewer.render.scene_geometry import LRU, inscribed_circles
from viewer.render.settings import CONTEXT, LABELS, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="label-clips")
KEPT = 4                 # views whose clips are kept, the last started last


def _kept(scene) -> LRU:
    return scene.static(("label clips",), lambda: LRU(KEPT))


def start(scene, viewport: Viewport, settings: RenderSettings) -> None:
    """Start working out the clipped regions of ``viewport``'s labels (once per view)."""
    if not settings.shows(LABELS):
        return
    kept = _kept(scene)
    key = viewport.key()
    if key in kept:
        return
    vx0, vy0, vx1, vy1 = viewport.visible
    regions = [(r, False) for r in scene.situation.own_regions] if settings.shows(REGIONS) else []
    if settings.shows(CONTEXT):
        regions += [(r, True) for r in scene.situation.regions if r.role == "context"]
    ids = []
    for region, context in regions:
        gx0, gy0, gx1, gy1 = scene.static(("region bounds", region.id),
                                          lambda r=region: scene.region_geometries[r.id].bounds)
        if gx0 > vx1 or gx1 < vx0 or gy0 > vy1 or gy1 < vy0:
            continue
        if not context:
            x, y, _ = scene.region_anchor(region.id)
            if vx0 < x < vx1 and vy0 < y < vy1:
                continue                    # named about its own label point
        ids.append(region.id)
    if ids:
        geoms = np.array([scene.region_geometries[i] for i in ids], dtype=object)
        kept[key] = _POOL.submit(_clipped, ids, geoms, shapely.box(vx0, vy0, vx1, vy1))


def _clipped(ids: list[str], geoms: np.ndarray, view) -> dict[str, tuple]:
    parts = shapely.intersection(geoms, view)
    return {i: (part, *circle) for i, part, circle in zip(ids, parts, inscribed_circles(parts))}


class Clips:
    """The clipped regions started for a view: ``get`` waits for them."""

    def __init__(self, scene, viewport: Viewport):
        self._future: Future | None = _kept(scene).get(viewport.key())

    def get(self, region_id: str):
        """(the region's part in view, x, y, radius of the circle in it) or None."""
        if self._future is None:
            return None
        return self._future.result().get(region_id)
