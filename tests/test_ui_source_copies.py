"""Offline source copies: attach a saved HTML page, an image and a PDF to a report in the
real window, read them offline (HTML as plain text, the image as a picture, the PDF
handed to the system's viewer from a temporary copy), save, and find the bytes in the
file (read with sqlite3); hostile files are refused."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from factories import two_region_situation
from ui_helpers import answer_next_box, isolate_settings
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation
from viewer.model.attachment import MAX_BYTES
from viewer.ui import report_items as ri

PAGE = ("<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><h1>Russian troops enter</h1>"
        "<p>Small groups &amp; more \u202eevil\u202c</p><img src=x onerror=alert(1)>"
        "</body></html>").encode()


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    path = tmp_path / "two.gpkg"
    write_situation(two_region_situation(), path)
    w = MainWindow()
    w.resize(1100, 760)
    w.show()
    qtbot.waitExposed(w)
    w.set_situation(read_situation(path), path)
    panel = w.reports_panel
    panel.tabs.setCurrentWidget(panel.all_tree)
    r1 = next(i for i in panel.all_tree.items() if i.data(0, ri.REPORT_ID) == "r1")
    rect = panel.all_tree.visualItemRect(r1)
    qtbot.mouseClick(panel.all_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.edits.active_report == "r1"
    yield w
    w.edits.stack.setClean()
    w.close()
    w.deleteLater()


def attach(monkeypatch, w, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.report_tools.copies.attach.trigger()


def test_a_saved_page_is_kept_and_read_as_plain_text(qtbot, monkeypatch, window, tmp_path):
    w = window
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    assert not w.report_tools.copies.show.isEnabled()
    attach(monkeypatch, w, page)
    assert w.isWindowModified()
    assert w.edits.stack.undoText() == "Attach 'page.html' to report 'Agency A, 5 Jun'"
    assert f"Source copy: page.html (HTML, {len(PAGE) / 1024:.1f} KB)" in \
        w.reports_panel.details.text.toPlainText()
    dialog = w.report_tools.copies.open_dialog()
    assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.text
    shown = dialog.text.toPlainText()
    assert shown.startswith("Russian troops enter\n\nSmall groups & more ")
    assert "alert" not in shown and "color" not in shown and "<" not in shown
    assert "\u202e" not in shown                     # the override shown as a mark
    dialog.close()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not w.isWindowModified()
    conn = sqlite3.connect(f"file:{w.path}?mode=ro", uri=True)
    rows = conn.execute("SELECT report_id, name, media_type, data FROM report_attachments"
                        ).fetchall()
    conn.close()
    assert rows == [("r1", "page.html", "text/html", PAGE)]
    assert read_situation(w.path).attachments_of("r1")[0].data == PAGE
    w.edit_actions.undo.trigger()
    assert w.situation.attachments == []


def test_an_image_is_shown_as_a_picture(qtbot, monkeypatch, window, tmp_path):
    w = window
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    path = tmp_path / "shot.png"
    assert image.save(str(path))
    attach(monkeypatch, w, path)
    dialog = w.report_tools.copies.open_dialog()
    pixmap = dialog.picture.pixmap()
    assert (pixmap.width(), pixmap.height()) == (40, 30)
    assert pixmap.toImage().pixelColor(5, 5) == QColor("#c00000")
    # Remove Copy is undoable too
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert w.situation.attachments == []
    assert w.edits.stack.undoText() == "Remove 'shot.png' from report 'Agency A, 5 Jun'"


def test_a_pdf_goes_to_the_system_viewer_from_a_temporary_copy(qtbot, monkeypatch, window,
                                                               tmp_path):
    w = window
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    path = tmp_path / "isw.pdf"
    path.write_bytes(pdf)
    attach(monkeypatch, w, path)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = w.report_tools.copies.open_dialog()
    assert dialog.stack.currentWidget() is dialog.pdf
    assert "no PDF module" in dialog.pdf_note.text()
    qtbot.mouseClick(dialog.open_pdf, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].isLocalFile()
    with open(opened[0].toLocalFile(), "rb") as f:
        assert f.read() == pdf
    dialog.close()


@pytest.mark.parametrize("content, reason", [
    (b"\x7fELF\x02\x01\x01" + bytes(range(256)), "Not a PDF, a PNG, JPEG, GIF or WebP image"),
    (None, "files over 20 MB are refused"),
])
def test_unknown_or_too_big_files_are_refused(qtbot, monkeypatch, window, tmp_path, content,
                                              reason):
    w = window
    path = tmp_path / "thing.bin"
    if content is None:
        with open(path, "wb") as f:
            f.truncate(MAX_BYTES + 1)
    else:
        path.write_bytes(content)
    seen = answer_next_box(QMessageBox.StandardButton.Ok)
    attach(monkeypatch, w, path)
    assert seen and reason in seen[0]
    assert w.situation.attachments == [] and not w.isWindowModified()


def test_a_file_passing_html_off_as_an_image_is_refused(tmp_path):
    path = tmp_path / "hostile.gpkg"
    write_situation(two_region_situation(), path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO report_attachments (report_id, name, media_type, data) "
                 "VALUES ('r1', 'x.png', 'image/png', ?)", (PAGE,))
    conn.commit()
    conn.close()
    with pytest.raises(SituationError, match="report_attachments, fid 1: data: not "
                                             "'image/png'"):
        read_situation(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE report_attachments SET media_type = 'text/plain', "
                 "data = zeroblob(?)", (MAX_BYTES + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SituationError, match="more than the 20 MB"):
        read_situation(path)
