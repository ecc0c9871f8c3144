"""The sketch being drawn, painted over the map by a transparent child of the canvas.

The map under it is not drawn again by this widget: Qt repaints the canvas only inside
the rectangle the overlay asks for (the outline's old and new bounds), from the canvas's
cached pixmaps and paths; the overlay then paints the outline, its vertices and the
rubber band to the pointer. Only the sketch's own few vertices are handled in Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from viewer.ui.sketch_tool import SketchTool

LINE = QColor("#0b62c4")
FILL = QColor(11, 98, 196, 60)
HANDLE_PX = 4.0             # half the side of a vertex's square handle
MARGIN_PX = 8               # room around the bounds for the pen and the handles


class SketchOverlay(QWidget):
    def __init__(self, canvas: QWidget, tool: "SketchTool"):
        super().__init__(canvas)
        self.setObjectName("sketch_overlay")
        self.tool = tool
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def _points(self) -> list[QPointF]:
        return [QPointF(float(x), float(y)) for x, y in self.tool.pixels()]

    def bounds(self) -> QRect:
        """The pixels the outline, its handles and the rubber band cover now."""
        points = self._points()
        if self.tool.pointer is not None:
            points.append(self.tool.pointer)
        if not points:
            return QRect()
        rect = QPolygonF(points).boundingRect().toAlignedRect()
        return rect.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)

    def paintEvent(self, _event) -> None:
        points = self._points()
        if not points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        painter.end()
