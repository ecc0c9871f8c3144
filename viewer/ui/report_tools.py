"""The report tools of the window beyond editing one report: File ▸ Import Reports… and
File ▸ Export Reports… (the tables viewer.io.foreign.reports_table reads, CSV or JSON,
with their links), dragging a report onto a change (report_drop), and the map greying
the changes the reports panel's filter leaves out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from viewer.importing.link_reports import resolve_links
from viewer.io.errors import SituationError
from viewer.io.foreign.reports_export import export_reports
from viewer.io.foreign.reports_table import read_reports_table
from viewer.model.edits.import_reports import ImportReports
from viewer.model.text import safe_line
from viewer.render.language import fill, translate
from viewer.ui.plain_text import error_text, show_error
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.report_drop import DropLinker
from viewer.ui.source_copies import SourceCopies
from viewer.ui.warnings_box import show_warnings

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

TABLE_FILTERS = ("CSV (*.csv)", "JSON (*.json)")


class ReportTools(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.drops = DropLinker(window)
        self.copies = SourceCopies(window)
        self.import_action = self._action(
            translate("Reports", "&Import Reports…"), self.ask_import,
            translate("Reports", "Add the reports of a CSV or JSON table, linked as it says"))
        self.export_action = self._action(
            translate("Reports", "E&xport Reports…"), self.ask_export,
            translate("Reports", "Write every report and its links to a CSV or JSON table"))
        file_menu = window.menus["file"]
        before = window.window_actions.export
        file_menu.insertAction(before, self.import_action)
        file_menu.insertAction(before, self.export_action)
        self._conns = ModelConnections(self)
        self._conns.connect(window.reports_panel.filter.changed, self.update_dimmed)
        window.edits.stack.indexChanged.connect(self.update_dimmed)
        window.situation_loaded.connect(self.update_dimmed)

    def _action(self, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # -- the map dims what the filter leaves out ------------------------------------------
    def update_dimmed(self, *_) -> None:
        s = self.window.situation
        criteria = self.window.reports_panel.filter.criteria
        self.window.canvas.set_dimmed_changes(criteria.dimmed(s, [c.id for c in s.changes]))

    # -- import -----------------------------------------------------------------------------
    def ask_import(self, *_) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(
            w, translate("Reports", "Import Reports"), w.files.recent.last_directory(),
            ";;".join((translate("Reports", "Reports tables (*.csv *.json)"),) + TABLE_FILTERS))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> bool:
        """Add the table's reports and links as one undoable edit; True if added."""
        w = self.window
        title = translate("Reports", "Can't import the reports")
        try:
            table = read_reports_table(path)
        except SituationError as exc:
            show_error(w, title, error_text(exc))
            return False
        s = w.situation
        known = {r.id for r in s.reports} | {r.id for r in table.reports}
        links, unresolved = resolve_links(s, table.link_specs, known)
        if not w.edits.perform(ImportReports(table.reports, links, Path(path).name)):
            return False
        w.status.show_message(fill(translate("Reports", "Imported %1 reports and %2 links "
                                                        "from %3"),
                                   len(table.reports), len(links),
                                   safe_line(Path(path).name, 80)), 10000)
        warnings = table.warnings + unresolved
        if warnings:
            show_warnings(w, translate("Reports", "Imported with warnings"), warnings,
                          "import_reports_warnings")
        return True

    # -- export -----------------------------------------------------------------------------
    def ask_export(self, *_) -> None:
        w = self.window
        stem = w.path.stem if w.path else "reports"
        suggested = str(Path(w.files.recent.last_directory()) / f"{stem}-reports.csv")
        path, chosen = QFileDialog.getSaveFileName(
            w, translate("Reports", "Export Reports"), suggested, ";;".join(TABLE_FILTERS))
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".json"):
            path += ".json" if chosen == TABLE_FILTERS[1] else ".csv"
        self.export_to(path)

    def export_to(self, path: str) -> bool:
        w = self.window
        try:
            rows = export_reports(w.situation, path)
        except SituationError as exc:
            show_error(w, translate("Reports", "Can't export the reports"), error_text(exc))
            return False
        w.status.show_message(fill(translate("Reports", "Wrote %1 rows to %2"), rows,
                                   safe_line(Path(path).name, 80)), 10000)
        return True
