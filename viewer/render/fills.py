"""Filling areas and stroking wide outlines quickly on the raster engine (the map's
layers and change areas)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPaintEngine, QPen

from viewer.render.scene import MapScene


def fill_area(painter: QPainter, path: QPainterPath, brush, dense: bool) -> None:
    """Fill ``path``; a dense one (more than DENSE_RINGS rings) without antialiasing."""
    if not dense:
        painter.fillPath(path, brush)
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillPath(path, brush)
    painter.restore()


def stroke_edge(painter: QPainter, scene: MapScene, key: tuple, path: QPainterPath,
          pen: QPen) -> None:
    """Stroke ``path`` with a cosmetic ``pen``. The raster engine strokes lines wider than
    a pixel slowly (about 1.8 ms for a week of DeepState changes): there the outline is
    stroked once per zoom level into an area, and that area filled (about 0.6 ms)."""
    if pen.widthF() <= 1.0 or painter.paintEngine().type() != QPaintEngine.Type.Raster:
        painter.strokePath(path, pen)
        return
    scale = math.sqrt(abs(painter.deviceTransform().determinant()))
    if not scale > 0:
        return
    width = round(pen.widthF() / scale, 9)          # the cosmetic width, in path units

    def build() -> QPainterPath:
        stroker = QPainterPathStroker(pen)
        stroker.setWidth(width)
        stroker.setJoinStyle(Qt.PenJoinStyle.BevelJoin)   # no arcs: round looks the same
        stroker.setCapStyle(Qt.PenCapStyle.FlatCap)       # at this width, with fewer vertices
        return stroker.createStroke(path)
    painter.fillPath(scene.edge_path(key + (width,), build), pen.brush())
