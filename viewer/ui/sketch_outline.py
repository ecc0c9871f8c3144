"""The sketch being drawn (viewer.ui.sketch_tool), a part of the map overlay
(viewer.ui.map_overlay): its outline, its vertices' handles and the rubber band to the
pointer, in widget pixels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from viewer.ui.map_overlay import OverlayPart

if TYPE_CHECKING:
    from viewer.ui.sketch_tool import SketchTool

LINE = QColor("#0b62c4")
FILL = QColor(11, 98, 196, 60)
HANDLE_PX = 4.0             # half the side of a vertex's square handle
MARGIN_PX = 5.0             # room for the pen and the handles (the overlay adds its PAD)


class SketchOutline(OverlayPart):
    def __init__(self, tool: "SketchTool"):
        self.tool = tool

    def _points(self) -> list[QPointF]:
        return [QPointF(float(x), float(y)) for x, y in self.tool.pixels()]

    def bounds(self) -> QRectF:
        """The pixels the outline, its handles and the rubber band cover now."""
        if not self.tool.active:
            return QRectF()
        points = self._points()
        if self.tool.pointer is not None:
            points.append(self.tool.pointer)
        if not points:
            return QRectF()
        rect = QPolygonF(points).boundingRect()
        return rect.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)

    def paint(self, painter: QPainter) -> None:
        points = self._points()
        if not points:
            return
        painter.save()
        outline = QPolygonF(points)
        if len(points) >= 3:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(FILL))
            painter.drawPolygon(outline)
        painter.setPen(QPen(LINE, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.tool.is_closed:
            painter.drawPolygon(outline)
        else:
            painter.drawPolyline(outline)
            pointer = self.tool.pointer
            if pointer is not None:
                painter.setPen(QPen(LINE, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(points[-1], pointer)
                if len(points) >= 2:
                    painter.drawLine(pointer, points[0])
        painter.setPen(QPen(LINE, 1.5))
        painter.setBrush(QBrush(QColor("white")))
        for p in points:
            painter.drawRect(QRectF(p.x() - HANDLE_PX, p.y() - HANDLE_PX,
                                    2 * HANDLE_PX, 2 * HANDLE_PX))
        painter.restore()
