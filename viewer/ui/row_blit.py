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
so its stretched column) or horizontal scroll changed, or when the run did not move as
one (tests/test_ui_row_blit.py).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

HELD = Qt.WidgetAttribute.WA_UpdatesDisabled


class RowBlit:
    """``with RowBlit(tree, first, last): <change the rows>``, in one go (no events in
    between); ``first`` and ``last``: the first and last top-level rows that stay."""

    def __init__(self, tree: QTreeWidget, first: QTreeWidgetItem | None,
                 last: QTreeWidgetItem | None):
        self.tree, self.first, self.last = tree, first, last
        self._before: tuple | None = None

    def _look(self) -> tuple | None:
        """The list's size, horizontal scroll, current and selected rows, and the tops
        of the first and last rows that stay (None: one of the two is hidden). Few
        calls: each costs some µs at a time step."""
        tree = self.tree
        first, last = tree.visualItemRect(self.first), tree.visualItemRect(self.last)
        if first.isEmpty() or last.isEmpty():
            return None
        return (tree.viewport().size(), tree.horizontalScrollBar().value(),
                tree.currentItem(), tree.selectedItems()), first.top(), last.top()

    def __enter__(self) -> RowBlit:
        viewport = self.tree.viewport()
        # (a layout still pending is done by visualItemRect, its repaint posted as Qt does)
        self._before = self._look() if self.first is not None and viewport.isVisible() \
            and viewport.updatesEnabled() else None
        if self._before is not None:
            viewport.setAttribute(HELD, True)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self._before is None:
            return False
        viewport = self.tree.viewport()
        viewport.setAttribute(HELD, False)
        after = None if exc_type is not None else self._look()
        if after is None or not _same(after[0], self._before[0]) or \
                after[2] - self._before[2] != after[1] - self._before[1]:
            viewport.update()
        else:
            self._repaint(after[0][0], self._before[1], self._before[2], after[1] - self._before[1])
        return False

    def _repaint(self, size, first_top: int, last_top: int, shift: int) -> None:
        """The run's pixels that were in sight, from its first row to its last one's
        top, moved by ``shift``; the rest painted."""
        viewport = self.tree.viewport()
        width, height = size.width(), size.height()
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


def _same(after: tuple, before: tuple) -> bool:
    """The same size, scroll, and current and selected rows (the same items)."""
    return after[:2] == before[:2] and after[2] is before[2] and \
        len(after[3]) == len(before[3]) and all(a is b for a, b in zip(after[3], before[3]))
