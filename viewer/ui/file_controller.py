"""The window's file handling: Open, Open Recent, drag and drop, Save As, and loading in
the background.

Every way of opening a file (the Open dialog, a recent entry, a drop, the caller) goes
through ``open_file``; while it loads (on the loader's own thread) the window's
background jobs for the situation shown are paused, then cancelled when the file is
shown or resumed when it could not be opened. Every write goes through ``save_to``.
These are the places where a later Save (to ``window.path``) or an "unsaved changes"
prompt before replacing the situation would go. A file that is not a situation file
gets the import dialog (import_dialog.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from viewer.io.errors import SituationError
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.io.situation_file import SUFFIX, write_situation
from viewer.model.text import safe_line
from viewer.resources import sample_path
from viewer.ui.import_dialog import FOREIGN_SUFFIXES, ImportDialog
from viewer.ui.loader import FirstView, LoadedSituation, SituationLoader
from viewer.ui.plain_text import error_text, show_error
from viewer.ui.recent_files import RecentFiles, fill_recent_menu
from viewer.ui.warnings_box import show_warnings
from viewer.ui.worker import BackgroundWorker, Job

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

FILE_FILTER = QT_TRANSLATE_NOOP("Files", "Situation files (*%1)")
OPEN_FILTER = QT_TRANSLATE_NOOP("Files", "Situation files (*%1);;Data to import (*.geojson "
                                         "*.json *.kml *.kmz *.shp *.gpkg);;All files (*)")
DROP_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def _NOT_A_SITUATION() -> str:    # noqa: N802
    """What the reader's "not a situation file" reason says, in the interface language
    (viewer/io/situation_file/open.py: both of its forms hold it)."""
    return translate("Core", "not a situation file; make one with: %1").split("%1")[0]


def dropped_file(mime) -> str | None:
    """The first local situation file, or file to import, among the dragged URLs."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(FOREIGN_SUFFIXES):
            return url.toLocalFile()
    return None


class FileController(QObject):
    """Opens and saves situation files for ``window`` (its parent)."""

    load_failed = Signal(str)           # one-line reason a file could not be opened

    def __init__(self, window: "MainWindow", worker: BackgroundWorker):
        super().__init__(window)
        self.window = window
        self.recent = RecentFiles(window.settings, self)
        self._worker = worker
        self._paused: list[Job] = []        # the shown situation's jobs, while a file loads
        self.loader = SituationLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.first_view.connect(self._on_first_view)
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(window.status.set_busy)
        window.canvas.idle.held = lambda: self.loader.busy     # (canvas_idle)
        self._pending: tuple[Path, datetime | None, bool] | None = None
        self._recent_menu: QMenu | None = None
        self._import_dialog: ImportDialog | None = None
        self.recent.changed.connect(self._fill_recent_menu)
        window.situation_loaded.connect(self._remember)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- opening -------------------------------------------------------------------------
    def open_file(self, path: str | Path, at: datetime | None = None,
                  dialog_on_error: bool = True) -> None:
        """Open ``path`` in the background; the current situation stays until it is ready.
        On failure ``load_failed`` is emitted and, unless told not to, a dialog says why.
        A file that is not a situation file (GeoJSON, KML, someone else's GeoPackage) gets
        the import dialog; its result opens as an unsaved situation."""
        if Path(path).suffix.lower() in FOREIGN_SUFFIXES and Path(path).suffix.lower() != SUFFIX:
            self.ask_import(path)
            return
        self._pending = (Path(path), at, dialog_on_error)
        self.window.status.show_message(fill(translate("Files", "Opening %1…"),
                                             safe_line(Path(path).name, 120)))
        canvas = self.window.canvas
        self._pause_shown()
        self.loader.load(path, at, (canvas.width(), canvas.height(), canvas.devicePixelRatioF()))

    def forget_pending(self) -> None:
        """Another situation was shown meanwhile: a file still loading opens at its own time."""
        self._pending = None

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("Files", "Open Situation"),
                                              self.recent.last_directory(),
                                              fill(translate("Files", OPEN_FILTER), SUFFIX))
        if path:
            self.open_file(path)

    def ask_import(self, path: str | Path) -> ImportDialog:
        """The import dialog for ``path`` (shown, not blocking); Import starts the import."""
        if self._import_dialog is not None:
            self._import_dialog.deleteLater()
        dialog = self._import_dialog = ImportDialog(path, self.window)
        dialog.accepted.connect(self._start_import)
        dialog.open()
        return dialog

    def _start_import(self) -> None:
        dialog = self._import_dialog
        try:
            options = dialog.options()
        except SituationError as exc:
            show_error(self.window, translate("Files", "Can't import file"), error_text(exc))
            return
        self._pending = (dialog.path, None, True)
        self.window.status.show_message(fill(translate("Files", "Importing %1…"),
                                             safe_line(dialog.path.name, 120)))
        self._pause_shown()
        self.loader.import_file(dialog.path, options, dialog.arguments())

    def _pause_shown(self) -> None:
        """The file asked for will replace the situation shown: its background work waits,
        and so does what the canvas prepares while idle (a chunk of it, tens of
        milliseconds, would otherwise run before the new file's first paint)."""
        self._paused += self._worker.pause_jobs()
        self.window.canvas.idle.stop()

    def _resume_shown(self) -> None:
        """Shown (their jobs were cancelled meanwhile) or failed: they go on."""
        paused, self._paused = self._paused, []
        for job in paused:
            job.resume()

    def shutdown(self) -> None:
        """The window is closing: the file under way is dropped."""
        self.loader.shutdown()

    def _on_first_view(self, view: FirstView) -> None:
        if self._pending is not None and self._pending[0] == view.path:
            self.window.show_first_view(view)
        else:
            view.painted.set()              # another situation was shown meanwhile

    def _on_loaded(self, loaded: LoadedSituation) -> None:
        at = self._pending[1] if self._pending else None
        source = self._pending[0] if self._pending else None
        self._pending = None
        self.window.show_loaded(loaded, at)
        self._resume_shown()
        if loaded.path is None and source is not None:
            self.window.status.show_message(fill(translate(
                "Files", "Imported %1 (not saved: File ▸ Save As keeps it)"),
                safe_line(source.name, 120)), 8000)
            if loaded.warnings:
                show_warnings(self.window, translate("Files", "Imported with warnings"),
                              list(loaded.warnings), "import_warnings")
        else:
            self.window.status.show_message(fill(translate("Files", "Opened %1"),
                                                 safe_line(loaded.path.name, 120)), 4000)

    def _on_failed(self, reason: str) -> None:
        path, _, dialog = self._pending or (None, None, True)
        self._pending = None
        self._resume_shown()
        self.window.drop_first_view()
        if path is not None and dialog and _NOT_A_SITUATION() in reason:
            self.ask_import(path)           # someone else's GeoPackage: offer the import
            return
        self.window.status.show_message("")
        if path is not None and not path.exists():
            self.recent.remove(str(path.resolve()))
        self.load_failed.emit(reason)
        if dialog:
            show_error(self.window, translate("Files", "Can't open file"), reason)

    def _remember(self, loaded: LoadedSituation) -> None:
        if loaded.path is not None and loaded.path.resolve() != sample_path().resolve():
            self.recent.add(loaded.path)

    # -- saving --------------------------------------------------------------------------
    def save_as(self) -> None:
        w = self.window
        stem = w.path.stem if w.path else w.situation.meta.title
        suggested = str(Path(self.recent.last_directory()) / f"{stem}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(w, translate("Files", "Save Situation As"), suggested,
                                              fill(translate("Files", FILE_FILTER), SUFFIX))
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the situation to ``path`` (atomically), keeping what the file it came from
        holds that is not ours (QGIS styles, other layers); say why in a dialog if it fails."""
        w, path = self.window, Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_situation(w.situation, path, keep_from=w.path)
        except SituationError as exc:
            QApplication.restoreOverrideCursor()
            show_error(w, translate("Files", "Can't save file"), error_text(exc))
            return False
        except BaseException:
            QApplication.restoreOverrideCursor()     # never leave the busy cursor behind
            raise
        QApplication.restoreOverrideCursor()
        w.loaded.path = path
        self.recent.add(path)
        w.update_title()
        w.status.show_message(fill(translate("Files", "Saved %1"), safe_line(path.name, 120)), 4000)
        return True

    # -- Open Recent ---------------------------------------------------------------------
    def attach_recent_menu(self, menu: QMenu) -> None:
        """Keep File ▸ Open Recent filled from the recent-files list."""
        self._recent_menu = menu
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        if self._recent_menu is not None:
            fill_recent_menu(self._recent_menu, self.recent, self.open_file)

    # -- drag and drop onto the window ---------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self.window or event.type() not in DROP_EVENTS:
            return False
        path = dropped_file(event.mimeData())
        if path is None:
            event.ignore()
        else:
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.open_file(path)
        return True
