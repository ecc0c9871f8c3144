"""A PDF source copy shown inside the window, one page at a time, as a picture rendered by
PDFium (pypdfium2). Nothing in the PDF runs: this PDFium build has no JavaScript engine
(no V8/XFA), and no form environment is created (``init_forms`` is never called), so
form fields, actions and links are inert; only the page's drawing is rasterised.

Limits against a hostile file (the copy itself is at most 20 MB): only the first
MAX_PAGES pages can be shown, and a page is rendered at ZOOM but scaled down so that
it is at most MAX_SIDE pixels on a side and MAX_PIXELS pixels in all (~48 MB as 32-bit
pixels); a page whose size is not a positive finite number is not rendered."""

from __future__ import annotations

import math

import pypdfium2
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from viewer.render.language import fill, format_number, translate
from viewer.ui.plain_text import plain_label

MAX_PAGES = 2000
MAX_SIDE = 4000                     # pixels
MAX_PIXELS = 12_000_000
ZOOM = 1.5                          # 108 dpi: a PDF unit is 1/72 inch


def page_scale(width: float, height: float) -> float | None:
    """The render scale for a page of ``width`` x ``height`` PDF units, or None."""
    if not (math.isfinite(width) and math.isfinite(height) and width > 0 and height > 0):
        return None
    scale = min(ZOOM, MAX_SIDE / max(width, height), math.sqrt(MAX_PIXELS / (width * height)))
    return scale if width * scale >= 1 and height * scale >= 1 else None


def render_page(document: pypdfium2.PdfDocument, index: int) -> QImage:
    """Page ``index`` as an opaque image (a null image when its size is unusable).
    Raises pypdfium2.PdfiumError when PDFium can't load or render it."""
    page = document[index]
    try:
        scale = page_scale(*page.get_size())
        if scale is None:
            return QImage()
        bitmap = page.render(scale=scale, may_draw_forms=False, prefer_bgrx=True,
                             fill_color=(255, 255, 255, 255))
        try:
            # BGRx bytes are Qt's RGB32 on a little-endian machine; copy() detaches the
            # image from PDFium's buffer before the bitmap is closed
            return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                          QImage.Format.Format_RGB32).copy()
        finally:
            bitmap.close()
    finally:
        page.close()


class PdfPages(QWidget):
    """Page N of M with Previous/Next, the page as a picture, and the system viewer as a
    second way to read it."""
    open_externally = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: pypdfium2.PdfDocument | None = None
        self.count = 0
        self.index = 0
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.message = plain_label("", self)
        self.message.setWordWrap(True)
        self.previous = QPushButton(translate("Reports", "Previous Page"), self)
        self.previous.clicked.connect(self.show_previous)
        self.next = QPushButton(translate("Reports", "Next Page"), self)
        self.next.clicked.connect(self.show_next)
        self.page_label = plain_label("", self)
        self.open_pdf = QPushButton(translate("Reports", "Open in PDF Viewer"), self)
        self.open_pdf.clicked.connect(self.open_externally)
        bar = QHBoxLayout()
        for w in (self.previous, self.page_label, self.next):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.open_pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)

    def load(self, data: bytes) -> None:
        self.close_document()
        try:
            self.document = pypdfium2.PdfDocument(data)
            self.count = len(self.document)
        except pypdfium2.PdfiumError:
            self.close_document()
            self._say(translate("Reports", "This PDF can't be read. You can still try your "
                                           "PDF viewer."))
            return
        self.show_page(0)

    def shown(self) -> int:
        return min(self.count, MAX_PAGES)

    def show_previous(self) -> None:
        self.show_page(self.index - 1)

    def show_next(self) -> None:
        self.show_page(self.index + 1)

    def show_page(self, index: int) -> None:
        if self.document is None or not 0 <= index < self.shown():
            return
        self.index = index
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index + 1 < self.shown())
        text = fill(translate("Reports", "Page %1 of %2"), format_number(index + 1, 0),
                    format_number(self.count, 0))
        if self.count > MAX_PAGES:
            text += " " + fill(translate("Reports", "(only the first %1 are shown)"),
                               format_number(MAX_PAGES, 0))
        self.page_label.setText(text)
        try:
            image = render_page(self.document, index)
        except pypdfium2.PdfiumError:
            image = QImage()
        self.message.setVisible(image.isNull())
        self.message.setText(translate("Reports", "This page can't be shown.")
                             if image.isNull() else "")
        self.picture.setPixmap(QPixmap.fromImage(image))

    def _say(self, text: str) -> None:
        self.count = self.index = 0
        self.previous.setEnabled(False)
        self.next.setEnabled(False)
        self.page_label.setText("")
        self.picture.setPixmap(QPixmap())
        self.message.setText(text)
        self.message.setVisible(True)

    def close_document(self) -> None:
        if self.document is not None:
            self.document.close()
            self.document = None
