"""The editing actions and menus: File ▸ Save, Edit ▸ Undo/Redo, Add/Edit/Delete Report,
Link Report ▸ role, Change Role ▸, Unlink; the same in the reports panel's context menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox
from shiboken6 import isValid

from viewer.model import ROLES
from viewer.render.language import fill, plural, translate
from viewer.model.edits import (AddReport, ChangeRole, DeleteReport, EditReport, LinkReport,
                                UnlinkReport, new_report_id)
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.report_dialog import ReportDialog
from viewer.ui.report_items import role_name

if TYPE_CHECKING:
    from viewer.ui.edit_session import EditSession
    from viewer.ui.main_window import MainWindow


def without_mnemonic(text: str) -> str:
    """An action's text as shown: ``&&`` is ``&``, a single ``&`` marks the shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class PlainCommandText(QObject):
    """An edit's name holds file text (a layer's name, a report's source). In the Undo or
    Redo entry an ``&`` of it is shown as written (not as a shortcut letter), and the
    tooltip (an action's text unless set) is escaped, never rendered as HTML. A child of
    the action, so it goes with it."""

    def __init__(self, action: QAction, text_changed):
        super().__init__(action)
        self.action = action
        text_changed.connect(self.update)

    def update(self, name: str) -> None:
        if not isValid(self.action):         # the window being torn down, the stack last
            return
        text = self.action.text()
        if name and text.endswith(name):
            text = text[:len(text) - len(name)] + name.replace("&", "&&")
            self.action.setText(text)
        self.action.setToolTip(plain_tooltip(without_mnemonic(text)))


class EditActions:
    def __init__(self, window: "MainWindow", session: "EditSession"):
        self.window, self.session = window, session
        stack = session.stack
        self.undo = stack.createUndoAction(window, translate("Edit", "&Undo"))
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = stack.createRedoAction(window, translate("Edit", "&Redo"))
        self.redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.save = self._action(translate("Edit", "&Save"), session.save, QKeySequence("Ctrl+S"),
                                 translate("Edit", "Save the situation to its file (the "
                                                   "sample: to a new one)"))
        self.add_report = self._action(translate("Edit", "&Add Report…"), self.ask_add_report,
                                       "Ctrl+Shift+R",
                                       translate("Edit", "Add a report: source, time, title, "
                                                         "link and grade"))
        self.edit_report = self._action(translate("Edit", "&Edit Report…"), self.ask_edit_report,
                                        None, translate("Edit", "Edit the selected report"))
        self.delete_report = self._action(translate("Edit", "&Delete Report"),
                                          self.delete_active_report, None,
                                          translate("Edit", "Delete the selected report and "
                                                            "its links"))
        self.link_menu = QMenu(translate("Edit", "&Link Report to Selected Changes"), window)
        self.role_menu = QMenu(translate("Edit", "Change &Role"), window)
        self.link_actions = {role: self.link_menu.addAction(
            fill(translate("Edit", "as “%1”"), role_name(role)),
            lambda r=role: self.link_selected(r)) for role in ROLES}
        self.role_actions = {role: self.role_menu.addAction(
            role_name(role), lambda r=role: self.change_role(r)) for role in ROLES}
        self.unlink = self._action(translate("Edit", "&Unlink Report from Change"),
                                   self.unlink_selected, None,
                                   translate("Edit", "Remove the selected report's link to the "
                                                     "selected change"))
        for a in (self.undo, self.redo):
            window.addAction(a)
        save_as = window.window_actions.save_as     # Save As also marks the edits saved
        save_as.triggered.disconnect()
        save_as.triggered.connect(lambda *_: session.save_as())
        self._build_menus()
        window.selection.changed.connect(self.update_enabled)
        session.stack.indexChanged.connect(self.update_enabled)
        # after the stack's own update of the actions' texts (connected first)
        PlainCommandText(self.undo, session.stack.undoTextChanged)
        PlainCommandText(self.redo, session.stack.redoTextChanged)
        self.update_enabled()

    def _action(self, text, slot, shortcut, tip) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda *_: slot())
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        menus = self.window.menus           # by role: their titles are translated
        file_menu, edit_menu = menus["file"], menus["edit"]
        file_menu.insertAction(self.window.window_actions.save_as, self.save)
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        for a in (self.undo, self.redo):
            edit_menu.insertAction(first, a)
        edit_menu.insertSeparator(first)
        for a in (self.add_report, self.edit_report, self.delete_report):
            edit_menu.insertAction(first, a)
        edit_menu.insertMenu(first, self.link_menu)
        edit_menu.insertMenu(first, self.role_menu)
        edit_menu.insertAction(first, self.unlink)
        edit_menu.insertSeparator(first)
        panel_menu = self.window.reports_panel.menu
        panel_menu.addSeparator()
        panel_menu.addMenu(self.link_menu)
        panel_menu.addMenu(self.role_menu)
        panel_menu.addAction(self.unlink)
        panel_menu.addAction(self.edit_report)
        panel_menu.addAction(self.delete_report)

    # -- what the actions act on ----------------------------------------------------------
    def _report(self) -> str | None:
        report = self.session.active_report
        return report if report in {r.id for r in self.window.situation.reports} else None

    def _linked_pair(self) -> tuple[str, str] | None:
        """(report, change) of a selected report row under a change, if it is linked."""
        s, sel = self.window.situation, self.window.selection
        report = sel.report_id
        pinned = self.window.reports_panel._pinned[0]
        if report is None:
            return None
        changes = [pinned] if pinned in sel.change_ids else sorted(sel.change_ids)
        for cid in changes:
            if any(c.id == cid for c, _ in s.changes_for(report)):
                return report, cid
        return None

    def update_enabled(self, *_) -> None:
        report = self._report()
        changes = self.window.selection.change_ids
        self.edit_report.setEnabled(report is not None)
        self.delete_report.setEnabled(report is not None)
        self.link_menu.setEnabled(report is not None and bool(changes))
        if report is not None:
            label = self.window.situation.report(report)
            from viewer.model.edits.base import report_label
            title = fill(translate("Edit", "&Link '%1' to Selected Changes"),
                         report_label(label).replace("&", "&&"))
            self.link_menu.setTitle(title)
            self.link_menu.menuAction().setToolTip(plain_tooltip(without_mnemonic(title)))
        self.role_menu.setEnabled(self._linked_pair() is not None)
        self.unlink.setEnabled(self._linked_pair() is not None)

    # -- reports --------------------------------------------------------------------------
    def ask_add_report(self) -> ReportDialog:
        """Open the dialog for a new report (returned, so tests can fill it)."""
        s = self.window.situation
        dialog = ReportDialog(s, new_report_id(s), None, self.window.cursor_model.time,
                              self.window)
        dialog.finished.connect(lambda _code: self._added(dialog))
        dialog.open()
        return dialog

    def _added(self, dialog: ReportDialog) -> None:
        dialog.deleteLater()
        if dialog.existing_id is not None:
            self._pick_report(dialog.existing_id)
        elif dialog.result_report is not None:
            if self.session.perform(AddReport(dialog.result_report)):
                self._pick_report(dialog.result_report.id)

    def _pick_report(self, report_id: str) -> None:
        self.session.active_report = report_id
        self.window.status.show_message(translate(
            "Edit", "Select changes on the map or in the Reports panel, then Edit ▸ Link "
                    "Report"), 8000)
        self.update_enabled()

    def ask_edit_report(self) -> ReportDialog | None:
        report = self._report()
        if report is None:
            return None
        s = self.window.situation
        dialog = ReportDialog(s, report, s.report(report), None, self.window)
        dialog.finished.connect(lambda _code: self._edited(dialog))
        dialog.open()
        return dialog

    def _edited(self, dialog: ReportDialog) -> None:
        dialog.deleteLater()
        old = self.window.situation.report(dialog.report_id)
        if dialog.result_report is not None and dialog.result_report != old:
            self.session.perform(EditReport(dialog.result_report))

    def delete_active_report(self) -> None:
        report = self._report()
        if report is None:
            return
        n = len(self.window.situation.changes_for(report))
        question = translate("Edit", "The report backs 1 change; delete it and its link?") \
            if n == 1 else plural(
                n, translate("Edit", "The report backs %n changes; delete it and its links?",
                             "one"),
                translate("Edit", "The report backs %n changes; delete it and its links?",
                          "few"),
                translate("Edit", "The report backs %n changes; delete it and its links?",
                          "many"))
        if n and QMessageBox.question(self.window, translate("Edit", "Delete report"),
                                      question) != QMessageBox.StandardButton.Yes:
            return
        self.session.perform(DeleteReport(self.window.situation, report))

    # -- links ----------------------------------------------------------------------------
    def link_selected(self, role: str) -> bool:
        report, s = self._report(), self.window.situation
        changes = sorted(c for c in self.window.selection.change_ids if c in
                         {k.id for k in s.changes})
        if report is None or not changes:
            return False
        return self.session.perform(LinkReport(s, report, changes, role))

    def change_role(self, role: str) -> bool:
        pair = self._linked_pair()
        if pair is None:
            return False
        return self.session.perform(ChangeRole(self.window.situation, *pair, role))

    def unlink_selected(self) -> bool:
        pair = self._linked_pair()
        if pair is None:
            return False
        return self.session.perform(UnlinkReport(self.window.situation, *pair))
