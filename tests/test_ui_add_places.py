"""A situation without places: the status bar offers the built-in settlements within its
extent (no dialog); adding them is one undoable edit that Save writes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewer.importing.places import builtin_places
from viewer.io.situation_file import read_situation, write_situation
from viewer.resources import sample_path
from ui_helpers import isolate_settings, open_window


def test_add_the_settlements_undo_redo_and_save(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    bare = read_situation(sample_path())
    bare.places.clear()
    bare.meta.attributions = [a for a in bare.meta.attributions if "GeoNames" not in a]
    path = tmp_path / "bare.gpkg"
    write_situation(bare, path)
    w = open_window(qtbot, read_situation(path))
    w.loaded.path = path
    offer = w.map_tools.offer
    assert offer.button.isVisible() and offer.action.isEnabled()
    assert offer.action in w.menus["edit"].actions()
    # what should come: every built-in place in the regions' and layers' bounds, ±0.5°
    x0, y0, x1, y1 = (min(v) if i < 2 else max(v) for i, v in enumerate(zip(*(
        [r.geometry.bounds for r in bare.own_regions]
        + [p.geometry.bounds for layer in bare.layers for p in layer.history.pieces]))))
    x0, y0 = min(x0, x1), min(y0, y1)
    expected = {p.id for p in builtin_places()[0]
                if x0 - 0.5 <= p.lon <= x1 + 0.5 and y0 - 0.5 <= p.lat <= y1 + 0.5}
    assert len(expected) > 1000
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    assert {p.id for p in w.situation.places} == expected
    assert any("GeoNames" in a for a in w.situation.meta.attributions)
    assert w.isWindowModified() and not offer.button.isVisible()
    assert "save to keep them" in w.statusBar().currentMessage()
    assert len(w.canvas.scene.place_xy) == len(expected)       # the map has them to label
    w.finder.open()
    assert w.finder.choose("Pokrovsk")
    w.edits.stack.undo()
    assert w.situation.places == [] and offer.button.isVisible()
    assert not any("GeoNames" in a for a in w.situation.meta.attributions)
    assert len(w.canvas.scene.place_xy) == 0
    w.edits.stack.redo()
    assert len(w.situation.places) == len(expected)
    assert w.edits.save()
    assert not w.isWindowModified()
    assert {p.id for p in read_situation(path).places} == expected
    w.close()
