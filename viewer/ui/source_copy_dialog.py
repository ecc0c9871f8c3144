"""Shows a report's offline source copies inside the window: an image as a picture, a
saved HTML page or a text file as plain text (HTML is never rendered: its text is taken
out by viewer.model.attachment.html_text), a PDF page by page as pictures (pdf_pages,
PDFium: PySide6-Essentials has no QtPdf); the PDF can also be handed to the system's PDF
viewer, from a temporary copy, on the user's click."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QDir, QIODevice, QTemporaryDir, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from viewer.model.attachment import HTML, IMAGE, PDF, Attachment, html_text
from viewer.model.text import safe_block, safe_line
from viewer.render.language import fill, format_number, translate

MAX_PIXELS = 100_000_000            # a decoded image's width x height at most
ALLOCATION_MB = 512                 # QImageReader's own limit
TEXT_LIMIT = 4_000_000              # characters of a text or HTML copy shown


def kind_name(a: Attachment) -> str:
    return {PDF: "PDF", IMAGE: translate("Reports", "image"), HTML: "HTML"}.get(
        a.kind, translate("Reports", "text"))


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return fill(translate("Reports", "%1 MB"), format_number(n / (1024 * 1024), 1))
    return fill(translate("Reports", "%1 KB"), format_number(max(n, 1) / 1024, 1))


def copy_line(a: Attachment) -> str:
    """"page.html (HTML, 12.0 KB)"."""
    return f"{safe_line(a.name, 80)} ({kind_name(a)}, {size_text(len(a.data))})"


class SourceCopyDialog(QDialog):
    remove_asked = Signal(str)          # the name of the copy to remove

    def __init__(self, title: str, copies: list[Attachment], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("source_copies")
        self.setWindowTitle(fill(translate("Reports", "Source copies of %1"), safe_line(title, 60)))
        self.copies = copies
        self.list = QListWidget(self)
        self.list.addItems([copy_line(a) for a in copies])
        self.picture = QLabel(self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        # PDFium (an 8 MB library) is loaded when a source copy is first shown, not at start-up
        from viewer.ui.pdf_pages import PdfPages
        self.pdf = PdfPages(self)
        self.pdf.open_externally.connect(self.open_externally)
        self.stack = QStackedWidget(self)
        for w in (scroll, self.text, self.pdf):
            self.stack.addWidget(w)
        self.remove = QPushButton(translate("Reports", "Remove Copy"), self)
        self.remove.clicked.connect(self._remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.ActionRole)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addWidget(self.stack, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._temp: QTemporaryDir | None = None
        self.opened: str | None = None      # the temporary copy last handed to the system
        self.list.currentRowChanged.connect(self._show)
        self.resize(820, 560)
        if copies:
            self.list.setCurrentRow(0)

    def current(self) -> Attachment | None:
        row = self.list.currentRow()
        return self.copies[row] if 0 <= row < len(self.copies) else None

    def _show(self, _row: int) -> None:
        a = self.current()
        self.remove.setEnabled(a is not None)
        if a is None:
            return
        if a.kind == IMAGE:
            self.stack.setCurrentIndex(0)
            self.picture.setPixmap(decode_image(a.data))
            if self.picture.pixmap().isNull():
                self.picture.setText(translate("Reports", "This image can't be decoded."))
        elif a.kind == PDF:
            self.stack.setCurrentIndex(2)
            self.pdf.load(a.data)
        else:
            self.stack.setCurrentIndex(1)
            text = html_text(a.data) if a.kind == HTML else a.data.decode("utf-8-sig", "replace")
            self.text.setPlainText(safe_block(text, TEXT_LIMIT))

    def open_externally(self) -> None:
        """Write the PDF to a temporary folder (removed with the dialog) and hand it to
        the system's viewer."""
        a = self.current()
        if a is None or a.kind != PDF:
            return
        if self._temp is None:
            self._temp = QTemporaryDir(os.path.join(QDir.tempPath(), "situation-viewer-XXXXXX"))
        path = os.path.join(self._temp.path(), f"copy-{self.list.currentRow() + 1}.pdf")
        with open(path, "wb") as f:
            f.write(a.data)
        self.opened = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def done(self, result: int) -> None:
        self.pdf.close_document()
        super().done(result)

    def _remove(self) -> None:
        a = self.current()
        if a is not None:
            self.remove_asked.emit(a.name)
            self.accept()


def decode_image(data: bytes) -> QPixmap:
    """The picture, or a null pixmap for bytes that don't decode or are too large."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_MB)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return QPixmap()
    image = reader.read()
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)
