"""What is drawn over the map without repainting it: the ruler, the marked place and the
sketch being drawn (viewer.ui.sketch_outline).

One transparent child widget of the canvas (``overlay_of``), as large as it, taking no
mouse events. Each part (an ``OverlayPart``) paints itself in widget pixels and says
which rectangle it covers, so a change repaints only the old and new rectangles (the
canvas below repaints those from its cached pixmaps, and only the part's own few
vertices are handled in Python); with nothing to draw the widget is hidden and costs
nothing at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

PAD = 3.0                   # pixels beyond a part's rectangle repainted with it (antialiasing)


class OverlayPart:
    """One thing drawn on the overlay."""

    def bounds(self) -> QRectF:
        """Widget pixels covered now (empty: nothing to draw)."""
        raise NotImplementedError

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError


def pixel_of(canvas, lon: float, lat: float) -> QPointF:
    """The canvas pixel showing (lon, lat)."""
    x, y = canvas.scene.projector.forward(lon, lat)
    px, py = canvas.viewport().to_pixels(float(x), float(y))
    return QPointF(px, py)


class MapOverlay(QWidget):
    def __init__(self, canvas: QWidget):
        super().__init__(canvas)
        self.setObjectName("map_overlay")
        self.canvas = canvas
        self.parts: list[OverlayPart] = []
        self._drawn: dict[int, QRectF] = {}     # id(part) -> rectangle last asked to paint
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(canvas.rect())
        self.hide()
        canvas.installEventFilter(self)
        canvas.view_changed.connect(self.refresh_all)

    def add(self, part: OverlayPart) -> None:
        self.parts.append(part)

    def refresh(self, part: OverlayPart) -> None:
        """``part`` changed: repaint where it was and where it is now."""
        old = self._drawn.get(id(part), QRectF())
        new = part.bounds()
        self._drawn[id(part)] = new
        self._show_if_needed()
        if old.isEmpty() or new.isEmpty():
            dirty = new if old.isEmpty() else old
        else:
            dirty = old.united(new)
        if not dirty.isEmpty() and self.isVisible():
            self.update(dirty.adjusted(-PAD, -PAD, PAD, PAD).toAlignedRect())

    def refresh_all(self) -> None:
        """The view moved: every part is elsewhere (the canvas repaints all anyway)."""
        for part in self.parts:
            self._drawn[id(part)] = part.bounds()
        self._show_if_needed()
        self.update()

    def _show_if_needed(self) -> None:
        shown = any(not r.isEmpty() for r in self._drawn.values())
        if shown and not self.isVisible():
            self.raise_()               # above any child the canvas got since
        self.setVisible(shown)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for part in self.parts:
            if not self._drawn.get(id(part), QRectF()).isEmpty():
                part.paint(painter)
        painter.end()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.canvas and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.canvas.rect())
            self.refresh_all()
        return False


def overlay_of(canvas: QWidget) -> MapOverlay:
    """The canvas's one overlay, made on first use: every map tool draws on it."""
    overlay = canvas.findChild(MapOverlay, "map_overlay")
    return overlay if overlay is not None else MapOverlay(canvas)
