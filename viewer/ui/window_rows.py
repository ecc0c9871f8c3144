"""The rows of the reports panel's "in the window" tree, newest change first, brought
to a new window by taking out the rows of the changes that left it and putting in those
of the changes that came, not by building the list again.

A time step moves the highlight window by a change or two at its ends: while comparing
A and B a month apart, that is one row out of some thirty, where building them all again
(their texts, their report rows, the filter's marks) cost about 11 ms on the DeepState
import. The rows of the changes that stay are the same items, with their marks and
expanded state; a window that shares too little with the last one is built afresh.

A row taken out is kept (up to POOL rows): a jump back to a window seen before, or
playback going over the same weeks, puts the same item in again instead of making its
texts, report rows and marks anew (a random jump in the DeepState import listed some
six new rows each time). ``clear`` drops them: their texts or marks are stale then.
POOL holds a row for every change of a 5-year daily series of a few layers (a row is
about 0.3-1 KB), so what a step finds made does not depend on the series' length: with
1,024 rows, a 1,826-state series (1,581 changes) made rows again at random steps where
the 536-state one (466 changes) found them all.
The panel also has rows made ahead into the pool while the time rests (``make_ahead``,
nearest the time first): a jump then finds its rows made (marked as they are shown)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime
from typing import Callable, Sequence

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from viewer.model import Change, Situation
from viewer.model.report_filter import ReportFilter
from viewer.ui.qt_utils import blocked
from viewer.ui.report_filter_marks import mark_change
from viewer.ui.report_items import CHANGE_ID
from viewer.ui.row_blit import RowBlit
from viewer.ui.scroll_bars_now import lay_out_now

REBUILD_SHARE = 0.5         # fewer rows kept than this share of the new list: built anew
POOL = 16_384               # rows taken out of the tree kept for when their change is back


class WindowRows:
    """The tree's top-level rows by change id, and whether each passed the filter."""

    def __init__(self, tree: QTreeWidget):
        self.tree = tree
        self.ids: list[str] = []            # top to bottom: newest first
        self._passes: dict[str, bool] = {}
        # change id -> (row taken out of the tree or made ahead, whether it passed the
        # filter: None for a row made ahead, marked once shown), oldest first
        self._pool: dict[str, tuple[QTreeWidgetItem, bool | None]] = {}

    def clear(self) -> None:
        """Forget the rows (the next ``show`` builds them all, e.g. a new filter)."""
        self.ids = []
        self._passes = {}
        self._pool = {}

    def _keep(self, change_id: str, item: QTreeWidgetItem) -> None:
        self._pool.pop(change_id, None)
        self._pool[change_id] = (item, self._passes.pop(change_id))
        while len(self._pool) > POOL:
            del self._pool[next(iter(self._pool))]

    def make_ahead(self, changes: Sequence[Change], row: Callable[[Change], QTreeWidgetItem],
                   count: int, start: int = 0) -> tuple[int, int]:
        """Rows made by ``row`` ahead of their window, kept for when it comes, for up to
        ``count`` of ``changes[start:]`` (in their order) neither listed nor kept, while
        the pool has room; (how many were made, where in ``changes`` to go on from)."""
        made, listed, at = 0, set(self.ids), start
        for at in range(start, len(changes)):
            if made >= count or len(self._pool) >= POOL:
                return made, at
            change = changes[at]
            if change.id not in listed and change.id not in self._pool:
                self._pool[change.id] = (row(change), None)
                made += 1
        return made, len(changes)

    def _mark(self, item: QTreeWidgetItem, situation: Situation | None,
              report_filter: ReportFilter) -> None:
        """The filter's marks on a new row, once it is in the tree (setHidden does
        nothing before). A row kept from before has them: its item remembers what is
        hidden, and the tree hides it again as it is put back."""
        change_id = item.data(0, CHANGE_ID)
        if change_id not in self._passes:
            self._passes[change_id] = mark_change(item, situation, report_filter)

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
        # the window slid (playback): the rows that stay are moved, not painted again
        first, last = ((self.tree.topLevelItem(self.ids.index(order[i])) for i in (0, -1))
                       if incremental and order else (None, None))
        with blocked(self.tree), RowBlit(self.tree, first, last):
            if not incremental:
                kept = set()
            for index in range(len(self.ids) - 1, -1, -1):     # those that left
                if self.ids[index] not in kept:
                    self._keep(self.ids[index], self.tree.takeTopLevelItem(index))
            if not incremental:
                self.tree.clear()           # rows shown before ``clear``, if any
            fresh = [(pos, by_id[i]) for pos, i in enumerate(new) if i not in kept]
            items = []
            for pos, change in fresh:                          # top to bottom
                pooled = self._pool.pop(change.id, None)
                if pooled is not None and pooled[1] is not None:
                    self._passes[change.id] = pooled[1]
                items.append(row(change) if pooled is None else pooled[0])
                self.tree.insertTopLevelItem(pos, items[-1])
            # spanned once all are in: each call lays the rows out if they are pending
            for item in items:
                self._mark(item, situation, report_filter)
            for item in items:
                item.setFirstColumnSpanned(True)
                if item.childCount():       # (expanding a row without reports lays out)
                    item.setExpanded(True)
            # the rows laid out now, not at the tree's delayed layout (a zero timer after
            # this frame), which painted the tree again in a second frame at every step;
            # its header's sections follow a new width in lay_out_now, and are left
            # alone (not repainted) otherwise: see reports_tree.QuietHeader
            self.tree.executeDelayedItemsLayout()
            lay_out_now(self.tree)      # its scroll bar too, not after the frame
        self.ids = new
        return sum(self._passes.values()), len(new)


def nearest_first(changes: Sequence[Change], t: datetime, limit: int = POOL) -> list[Change]:
    """Up to ``limit`` of ``changes`` (in time order), those nearest ``t`` first."""
    times = [c.at for c in changes]
    hi = bisect_left(times, t)
    lo, out = hi - 1, []
    while len(out) < limit and (lo >= 0 or hi < len(times)):
        if hi < len(times) and (lo < 0 or times[hi] - t <= t - times[lo]):
            out.append(changes[hi])
            hi += 1
        else:
            out.append(changes[lo])
            lo -= 1
    return out
