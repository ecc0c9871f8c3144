"""File ▸ Open on a file that is not a situation file (GeoJSON, KML/KMZ, Shapefile, a
GeoPackage of someone else's): the import options in a dialog, the same ones
``situation-viewer import`` takes (layer name, kind, regions, settlements, context layers:
viewer.ui.context_picker), all going to the one ``import_to_file``."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QWidget)

from viewer.importing.pipeline import ImportOptions
from viewer.model.text import safe_line
from viewer.render.language import fill, translate
from viewer.ui.context_picker import ContextPicker

KINDS = ("", "assessed-control", "assessed-advance", "claimed", "incursion", "contested")
BUILTIN_REGIONS = "builtin:ukraine-oblasts"
BUILTIN_PLACES = "builtin:ukraine-settlements"
FOREIGN_SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp", ".gpkg")


class ImportDialog(QDialog):
    """The options for importing ``path``; ``options()`` once accepted."""

    def __init__(self, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(translate("Import", "Import as a Situation"))
        form = QFormLayout(self)
        intro = QLabel()
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setText(fill(translate("Import", "%1 is not a situation file. Import it as a "
                                               "layer of a new, unsaved situation:"),
                           safe_line(self.path.name, 120)))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.layer = QLineEdit(_default_name(self.path))
        form.addRow(translate("Import", "Layer name:"), self.layer)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind or translate("Import", "as detected (snapshots: "
                                                          "assessed-control, timestamped: "
                                                          "incursion)"), kind)
        form.addRow(translate("Import", "Kind:"), self.kind)
        self.regions = QComboBox()
        self.regions.addItem(translate("Import", "none"), None)
        self.regions.addItem(translate("Import", "Ukraine's oblasts (built in)"), BUILTIN_REGIONS)
        form.addRow(translate("Import", "Regions:"), self.regions)
        self.places = QCheckBox(translate("Import", "add towns and cities (GeoNames, built in)"))
        form.addRow(translate("Import", "Settlements:"), self.places)
        self.context = ContextPicker()
        form.addRow(translate("Import", "Context:"), self.context)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Import", "Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def regions_spec(self) -> str | None:
        return self.regions.currentData()

    def options(self) -> ImportOptions:
        """The ImportOptions the dialog's fields make."""
        return ImportOptions([os.fspath(self.path)], layer=self.layer.text().strip() or None,
                             kind=self.kind.currentData() or None)

    def arguments(self) -> dict:
        """The rest of ``import_to_file``'s arguments: regions, settlements, context."""
        return {"regions_spec": self.regions_spec(),
                "places_spec": BUILTIN_PLACES if self.places.isChecked() else "none",
                "context": self.context.specs()}


def _default_name(path: Path) -> str:
    name = re.sub(r"\d{4}-?\d{2}-?\d{2}", "", path.stem).strip(" _-.")
    return name.replace("_", " ") or "Imported"
