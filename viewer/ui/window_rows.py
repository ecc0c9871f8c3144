"""The rows of the reports panel's "in the window" tree, newest change first, brought
to a new window by taking out the rows of the changes that left it and putting in those
of the changes that came, not by building the list again.

A time step moves the highlight window by a change or two at its ends: while comparing
A and B a month apart, that is one row out of some thirty, where building them all again
(their texts, their report rows, the filter's marks) cost about 11 ms on the DeepState
import. The rows of the changes that stay are the same items, with their marks and
expanded state; a window that shares too little with the last one is built afresh."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from viewer.model import Change, Situation
from viewer.model.report_filter import ReportFilter
from viewer.ui.qt_utils import blocked
from viewer.ui.report_filter_marks import mark_change
from viewer.ui.scroll_bars_now import lay_out_now

REBUILD_SHARE = 0.5         # fewer rows kept than this share of the new list: built anew


class WindowRows:
    """The tree's top-level rows by change id, and whether each passed the filter."""

    def __init__(self, tree: QTreeWidget):
        self.tree = tree
        self.ids: list[str] = []            # top to bottom: newest first
        self._passes: dict[str, bool] = {}

    def clear(self) -> None:
        """Forget the rows (the next ``show`` builds them all, e.g. a new filter)."""
        self.ids = []
        self._passes = {}

    def show(self, recent: Sequence[Change], row: Callable[[Change], QTreeWidgetItem],
             situation: Situation | None, report_filter: ReportFilter) -> tuple[int, int]:
        """Show ``recent`` (oldest first) as rows made by ``row``, newest first;
        (changes passing the filter, changes listed)."""
        new = [c.id for c in reversed(recent)]
        kept = set(new).intersection(self.ids)
        order = [i for i in self.ids if i in kept]
        incremental = (len(kept) >= REBUILD_SHARE * len(new) and order == [i for i in new
                                                                           if i in kept])
        by_id = {c.id: c for c in recent}
        with blocked(self.tree):
            if not incremental:
                self.tree.clear()
                self._passes = {}
                self.ids = []
            for index in range(len(self.ids) - 1, -1, -1):     # those that left
                if self.ids[index] not in kept:
                    self.tree.takeTopLevelItem(index)
                    del self._passes[self.ids[index]]
            fresh = [(pos, by_id[i]) for pos, i in enumerate(new)
                     if not incremental or i not in kept]
            for pos, change in fresh:                          # top to bottom
                item = row(change)
                self.tree.insertTopLevelItem(pos, item)
                item.setFirstColumnSpanned(True)
                self._passes[change.id] = mark_change(item, situation, report_filter)
                item.setExpanded(True)
            # the rows laid out now, not at the tree's delayed layout (a zero timer after
            # this frame), which painted the tree again in a second frame at every step
            self.tree.executeDelayedItemsLayout()
            self.tree.header().resizeSections()
            lay_out_now(self.tree)      # its scroll bar too, not after the frame
        self.ids = new
        return sum(self._passes.values()), len(new)
