"""One line of plain text that never moves the layout: a fixed height, any width, the
text elided at the right when it does not fit (the whole text in the tooltip).

A QLabel given new text asks its parent layout to run again (its size hint may change),
which costs a second layout and frame of the main window per time step; this widget only
repaints itself."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.ui.plain_text import plain_tooltip


class ElidedLine(QWidget):
    MARGIN = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        # its own background (the parent's colour): a new text then repaints this line
        # alone, not the panel and dock behind it too
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 2 * self.MARGIN)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:      # noqa: N802 (Qt's name, as QLabel's)
        if text != self._text:
            self._text = text
            self.setToolTip(plain_tooltip(text))
            self.update()

    def sizeHint(self) -> QSize:                # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._text or "M") + 2 * self.MARGIN,
                     self.height())

    def paintEvent(self, event) -> None:        # noqa: N802
        painter = QPainter(self)
        rect = self.rect().adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                         | Qt.TextFlag.TextSingleLine, shown)
        painter.end()
