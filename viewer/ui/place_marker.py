"""The marked place on the map: a search result (Ctrl+F) or a settlement clicked, drawn
as a ring with its name on the map overlay until the next click on the map, with a
dashed line to the nearest point of each visible layer it lies outside, and its length. A click on a
labelled settlement (its dot or name) picks it for the Place panel, and hovering one shows
its distances to the layers as a tooltip.

The name goes before every map label (label_layout.first_label: above the ring where
the decorations leave room, else below or beside it), and the map's labels give way to
the ring and the name (the canvas's ``label_keepouts``): they never overlap."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPainterPath
from PySide6.QtWidgets import QToolTip

from viewer.model.place_watch import PlaceWatch, WatchedPlace
from viewer.model.text import safe_line
from viewer.render import styles as st
from viewer.render.label_layout import first_label
from viewer.render.labels import label_layout
from viewer.render.language import format_km
from viewer.render.settings import LABELS, PLACES
from viewer.ui.map_overlay import MapOverlay, OverlayPart, pixel_of
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.qt_utils import ModelConnections

RING_R = 11.0
RING = "#d81b60"
PICK_PX = 7.0               # a click this near a labelled place's dot picks it
NAME_GAP = 4.0              # between the ring and the name
PAD_X, PAD_Y = 3.0, 2.0     # the map's labels keep this far from the name (as from theirs)


class PlaceMarker(QObject, OverlayPart):
    def __init__(self, canvas, overlay: MapOverlay, watch: PlaceWatch, distances):
        super().__init__(canvas)
        self.canvas, self.overlay, self.watch = canvas, overlay, watch
        self.distances = distances          # place_panel.Distances: .of(place), .tooltip(place)
        self.marked: WatchedPlace | None = None
        self.font = QFont(canvas.font())
        self.font.setBold(True)
        overlay.add(self)
        canvas.clicked.connect(self._on_click)
        canvas.click_handlers.append(self._pick)
        canvas.label_keepouts.append(self.keepouts)
        canvas.installEventFilter(self)
        self._conns = ModelConnections(self)
        for signal in (canvas.cursor_model.time_changed, canvas.cursor_model.highlight_changed,
                       canvas.display.changed):
            self._conns.connect(signal, self._on_time)

    def _on_time(self, *_) -> None:
        if self.marked is not None:
            self.overlay.refresh(self)

    def mark(self, place: WatchedPlace | None) -> None:
        self.marked = place
        self.overlay.refresh(self)
        self.canvas.update()        # the map's labels laid out again around it, or not

    def keepouts(self) -> tuple[QRectF, ...]:
        """Where the map's labels may not go: the ring and the name."""
        name = self._name()
        if name is None:
            return ()
        centre, _, text = name
        r = RING_R + 3
        return (text.adjusted(-PAD_X, -PAD_Y, PAD_X, PAD_Y),
                QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))

    def _on_click(self, _pos) -> None:
        """Any click on the map ends the mark (a click on a place marks that one anew)."""
        if self.marked is not None:
            self.mark(None)

    # -- places under the pointer --------------------------------------------------------
    def place_at(self, pos: QPointF) -> WatchedPlace | None:
        """The labelled place whose dot or name is under ``pos``."""
        canvas = self.canvas
        if canvas.scene is None:
            return None
        viewport, settings = canvas.viewport(), canvas.render_settings()
        if not (settings.shows(LABELS) and settings.shows(PLACES)):
            return None
        if self.marked is not None:         # its own dot is under the ring
            centre = pixel_of(canvas, self.marked.lon, self.marked.lat)
            if QLineF(pos, centre).length() <= RING_R:
                return self.marked
        reserved = canvas.label_reserved(viewport, settings)
        layout = label_layout(canvas.scene, viewport, settings, reserved)
        best, best_d = None, PICK_PX
        for (x, y, r, _), box, index in zip(layout.dots, layout.place_boxes, layout.placed):
            d = 0.0 if box.contains(pos) else QLineF(pos, QPointF(x, y)).length() - r
            if d <= best_d:
                best, best_d = index, d
        if best is None:
            return None
        place = canvas.scene.situation.places[best]
        return WatchedPlace(safe_line(place.name_in(settings.language), 120), place.lon,
                            place.lat, place.id)

    def _pick(self, pos: QPointF) -> bool:
        place = self.place_at(pos)
        if place is not None:
            self.watch.watch(place)
            self.mark(place)
        return False                        # a change under it is selected as well

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.canvas and event.type() == QEvent.Type.ToolTip and isinstance(
                event, QHelpEvent):
            place = self.place_at(QPointF(event.pos()))
            if place is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.distances.tooltip(place)),
                                  self.canvas)
            return True
        return False

    # -- drawing -------------------------------------------------------------------------
    def _name(self) -> tuple[QPointF, QPointF, QRectF] | None:
        """The ring's centre and the name's baseline and box (they depend on the view
        only: the labels laid out around them are not laid out again at a time step)."""
        canvas = self.canvas
        if self.marked is None or canvas.scene is None:
            return None
        centre = pixel_of(canvas, self.marked.lon, self.marked.lat)
        viewport = canvas.viewport()
        decorations = canvas.decoration_pixmaps.reserved(canvas.scene, viewport,
                                                         canvas.render_settings())
        baseline, text = first_label(centre.x(), centre.y(), RING_R + NAME_GAP,
                                     self.marked.name, self.font,
                                     viewport.rect.adjusted(4, 4, -4, -4), decorations)
        return centre, baseline, text

    def _geometry(self) -> tuple[QPointF, QPointF, QRectF,
                                 list[tuple[QPointF, QRectF, str]]] | None:
        """``_name``, and each line's far end, label box and text."""
        name = self._name()
        if name is None:
            return None
        centre, baseline, text = name
        metrics = QFontMetricsF(self.font)
        h = metrics.height()
        hidden = self.canvas.display.hidden
        lines = []
        for d in self.distances.of(self.marked):
            if d.nearest is None or d.layer_id in hidden:
                continue
            end = pixel_of(self.canvas, *d.nearest)
            label = format_km(d.km, 1)
            lw = metrics.horizontalAdvance(label) + 6
            mid = (centre + end) / 2
            lines.append((end, QRectF(mid.x() - lw / 2, mid.y() - h / 2 - 1, lw, h + 2), label))
        return centre, baseline, text, lines

    def bounds(self) -> QRectF:
        shape = self._geometry()
        if shape is None:
            return QRectF()
        centre, _, text, lines = shape
        ring = QRectF(centre.x() - RING_R - 3, centre.y() - RING_R - 3, 2 * RING_R + 6,
                      2 * RING_R + 6)
        rect = ring.united(text.adjusted(-3, -3, 3, 3))
        for end, label, _ in lines:
            rect = rect.united(QRectF(centre, end).normalized().adjusted(-4, -4, 4, 4))
            rect = rect.united(label)
        return rect

    def paint(self, painter: QPainter) -> None:
        shape = self._geometry()
        if shape is None:
            return
        centre, baseline, _, lines = shape
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        dashed = st.pen(RING, 1.6)
        dashed.setStyle(Qt.PenStyle.DashLine)
        for end, label, km in lines:
            painter.setPen(st.pen(st.HALO, 3.5))
            painter.drawLine(centre, end)
            painter.setPen(dashed)
            painter.drawLine(centre, end)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(RING))
            painter.drawEllipse(end, 2.5, 2.5)
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRoundedRect(label, 3, 3)
            painter.setPen(QColor(RING))
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, km)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(st.pen(st.HALO, 5.0))
        painter.drawEllipse(centre, RING_R, RING_R)
        painter.setPen(st.pen(RING, 2.5))
        painter.drawEllipse(centre, RING_R, RING_R)
        path = QPainterPath()
        path.addText(baseline, self.font, self.marked.name)
        painter.setPen(st.pen(st.HALO, 3.5))
        painter.drawPath(path)
        painter.fillPath(path, QColor(RING))
        painter.restore()
