"""Editing in the Ukrainian window: the report dialog (labels, buttons, placeholders,
the grades' meanings), the undo entry naming the edit, the unsaved-changes question and
the recovery offer show no English (test_translations' word check)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDialogButtonBox, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit)
from PySide6.QtCore import Qt

from test_translations import english_words, ukrainian  # noqa: F401 - a fixture
from test_ui_edit import bot, open_window  # noqa: F401 - a fixture
from ui_helpers import answer_next_box, isolate_settings
from viewer.io.situation_file import read_situation, write_situation
from factories import two_region_situation
from viewer.ui.report_dialog import ReportDialog


def dialog_texts(dialog) -> list[tuple[str, str]]:
    out = [("title", dialog.windowTitle())]
    for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        out += [(type(w).__name__, w.text()), (type(w).__name__ + " tip", w.toolTip())]
    for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit):
        out.append(("placeholder", w.placeholderText()))
    for combo in dialog.findChildren(QComboBox):
        # the Admiralty grade's letter stays Latin: "B — зазвичай надійне"
        out += [("item", re.sub(r"^[A-F] — ", "", combo.itemText(i)))
                for i in range(combo.count())]
    return out


def test_editing_speaks_ukrainian(ukrainian, bot, monkeypatch, tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "two.gpkg"
    write_situation(two_region_situation(), path)
    situation = read_situation(path)
    window = open_window(qtbot, situation)
    window.loaded.path = path
    # the source typed, and what stays Latin in Ukrainian too: a language code as the
    # example, and Qt's own OK button
    data = {"Agency Q", "en", "OK"}
    dialog = window.edit_actions.ask_add_report()
    texts = dialog_texts(dialog)
    assert any("Джерело" in t for _, t in texts)
    qtbot.keyClicks(dialog.source, "Agency Q")         # data: its words may be Latin
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    texts.append(("undo", window.edit_actions.undo.text()))
    seen = answer_next_box(QMessageBox.StandardButton.Cancel)
    window.close()
    texts += [("unsaved", t) for t in seen]
    assert seen and window.isVisible()
    window.edits.write_recovery()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(
        ("recovery", box.windowTitle() + " " + box.text())) or QMessageBox.StandardButton.No)
    window.edits.offer_recovery()
    assert texts[-1][0] == "recovery"
    found = [(where, text) for where, text in texts
             if english_words(text.replace(str(path), " "), data)]
    window.edits.stack.setClean()
    window.close()
    assert found == []
