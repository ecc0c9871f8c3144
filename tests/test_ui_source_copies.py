"""Offline source copies: attach a saved HTML page, an image and a PDF to a report in the
real window, read them offline (HTML as plain text, the image as a picture, the PDF
page by page as pictures, or handed to the system's viewer from a temporary copy), save,
and find the bytes in the file (read with sqlite3); hostile files are refused."""

from __future__ import annotations

import math
import sqlite3

import pytest
from PySide6.QtCore import QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPageSize, QPainter, QPdfWriter
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


def write_pdf(path, pages: int) -> None:
    """A PDF drawn by Qt's own writer (not by PDFium): on page k, a black rectangle over
    the left half of the page's top half, and a caption."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for k in range(pages):
        if k:
            writer.newPage()
        w, h = painter.device().width(), painter.device().height()
        top = 0 if k == 0 else h // 2                # page 2: the bottom half instead
        painter.fillRect(QRect(0, top, w // 2, h // 2), QColor("black"))
        painter.drawText(QRect(w // 2, top, w // 2, 40), 0, f"Page {k + 1} text")
    painter.end()


def dark(image: QImage, fx: float, fy: float) -> bool:
    """Is the pixel at (fx, fy) of the picture's width and height dark?"""
    c = image.pixelColor(int(fx * (image.width() - 1)), int(fy * (image.height() - 1)))
    return c.lightness() < 60


def open_copy(monkeypatch, w, tmp_path, data: bytes):
    path = tmp_path / "isw.pdf"
    path.write_bytes(data)
    attach(monkeypatch, w, path)
    return w.report_tools.copies.open_dialog()


def test_pdf_pages_are_pictures_in_the_window(qtbot, monkeypatch, window, tmp_path):
    w = window
    write_pdf(tmp_path / "made.pdf", 2)
    dialog = open_copy(monkeypatch, w, tmp_path, (tmp_path / "made.pdf").read_bytes())
    pages = dialog.pdf
    assert dialog.stack.currentWidget() is pages and not pages.message.isVisible()
    assert pages.page_label.text() == "Page 1 of 2"
    assert not pages.previous.isEnabled() and pages.next.isEnabled()
    first = pages.picture.pixmap().toImage()
    # A4 (210 x 297 mm; a PDF unit is 1/72 inch) at 1.5 pixels a unit, rounded up
    assert (first.width(), first.height()) == tuple(math.ceil(mm / 25.4 * 72 * 1.5)
                                                    for mm in (210, 297))
    assert dark(first, 0.25, 0.25) and not dark(first, 0.25, 0.75)
    assert not dark(first, 0.75, 0.25) and not dark(first, 0.75, 0.75)
    qtbot.mouseClick(pages.next, Qt.MouseButton.LeftButton)
    assert pages.page_label.text() == "Page 2 of 2"
    assert pages.previous.isEnabled() and not pages.next.isEnabled()
    second = pages.picture.pixmap().toImage()
    assert dark(second, 0.25, 0.75) and not dark(second, 0.25, 0.25)
    qtbot.mouseClick(pages.previous, Qt.MouseButton.LeftButton)
    assert pages.page_label.text() == "Page 1 of 2"
    assert dark(pages.picture.pixmap().toImage(), 0.25, 0.25)
    dialog.close()


def test_a_corrupt_pdf_says_so_and_still_goes_to_the_system_viewer(qtbot, monkeypatch,
                                                                   window, tmp_path):
    w = window
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = open_copy(monkeypatch, w, tmp_path, pdf)
    pages = dialog.pdf
    assert dialog.stack.currentWidget() is pages
    assert pages.message.isVisible() and pages.message.text().startswith("This PDF can't")
    assert pages.picture.pixmap().isNull() and not pages.next.isEnabled()
    qtbot.mouseClick(pages.open_pdf, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].isLocalFile()
    with open(opened[0].toLocalFile(), "rb") as f:
        assert f.read() == pdf
    dialog.close()


def test_only_the_first_pages_are_offered(qtbot, monkeypatch, window, tmp_path):
    from viewer.ui import pdf_pages
    monkeypatch.setattr(pdf_pages, "MAX_PAGES", 1)
    write_pdf(tmp_path / "made.pdf", 2)
    dialog = open_copy(monkeypatch, window, tmp_path, (tmp_path / "made.pdf").read_bytes())
    assert dialog.pdf.page_label.text() == "Page 1 of 2 (only the first 1 are shown)"
    assert not dialog.pdf.next.isEnabled()
    dialog.close()


def test_a_huge_page_is_rendered_within_the_pixel_limits(tmp_path):
    import pypdfium2
    from viewer.ui.pdf_pages import render_page
    path = tmp_path / "huge.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QSizeF(14400, 14400), QPageSize.Unit.Point))   # the
    painter = QPainter(writer)                                 # largest page PDF allows
    painter.fillRect(QRect(0, 0, 10, 10), QColor("black"))
    painter.end()
    document = pypdfium2.PdfDocument(path.read_bytes())
    image = render_page(document, 0)
    document.close()
    # 12 Mpx in all: a square page sqrt(12e6) = 3464 px on a side, not 14400 * 1.5
    assert abs(image.width() - 3464) <= 1 and abs(image.height() - 3464) <= 1


def test_page_scales_stay_within_the_pixel_limits():
    from viewer.ui.pdf_pages import MAX_PIXELS, MAX_SIDE, page_scale
    assert page_scale(595, 842) == 1.5
    for size in [(14400, 14400), (14400, 10), (1e9, 1e9)]:
        s = page_scale(*size)
        assert s is None or (size[0] * s <= MAX_SIDE + 1e-6 and size[1] * s <= MAX_SIDE + 1e-6
                             and size[0] * size[1] * s * s <= MAX_PIXELS * (1 + 1e-9))
    assert page_scale(0, 842) is None and page_scale(float("nan"), 1) is None


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


def test_mangled_pdfs_show_a_page_or_a_message(qtbot, tmp_path):
    """Truncated and byte-flipped copies of a real PDF: each shows a picture or a plain
    message; anything else PDFium or our code raises fails the test."""
    import random
    from viewer.ui.pdf_pages import PdfPages
    write_pdf(tmp_path / "made.pdf", 2)
    good = (tmp_path / "made.pdf").read_bytes()
    rng = random.Random(15)
    pages = PdfPages()
    qtbot.addWidget(pages)
    outcomes = set()
    for i in range(60):
        data = bytearray(good)
        if i % 2:
            del data[rng.randrange(len(data)):]
        else:
            for _ in range(rng.randint(1, 40)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        pages.load(bytes(data))
        pages.show_next()
        shown = not pages.picture.pixmap().isNull()
        assert shown != bool(pages.message.text())
        outcomes.add(shown)
    pages.close_document()
    assert outcomes == {True, False}            # both paths were taken
