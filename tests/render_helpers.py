"""Drawing a map frame for the render tests: whole, or only a dirty region of it drawn over
an earlier frame (as the window's backing store keeps the rest)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QRegion
from shapely.geometry import box

from viewer.model import History, Layer, Region, Situation, SituationMeta, Style
from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.draw_layers import draw_background, draw_dynamic


def frame(scene: MapScene, settings: RenderSettings, viewport: Viewport,
          under: QImage | None = None, dirty: QRegion | None = None) -> QImage:
    """The map at ``settings`` drawn whole, or only ``dirty`` of it drawn over ``under``."""
    image = QImage(under) if under is not None else QImage(
        *settings.size, QImage.Format.Format_ARGB32_Premultiplied)
    if under is None:
        image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if dirty is not None:
        painter.setClipRegion(dirty)
    draw_background(painter, scene, viewport, settings)
    draw_dynamic(painter, scene, viewport, settings, dirty)
    painter.end()
    return image


def one_layer_situation(title: str, states: list, region: tuple) -> Situation:
    """A situation of one control layer "ctl" of ``states`` (cut to at most 12 vertices a
    piece: many pieces), in one region of bounds ``region``, with a 3-day highlight."""
    layer = Layer("ctl", "Control", "assessed-control",
                  History.from_states("ctl", states, max_vertices=12), style=Style("#c0392b", 0.5))
    meta = SituationMeta(title=title, attributions=["tests"], highlight_days=3.0,
                         default_bbox=(29.8, 47.9, 34.2, 50.1))
    return Situation(meta, [Region("A", {"en": "Alpha"}, box(*region))], [], [layer])
