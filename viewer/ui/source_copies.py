"""Edit ▸ Attach Source Copy… and Show Source Copies…: keep a local copy of a report's
source (PDF, image, saved HTML page, text; at most 20 MB) inside the situation file, and
read it offline (source_copy_dialog). Attaching and removing are undoable edits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from viewer.io.errors import SituationError
from viewer.io.files import read_limited
from viewer.model.attachment import MAX_BYTES, Attachment, media_type
from viewer.model.edits.attachments import AttachSource, RemoveAttachment
from viewer.model.edits.base import report_label
from viewer.render.language import translate
from viewer.ui.plain_text import error_text, show_error
from viewer.ui.source_copy_dialog import SourceCopyDialog

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

FILTER = "(*.pdf *.png *.jpg *.jpeg *.gif *.webp *.html *.htm *.txt)"


class SourceCopies(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.attach = QAction(translate("Reports", "Attach Source &Copy…"), window)
        self.attach.setStatusTip(translate("Reports", "Keep a copy of the selected report's "
                                                      "source (PDF, image, HTML, text) in the file"))
        self.attach.triggered.connect(self.ask_attach)
        self.show = QAction(translate("Reports", "Show Source C&opies…"), window)
        self.show.setStatusTip(translate("Reports", "Read the selected report's source copies "
                                                    "offline"))
        self.show.triggered.connect(self.open_dialog)
        edits = window.edit_actions
        window.menus["edit"].insertAction(edits.delete_report, self.attach)
        window.menus["edit"].insertAction(edits.delete_report, self.show)
        window.reports_panel.menu.addAction(self.attach)
        window.reports_panel.menu.addAction(self.show)
        self.dialog: SourceCopyDialog | None = None
        window.selection.changed.connect(self.update_enabled)
        window.edits.stack.indexChanged.connect(self.update_enabled)
        self.update_enabled()

    def report(self) -> str | None:
        report = self.window.edits.active_report
        return report if report in {r.id for r in self.window.situation.reports} else None

    def update_enabled(self, *_) -> None:
        report = self.report()
        self.attach.setEnabled(report is not None)
        self.show.setEnabled(report is not None and bool(
            self.window.situation.attachments_of(report)))

    def ask_attach(self, *_) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("Reports", "Attach Source Copy"),
            self.window.files.recent.last_directory(),
            translate("Reports", "Source copies") + " " + FILTER)
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> bool:
        report = self.report()
        if report is None:
            return False
        title = translate("Reports", "Can't attach the source copy")
        try:
            data = read_limited(path, MAX_BYTES)
        except SituationError as exc:
            show_error(self.window, title, error_text(exc))
            return False
        kind = media_type(Path(path).name, data)
        if kind is None:
            show_error(self.window, title, translate(
                "Reports", "Not a PDF, a PNG, JPEG, GIF or WebP image, or UTF-8 text."))
            return False
        s = self.window.situation
        return self.window.edits.perform(AttachSource(s, Attachment(report, Path(path).name,
                                                                    kind, data)))

    def open_dialog(self, *_) -> SourceCopyDialog | None:
        report = self.report()
        s = self.window.situation
        if report is None or not s.attachments_of(report):
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = SourceCopyDialog(report_label(s.report(report)), s.attachments_of(report),
                                       self.window)
        self.dialog.remove_asked.connect(self._remove)
        self.dialog.open()
        return self.dialog

    def _remove(self, name: str) -> None:
        report = self.report()
        if report is not None:
            self.window.edits.perform(RemoveAttachment(self.window.situation, report, name))
