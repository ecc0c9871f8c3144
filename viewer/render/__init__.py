"""Rendering with QtGui only: one draw routine for the window and for PNG/SVG/PDF export."""

from viewer.render import styles
from viewer.render.draw import (draw_background, draw_decorations, draw_dynamic, draw_labels,
                                draw_map)
from viewer.render.export import render_image, render_to_file
from viewer.render.fonts import ensure_fonts
from viewer.render.raster_threads import choose_raster_threads
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport

__all__ = [
    "styles", "draw_background", "draw_decorations", "draw_dynamic", "draw_labels", "draw_map",
    "render_image", "render_to_file", "ensure_fonts", "MapScene", "RenderSettings", "Viewport",
]

choose_raster_threads()     # importing paints nothing: this still comes before any painting
