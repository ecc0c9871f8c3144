"""The canvas's cached pixmaps: the parts of the map that do not change with time.

The background (water, neighbouring countries, regions, borders), the labels and the
decoration panels are each drawn once into a pixmap keyed by the view, the size, the device pixel ratio and
the display options they depend on; moving through time reuses them and only the
layers and highlights are drawn again. ``clear()`` drops both (a new situation).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from viewer.render import MapScene, RenderSettings, Viewport, draw_background, draw_labels, styles
from viewer.render.decorations import decoration_rects, draw_decorations
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS

BACKGROUND_OPTIONS = frozenset({REGIONS, CONTEXT})
LABEL_OPTIONS = frozenset({LABELS, PLACES, REGIONS, CONTEXT})
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
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


def _timeless(settings: RenderSettings) -> RenderSettings:
    """The settings without what changes as the time moves (the time, the selection)."""
    return replace(settings, at=EPOCH, selected_changes=frozenset())


class CachedLayers:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple, object]] = {}

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

    def reserved(self, scene: MapScene, viewport: Viewport,
                 settings: RenderSettings) -> tuple[QRectF, ...]:
        """``reserved_rects``, computed again only when the view or the options change."""
        key = (viewport.key(), _timeless(settings))
        cached = self._cache.get("reserved")
        if cached is None or cached[0] != key:
            cached = self._cache["reserved"] = (key, reserved_rects(scene, viewport, settings))
        return cached[1]

    def decorations(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                    dpr: float) -> list[tuple[QPointF, QPixmap]]:
        """The legend, scale bar and attribution panels without the date (which the
        canvas draws on them), as small pixmaps and where they go."""
        key = (viewport.key(), dpr, _timeless(settings))
        cached = self._cache.get("decorations")
        if cached is not None and cached[0] == key:
            return cached[1]
        rects: list[QRectF] = []
        whole = self._draw(viewport, dpr, Qt.GlobalColor.transparent, lambda p: rects.extend(
            draw_decorations(p, scene, viewport, settings, date=False)))
        bounds = QRectF(0, 0, viewport.width, viewport.height)
        panels = []
        for rect in rects:          # antialiased edges reach past the rectangles
            r = rect.adjusted(-2, -2, 2, 2).intersected(bounds).toAlignedRect()
            part = whole.copy(round(r.x() * dpr), round(r.y() * dpr),
                              round(r.width() * dpr), round(r.height() * dpr))
            part.setDevicePixelRatio(dpr)
            panels.append((QPointF(r.topLeft()), part))
        self._cache["decorations"] = (key, panels)
        return panels

    def _get(self, name: str, key: tuple, viewport: Viewport, dpr: float,
             draw: Callable[[QPainter], None],
             fill: QColor | Qt.GlobalColor = Qt.GlobalColor.transparent) -> QPixmap:
        cached = self._cache.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        pixmap = self._draw(viewport, dpr, fill, draw)
        self._cache[name] = (key, pixmap)
        return pixmap

    @staticmethod
    def _draw(viewport: Viewport, dpr: float, fill: QColor | Qt.GlobalColor,
              draw: Callable[[QPainter], None]) -> QPixmap:
        pixmap = QPixmap(round(viewport.width * dpr), round(viewport.height * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(fill)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        draw(painter)
        painter.end()
        return pixmap
