"""The window's undo stack: every model edit (viewer.model.edits) becomes a QUndoCommand
named after it, so Edit ▸ Undo/Redo and Ctrl+Z / Ctrl+Shift+Z say what they undo."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from viewer.io.errors import reason
from viewer.model.edits import Edit, EditRefused, Editor
from viewer.render.language import core_text
from viewer.ui.edit_names import command_name


class EditCommand(QUndoCommand):
    """One model edit. It is applied before it is pushed (so a refused edit never enters
    the stack); the push's own first redo() is then skipped."""

    def __init__(self, editor: Editor, edit: Edit, name: str):
        super().__init__(name)
        self.editor, self.edit = editor, edit
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.editor.apply(self.edit)

    def undo(self) -> None:
        self.editor.revert(self.edit)


class UndoStack(QUndoStack):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.editor: Editor | None = None

    def perform(self, edit: Edit) -> str | None:
        """Apply ``edit`` and push it; the reason it was refused, or None."""
        assert self.editor is not None, "no situation to edit"
        name = command_name(self.editor.situation, edit)       # of the situation before it
        try:
            self.editor.apply(edit)
        except EditRefused as exc:
            return core_text(reason(exc))
        self.push(EditCommand(self.editor, edit, name))
        return None
