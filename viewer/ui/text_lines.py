"""Lines of text in a read-only QPlainTextEdit, changed in place.

``setPlainText`` lays the whole document out again, repaints all of it, and scrolls back
to the top. The compare window's figures change at every step of the dates, but only
in a few lines (the dates, a layer's totals, the regions that moved): ``show_lines``
rewrites just the lines that differ, so a reader scrolled down to a region stays there
and the step costs less."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

BREAKS = ("\n", "\r", "\u2029", "\u2028")       # what would split a line in two


def show_lines(edit: QPlainTextEdit, lines: list[str]) -> None:
    """``edit`` showing ``lines``, one a block, as ``setPlainText("\\n".join(lines))``
    would, rewriting only the blocks whose text differs (a document shown for the
    first time, or lines with breaks in them, are set whole)."""
    document = edit.document()
    document.setUndoRedoEnabled(False)      # (read-only: no history of the edits kept)
    if not lines or document.isEmpty() or any(b in line for line in lines for b in BREAKS):
        edit.setPlainText("\n".join(lines))
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block, i = document.firstBlock(), 0
    while block.isValid() and i < len(lines):
        if block.text() != lines[i]:
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1,
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(lines[i])
        last, block, i = block, block.next(), i + 1
    if i < len(lines):                          # more lines than before: added at the end
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("\n" + "\n".join(lines[i:]))
    elif block.isValid():                       # fewer: the rest removed
        cursor.setPosition(last.position() + last.length() - 1)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    cursor.endEditBlock()
