"""Filling areas and stroking wide outlines quickly on the raster engine (the map's
layers and change areas)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPaintEngine, QPen

if TYPE_CHECKING:                   # (the scene's highlight areas stroke with these)
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
                pen: QPen, edge: Callable[[float], QPainterPath] | None = None) -> None:
    """Stroke ``path`` with a cosmetic ``pen``. The raster engine strokes lines wider than
    a pixel slowly (about 1.8 ms for a week of DeepState changes): there the outline is
    stroked once per zoom level into an area, and that area filled (about 0.6 ms).
    ``edge(width)``: that area, where it is kept otherwise than whole in the scene (the
    highlight's parts, each stroked once: highlight_area.py)."""
    if pen.widthF() <= 1.0 or painter.paintEngine().type() != QPaintEngine.Type.Raster:
        painter.strokePath(path, pen)
        return
    scale = math.sqrt(abs(painter.deviceTransform().determinant()))
    if not scale > 0:
        return
    width = round(pen.widthF() / scale, 9)          # the cosmetic width, in path units
    area = edge(width) if edge is not None else \
        scene.edge_path(key + (width,), lambda: stroked(path, pen, width))
    painter.fillPath(area, pen.brush())


def stroked(path: QPainterPath, pen: QPen, width: float) -> QPainterPath:
    """The area ``pen`` at ``width`` (path units) covers along ``path``."""
    stroker = QPainterPathStroker(pen)
    stroker.setWidth(width)
    stroker.setJoinStyle(Qt.PenJoinStyle.BevelJoin)   # no arcs: round looks the same
    stroker.setCapStyle(Qt.PenCapStyle.FlatCap)       # at this width, with fewer vertices
    return stroker.createStroke(path)
