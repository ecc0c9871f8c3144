"""One line of plain text that never moves the layout: a fixed height, any width, the
text elided at the right when it does not fit (the whole text in the tooltip).

A QLabel given new text asks its parent layout to run again (its size hint may change),
which costs a second layout and frame of the main window per time step; this widget only
repaints itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.ui.plain_text import plain_tooltip


class ElidedLine(QWidget):
    MARGIN = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._tip: str | None = ""      # the tooltip set for the text (None: not yet)
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
            self._tip = None            # the tooltip follows when asked for (below)
            self.update()

    # The whole text as the tooltip, made when it is shown or asked for: a new text at
    # each time step escaped it and posted a ToolTipChange event each time (0.05 ms).
    def toolTip(self) -> str:                   # noqa: N802 (Qt's name)
        self._fresh_tip()
        return super().toolTip()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._fresh_tip()
        return super().event(event)

    def _fresh_tip(self) -> None:
        if self._tip is None:
            self._tip = plain_tooltip(self._text)
            self.setToolTip(self._tip)

    def sizeHint(self) -> QSize:                # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._text or "M") + 2 * self.MARGIN,
                     self.height())

    def paintEvent(self, event) -> None:        # noqa: N802
        painter = QPainter(self)
        rect = self.rect().adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        shown = self._text
        # A text narrower than the line is its own elided text: measuring it (16 us)
        # costs less than eliding it (40 us: Qt measures, then elides). The advance is
        # rounded, so "narrower" is strict; a text with Qt's variants separator (U+009C)
        # is elided by Qt, which picks a variant.
        metrics = self.fontMetrics()
        if "\x9c" in shown or metrics.horizontalAdvance(shown) >= rect.width():
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                         | Qt.TextFlag.TextSingleLine, shown)
        painter.end()
