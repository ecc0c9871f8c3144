"""The reports panel's context menu on a report row: Copy link, Open link in browser
(the editing actions add Link / Change Role / Unlink / Edit / Delete below them)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QTreeWidget, QWidget

from viewer.render.language import translate
from viewer.ui import report_items as ri
from viewer.ui.report_view import ReportView


class ReportMenu(QMenu):
    def __init__(self, details: ReportView, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.copy = self.addAction(translate("Reports", "Copy link"), details.copy_link)
        self.open = self.addAction(translate("Reports", "Open link in browser"),
                                   details.open_link)

    def for_row(self, tree: QTreeWidget, pos: QPoint) -> QMenu | None:
        """Select the report at ``pos`` (viewport coordinates) and return the menu for
        it, or None when there is no report there. Only the link entries depend on the
        report's link; the editing entries keep their own state."""
        item = tree.itemAt(pos)
        if item is None or item.data(0, ri.KIND) != "report":
            return None
        if not item.isSelected():
            tree.setCurrentItem(item)
        self.copy.setEnabled(bool(self.details.url))
        self.open.setEnabled(bool(self.details.url) and self.details.openable)
        return self

    def pop_for(self, tree: QTreeWidget, pos: QPoint) -> None:
        if self.for_row(tree, pos) is not None:
            self.popup(tree.viewport().mapToGlobal(pos))
