"""The front line as a map line style (View ▸ Front line): each visible layer's front at
the time shown — its boundary away from the country's border and coast
(viewer.analysis.front_line) — stroked over the layers. The front is measured in the
background; until the scene has it (``MapScene.front``), nothing is drawn. Each state's
line is projected and made a path once (``MapScene.memo``)."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPainterPath

from viewer.render import styles as st
from viewer.render.paths import lines_path
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings

FRONT_COLOUR = "#3b0a0a"
FRONT_WIDTH = 2.2


def front_path(scene: MapScene, layer_id: str, index: int) -> QPainterPath:
    def build() -> QPainterPath:
        return lines_path(scene.project_layer(scene.front.line_at_index(layer_id, index)))
    return scene.memo(("front-line", layer_id, index), build)


def draw_front_lines(painter: QPainter, scene: MapScene, settings: RenderSettings) -> None:
    """Stroke each visible layer's front line (in map coordinates, as the layers are)."""
    if scene.front is None:
        return
    line = st.pen(FRONT_COLOUR, settings.px(FRONT_WIDTH), 0.9)
    for layer in settings.visible_layers(scene.situation):
        index = layer.history.state_index(settings.at)
        if index >= 0:
            painter.strokePath(front_path(scene, layer.id, index), line)
