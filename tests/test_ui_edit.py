"""Editing in the real window: the report dialog, linking, undo, saving, the question on
close, and hostile text typed into the dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from factories import two_region_situation
from ui_helpers import answer_next_box, isolate_settings
from viewer.cli.main import main as cli_main
from viewer.io.situation_file import read_situation, write_situation
from viewer.ui.report_dialog import ReportDialog

TYPED = "<b>bold</b><img src=x onerror=alert(1)> <a href='http://x'>link</a> &amp; "
PASTED = "\u202eevil\u202c \x1b[31m red"      # bidi override, an escape sequence
HOSTILE = TYPED + PASTED


def _fill_dialog(qtbot, dialog: ReportDialog, source, title, url, summary, grade=("B", 2)):
    qtbot.keyClicks(dialog.source, source)
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.keyClicks(dialog.url, url)
    qtbot.keyClicks(dialog.summary, summary)
    qtbot.keyClicks(dialog.reliability, grade[0])      # keyboard search in the list
    qtbot.keyClicks(dialog.credibility, str(grade[1]))
    assert dialog.reliability.currentText().startswith(f"{grade[0]} — ")
    assert dialog.credibility.currentText().startswith(f"{grade[1]} — ")


def _ok(qtbot, dialog: ReportDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _add_report(qtbot, window, *fields, **kw) -> str:
    window.edit_actions.add_report.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None and dialog.isVisible()
    _fill_dialog(qtbot, dialog, *fields, **kw)
    before = {r.id for r in window.situation.reports}
    _ok(qtbot, dialog)
    (new,) = {r.id for r in window.situation.reports} - before
    return new


def _click_change_row(qtbot, window, change_id: str) -> None:
    tree = window.reports_panel.window_tree
    item = next(i for i in tree.items() if i.data(0, _role("CHANGE_ID")) == change_id
                and i.data(0, _role("KIND")) == "change")
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.change_ids == {change_id}


def _shortcut(qtbot, window, key, modifiers) -> None:
    """Press a window shortcut as a person would, with the map focused."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.canvas, key, modifiers)


def _role(name: str):
    from viewer.ui import report_items
    return getattr(report_items, name)


@pytest.fixture
def bot(qtbot):
    """qtbot, and on the way out every window's edits marked saved and the window
    closed, so that a failing test's window closes without asking (the question would
    wait for ever; qtbot's own closing comes before any fixture's teardown)."""
    yield qtbot
    from viewer.ui.main_window import MainWindow
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.edits.stack.setClean()
            w.close()
            w.deleteLater()


def open_window(qtbot, situation=None):
    """A shown window (not handed to qtbot: see ``bot``)."""
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.set_situation(situation or two_region_situation(), None)
    return window


@pytest.fixture
def deepstate_file(deepstate_dir, tmp_path, capsys):
    files = [str(deepstate_dir / f"deepstatemap_data_202506{d:02d}.geojson")
             for d in (10, 11, 12, 13)]
    out = tmp_path / "deepstate.gpkg"
    assert cli_main(["import", *files, "--layer", "Occupied (DeepState)", "--kind",
                     "assessed-control", "--attribution", "DeepStateMap (GPL-3.0)",
                     "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def test_add_a_report_link_it_as_confirms_save_and_reopen(bot, monkeypatch, tmp_path,
                                                           deepstate_file, capsys):
    qtbot = bot
    raw = pytest.importorskip("pyogrio.raw")
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(deepstate_file))
    window.loaded.path = deepstate_file
    change = window.situation.changes[-1]
    window.cursor_model.set_time(change.at)
    report_id = _add_report(qtbot, window, "ISW", "Russian forces enter Dnipropetrovsk",
                            "https://example.org/isw-13-june", "ISW maps a narrow strip.",
                            grade=("B", 2))
    assert window.isWindowModified()
    _click_change_row(qtbot, window, change.id)
    assert window.edit_actions.link_menu.isEnabled()
    window.edit_actions.link_actions["confirms"].trigger()
    assert window.situation.reports_for(change.id)[0][1] == "confirms"
    assert window.edit_actions.undo.text().replace("&", "").startswith("Undo Link report 'ISW, ")
    # the change's row is no longer flagged unsourced
    rows = [i for i in window.reports_panel.window_tree.items()
            if i.data(0, _role("CHANGE_ID")) == change.id and i.data(0, _role("KIND")) == "change"]
    assert "Unsourced" not in rows[0].text(0)
    _shortcut(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    window.close()

    back = read_situation(deepstate_file)
    (report, role), = back.reports_for(change.id)
    assert (report.id, role, report.reliability.code) == (report_id, "confirms", "B2")
    assert report.source == "ISW" and report.url == "https://example.org/isw-13-june"
    meta, _, _, fields = raw.read(str(deepstate_file), layer="report_links", read_geometry=False)
    links = list(zip(*[fields[meta["fields"].tolist().index(c)] for c in
                       ("change_id", "report_id", "role")]))
    assert (change.id, report_id, "confirms") in links
    assert cli_main(["info", str(deepstate_file), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    listed = [c for layer in info["layers"] for c in layer["changes"] if c["id"] == change.id]
    assert report_id in listed[0]["reports"]


def test_undo_and_redo_an_added_report_by_keys(bot, monkeypatch, tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    before = list(window.situation.reports)
    report_id = _add_report(qtbot, window, "Agency Q", "Q says", "", "")
    assert window.edit_actions.undo.text().replace("&", "") == "Undo Add report 'Agency Q, 10 Jun'"
    _shortcut(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.situation.reports == before and not window.isWindowModified()
    _shortcut(qtbot, window, Qt.Key.Key_Z,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.situation.reports[-1].id == report_id
    window.edits.stack.setClean()
    window.close()


def _edited_file_window(qtbot, monkeypatch, tmp_path):
    """A window on a file of the two-region situation, with a report added (unsaved)."""
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "two.gpkg"
    write_situation(two_region_situation(), path)
    window = open_window(qtbot, read_situation(path))
    window.loaded.path = path
    _add_report(qtbot, window, "Agency Q", "Q says", "", "")
    return window, path


def test_closing_with_unsaved_changes_asks(bot, monkeypatch, tmp_path):
    qtbot = bot
    window, path = _edited_file_window(qtbot, monkeypatch, tmp_path)
    seen = answer_next_box(QMessageBox.StandardButton.Cancel)
    window.close()
    assert seen == ["The situation has changes that are not saved."]
    assert window.isVisible() and window.isWindowModified()
    seen = answer_next_box(QMessageBox.StandardButton.Save)
    window.close()
    assert seen and not window.isVisible()
    assert "Agency Q" in {r.source for r in read_situation(path).reports}


def test_an_existing_url_is_offered_as_that_report(bot, monkeypatch, tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    window.edit_actions.add_report.trigger()
    dialog = window.findChild(ReportDialog)
    QApplication.clipboard().setText("https://example.org/a\nTroops advance east")
    qtbot.mouseClick(dialog.paste, Qt.MouseButton.LeftButton)
    assert dialog.title_edit.text() == "Troops advance east"
    assert dialog.known.isVisible() and "Troops advance east" in dialog.known.text()
    n = len(window.situation.reports)
    qtbot.mouseClick(dialog.use_existing, Qt.MouseButton.LeftButton)
    assert len(window.situation.reports) == n and window.edits.active_report == "r1"
    window.close()


def test_hostile_text_in_every_field_is_stored_and_shown_as_plain_text(bot, monkeypatch,
                                                                        tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    big = ("<script>alert(1)</script> \u202e" * 40 + "\n") * 1000      # ~1 MB
    window.edit_actions.add_report.trigger()
    dialog = window.findChild(ReportDialog)
    for field in (dialog.source, dialog.title_edit, dialog.url, dialog.language,
                  dialog.summary):
        qtbot.keyClicks(field, TYPED)
        QApplication.clipboard().setText(PASTED)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText(big)            # 1 MB pasted into the summary
    dialog.summary.setFocus()
    qtbot.keyClick(dialog.summary, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _ok(qtbot, dialog)
    report = window.situation.reports[-1]
    assert report.source == report.title == HOSTILE
    assert report.language == HOSTILE.strip()
    assert report.url == HOSTILE.strip() and report.summary == HOSTILE + big
    path = tmp_path / "hostile.gpkg"
    write_situation(window.situation, path)
    assert read_situation(path).report(report.id) == report
    # shown: the report's details are plain text, the markup visible as typed
    window.edits.active_report = report.id
    window.selection.select_changes((), report.id)
    details = window.reports_panel.details
    shown = details.text.toPlainText()
    assert "<b>bold</b><img src=x onerror=alert(1)>" in shown
    assert "\u202e" not in shown and "[U+202E]evil" in shown      # no reordering
    row = next(i for i in window.reports_panel.all_tree.items()
               if i.data(0, _role("REPORT_ID")) == report.id)
    assert "<b>bold</b>" in row.text(0) and "\x1b" not in row.text(0)
    window.edits.stack.setClean()
    window.close()


def test_the_context_menu_of_a_report_without_a_link_still_edits(bot, monkeypatch, tmp_path):
    """Only Copy/Open link depend on the report's URL: Link, Change Role, Unlink, Edit
    and Delete stay usable for a report that has none (r2)."""
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    tree = window.reports_panel.window_tree
    r2 = next(i for i in tree.items() if i.data(0, _role("REPORT_ID")) == "r2")
    menu = window.reports_panel.menu_for(tree, tree.visualItemRect(r2).center())
    enabled = {a.text().replace("&", ""): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled["Copy link"] is False and enabled["Open link in browser"] is False
    assert enabled["Change Role"] and enabled["Unlink Report from Change"]
    assert enabled["Edit Report…"] and enabled["Delete Report"]
    window.close()


def test_every_report_field_label_is_a_shortcut_to_its_field(bot, monkeypatch, tmp_path):
    """Alt and a label's letter focuses its field; no label shows a raw '&' (the URL
    row, a field and a button, showed "&URL:" and Alt+U did nothing)."""
    from PySide6.QtWidgets import QLabel
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    dialog = window.edit_actions.ask_add_report()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    labels = [l for l in dialog.findChildren(QLabel) if l.text().endswith(":")]
    assert len(labels) == 8
    for label in labels:
        assert label.buddy() is not None, label.text()
        key = label.text()[label.text().index("&") + 1]
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        assert label.buddy().hasFocus(), label.text()
    dialog.reject()
    window.close()


def test_quit_with_unsaved_changes_asks_and_discard_leaves_the_file(bot, monkeypatch,
                                                                     tmp_path):
    """File ▸ Quit (Ctrl+Q on a desktop; the offscreen platform binds no key to it):
    Cancel keeps the window and the edit; Discard quits without writing the file, and
    the recovery file goes too."""
    qtbot = bot
    window, path = _edited_file_window(qtbot, monkeypatch, tmp_path)
    before = path.read_bytes()             # the edit is in memory only
    window.edits.write_recovery()
    assert window.edits.recovery.info.exists()
    seen = answer_next_box(QMessageBox.StandardButton.Cancel)
    quit_action = next(a for a in window.menus["file"].actions()
                       if a is window.window_actions.quit)
    quit_action.trigger()
    assert seen == ["The situation has changes that are not saved."]
    assert window.isVisible() and window.isWindowModified()
    seen = answer_next_box(QMessageBox.StandardButton.Discard)
    quit_action.trigger()
    assert seen and not window.isVisible()
    assert path.read_bytes() == before and not window.edits.recovery.info.exists()
