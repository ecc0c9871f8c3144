"""The ruler (M, or View ▸ Measure): click points on the map for the geodesic length of
each leg and of the whole path; click the first point again or press Enter to close the
shape for its geodesic area; Backspace takes back the last point; Esc (or M) ends.

The points and the measuring are the Qt-free ``viewer.analysis.ruler.Ruler``; this draws
them on the map overlay and says the figures in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFontMetricsF, QKeyEvent, QPainter, QPolygonF
from PySide6.QtWidgets import QMainWindow

from viewer.analysis.ruler import Measure, Ruler
from viewer.render import styles as st
from viewer.render.language import format_km, format_km2, translate
from viewer.ui.map_overlay import MapOverlay, OverlayPart, pixel_of

CLOSE_PX = 8.0              # a click this near the first point closes the shape
LINE = "#c2185b"
FILL = QColor(194, 24, 91, 40)
VERTEX_R = 3.5
LABEL_PAD = 3.0


class RulerTool(QObject, OverlayPart):
    def __init__(self, window: QMainWindow, overlay: MapOverlay):
        super().__init__(window)
        self.window, self.canvas, self.overlay = window, window.canvas, overlay
        self.ruler = Ruler()
        self.pointer: tuple[float, float] | None = None
        self.action = QAction(translate("Ruler", "&Measure Distance and Area"), window)
        self.action.setCheckable(True)
        self.action.setShortcut("M")
        self.action.setStatusTip(translate("Ruler", "Click points on the map to measure "
                                                    "distances; close the shape for its area"))
        self.action.toggled.connect(self._on_toggled)
        window.addAction(self.action)
        overlay.add(self)
        self.canvas.click_handlers.insert(0, self._on_click)
        self.canvas.pointer_moved.connect(self._on_pointer)
        self.canvas.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    def end(self) -> None:
        self.action.setChecked(False)

    def _on_toggled(self, on: bool) -> None:
        self.ruler.clear()
        self.pointer = None
        self.overlay.refresh(self)
        self._say()

    # -- input ---------------------------------------------------------------------------
    def _on_click(self, pos: QPointF) -> bool:
        if not self.active:
            return False
        points = self.ruler.points
        if self.ruler.can_close() and QLineF(pos, self._pixel(points[0])).length() <= CLOSE_PX:
            self.ruler.close()
        else:
            lonlat = self.canvas.lonlat_at(pos)
            if lonlat is None:
                return False
            self.ruler.add(*lonlat)
        self.overlay.refresh(self)
        self._say()
        return True

    def _on_pointer(self, lonlat) -> None:
        if self.active and not self.ruler.closed and self.ruler.points:
            self.pointer = lonlat
            self.overlay.refresh(self)
            self._say()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not (self.active and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.end()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ruler.close()
        elif key == Qt.Key.Key_Backspace:
            self.ruler.undo_last()
        else:
            return False
        self.overlay.refresh(self)
        self._say()
        return True

    # -- figures -------------------------------------------------------------------------
    def measure(self) -> Measure:
        return self.ruler.measure(None if self.ruler.closed else self.pointer)

    def status_text(self) -> str:
        if not self.ruler.points:
            return translate("Ruler", "Ruler: click points on the map; click the first point "
                                      "or press Enter to close the shape; Esc ends")
        m = self.measure()
        text = translate("Ruler", "Distance %1").replace("%1", format_km(m.total_km, 2))
        if len(m.segments_km) > 1:
            legs = " + ".join(format_km(km, 2) for km in m.segments_km)
            text += " (" + legs + ")"
        if m.area_km2 is not None:
            text += " · " + translate("Ruler", "Area %1").replace("%1", format_km2(m.area_km2, 2))
        return text

    def _say(self) -> None:
        self.window.status.show_message(self.status_text() if self.active else "")

    # -- drawing -------------------------------------------------------------------------
    def _pixel(self, lonlat: tuple[float, float]) -> QPointF:
        return pixel_of(self.canvas, *lonlat)

    def _path_pixels(self) -> list[QPointF]:
        if self.canvas.scene is None:
            return []
        pixels = [self._pixel(p) for p in self.ruler.points]
        if self.ruler.closed:
            pixels.append(pixels[0])
        elif self.pointer is not None and pixels:
            pixels.append(self._pixel(self.pointer))
        return pixels

    def _labels(self, pixels: list[QPointF]) -> list[tuple[QRectF, str]]:
        """Each leg's length at its middle, the total (and area) past the last point."""
        metrics = QFontMetricsF(self.canvas.font())
        m = self.measure()
        out = []

        def box(at: QPointF, text: str) -> tuple[QRectF, str]:
            w, h = metrics.horizontalAdvance(text) + 2 * LABEL_PAD, metrics.height() + 2 * LABEL_PAD
            return QRectF(at.x() - w / 2, at.y() - h / 2, w, h), text
        if len(m.segments_km) > 1:
            for a, b, km in zip(pixels, pixels[1:], m.segments_km):
                out.append(box((a + b) / 2, format_km(km, 1)))
        if m.segments_km:
            summary = format_km(m.total_km, 1)
            if m.area_km2 is not None:
                summary += ", " + format_km2(m.area_km2, 1)
            end = pixels[0] if self.ruler.closed else pixels[-1]
            rect, text = box(end, summary)
            out.append((rect.translated(rect.width() / 2 + 8, -rect.height() / 2 - 6), text))
        return out

    def bounds(self) -> QRectF:
        pixels = self._path_pixels()
        if not self.active or not pixels:
            return QRectF()
        rect = QPolygonF(pixels).boundingRect().adjusted(-VERTEX_R - 2, -VERTEX_R - 2,
                                                         VERTEX_R + 2, VERTEX_R + 2)
        for label, _ in self._labels(pixels):
            rect = rect.united(label)
        return rect

    def paint(self, painter: QPainter) -> None:
        pixels = self._path_pixels()
        if not pixels:
            return
        painter.save()
        if self.ruler.closed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FILL)
            painter.drawPolygon(QPolygonF(pixels))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(st.pen(st.HALO, 4.0))
        painter.drawPolyline(QPolygonF(pixels))
        painter.setPen(st.pen(LINE, 2.0))
        painter.drawPolyline(QPolygonF(pixels))
        painter.setBrush(st.brush(st.HALO))
        for p in pixels[:len(self.ruler.points)]:
            painter.drawEllipse(p, VERTEX_R, VERTEX_R)
        for rect, text in self._labels(pixels):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor(LINE))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
