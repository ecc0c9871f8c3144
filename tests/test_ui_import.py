"""File ▸ Open on a file that is not a situation file: the import dialog, then the result
as an unsaved situation."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
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


def test_the_import_dialog_adds_a_context_file_that_gdal_reads_back(qtbot, monkeypatch, tmp_path):
    """Context layers from the window's import dialog, as ``import --context FILE``: a
    roads file typed into the dialog's path field, drawn as roads, added with the Add
    button; after Import and Save, GDAL lists the context_features table with its lines."""
    import pyogrio
    import shapely
    isolate_settings(monkeypatch, tmp_path)
    from viewer.ui import plain_text
    monkeypatch.setattr(plain_text.QMessageBox, "exec",
                        lambda box: pytest.fail(f"error dialog: {box.text()}"))
    source = tmp_path / "front.geojson"
    _series(source)
    roads = tmp_path / "roads.geojson"
    lines = [[(36.05, 47.6), (36.45, 47.9)], [(36.1, 47.95), (36.4, 47.55), (36.45, 47.5)]]
    roads.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"H{n}"},
         "geometry": {"type": "LineString", "coordinates": line}}
        for n, line in enumerate(lines)]}))
    window = open_window(qtbot)
    window.files.open_file(source)
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None
                    and window.findChild(ImportDialog).isVisible(), timeout=20000)
    dialog = window.findChild(ImportDialog)
    picker = dialog.context
    qtbot.mouseClick(picker.builtin, Qt.MouseButton.LeftButton,       # on its box: no
                     pos=QPoint(6, picker.builtin.height() // 2))     # built-in rivers
    assert not picker.builtin.isChecked()
    qtbot.keyClicks(picker.path, str(tmp_path / "missing.geojson"))
    qtbot.mouseClick(picker.add, Qt.MouseButton.LeftButton)
    assert picker.files.count() == 0 and "No such file" in picker.problem.text()
    picker.path.clear()
    qtbot.keyClicks(picker.path, str(roads))
    picker.style.setFocus()
    while picker.style.currentData() != "road":                       # as a user: arrow keys
        qtbot.keyClick(picker.style, Qt.Key.Key_Down)
    qtbot.mouseClick(picker.add, Qt.MouseButton.LeftButton)
    assert picker.files.count() == 1 and "roads.geojson" in picker.files.item(0).text()
    assert picker.path.text() == ""
    with qtbot.waitSignal(window.situation_loaded, timeout=60000) as loaded:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    situation = loaded.args[0].situation
    assert {(f.layer, f.style) for f in situation.context} == {("roads", "road")}
    saved = tmp_path / "with-roads.gpkg"
    assert window.files.save_to(saved)
    assert "context_features" in {name for name, _ in pyogrio.list_layers(saved)}
    meta, _, geometry, fields = pyogrio.raw.read(saved, layer="context_features")
    names = list(meta["fields"])
    assert list(fields[names.index("style")]) == ["road", "road"]
    got = sorted(shapely.from_wkb(geometry), key=lambda g: g.length)
    expected = sorted((shapely.LineString(line) for line in lines), key=lambda g: g.length)
    assert [g.equals_exact(e, 1e-9) for g, e in zip(got, expected)] == [True, True]


def test_what_an_import_skipped_is_said_in_a_warnings_box(qtbot, monkeypatch, tmp_path):
    """A feature with no geometry is skipped, as the CLI says; the window says it too,
    naming the feature by its place in the file (its third)."""
    isolate_settings(monkeypatch, tmp_path)
    from PySide6.QtWidgets import QMessageBox
    source = tmp_path / "front.geojson"
    _series(source)
    collection = json.loads(source.read_text())
    collection["features"].append({"type": "Feature", "properties": {"date": "2025-06-07"},
                                   "geometry": None})
    source.write_text(json.dumps(collection))
    window = open_window(qtbot)
    window.files.open_file(source)
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None
                    and window.findChild(ImportDialog).isVisible(), timeout=20000)
    dialog = window.findChild(ImportDialog)
    with qtbot.waitSignal(window.situation_loaded, timeout=60000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "import_warnings") is not None)
    box = window.findChild(QMessageBox, "import_warnings")
    assert box.isVisible() and box.windowTitle() == "Imported with warnings"
    lines = box.text().splitlines()
    assert len(lines) == 1 and "no geometry" in lines[0] and "feature 3" in lines[0]
    assert "front.geojson" in lines[0]
    box.close()
