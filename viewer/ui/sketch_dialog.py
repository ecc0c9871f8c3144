"""What a closed sketch becomes: the layer (one of the situation's, or a new one with a
name, kind and style), the date (the time shown by default), add (a gain) or subtract
(a loss), and optionally a report backing it. Names from the file are plain text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QDateTimeEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QGroupBox,
                               QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout,
                               QWidget)
from shapely.geometry.base import BaseGeometry

from viewer.model import LAYER_KINDS, ROLES, Situation, Style
from viewer.model.edits.base import report_label
from viewer.model.geodesy import geodesic_area_km2
from viewer.model.style import default_style
from viewer.model.text import safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, format_km2, translate
from viewer.ui.plain_text import plain_label
from viewer.ui.report_dialog import TEXT_LIMIT
from viewer.ui.report_items import role_name

MIN_WIDTH = 420
NEW_LAYER = "\0new"         # the layer list's last entry
KIND_NAMES = {
    "assessed-control": QT_TRANSLATE_NOOP("Sketch", "assessed control"),
    "assessed-advance": QT_TRANSLATE_NOOP("Sketch", "assessed advance"),
    "claimed": QT_TRANSLATE_NOOP("Sketch", "claimed"),
    "incursion": QT_TRANSLATE_NOOP("Sketch", "incursion"),
    "contested": QT_TRANSLATE_NOOP("Sketch", "contested"),
}


@dataclass(frozen=True)
class SketchChoice:
    layer_id: str | None            # None: a new layer, with the three fields below
    new_name: str
    new_kind: str
    new_style: Style
    at: datetime
    op: str                         # "add" | "subtract"
    report_id: str | None
    role: str


class SketchDialog(QDialog):
    """After accept(): ``choice``."""

    def __init__(self, situation: Situation, area: BaseGeometry, repaired: bool,
                 at: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sketch_dialog")
        self.setWindowTitle(translate("Sketch", "Sketched Area"))
        self.setMinimumWidth(MIN_WIDTH)
        self.choice: SketchChoice | None = None
        self.area_label = plain_label(fill(translate("Sketch", "Area: %1 (geodesic)"),
                                           format_km2(geodesic_area_km2(area))), self)
        parts = len(getattr(area, "geoms", [area]))
        self.repair_label = plain_label(fill(translate(
            "Sketch", "The outline crossed itself, so it was repaired to the ground it "
                      "encloses (parts: %1)."), parts), self)
        self.repair_label.setObjectName("sketch_repaired")
        self.repair_label.setWordWrap(True)
        self.repair_label.setVisible(repaired)
        self.layer = QComboBox(self)
        for layer in situation.layers:
            self.layer.addItem(safe_line(layer.name, 80), layer.id)
        self.layer.addItem(translate("Sketch", "New layer…"), NEW_LAYER)
        self._new_layer_fields(situation)
        self.when = QDateTimeEdit(self)
        self.when.setTimeZone(QTimeZone.utc())
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp()),
                                                            QTimeZone.utc()))
        self.gain = QRadioButton(translate("Sketch", "&Add (a gain)"), self)
        self.loss = QRadioButton(translate("Sketch", "&Subtract (a loss)"), self)
        self.gain.setChecked(True)
        self.report = QComboBox(self)
        self.report.addItem(translate("Sketch", "none"), None)
        for r in situation.reports:
            self.report.addItem(safe_line(report_label(r), 80), r.id)
        self.role = QComboBox(self)
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self._layout()
        self.layer.currentIndexChanged.connect(self._on_layer)
        self.report.currentIndexChanged.connect(self._on_report)
        self._on_layer()
        self._on_report()

    def _new_layer_fields(self, situation: Situation) -> None:
        self.new_group = QGroupBox(translate("Sketch", "New layer"), self)
        self.new_name = QLineEdit(self.new_group)
        self.new_name.setMaxLength(TEXT_LIMIT)      # Qt's default keeps 32,767 characters
        self.new_name.setText(fill(translate("Sketch", "Sketch %1"), len(situation.layers) + 1))
        self.new_kind = QComboBox(self.new_group)
        for kind in LAYER_KINDS:
            self.new_kind.addItem(translate("Sketch", KIND_NAMES[kind]), kind)
        self.new_kind.setCurrentIndex(LAYER_KINDS.index("claimed"))
        self.colour = QPushButton(self.new_group)
        self.colour.setToolTip(translate("Sketch", "Choose the layer's fill colour"))
        self.colour.clicked.connect(self._choose_colour)
        self.opacity = QSpinBox(self.new_group)
        self.opacity.setRange(5, 100)
        self.opacity.setSingleStep(5)
        self.opacity.setSuffix("\u00a0%")
        self.hatch = QCheckBox(translate("Sketch", "Hatched"), self.new_group)
        self.new_kind.currentIndexChanged.connect(self._on_kind)
        form = QFormLayout(self.new_group)
        form.addRow(translate("Sketch", "&Name:"), self.new_name)
        form.addRow(translate("Sketch", "&Kind:"), self.new_kind)
        form.addRow(translate("Sketch", "&Colour:"), self.colour)
        form.addRow(translate("Sketch", "&Opacity:"), self.opacity)
        form.addRow("", self.hatch)
        self._on_kind()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.area_label)
        form.addRow(self.repair_label)
        form.addRow(translate("Sketch", "&Layer:"), self.layer)
        form.addRow(self.new_group)
        form.addRow(translate("Sketch", "&Date:"), self.when)
        form.addRow(translate("Sketch", "Effect:"), self.gain)
        form.addRow("", self.loss)
        form.addRow(translate("Sketch", "&Report:"), self.report)
        form.addRow(translate("Sketch", "R&ole:"), self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("Sketch", "Apply"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    # -- reactions ------------------------------------------------------------------------
    def _on_layer(self, *_) -> None:
        self.new_group.setVisible(self.layer.currentData() == NEW_LAYER)
        self.adjustSize()

    def _on_report(self, *_) -> None:
        self.role.setEnabled(self.report.currentData() is not None)

    def _on_kind(self, *_) -> None:
        style = default_style(self.new_kind.currentData())
        self._set_colour(style.color)
        self.opacity.setValue(round(style.opacity * 100))
        self.hatch.setChecked(style.hatch)

    def _set_colour(self, colour: str) -> None:
        self.colour_value = colour
        self.colour.setText(colour)
        self.colour.setStyleSheet(f"background-color: {colour};")

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour_value), self,
                                       translate("Sketch", "Layer Colour"))
        if chosen.isValid():
            self._set_colour(chosen.name())

    # -- the result -----------------------------------------------------------------------
    def accept(self) -> None:
        layer = self.layer.currentData()
        stamp = self.when.dateTime().toSecsSinceEpoch()
        style = Style(self.colour_value, self.opacity.value() / 100, self.hatch.isChecked())
        self.choice = SketchChoice(
            None if layer == NEW_LAYER else layer,
            self.new_name.text().strip() or translate("Sketch", "Sketch"),
            self.new_kind.currentData(), style,
            datetime.fromtimestamp(stamp, timezone.utc),
            "add" if self.gain.isChecked() else "subtract",
            self.report.currentData(), self.role.currentData())
        super().accept()
