"""The reports panel's tabs: the changes in the highlight window with their reports, every
report of the situation, and the Provenance summary. A report dragged over a tab raises it
(to drop it on a change in the other list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QTreeWidgetItem, QWidget

from viewer.render.language import translate
from viewer.ui.provenance_view import ProvenanceView
from viewer.ui.reports_tree import ReportsTree


class ReportTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_tree = ReportsTree(translate(
            "Reports", "Changes in the highlight window, newest first, with the reports "
            "behind them"), self)
        self.window_tree.setExpandsOnDoubleClick(False)
        self.all_tree = ReportsTree(translate("Reports", "Every report of the situation, "
                                                         "oldest first"), self)
        self.all_tree.setRootIsDecorated(False)
        self.all_tree.headerItem().setText(0, translate("Reports", "Report"))
        self.provenance = ProvenanceView(self)
        self.addTab(self.window_tree, translate("Reports", "In window"))
        self.addTab(self.all_tree, translate("Reports", "All"))
        self.addTab(self.provenance, translate("Reports", "Provenance"))
        for index, tree in enumerate(self.trees):       # the tab's title in full
            self.setTabToolTip(index, tree.toolTip())
        # Every title whole, never scrolled nor elided: the panel is as wide as its tab bar
        # (its minimum size says so, and dock_layout gives the dock that much).
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setChangeCurrentOnDrag(True)
        self.tabBar().setAcceptDrops(True)

    @property
    def trees(self) -> tuple[ReportsTree, ReportsTree]:
        return self.window_tree, self.all_tree

    @property
    def provenance_shown(self) -> bool:
        return self.currentWidget() is self.provenance

    def current_item(self) -> QTreeWidgetItem | None:
        """The selected row of the list shown, else of the other list."""
        first, second = ((self.all_tree, self.window_tree)
                         if self.currentWidget() is self.all_tree
                         else (self.window_tree, self.all_tree))
        item = first.selected()
        return item if item is not None else second.selected()
