"""File ▸ Open on a file that is not a situation file: the import dialog, then the result
as an unsaved situation."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from shapely.geometry import box, mapping

from ui_helpers import isolate_settings, open_window
from viewer.ui.import_dialog import ImportDialog


def _series(path) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"date": day}, "geometry": mapping(geom)}
        for day, geom in (("2025-06-01", box(36.0, 47.5, 36.5, 48.0)),
                          ("2025-06-05", box(36.0, 47.5, 36.3, 48.0)))]}))


@pytest.mark.parametrize("kind", ["geojson", "generic-gpkg"])
def test_opening_a_foreign_file_imports_it_through_the_dialog(qtbot, monkeypatch, tmp_path,
                                                              kind):
    isolate_settings(monkeypatch, tmp_path)
    from viewer.ui import plain_text
    monkeypatch.setattr(plain_text.QMessageBox, "exec",      # an error fails the test
                        lambda box: pytest.fail(f"error dialog: {box.text()}"))
    if kind == "geojson":
        source = tmp_path / "front.geojson"
        _series(source)
    else:                                       # as GDAL writes one: two dated areas
        from fuzz_seeds import generic_gpkg_seed
        source = generic_gpkg_seed(tmp_path)
    window = open_window(qtbot)
    window.files.open_file(source)
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None
                    and window.findChild(ImportDialog).isVisible(), timeout=20000)
    dialog = window.findChild(ImportDialog)
    dialog.layer.clear()
    qtbot.keyClicks(dialog.layer, "Front line")
    dialog.regions.setCurrentIndex(dialog.regions.findData("builtin:ukraine-oblasts"))
    dialog.places.setChecked(True)
    with qtbot.waitSignal(window.situation_loaded, timeout=60000) as loaded:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    situation = loaded.args[0].situation
    assert loaded.args[0].path is None and window.path is None        # unsaved
    assert [l.name for l in situation.layers] == ["Front line"]
    assert len(situation.own_regions) >= 24 and len(situation.places) > 10
    history = situation.layers[0].history      # one dated area per date: a snapshot series
    assert len(history.times) == 2 and len(history.changes) == 1
    assert "not saved" in window.windowTitle()
