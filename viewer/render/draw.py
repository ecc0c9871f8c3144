"""The one draw routine, shared by the window's map canvas and headless export.

Order: background (static), dynamic (layers at the time shown, recent changes,
selection), labels, decorations. Each part is also exported on its own so the window
can cache the static ones as pixmaps.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from viewer.render.decorations import decoration_rects, draw_decorations
from viewer.render.draw_layers import draw_background, draw_dynamic
from viewer.render.labels import draw_labels
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

__all__ = ["draw_background", "draw_dynamic", "draw_labels", "draw_decorations", "draw_map"]


def draw_map(painter: QPainter, scene: MapScene, settings: RenderSettings,
             rect: QRectF | None = None) -> Viewport:
    """Draw the whole map into ``rect`` (default: 0, 0 and ``settings.size``); returns
    the viewport used, in coordinates relative to the rect's top left."""
    rect = QRectF(0, 0, *settings.size) if rect is None else QRectF(rect)
    viewport = Viewport.for_settings(scene, settings, (rect.width(), rect.height()))
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(viewport.rect)
    draw_background(painter, scene, viewport, settings)
    draw_dynamic(painter, scene, viewport, settings)
    reserved = tuple(decoration_rects(scene, viewport, settings)) if settings.decorations else ()
    draw_labels(painter, scene, viewport, settings, reserved)
    if settings.decorations:
        draw_decorations(painter, scene, viewport, settings)
    painter.restore()
    return viewport
