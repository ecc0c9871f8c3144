"""The tree widget both tabs of the reports panel use, and its badge painting."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QWidget)

from viewer.ui.qt_utils import blocked
from viewer.ui.report_drop import MIME_TYPE, dropped_report, report_mime
from viewer.render.language import translate
from viewer.ui.report_items import (BADGE, CHANGE_ID, COLUMNS, KIND, REPORT_ID, ROLE_COLOURS,
                                    role_name)


class BadgeDelegate(QStyledItemDelegate):
    """Paints cells that carry a BADGE colour as a rounded badge with white bold text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colour = index.data(BADGE)
        if not colour:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        rect.setHeight(min(rect.height(), option.fontMetrics.height() + 6))
        rect.moveCenter(QRectF(option.rect).center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(rect, 4, 4)
        font = opt.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, index.data())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(BADGE):
            font = QFont(option.font)
            font.setBold(True)
            size.setWidth(QFontMetrics(font).horizontalAdvance(index.data()) + 18)
        return size


class QuietHeader(QHeaderView):
    """The trees' header, repainted when its sections change, not at each new set of
    rows: the tree's item layout lays the header out again (its items and geometry,
    which resize its stretched section), and that repainted it at every time step
    (0.07-0.14 ms) though nothing in it had changed. A new column count, size or
    section size still lays it out."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(Qt.Orientation.Horizontal, tree)
        self._laid: tuple | None = None     # what the last geometry update laid out
        # set up as the tree's own header (QTreeView makes its sections movable, their
        # titles aligned left, ...): QHeaderView's properties copied over
        old, meta = tree.header(), QHeaderView.staticMetaObject
        for i in range(meta.propertyOffset(), meta.propertyCount()):
            name = meta.property(i).name()
            self.setProperty(name, old.property(name))
        self.setSectionsMovable(old.sectionsMovable())
        self.setSectionsClickable(old.sectionsClickable())

    def doItemsLayout(self) -> None:        # noqa: N802 (Qt's name)
        model = self.model()
        if model is not None and self.count() and self.count() == model.columnCount():
            return
        super().doItemsLayout()

    def updateGeometries(self) -> None:     # noqa: N802 (Qt's name)
        laid = (self.size().toTuple(), self.offset(), self.count(),
                tuple(self.sectionSize(i) for i in range(self.count())))
        if laid != self._laid:
            super().updateGeometries()
            self._laid = (self.size().toTuple(), self.offset(), self.count(),
                          tuple(self.sectionSize(i) for i in range(self.count())))


class ReportsTree(QTreeWidget):
    """Changes and reports in three columns (text, role badge, grade), one selection.
    A report row can be dragged (report_drop.MIME_TYPE); a report dropped on a change row
    (or on a report under it) is announced by ``report_dropped``."""

    report_dropped = Signal(str, str, QPoint)   # report id, change id, global position
    released = Signal()     # the mouse button pressed on a row is up again (or the drag ended)

    def __init__(self, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeader(QuietHeader(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.pressing = False   # a row is pressed: the panel holds time jumps until release
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([translate("Reports", c) for c in COLUMNS])
        self.setToolTip(tip)
        self.setUniformRowHeights(True)     # every row is two lines: a change, or a report
        # The scroll bars' boxes opaque, filled with what the tree shows under them (its
        # base): a bar whose range changes at a time step otherwise has the window and
        # every widget down to this one paint their background under it.
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.parentWidget().setBackgroundRole(QPalette.ColorRole.Base)
            bar.parentWidget().setAutoFillBackground(True)
        # only the role column has badges: the others keep the default (C++) painting
        self.setItemDelegateForColumn(1, BadgeDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized once for the widest badge and grade, not ResizeToContents: that asks every
        # row its size again each time the tree is refilled, i.e. at every time step.
        bold = QFont(self.font())
        bold.setBold(True)
        plain = QFontMetrics(self.font())
        badge = max(QFontMetrics(bold).horizontalAdvance(role_name(r)) for r in ROLE_COLOURS) + 18
        self.setColumnWidth(1, max(badge, plain.horizontalAdvance(translate("Reports", "no change")) + 12,
                                   self._header_width(1)) + 8)
        self.setColumnWidth(2, max(plain.horizontalAdvance("M8") + 12, self._header_width(2)))
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)

    # -- dragging a report, dropping it on a change -------------------------------------
    def mousePressEvent(self, event) -> None:
        self.pressing = event.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self._released()

    def startDrag(self, actions) -> None:
        super().startDrag(actions)      # returns when the drop is done
        self._released()

    def _released(self) -> None:
        if self.pressing:
            self.pressing = False
            self.released.emit()

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items) -> QMimeData | None:
        reports = [i for i in items if i.data(0, KIND) == "report"]
        return report_mime(reports[0].data(0, REPORT_ID)) if reports else None

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def change_at(self, pos: QPoint) -> str | None:
        """The change of the row at ``pos`` (viewport coordinates): a change row's, or
        the change a report row sits under."""
        item = self.itemAt(pos)
        return None if item is None else item.data(0, CHANGE_ID)

    def dragEnterEvent(self, event) -> None:
        if dropped_report(event.mimeData()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if dropped_report(event.mimeData()) is None or \
                self.change_at(event.position().toPoint()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        report = dropped_report(event.mimeData())
        pos = event.position().toPoint()
        change = self.change_at(pos)
        if report is None or change is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.report_dropped.emit(report, change, self.viewport().mapToGlobal(pos))

    def _header_width(self, column: int) -> int:
        return self.header().fontMetrics().horizontalAdvance(translate("Reports", COLUMNS[column])) + 16

    def items(self) -> list[QTreeWidgetItem]:
        """Every item, top-level ones each followed by their children."""
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            out.append(top)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def selected(self) -> QTreeWidgetItem | None:
        picked = self.selectedItems()
        return picked[0] if picked else None

    def select_quietly(self, item: QTreeWidgetItem | None) -> None:
        """Select ``item`` (None: nothing) without emitting the tree's signals. The
        selection as it is (a time step with the same row selected) is left as it is,
        the list not painted again for it (row_blit moves its rows)."""
        picked = self.selectedItems()
        if (item is None and not picked) or (
                item is not None and self.currentItem() is item and len(picked) == 1
                and picked[0] is item):
            if item is not None:
                self.scrollToItem(item)
            return
        with blocked(self):
            self.clearSelection()
            if item is not None:
                self.setCurrentItem(item)
                item.setSelected(True)
                self.scrollToItem(item)
        self.viewport().update()
