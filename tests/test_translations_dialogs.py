"""The Ukrainian window walk, continued (tests/test_translations.py): the editing dialogs
(add/edit report, the refused edit, delete report, Save / Discard / Cancel on close, the
recovery offer), the import dialog, and the reasons a bad file is refused, in the window
and on the command line, each free of English but for names and the allowlist."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QWidget)

from test_translations import english_words
from ui_helpers import isolate_settings, open_window
from viewer.io.situation_file import read_situation, write_situation
from viewer.io.situation_file.schema import TABLES
from viewer.resources import sample_path

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")
# the file's own vocabulary a reason may quote: table and column names, the layer kinds
IDENTIFIERS = set(TABLES) | {"situation_meta", "fid", "highlight_days", "format_version",
                             "'many'", "9.0"} | {
    column.split()[0] for spec in TABLES.values() for column in spec[1].split(",")}
KINDS = {"assessed-control", "assessed-advance", "claimed", "incursion", "contested"}
# Latin the dialogs may show besides tests/test_translations.py's ALLOWED: the Admiralty
# grade letters, the example source and language codes of placeholders (Qt's "OK" is
# "Гаразд": viewer/render/language.py QT_OWN_WORDS)
DIALOG_ALLOWED = {"A", "B", "C", "D", "E", "F", "ISW", "en", "uk",
                  "GeoNames",                    # the settlements' source, a name
                  "GSHHG",                       # the built-in rivers' source, a name
                  "OpenStreetMap", "Natural", "Earth"}   # whose tags guess a style: names


@pytest.fixture
def ukrainian(qapp):
    from viewer.render.language import install_language
    install_language("uk")
    yield
    install_language("en")


def dialog_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of a dialog: title, message, labels, buttons, placeholders, combo
    entries and tooltips."""
    out = [("title", widget.windowTitle())]
    if isinstance(widget, QMessageBox):
        out += [("text", widget.text()), ("informative", widget.informativeText())]
    for w in widget.findChildren(QWidget):
        name = type(w).__name__
        out.append((name + " tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((name + " placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
    return [(where, text) for where, text in out if text]


def english_in(texts, data=frozenset()) -> list[tuple[str, str]]:
    names = {d for d in data if len(d) >= 3} | KINDS       # ("" would match everywhere)
    return [(where, text) for where, text in texts
            if set(english_words(text, names)) - DIALOG_ALLOWED]


def walk_next_modal(button=None) -> list[list[tuple[str, str]]]:
    """The texts of the next modal dialog shown, then ``button`` clicked on it (a
    QMessageBox) or the dialog rejected; the list gets them once it was shown."""
    seen: list = []

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog_texts(box))
        if button is not None and isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            box.reject()
    QTimer.singleShot(0, look)
    return seen


def test_the_editing_and_import_dialogs_in_ukrainian_show_no_english(
        ukrainian, qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "two.gpkg"
    situation = read_situation(sample_path())
    write_situation(situation, path)
    window = open_window(qtbot, read_situation(path))
    window.loaded.path = path
    data = {situation.meta.title, path.name, str(path)}
    walked: dict[str, list] = {}
    try:
        walk_editing(window, situation, path, tmp_path, walked, data)
    finally:
        window.edits.stack.setClean()             # no Save / Discard / Cancel at teardown
    for name, texts in walked.items():
        assert any(CYRILLIC.search(t) for _, t in texts), name
        assert english_in(texts, data) == [], (name, english_in(texts, data))
    buttons = {t for _, t in walked["close"]}
    assert {"Зберегти", "Скасувати"} <= buttons, buttons          # Qt's own qtbase_uk
    window.close()


def walk_editing(window, situation, path, tmp_path, walked, data) -> None:
    """Open each editing dialog and the import dialog, keeping their texts in ``walked``."""
    from dataclasses import replace

    from viewer.model.edits import AddReport
    from viewer.ui.report_dialog import ReportDialog

    window.edit_actions.add_report.trigger()                     # Add Report
    dialog = window.findChild(ReportDialog)
    dialog.url.setText(situation.reports[0].url)                 # "already the report …"
    walked["add report"] = dialog_texts(dialog)
    data |= {situation.reports[0].title, situation.reports[0].source}
    dialog.reject()
    report = situation.reports[0]
    seen = walk_next_modal(QMessageBox.StandardButton.Ok)        # a refused edit
    assert not window.edits.perform(AddReport(report))
    walked["refused edit"] = seen[0]
    assert any(report.id in text for _, text in seen[0])
    data.add(repr(report.id))

    window.edits.active_report = report.id
    seen = walk_next_modal(QMessageBox.StandardButton.No)        # Delete report?
    window.edit_actions.delete_active_report()
    walked["delete report"] = seen[0]

    edit = window.edit_actions.ask_edit_report()                 # Edit Report
    walked["edit report"] = dialog_texts(edit)
    data |= {report.summary, report.title, report.source, report.url, report.language}
    edit.reject()

    window.edits.perform(AddReport(replace(report, id="new-1")))  # unsaved now
    seen = walk_next_modal(QMessageBox.StandardButton.Cancel)     # Save / Discard / Cancel
    window.close()
    walked["close"] = seen[0]
    assert window.isVisible()

    window.edits.recovery.write(window.situation, path)           # the recovery offer
    seen = walk_next_modal(QMessageBox.StandardButton.No)
    window.edits.offer_recovery()
    walked["recovery"] = seen[0]

    geojson = tmp_path / "front_20250613.geojson"
    geojson.write_text('{"type": "FeatureCollection", "features": []}')
    importing = window.files.ask_import(geojson)                  # the import dialog
    walked["import"] = dialog_texts(importing)
    data |= {geojson.name, "front"}
    importing.reject()



def bad_files(tmp_path: Path) -> dict[str, Path]:
    """Files a user may be sent: not SQLite, cut short, a GeoPackage that is no situation,
    a situation with a bad cell, one from a newer viewer, and one that is not there."""
    files = {"text": tmp_path / "notes.gpkg", "cut": tmp_path / "cut.gpkg",
             "cell": tmp_path / "cell.gpkg", "newer": tmp_path / "newer.gpkg",
             "missing": tmp_path / "missing.gpkg"}
    files["text"].write_text("hello, this is not a database at all\n" * 40)
    data = sample_path().read_bytes()
    files["cut"].write_bytes(data[:len(data) // 2])
    for name, key, value in (("cell", "highlight_days", "many"),
                             ("newer", "format_version", "9.0")):
        files[name].write_bytes(data)
        with sqlite3.connect(files[name]) as conn:
            conn.execute("DELETE FROM situation_meta WHERE key = ?", (key,))
            conn.execute("INSERT INTO situation_meta (key, value) VALUES (?, ?)", (key, value))
        conn.close()
    return files


def test_a_bad_file_opened_in_the_ukrainian_window_is_said_in_ukrainian(
        ukrainian, qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    for kind, path in bad_files(tmp_path).items():
        seen = walk_next_modal(QMessageBox.StandardButton.Ok)
        with qtbot.waitSignal(window.files.load_failed, timeout=20000):
            window.files.open_file(path)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        text = dict(seen[0])["text"]
        assert text.startswith(f"{path}: ") and CYRILLIC.search(text), (kind, text)
        assert english_words(text, {str(path)} | IDENTIFIERS) == [], (kind, text)
        assert dict(seen[0])["title"] == "Не вдається відкрити файл"
    window.close()


def cli(*args, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "viewer", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_cli_says_a_bad_file_in_the_language_of_lang_or_its_option(tmp_path):
    files = bad_files(tmp_path)
    for kind, path in files.items():
        done = cli("info", path, lang="uk_UA.UTF-8")
        assert done.returncode == 2 and done.stdout == ""
        line = done.stderr.strip()
        assert line.startswith(f"situation-viewer: помилка: {path}: "), line
        assert english_words(line.replace("situation-viewer", ""),
                             {str(path)} | IDENTIFIERS) == [], line
        english = cli("info", path, lang="C.UTF-8").stderr
        assert english.startswith(f"situation-viewer: error: {path}: ")
        assert not CYRILLIC.search(english)
    out = tmp_path / "map.png"
    done = cli("render", files["cut"], "--at", "2025-06-13", "--lang", "uk", "-o", out,
               lang="C.UTF-8")                              # --lang wins over LANG
    assert done.returncode == 2 and "помилка:" in done.stderr and "обрізаний" in done.stderr
