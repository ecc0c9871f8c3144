"""A word-wrapped label whose new text lays out its window only when it needs another size.

``QLabel.setText`` always calls ``updateGeometry()``: the label's layout posts a
LayoutRequest, and each layout activated calls ``updateGeometry()`` on its widget in turn
(Qt does it whatever the size hints), so a label in a dock's panel has the main window
lay out every dock again after the frame, and paint a second one. The Place panel's
distances change at every time step ("4.2 km" → "4.1 km"), nearly always on as many
lines as before.

``SteadyText`` holds the label outside any layout (its only child, always its size): the
label's LayoutRequest then goes to the holder, which ends it there. The holder says a new
size (``updateGeometry``) itself when the text's room changes: its height at the holder's
width (another line count) or its least size (a longer word). Its preferred size
(``sizeHint``) is not followed at each text: the panels are sized by the dock layout,
which asks it only at their first layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget


class SteadyText(QWidget):
    """Holds ``label`` (word-wrapped) and gives its size hints as its own."""

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())
        self._room = self._needs()

    def set_text(self, text: str) -> None:
        """Show ``text``; the window is laid out again only if it needs other room."""
        if text == self.label.text():
            return
        self.label.setText(text)
        room = self._needs()
        if room != self._room:
            self._room = room
            self.updateGeometry()

    def _needs(self) -> tuple[QSize, int]:
        return self.label.minimumSizeHint(), self.label.heightForWidth(self.width())

    # -- the label's size hints, as the holder's ----------------------------------------
    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._room = self._needs()          # the layout has just asked: nothing owed

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:   # the label's: set_text has
            return True                                  # answered it already
        return super().event(event)
