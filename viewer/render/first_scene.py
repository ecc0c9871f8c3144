"""Scenes prepared ahead of their first paint.

``FirstViewScene`` draws a file's first view (viewer.io.situation_file.lazy): the regions
and the pieces in force at the opening time. What costs more than the picture needs at
that moment is left to the whole situation's scene, which replaces it a moment later:
the region borders are each region's own boundary (a shared border is stroked twice, on
the same pixels) rather than their union, the regions are filled one by one rather than
as their union (``MapScene.role_fill``), and the country's outline is not drawn.

``warm_static`` builds a scene's time-independent paths (region fills, borders, the
outline, the label anchors of the regions) where it is called: in the worker, before the
GUI adopts the scene, so its first paint does not build them on the GUI thread.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.render.paths import lines_path
from viewer.render.scene import MapScene
from viewer.render.viewport import MARGIN as EXTENT_MARGIN

COARSER = 1             # zoom buckets between a first view's big states and its view's


class FirstViewScene(MapScene):
    """A MapScene of a first view (see the module docstring)."""

    def __init__(self, situation, crs: str | None = None):
        super().__init__(situation, crs)
        self.big.other_states = False       # it holds only the pieces of the time shown

    def borders_path(self, role: str) -> QPainterPath:
        def build() -> QPainterPath:
            geoms = [self.region_geometries[r.id] for r in self.situation.regions
                     if r.role == role]
            return lines_path(shapely.boundary(np.array(geoms, dtype=object))) if geoms \
                else QPainterPath()
        return self._once(("borders", role), build)

    def outline_path(self) -> QPainterPath:
        return QPainterPath()

    def role_fill(self, role: str) -> QPainterPath:
        return self.role_path(role)         # no union before the first paint


def prepare_big(scene: MapScene, at, size: tuple[int, int, float] | None) -> None:
    """Make the Displays (viewer.render.display) of the big states ``scene`` shows at
    ``at`` in its default view on a canvas of ``size`` (width, height, device pixel
    ratio), so that its first paint has them (in the worker, before the GUI adopts it).
    They are made COARSER zoom buckets coarser than the view's (raster pixels of one to
    two screen pixels, not half to one): at that scale most small polygons are marked
    as boxes, not filled, so 200,000 squares take 0.4 s instead of 2.5-3.8 s. The map
    then asks the builder for the view's own, and shows it once made."""
    if size is None or at is None:
        return
    width, height, dpr = size
    bbox = scene.situation.meta.default_bbox
    if bbox is not None:
        minx, miny, maxx, maxy = scene.project_bbox(bbox)
    else:                               # as MapCanvas.zoom_to_extent
        minx, miny, maxx, maxy = scene.extent
        dx, dy = (maxx - minx) * EXTENT_MARGIN, (maxy - miny) * EXTENT_MARGIN
        minx, miny, maxx, maxy = minx - dx, miny - dy, maxx + dx, maxy + dy
    mpp = max((maxx - minx) / max(width, 1), (maxy - miny) / max(height, 1))
    with scene.big.synchronous():
        for layer in scene.situation.layers:
            index = layer.history.state_index(at)
            if scene.big.is_big(layer.id, index):
                scene.big.state_display(layer.id, index, mpp / max(dpr, 1.0) * 2 ** COARSER)


def warm_static(scene: MapScene) -> None:
    """Build ``scene``'s time-independent paths now, and count its layers' pieces for
    ``scene.big`` (see the module docstring)."""
    scene.big.count_pieces()
    for role in ("context", "region"):
        scene.role_fill(role)
        scene.borders_path(role)
    scene.outline_path()
    own = scene.situation.own_regions
    if own:
        scene.region_anchor(own[0].id)          # all own regions' anchors in one call
