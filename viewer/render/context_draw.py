"""Drawing the context features under the layers: blue water and rivers, grey roads,
dashed railways (viewer.render.context_paths makes the paths)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from viewer.render import styles as st
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings, hidden_context_layers
from viewer.render.viewport import Viewport

# style -> (fill of its areas, colour of its lines, line width in pixels, dashed). Lines
# are 1 px: Qt's raster engine strokes wider cosmetic lines far slower (the built-in
# rivers at country zoom: 315 ms at 1.4 px with outlined lakes, 7.5 ms at 1 px unoutlined)
LOOK = {
    "water": (st.CONTEXT_WATER, st.CONTEXT_RIVER, 1.0, False),
    "river": (st.CONTEXT_WATER, st.CONTEXT_RIVER, 1.0, False),
    "road": (st.CONTEXT_OTHER_FILL, st.CONTEXT_ROAD, 1.0, False),
    "rail": (st.CONTEXT_OTHER_FILL, st.CONTEXT_RAIL, 1.0, True),
    "other": (st.CONTEXT_OTHER_FILL, st.CONTEXT_OTHER, 1.0, False),
}


def draw_context(painter: QPainter, scene: MapScene, viewport: Viewport,
                 settings: RenderSettings) -> None:
    """The context features shown at ``settings.at``, areas first, then lines. The
    painter is already in map metres (draw_layers._begin)."""
    if not scene.context:
        return
    paths = scene.context.paths(viewport.metres_per_pixel, settings.at,
                                hidden_context_layers(settings.hidden), viewport.visible)
    for style, areas, path in paths:
        fill, line, width, dashed = LOOK[style]
        if areas:                       # filled only: an outline stroke costs 40x the fill
            painter.fillPath(path, st.brush(fill))
        else:
            pen = st.pen(line, settings.px(width), 1.0,
                         Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            if dashed:
                pen.setDashPattern([4.0, 3.0])
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.strokePath(path, pen)
