"""The reports lists' text column drawn from pixmaps of its cells, made once per text, look
and size.

A time step lists the changes of a new highlight window: Qt then paints every row of the
list again, and lays out, shapes and elides the two lines of each row's text as it does,
some 0.07 ms a row (the text is most of a row's cost). Playback moves the window by a day,
so all rows but one are rows already painted, one row lower: drawn from the pixmap of
their cell, they cost a copy of it. A cell gets its pixmap when it is painted a second
time (making one costs more than drawing the cell: a jump to a random date, whose rows
are all new and may never be seen again, draws them as before).

A cell is drawn into its pixmap by the style exactly as into the list (the same delegate
call, at the same place shifted by whole pixels, over the list's own background colour),
so the pixels are the same. Cells in a state that changes with the pointer or the
keyboard (selected, under the pointer, with the focus), or painted anywhere but on the
list, are drawn as usual.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

KEPT = 64           # cells' pixmaps kept, the least recently drawn dropped first
SEEN = 256          # cells painted once remembered, to keep them when painted again
LIVE = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver \
    | QStyle.StateFlag.State_HasFocus
# the tree's branch flags (a row with a sibling below it, children, open): its branch
# lines are drawn beside the cell, not in it, so the last row moving up keeps its pixmap
BRANCH = QStyle.StateFlag.State_Sibling | QStyle.StateFlag.State_Children \
    | QStyle.StateFlag.State_Open | QStyle.StateFlag.State_Item


class RowPixmaps(QStyledItemDelegate):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._kept: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._seen: OrderedDict[tuple, bool] = OrderedDict()     # cells painted once
        self.made = 0               # pixmaps made (tests count them)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self.parent()
        if option.state & LIVE or painter.device() is not view.viewport():
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        key = _key(option, opt, painter.device().devicePixelRatio())
        pixmap = self._kept.get(key)
        if pixmap is not None:
            self._kept.move_to_end(key)
        elif key not in self._seen:         # painted once: maybe never again (a jump)
            _bounded(self._seen, key, True, SEEN)
            super().paint(painter, option, index)
            return
        else:                               # painted again: it stays, keep it
            del self._seen[key]
            pixmap = self._draw(option, index, key[-1], view)
            _bounded(self._kept, key, pixmap, KEPT)
            self.made += 1
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _draw(self, option: QStyleOptionViewItem, index: QModelIndex, ratio: float,
              view: QWidget) -> QPixmap:
        """The cell as the style draws it into the list, over the list's background."""
        rect = option.rect
        pixmap = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(view.viewport().palette().color(view.viewport().backgroundRole()))
        painter = QPainter(pixmap)
        painter.translate(QPoint(-rect.x(), -rect.y()))
        super().paint(painter, option, index)
        painter.end()
        return pixmap

    def forget(self) -> None:
        self._kept.clear()
        self._seen.clear()


def _bounded(kept: OrderedDict, key: tuple, value, most: int) -> None:
    kept[key] = value
    if len(kept) > most:
        kept.popitem(last=False)


def _key(option: QStyleOptionViewItem, opt: QStyleOptionViewItem, ratio: float) -> tuple:
    """What the style's drawing of a cell depends on (``option`` as the list gave it,
    ``opt`` with the item's data): its text, font, size, state and colours; the list's
    palette by its key (a change of it makes a new one)."""
    brush = opt.backgroundBrush
    return (opt.text, opt.font.key(), opt.rect.width(), opt.rect.height(), opt.state & ~BRANCH,
            opt.features, brush.style(), brush.color().rgba(),
            opt.palette.color(QPalette.ColorRole.Text).rgba(), option.palette.cacheKey(),
            opt.icon.cacheKey(), opt.displayAlignment, ratio)
