"""The layers panel: visibility, legend swatch, opacity and current area of each layer,
plus the context layers (rivers, roads...), regions, places, neighbouring countries and
labels as switchable layers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QLabel, QScrollArea, QSizePolicy,
                               QSpinBox, QVBoxLayout, QWidget)

from viewer.analysis.areas import Areas
from viewer.model import Situation, Style
from viewer.model.cursor import TimeCursor
from viewer.model.context import ContextFeature
from viewer.model.display import DisplayOptions
from viewer.model.text import LINE_LIMIT, safe_block, safe_line
from viewer.render.context_draw import LOOK
from viewer.render.language import QT_TRANSLATE_NOOP, format_km2, translate
from viewer.render.settings import context_layer_key
from viewer.ui.plain_text import plain_label, plain_tooltip
from viewer.ui.qt_utils import ModelConnections, SightGate, blocked, format_time
from viewer.ui.steady_text import SteadyText

# key: (label, default opacity or None when the row has no opacity, swatch style)
OVERLAYS = {
    "regions": (QT_TRANSLATE_NOOP("Layers", "Regions"), 1.0, Style("#ffffff", 1.0, outline="#333333")),
    "places": (QT_TRANSLATE_NOOP("Layers", "Places"), None, None),
    "context": (QT_TRANSLATE_NOOP("Layers", "Neighbouring countries"), 1.0, Style("#d9d9d9", 1.0, outline="#8c8c8c")),
    "labels": (QT_TRANSLATE_NOOP("Layers", "Labels"), None, None),
}
SWATCH = 18
BUILTIN_RIVERS = QT_TRANSLATE_NOOP("Layers", "Rivers and lakes")   # builtin:rivers's row
BUILTIN_ID = "builtin-rivers/"          # its features' ids (viewer.importing.builtin_rivers)


def swatch(style: Style | None, text: str = "") -> QPixmap:
    """A legend square: the style's fill (hatched for hatch styles) and outline; a dot for
    places (``style=None``), or ``text`` (for labels)."""
    pm = QPixmap(SWATCH, SWATCH)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1.5, 1.5, SWATCH - 3, SWATCH - 3)
    if text:
        p.setPen(QColor("#333333"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    elif style is None:
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(QColor("#222222"))
        p.drawEllipse(rect.center(), 4.0, 4.0)
    else:
        fill = QColor(style.color)
        outline = QColor(style.outline) if style.outline else fill.darker(150)
        if style.hatch:
            light = QColor(fill)
            light.setAlphaF(0.25)
            p.fillRect(rect, light)
            p.fillRect(rect, QBrush(fill, Qt.BrushStyle.BDiagPattern))
        else:
            fill.setAlphaF(max(style.opacity, 0.35))
            p.fillRect(rect, fill)
        p.setPen(QPen(outline, 1.5))
        p.drawRect(rect)
    p.end()
    return pm


def steady(label: QLabel, parent: QWidget) -> SteadyText:
    """``label`` in a holder that lays the panel out again only when a new text needs
    other room, filling its own background: a new date or area then repaints the label
    alone. As plain labels, each step's texts had the panel's grid laid out twice and
    repainted behind them."""
    label.setAutoFillBackground(True)
    return SteadyText(label, parent)


class LayerRow(QObject):
    """The widgets of one row and their binding to one DisplayOptions key. Layers get a
    second line under their name for their area; overlays are one line."""

    def __init__(self, grid: QGridLayout, row: int, key: str, name: str, pixmap: QPixmap,
                 default_opacity: float | None, display: DisplayOptions,
                 with_area: bool = False, tip: str = ""):
        host = grid.parentWidget()
        super().__init__(host)
        self.key, self.display, self.default = key, display, default_opacity
        span = 2 if with_area else 1
        name = safe_line(name, 120)
        self.check = QCheckBox(host)
        self.check.setToolTip(plain_tooltip(translate("Layers", "Show %1").replace("%1", name)))
        self.check.toggled.connect(self._on_check)
        self.swatch = QLabel(host)
        self.swatch.setPixmap(pixmap)
        self.name = plain_label(name, host)
        self.name.setToolTip(plain_tooltip(safe_block(tip, LINE_LIMIT) or name))
        self.name.setWordWrap(True)
        self.name.setMinimumWidth(60)
        grid.addWidget(self.check, row, 0, span, 1)
        grid.addWidget(self.swatch, row, 1, span, 1)
        grid.addWidget(self.name, row, 2)
        self.area: QLabel | None = None
        if with_area:
            self.area = QLabel(host)
            self.area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.area.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._area_room = steady(self.area, host)
            grid.addWidget(self._area_room, row + 1, 2)
        self.opacity: QSpinBox | None = None
        if default_opacity is not None:
            self.opacity = QSpinBox(host)
            self.opacity.setRange(0, 100)
            self.opacity.setSuffix(" %")
            self.opacity.setToolTip(plain_tooltip(translate("Layers", "Opacity of %1").replace("%1", name)))
            self.opacity.valueChanged.connect(self._on_opacity)
            grid.addWidget(self.opacity, row, 3, span, 1)
        self.refresh()

    def refresh(self) -> None:
        with blocked(self.check):
            self.check.setChecked(self.display.is_visible(self.key))
        if self.opacity is not None:
            with blocked(self.opacity):
                self.opacity.setValue(round(100 * self.display.opacity(self.key, self.default)))

    def set_area(self, text: str) -> bool:
        """Shows ``text`` as the area; True if the row has grown for it. The row is never
        narrower than the widest area it has shown (none is cut off), so a step to a
        shorter one lays nothing out."""
        self._area_room.set_text(text)
        width = self.area.fontMetrics().horizontalAdvance(text)
        if width <= self._area_room.minimumWidth():
            return False
        self._area_room.setMinimumWidth(width)
        return True

    def _on_check(self, checked: bool) -> None:
        self.display.set_visible(self.key, checked)

    def _on_opacity(self, percent: int) -> None:
        self.display.set_opacity(self.key, percent / 100)


class LayersPanel(QWidget):
    def __init__(self, situation: Situation | None, display: DisplayOptions, cursor: TimeCursor,
                 areas: Areas | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.display, self.cursor = display, cursor
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.rows: dict[str, LayerRow] = {}
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(display.changed, self._on_display)
        self.set_situation(situation, areas)

    def set_situation(self, situation: Situation | None, areas: Areas | None) -> None:
        self.situation, self.areas = situation, areas
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setColumnStretch(2, 1)
        self.area_header = QLabel(body)
        self.area_header.setWordWrap(True)
        self._header_room = steady(self.area_header, body)
        grid.addWidget(self._header_room, 0, 0, 1, 3)
        grid.addWidget(QLabel(translate("Layers", "Opacity"), body), 0, 3)
        self.rows = {}
        row = 1
        for layer in situation.layers if situation is not None else []:
            self.rows[layer.id] = LayerRow(grid, row, layer.id, layer.name, swatch(layer.style),
                                           layer.style.opacity, self.display, True,
                                           layer.description)
            row += 2
        for name, style, builtin in _context_layers(situation):
            key = context_layer_key(name)
            label = translate("Layers", BUILTIN_RIVERS) if builtin else name
            self.rows[key] = LayerRow(grid, row, key, label, swatch(style), None, self.display)
            row += 1
        for key, (name, default, style) in OVERLAYS.items():
            pm = swatch(style, "Aa" if key == "labels" else "")
            self.rows[key] = LayerRow(grid, row, key, translate("Layers", name), pm, default,
                                      self.display)
            row += 1
        grid.setRowStretch(row, 1)
        self.scroll.setWidget(body)        # deletes the previous body and its rows
        # Out of sight (dock closed, another tab in front) a step sets no text (0.4 ms
        # on DeepState): done when shown again. Asked of the body: the panel, scroll
        # area and viewport are each covered by an opaque child (no visible region).
        self._sight = SightGate(body, self._show_time)
        self._on_time(self.cursor.time)
        self._fit_width()

    def _fit_width(self) -> None:
        """Never narrower than a row (its name wraps; the opacity box and the area are
        never cut off)."""
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(min(self.scroll.widget().minimumSizeHint().width() + bar,
                                        320))

    def area_text(self, layer_id: str) -> str:
        area = self.rows[layer_id].area
        return area.text() if area is not None else ""

    def _on_time(self, _t: datetime) -> None:
        self._sight.request()

    def showEvent(self, event) -> None:         # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.set_shown(True)

    def set_shown(self, shown: bool) -> None:
        """Catch up with the time when shown again (a dock reopened, its tab raised)."""
        self._sight.shown(shown)

    def _show_time(self) -> None:
        t = self.cursor.time
        self._header_room.set_text(translate("Layers", "Area on %1").replace("%1", format_time(t)))
        if self.situation is None or self.areas is None:
            return
        wider = [self.rows[layer.id].set_area(format_km2(self.areas.state_km2(layer.id, t)))
                 for layer in self.situation.layers]
        if any(wider):
            self._fit_width()

    def _on_display(self, key: str) -> None:
        if key in self.rows:
            self.rows[key].refresh()


def _context_layers(situation: Situation | None) -> list[tuple[str, Style, bool]]:
    """Each context layer's name, a swatch style (its first feature's look) and whether
    it is the built-in rivers (named in the interface's language)."""
    if situation is None:
        return []
    first: dict[str, ContextFeature] = {}
    for f in situation.context:
        first.setdefault(f.layer, f)
    return [(name, Style(LOOK[f.style][0], 1.0, outline=LOOK[f.style][1]),
             f.id.startswith(BUILTIN_ID)) for name, f in first.items()]

