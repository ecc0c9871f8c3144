"""The context layers of an import in the window's import dialog: the built-in rivers and
lakes (on by default, as ``import`` does) and any number of files of rivers, water,
roads or railways, each with the style it is drawn in (or guessed from its tags), the
same as ``situation-viewer import --context FILE[:NAME] --context-style STYLE``.

A file is added by typing or browsing its path, choosing the style and pressing Add; it
is checked (it exists) when added and read only by the import itself."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from viewer.importing.context import BUILTIN, ContextSpec
from viewer.model.text import safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate

# (style, what the user reads); None: guessed per feature from its attributes
STYLE_CHOICES = ((None, QT_TRANSLATE_NOOP("Import", "as tagged (OpenStreetMap, Natural Earth)")),
                 ("river", QT_TRANSLATE_NOOP("Import", "rivers")),
                 ("water", QT_TRANSLATE_NOOP("Import", "water (lakes, reservoirs)")),
                 ("road", QT_TRANSLATE_NOOP("Import", "roads")),
                 ("rail", QT_TRANSLATE_NOOP("Import", "railways")),
                 ("other", QT_TRANSLATE_NOOP("Import", "other lines and areas")))
FILE_FILTER = QT_TRANSLATE_NOOP("Import", "Lines and areas (*.geojson *.json *.gpkg *.shp)")


class ContextPicker(QWidget):
    """``specs()``: the ContextSpecs chosen, in the order added (built-in rivers first)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._chosen: list[ContextSpec] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.builtin = QCheckBox(translate("Import", "rivers and lakes (GSHHG, built in)"))
        self.builtin.setChecked(True)
        box.addWidget(self.builtin)
        self.files = QListWidget()
        self.files.setObjectName("context_files")
        self.files.setMaximumHeight(90)
        box.addWidget(self.files)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("context_path")
        self.path.setPlaceholderText(translate("Import", "a file of lines or areas"))
        self.path.returnPressed.connect(self.add_typed)
        row.addWidget(self.path, 1)
        self.browse = QPushButton(translate("Import", "Browse…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.browse)
        box.addLayout(row)
        row = QHBoxLayout()
        self.style = QComboBox()
        self.style.setObjectName("context_style")
        for style, label in STYLE_CHOICES:
            self.style.addItem(translate("Import", label), style)
        row.addWidget(QLabel(translate("Import", "Drawn as:")))
        row.addWidget(self.style, 1)
        self.add = QPushButton(translate("Import", "Add"))
        self.add.setObjectName("context_add")
        self.add.setAutoDefault(False)
        self.add.clicked.connect(self.add_typed)
        row.addWidget(self.add)
        self.remove = QPushButton(translate("Import", "Remove"))
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(self._remove)
        row.addWidget(self.remove)
        box.addLayout(row)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        box.addWidget(self.problem)

    def specs(self) -> list[ContextSpec]:
        builtin = [ContextSpec(BUILTIN, "rivers")] if self.builtin.isChecked() else []
        return builtin + list(self._chosen)

    def add_typed(self) -> None:
        """Add the file in the path field with the style chosen (an absent file is said
        below the fields and not added)."""
        text = self.path.text().strip()
        if not text:
            return
        path = Path(os.path.expanduser(text))
        if not path.is_file():
            self.problem.setText(fill(translate("Import", "No such file: %1"),
                                      safe_line(text, 200)))
            self.problem.show()
            return
        self.problem.hide()
        spec = ContextSpec(os.fspath(path), path.stem or "context", self.style.currentData())
        self._chosen.append(spec)
        item = QListWidgetItem(fill(translate("Import", "%1 — %2"), safe_line(path.name, 120),
                                    self.style.currentText()))
        item.setToolTip(safe_line(os.fspath(path), 400))
        self.files.addItem(item)
        self.path.clear()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, translate("Import", "Context File"), "",
                                                translate("Import", FILE_FILTER))
        if chosen:
            self.path.setText(chosen)
            self.add_typed()

    def _remove(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
            del self._chosen[row]
