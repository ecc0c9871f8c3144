"""The canvas's cached pixmaps: the parts of the map that do not change with time.

The background (water, neighbouring countries, regions, borders) and the labels are
each drawn once into a pixmap keyed by the view, the size, the device pixel ratio and
the display options they depend on; moving through time reuses them and only the
layers and highlights are drawn again. ``clear()`` drops both (a new situation).
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from viewer.render import MapScene, RenderSettings, Viewport, draw_background, draw_labels, styles
from viewer.render.decorations import decoration_rects
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS

BACKGROUND_OPTIONS = frozenset({REGIONS, CONTEXT})
LABEL_OPTIONS = frozenset({LABELS, PLACES, REGIONS, CONTEXT})
RESERVE_STEP = 24           # decoration areas kept free of labels, rounded out to this


def reserved_rects(scene: MapScene, viewport: Viewport,
                   settings: RenderSettings) -> tuple[QRectF, ...]:
    """Where the legend, scale bar and attribution go, rounded outwards so that the
    labels (which keep clear of them) are not laid out again for every small change in
    their size, e.g. a longer date."""
    if not settings.decorations:
        return ()
    out = []
    for r in decoration_rects(scene, viewport, settings):
        left = math.floor(r.left() / RESERVE_STEP) * RESERVE_STEP
        top = math.floor(r.top() / RESERVE_STEP) * RESERVE_STEP
        right = math.ceil(r.right() / RESERVE_STEP) * RESERVE_STEP
        bottom = math.ceil(r.bottom() / RESERVE_STEP) * RESERVE_STEP
        out.append(QRectF(left, top, right - left, bottom - top))
    return tuple(out)


class CachedLayers:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple, QPixmap]] = {}

    def clear(self) -> None:
        self._cache.clear()

    def background(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                   dpr: float) -> QPixmap:
        key = (viewport.key(), dpr, settings.hidden & BACKGROUND_OPTIONS)
        # opaque (no alpha channel): drawn on every repaint, it is then a plain copy
        return self._get("background", key, viewport, dpr,
                         lambda p: draw_background(p, scene, viewport, settings),
                         QColor(styles.WATER))

    def labels(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
               dpr: float, reserved: tuple[QRectF, ...]) -> QPixmap:
        key = (viewport.key(), dpr, settings.hidden & LABEL_OPTIONS, settings.scale,
               tuple(r.getRect() for r in reserved))
        return self._get("labels", key, viewport, dpr,
                         lambda p: draw_labels(p, scene, viewport, settings, reserved))

    def _get(self, name: str, key: tuple, viewport: Viewport, dpr: float,
             draw: Callable[[QPainter], None],
             fill: QColor | Qt.GlobalColor = Qt.GlobalColor.transparent) -> QPixmap:
        cached = self._cache.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        pixmap = QPixmap(round(viewport.width * dpr), round(viewport.height * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(fill)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        draw(painter)
        painter.end()
        self._cache[name] = (key, pixmap)
        return pixmap
