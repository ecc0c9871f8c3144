"""Hostile text typed and pasted into every field of the report dialog and the sketch
dialog (markup, bidi overrides, an escape sequence, ``&``, a megabyte) is stored exactly
as entered and shown as plain text everywhere the window then shows it: the Reports
panel, the menus and the undo text, the Layers panel, the map's legend, both dialogs
opened again. The check is test_plain_text_window's: whatever Qt would render as rich
text holds no markup and loads nothing; no shown text holds a raw bidi or control
character or a single ``&`` turned into a shortcut letter. Edit fields are the exception
that proves the rule: they must hold the text verbatim (else saving an edit would alter
it), and a QLineEdit or QPlainTextEdit never renders markup."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from test_plain_text_window import BIDI, MARKUP, RecordingDocument, collect, images_in
from test_ui_edit import _shortcut, bot, open_window  # noqa: F401 - bot is a fixture
from ui_helpers import isolate_settings, pixel_point
from shapely.geometry import Polygon

from viewer.io.situation_file import read_situation, write_situation
from viewer.ui.report_dialog import ReportDialog
from viewer.ui.sketch_dialog import SketchDialog

TYPED = "<b>R&D</b><img src=x onerror=alert(1)> <a href='http://x'>link</a> &amp; "
PASTED = "\u202eevil\u202c \u2066iso\u2069 \x1b[31m red\x07"
# a megabyte on one line (a line field), and with line breaks (the summary)
MEGA_LINE = "<script>alert(1)</script> R&D \u202e" * 30000
MEGA_BLOCK = ("<script>alert(1)</script> \u202e" * 40 + "\n") * 1000
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
TRIANGLE = [(31.2, 48.2), (31.8, 48.2), (31.5, 48.7)]


def _type_and_paste(qtbot, field, *pasted: str) -> None:
    """Type TYPED, then paste each of ``pasted`` with Ctrl+V."""
    qtbot.keyClicks(field, TYPED)
    for text in pasted:
        QApplication.clipboard().setText(text)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_V, CTRL)


def _dialog(window, kind):
    (dialog,) = [d for d in window.findChildren(kind) if d.isVisible()]
    return dialog


def _assert_plain(window, verbatim_fields) -> None:
    """test_plain_text_window's checks on everything the window and its open dialogs
    show; ``verbatim_fields`` (edit widgets that must hold the raw text) are left out of
    the raw-character check, and checked to hold it instead."""
    seen = collect(window)
    for where, raw in seen.rich:
        assert not MARKUP.search(raw), f"{where} is rich text with markup: {raw[:200]!r}"
        doc = RecordingDocument()
        doc.setHtml(raw[:20000])
        doc.setTextWidth(400)
        doc.documentLayout().documentSize()
        assert doc.loaded == [] and images_in(doc) == 0, where
    editors = {f"{type(w).__name__}({w.objectName()}) text" for w in verbatim_fields}
    for where, text in seen.shown():
        is_editor = where in editors
        bad = [c for c in text if c in BIDI or (ord(c) < 32 and c not in "\n\t")
               or 0x7F <= ord(c) <= 0x9F]
        assert is_editor or not bad, f"{where} shows raw {bad[:3]!r}: {text[:200]!r}"
        is_action_text = "action" in where and where.endswith(" text")
        assert not is_action_text or "R&D" not in text.replace("R&&D", ""), \
            f"{where}: a single '&' from the file becomes a shortcut letter: {text[:120]!r}"


def test_hostile_text_in_every_field_of_both_dialogs_is_stored_and_shown_plain(
        bot, monkeypatch, tmp_path):
    qtbot = bot
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot)
    _shortcut(qtbot, window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = _dialog(window, ReportDialog)
    published = dialog.published.dateTime()
    for field in (dialog.source, dialog.title_edit, dialog.url, dialog.language):
        _type_and_paste(qtbot, field, PASTED, MEGA_LINE)
    _type_and_paste(qtbot, dialog.summary, PASTED, MEGA_BLOCK)
    _type_and_paste(qtbot, dialog.published, PASTED)          # refused: still a date
    assert dialog.published.dateTime() == published
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    report = window.situation.reports[-1]
    line = TYPED + PASTED + MEGA_LINE
    assert (report.source, report.title, report.url, report.language) == (line,) * 4
    assert report.summary == TYPED + PASTED + MEGA_BLOCK

    # the sketch dialog: a new layer named with the same text, backed by the report
    window.canvas.zoom_to_lonlat((31.0, 48.0, 32.0, 49.0))
    _shortcut(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier)
    for lon, lat in TRIANGLE:
        qtbot.mouseClick(window.canvas, LEFT, pos=pixel_point(window.canvas, lon, lat))
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.sketching.dialog, SketchDialog)
                    and window.sketching.dialog.isVisible())
    sketch = window.sketching.dialog
    sketch.layer.setCurrentIndex(sketch.layer.findData("\0new"))
    qtbot.keyClick(sketch.new_name, Qt.Key.Key_A, CTRL)
    _type_and_paste(qtbot, sketch.new_name, PASTED, MEGA_LINE)
    when = sketch.when.dateTime()
    _type_and_paste(qtbot, sketch.when, PASTED)
    assert sketch.when.dateTime() == when
    sketch.report.setCurrentIndex(sketch.report.findData(report.id))
    qtbot.mouseClick(sketch.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    layer = window.situation.layers[-1]
    assert layer.name == line
    (amendment,) = layer.amendments

    path = tmp_path / "hostile.gpkg"
    write_situation(window.situation, path)
    back = read_situation(path)
    assert back.report(report.id) == report and back.layer(layer.id).name == line

    # shown: the report picked (its details, the link menu), the change it backs, and
    # both dialogs opened again on what was stored
    window.selection.select_changes({amendment.change_id}, report.id)
    window.edit_actions.update_enabled()
    edit = window.edit_actions.ask_edit_report()
    assert (edit.source.text(), edit.summary.toPlainText()) == (line, report.summary)
    again = SketchDialog(window.situation, Polygon(TRIANGLE), False,
                         window.cursor_model.time, window)
    again.show()
    assert "undo" in window.edit_actions.undo.text().lower()
    edit_fields = [edit.source, edit.title_edit, edit.url, edit.language, edit.summary]
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # the dialogs used
    try:
        _assert_plain(window, edit_fields)
    finally:
        again.reject()
        edit.reject()
    shown = window.reports_panel.details.text.toPlainText()
    assert "<b>R&D</b><img src=x onerror=alert(1)>" in shown and "[U+202E]evil" in shown
    window.edits.stack.setClean()
    window.close()
