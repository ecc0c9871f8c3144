"""New values in some rows of the regions table, shown with the least repainting.

Set with the table's sorting on, each value of the sort column had the rows moved at
once (QTreeWidget keeps them sorted), so the table turned it off, set every row, and
turned it on again, which sorts all the rows: a layout change of the whole model, the
whole list and its header repainted at every time step (1.2 ms and 0.13 ms with the
DeepState regions), when the rows nearly always keep their order. ``ChangingRows`` sets
the values with the model quiet; if the rows are still in order it says which cells
changed (each repaints alone), else it sorts them once as before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


class ChangingRows:
    """``with ChangingRows(tree, rows, columns):`` set the values of ``columns`` in
    ``rows``."""

    def __init__(self, tree: QTreeWidget, rows: list[QTreeWidgetItem], columns: tuple[int, ...]):
        self.tree, self.rows, self.columns = tree, rows, columns

    def __enter__(self) -> None:
        self._sorting = self.tree.isSortingEnabled()
        self.tree.model().blockSignals(True)

    def __exit__(self, *exc) -> None:
        tree, model = self.tree, self.tree.model()
        model.blockSignals(False)
        if exc[0] is not None:
            return
        if self._sorting and not self._in_order():
            tree.setSortingEnabled(False)       # sort once: the whole list repaints
            tree.setSortingEnabled(True)
            return
        for row in self.rows:                   # in order: the changed cells alone
            r = tree.indexOfTopLevelItem(row)
            for column in self.columns:
                index = model.index(r, column)
                model.dataChanged.emit(index, index)

    def _in_order(self) -> bool:
        """Whether the rows are sorted by the sort column (ties in any order), by the
        key the rows compare by (their ``__lt__``)."""
        tree = self.tree
        column, descending = tree.sortColumn(), \
            tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        for a, b in zip(rows, rows[1:]):
            if (a < b) if descending else (b < a):
                return False
        return True
