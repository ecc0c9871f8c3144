"""The reports list slid to a new window by moving the pixels of the rows that stay, and
painting only the rows that came, not the whole list again.

A step in playback puts the new day's change at the top of the "In window" list and
takes the oldest out at the bottom: the rows in between only move down by one. Qt
repaints the whole list for that (its layout updates the whole viewport): the list's
paint was the Reports dock's largest cost at such a step on the DeepState import.
``RowBlit`` wraps such a change of rows (window_rows): the viewport's updates are held
while it is made (the widget attribute that Qt's setUpdatesEnabled sets, without the
repaint of the whole widget that turning it back on posts); then the rows that stayed,
from the first to the one before the last, are moved in the backing store by the
distance the first one moved (QWidget.scroll) and the rest of the list is painted.
Measured in one run, steps alternating with and without it (GUI-thread CPU, 1000
adjacent steps, load 8.9): the list's paint 0.35 -> 0.17 ms a step, the rows' change
0.20 -> 0.26 ms. So it looks at little: every call into Qt costs microseconds there.

The rows that stay are one run, in the same order, each the same item with the same
texts, marks and expansion (window_rows keeps them so); the last of them is painted
again (the row after it, which its branch lines show, may have changed). A selected or
current row that stays so moves with the rest. The whole list is painted, as Qt would,
when the current or selected rows changed while the rows did, when the list's size (and
so its stretched column) or horizontal scroll changed, when the run did not move as
one, or while a drag is over it (tests/test_ui_row_blit.py).

Painted is the list down to where its rows ended before or end now, not below: there,
before and after, it shows its background alone. The DeepState import's week lists six
or seven rows, 170-200 px of a 742 px list, and each step painted the 600 px under
them again (a jump with no row staying: the whole list). Measured in one run, steps
alternating without and with the limit (tests/perf/step_ab.py, whole window, 400 steps,
the events after the time's handlers less the map canvas's paint, medians, load 3-5):
adjacent dates 2.71 -> 2.44 ms GUI-thread CPU (wall 2.84 -> 2.62), random dates 3.17 ->
3.10 ms (wall 3.60 -> 3.37).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

HELD = Qt.WidgetAttribute.WA_UpdatesDisabled


class RowBlit:
    """``with RowBlit(tree, first, last): <change the rows>``, in one go (no events in
    between); ``first`` and ``last``: the first and last top-level rows that stay."""

    def __init__(self, tree: QTreeWidget, first: QTreeWidgetItem | None,
                 last: QTreeWidgetItem | None):
        self.tree, self.first, self.last = tree, first, last
        self._before: tuple | None = None

    def _look(self) -> tuple | None:
        """The list's size, horizontal scroll, current and selected rows, the tops of
        the first and last rows that stay (None: one of the two is hidden), and where
        the rows end. Few calls: each costs some µs at a time step."""
        tree = self.tree
        stay = [tree.visualItemRect(item) for item in (self.first, self.last) if item is not None]
        if any(rect.isEmpty() for rect in stay):
            return None
        return (tree.viewport().size(), tree.horizontalScrollBar().value(),
                tree.currentItem(), tree.selectedItems()), [r.top() for r in stay], \
            rows_bottom(tree)

    def __enter__(self) -> RowBlit:
        tree = self.tree
        viewport = tree.viewport()
        # (a layout still pending is done by visualItemRect, its repaint posted as Qt does;
        # while a drag is over the list, Qt draws its drop indicator anywhere on it)
        self._before = self._look() if viewport.isVisible() and viewport.updatesEnabled() \
            and tree.state() == QAbstractItemView.State.NoState else None
        if self._before is not None:
            viewport.setAttribute(HELD, True)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        before = self._before
        if before is None:
            return False
        viewport = self.tree.viewport()
        viewport.setAttribute(HELD, False)
        after = None if exc_type is not None else self._look()
        if after is None or not _same(after[0], before[0]):
            viewport.update()
            return False
        size, bottom = after[0][0], max(after[2], before[2])
        if not after[1]:                # no row stayed: the rows, old and new, painted
            viewport.update(QRect(0, 0, size.width(), self._height(size, bottom)))
        elif after[1][1] - before[1][1] != after[1][0] - before[1][0]:
            viewport.update()
        else:
            self._repaint(size, before[1][0], before[1][1], after[1][0] - before[1][0], bottom)
        return False

    def _height(self, size, bottom: int) -> int:
        """How far down the list is painted: to ``bottom``, where the rows ended before
        or end now (below both it shows its background, before and after), but with
        alternating row colours, which may paint there, the whole of it."""
        return size.height() if self.tree.alternatingRowColors() else \
            max(0, min(size.height(), bottom))

    def _repaint(self, size, first_top: int, last_top: int, shift: int, bottom: int) -> None:
        """The run's pixels that were in sight, from its first row to its last one's
        top, moved by ``shift``; the rest painted down to ``bottom``, where the rows
        ended before or end now (below both, the list's background stays as it was)."""
        viewport = self.tree.viewport()
        width, height = size.width(), self._height(size, bottom)
        source_top, source_bottom = max(first_top, 0), min(last_top, height)
        target_top, target_bottom = (max(source_top + shift, 0),
                                     min(source_bottom + shift, height))
        if target_bottom <= target_top:
            viewport.update()
            return
        if shift:
            span_top = min(source_top, target_top)
            viewport.scroll(0, shift, QRect(0, span_top, width,
                                            max(source_bottom, target_bottom) - span_top))
        viewport.update(QRegion(0, 0, width, height)
                        - QRegion(0, target_top, width, target_bottom - target_top))


def rows_bottom(tree: QTreeWidget) -> int:
    """Where the list's last row shown ends (its bottom edge, in the viewport; 0: no
    row shown): below it the viewport shows its background alone."""
    parent, count = None, tree.topLevelItemCount()
    below: QTreeWidgetItem | None = None
    while True:
        row = next((item for item in ((tree.topLevelItem(i) if parent is None else parent.child(i))
                                      for i in range(count - 1, -1, -1))
                    if not item.isHidden()), None)
        if row is None:
            break
        below = row
        if not row.isExpanded() or not row.childCount():
            break
        parent, count = row, row.childCount()
    if below is None:
        return 0
    rect = tree.visualItemRect(below)
    return rect.top() + rect.height()


def _same(after: tuple, before: tuple) -> bool:
    """The same size, scroll, and current and selected rows (the same items)."""
    return after[:2] == before[:2] and after[2] is before[2] and \
        len(after[3]) == len(before[3]) and all(a is b for a, b in zip(after[3], before[3]))
