"""File ▸ Export Image…: where to, which format, what size, and the title on the image."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget)

from viewer.model.text import safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui.plain_text import plain_label
from viewer.ui.qt_utils import format_day

FORMATS = ((QT_TRANSLATE_NOOP("Export", "PNG image"), ".png"),
           (QT_TRANSLATE_NOOP("Export", "SVG drawing"), ".svg"),
           (QT_TRANSLATE_NOOP("Export", "PDF document"), ".pdf"))
PRESETS = (("Full HD", 1920, 1080), ("4K UHD", 3840, 2160))
MAX_SIDE = 16000


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "map"


class ExportDialog(QDialog):
    """Asks for a path, a format, a size and a title; read ``path``, ``image_size`` and
    ``title`` after ``exec()`` returns Accepted."""

    def __init__(self, canvas_size: QSize, device_pixel_ratio: float, title: str,
                 at: datetime, directory: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export Image"))
        self._window_size = (max(1, round(canvas_size.width() * device_pixel_ratio)),
                             max(1, round(canvas_size.height() * device_pixel_ratio)))
        self.path_edit = QLineEdit(str(Path(directory) / f"{slug(title)}-{at:%Y-%m-%d}.png"), self)
        browse = QPushButton(translate("Export", "Browse…"), self)
        browse.clicked.connect(self._browse)
        self.format_box = QComboBox(self)
        for name, suffix in FORMATS:
            self.format_box.addItem(f"{translate('Export', name)} ({suffix})", suffix)
        self.format_box.currentIndexChanged.connect(self._format_chosen)
        self.size_box = QComboBox(self)
        w, h = self._window_size
        self.size_box.addItem(fill(translate("Export", "As on screen (%1 × %2)"), w, h), (w, h))
        for name, pw, ph in PRESETS:
            self.size_box.addItem(f"{name} ({pw} × {ph})", (pw, ph))
        self.size_box.addItem(translate("Export", "Custom"), None)
        self.size_box.currentIndexChanged.connect(self._size_chosen)
        self.width_box, self.height_box = self._side(w), self._side(h)
        self.title_edit = QLineEdit(safe_line(title), self)
        note = plain_label(fill(translate("Export", "The image shows the current view on %1, "
                                                    "with the title, the date, a legend, a scale "
                                                    "bar and the attribution."), format_day(at)),
                           self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Export", "Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(self._path_edited)

        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(translate("Export", "File:"), row)
        form.addRow(translate("Export", "Format:"), self.format_box)
        form.addRow(translate("Export", "Size:"), self.size_box)
        sides = QHBoxLayout()
        sides.addWidget(self.width_box)
        sides.addWidget(QLabel("×", self))
        sides.addWidget(self.height_box)
        sides.addStretch(1)
        form.addRow("", sides)
        form.addRow(translate("Export", "Title:"), self.title_edit)
        form.addRow(note)
        form.addRow(buttons)
        self._size_chosen(0)
        self.resize(560, self.sizeHint().height())

    def _side(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(16, MAX_SIDE)
        box.setSuffix(" px")
        box.setValue(value)
        return box

    # -- results -------------------------------------------------------------------------
    @property
    def path(self) -> str:
        return self.path_edit.text().strip()

    @property
    def image_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()

    @property
    def title(self) -> str:
        return self.title_edit.text().strip()

    def accept(self) -> None:
        if not self.path:
            self.path_edit.setFocus()
            return
        if Path(self.path).suffix.lower() not in {suffix for _, suffix in FORMATS}:
            self.path_edit.setText(self.path + self.format_box.currentData())
        super().accept()

    # -- reactions -----------------------------------------------------------------------
    def _size_chosen(self, index: int) -> None:
        size = self.size_box.itemData(index)
        custom = size is None
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            self.width_box.setValue(size[0])
            self.height_box.setValue(size[1])

    def _format_chosen(self, index: int) -> None:
        suffix = self.format_box.itemData(index)
        path = Path(self.path) if self.path else Path("map")
        if path.suffix.lower() != suffix:
            self.path_edit.setText(str(path.with_suffix(suffix)))

    def _path_edited(self, text: str) -> None:
        suffix = Path(text.strip()).suffix.lower()
        index = self.format_box.findData(suffix)
        if index >= 0 and index != self.format_box.currentIndex():
            self.format_box.setCurrentIndex(index)

    def _browse(self) -> None:
        filters = ";;".join(f"{translate('Export', name)} (*{suffix})" for name, suffix in FORMATS)
        current = FORMATS[self.format_box.currentIndex()]
        path, _ = QFileDialog.getSaveFileName(self, translate("Export", "Export Image"), self.path, filters,
                                              f"{translate('Export', current[0])} (*{current[1]})")
        if path:
            self.path_edit.setText(path)
