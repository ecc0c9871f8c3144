"""Dragging a report onto a change links it: in the reports panel (a report row onto a
change row; the tabs switch while dragging over them) and onto a change's area on the map.
The drop offers the four roles in a menu, the report's present role first; choosing one
performs the undoable LinkReport, exactly as Edit ▸ Link Report does.

The drag carries the report's id as MIME_TYPE (our own type: text dropped from elsewhere
is never taken for a report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint
from PySide6.QtWidgets import QMenu

from viewer.model import ROLES
from viewer.model.edits import LinkReport
from viewer.render.language import fill, translate
from viewer.ui.report_items import role_name

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

MIME_TYPE = "application/x-situation-viewer-report"


def report_mime(report_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(report_id.encode("utf-8")))
    return mime


def dropped_report(mime: QMimeData | None) -> str | None:
    """The report id a drag carries, or None for anything else."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        return bytes(mime.data(MIME_TYPE).data()).decode("utf-8")
    except UnicodeDecodeError:
        return None


class DropLinker(QObject):
    """Offers the roles for a dropped report and links it; also the map's drop target."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.menu: QMenu | None = None      # the last roles menu offered (tests pick from it)
        window.canvas.setAcceptDrops(True)
        window.canvas.installEventFilter(self)
        window.reports_panel.report_dropped.connect(self.offer)

    def _known(self, report_id: str | None) -> bool:
        return report_id is not None and report_id in {r.id for r in self.window.situation.reports}

    def offer(self, report_id: str, change_ids: list[str], global_pos: QPoint) -> QMenu | None:
        """Pop up the roles menu for linking ``report_id`` to ``change_ids``."""
        s = self.window.situation
        if not self._known(report_id) or not change_ids:
            return None
        present = [role for c, role in s.changes_for(report_id)]
        order = sorted(ROLES, key=lambda r: (r not in present[:1], ROLES.index(r)))
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = QMenu(self.window)
        self.menu.setObjectName("drop_roles_menu")
        title = self.menu.addAction(fill(translate("Reports", "Link to %1 change(s) as:"),
                                         len(change_ids)))
        title.setEnabled(False)
        for role in order:
            self.menu.addAction(role_name(role),
                                lambda r=role: self.link(report_id, change_ids, r))
        self.menu.setActiveAction(self.menu.actions()[1])
        self.menu.popup(global_pos)
        return self.menu

    def link(self, report_id: str, change_ids: list[str], role: str) -> bool:
        s = self.window.situation
        known = sorted(c for c in change_ids if c in {k.id for k in s.changes})
        if not self._known(report_id) or not known:
            return False
        return self.window.edits.perform(LinkReport(s, report_id, known, role))

    # -- the map as a drop target ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self.window.canvas or kind not in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        report = dropped_report(event.mimeData())
        if report is None:
            return False            # e.g. a file: the window opens it
        if not self._known(report):
            event.ignore()
            return True
        if kind == QEvent.Type.DragEnter:
            event.acceptProposedAction()        # moves then say where it may land
            return True
        hits = self.window.canvas.changes_at(event.position())
        if not hits:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            pos = self.window.canvas.mapToGlobal(event.position().toPoint())
            self.offer(report, [c.id for c in hits], pos)
        return True
