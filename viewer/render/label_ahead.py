"""What a view's label layout needs that holds no GIL, worked out in a thread while the map
is filled: the places in view above the zoom's population floor, biggest first
(label_layout.visible_places, numpy), and the parts in view of the regions named inside
them (a region whose label point is off-screen, every neighbouring country: label_regions
names it at the centre of the largest circle inside its intersection with the view; GEOS).
At a zoom step these cost a millisecond or two of the layout, so the window starts them
for a view whose labels it will lay out (``start``) before it fills the map, and the
layout takes them (``Ahead``): the same calls on the same inputs, so the same values.
Regions whose bounds miss the view are left out (the layout skips them); what was not
started is computed by the layout as before."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import shapely

from viewer.render.scene_geometry import LRU, inscribed_circles
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="label-ahead")
KEPT = 4                 # views whose work is kept, the last started last


def _kept(scene) -> LRU:
    return scene.static(("label ahead",), lambda: LRU(KEPT))


def start(scene, viewport: Viewport, settings: RenderSettings) -> None:
    """Start working out what ``viewport``'s labels need (once per view and scale)."""
    if not settings.shows(LABELS):
        return
    kept = _kept(scene)
    key = (viewport.key(), settings.scale)
    if key in kept:
        return
    places = None
    if settings.shows(PLACES) and scene.situation.places:
        from viewer.render.label_layout import visible_places
        places = _POOL.submit(visible_places, scene, viewport, settings.scale)
    ids = _clipped_regions(scene, viewport, settings)
    clips = None
    if ids:
        geoms = np.array([scene.region_geometries[i] for i in ids], dtype=object)
        clips = _POOL.submit(_clipped, ids, geoms, shapely.box(*viewport.visible))
    kept[key] = (places, clips)


def _clipped_regions(scene, viewport: Viewport, settings: RenderSettings) -> list[str]:
    """The regions shown whose bounds meet the view and that are named inside their part
    in view (neighbouring countries, and regions whose label point is off-screen)."""
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
    return ids


def _clipped(ids: list[str], geoms: np.ndarray, view) -> dict[str, tuple]:
    parts = shapely.intersection(geoms, view)
    return {i: (part, *circle) for i, part, circle in zip(ids, parts, inscribed_circles(parts))}


class Ahead:
    """What was started for a view at a scale: its getters wait for it."""

    def __init__(self, scene, viewport: Viewport, scale: float):
        self._places, self._clips = _kept(scene).get((viewport.key(), scale), (None, None))

    def places(self):
        """``visible_places`` of the view, or None."""
        return None if self._places is None else self._places.result()

    def clip(self, region_id: str):
        """(the region's part in view, x, y, radius of the circle in it) or None."""
        return None if self._clips is None else self._clips.result().get(region_id)
