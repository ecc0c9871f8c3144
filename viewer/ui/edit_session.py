"""Editing in the window: the undo stack, the model's edit notifications, saving (Ctrl+S),
the unsaved-changes question on close, and the recovery file.

The window stays a viewer first: an edit changes the situation in memory; only Save
writes a file. The embedded sample is never written: saving it asks for a new name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.io.errors import SituationError
from viewer.io.situation_file import SUFFIX, read_situation
from viewer.model.edits import Edit, Editor, Touched
from viewer.resources import sample_path
from viewer.render.language import fill, format_short_date, translate
from viewer.ui.file_controller import FILE_FILTER
from viewer.ui.loader import prepare
from viewer.ui.places_offer import refresh_places
from viewer.ui.plain_text import error_text, show_error
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.recovery import RecoveryFile, interval_ms
from viewer.ui.undo import UndoStack

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

Button = QMessageBox.StandardButton


def _same_view(view, before, after) -> tuple[float, float, float, float]:
    """A projected view rectangle of projection ``before`` in projection ``after`` (a
    new layer's extent may centre the automatic projection elsewhere)."""
    if before.crs == after.crs:
        return view
    lon, lat = before.inverse([view[0], view[2]], [view[1], view[3]])
    x, y = after.forward(lon, lat)
    return float(min(x)), float(min(y)), float(max(x)), float(max(y))


class EditSession(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.stack = UndoStack(window)
        self.recovery = RecoveryFile(window.settings)
        self.timer = QTimer(self)
        self.timer.setObjectName("recovery_timer")
        self.timer.setInterval(interval_ms())
        self.timer.timeout.connect(self.write_recovery)
        self._recovered_at = -1             # editor revision of the last recovery written
        self.active_report: str | None = None   # the report Link acts on (last one picked)
        self.stack.cleanChanged.connect(self._on_clean)
        window.situation_loaded.connect(self._on_loaded)
        self._conns = ModelConnections(self)
        self._conns.connect(window.selection.changed, self._on_selection)
        self._attach()

    # -- the situation being edited -------------------------------------------------------
    @property
    def editor(self) -> Editor:
        return self.stack.editor

    @property
    def read_only(self) -> bool:
        """The embedded sample (or a situation never saved) has no file to save to."""
        path = self.window.path
        return path is None or path.resolve() == sample_path().resolve()

    def _attach(self) -> None:
        editor = Editor(self.window.situation)
        editor.edited.connect(self._on_edited)
        self.stack.clear()
        self.stack.editor = editor
        self.stack.setClean()
        self.active_report = None

    def _on_loaded(self, loaded) -> None:
        if self.stack.editor is None or loaded.situation is not self.editor.situation:
            self._attach()

    def _on_selection(self) -> None:
        report = self.window.selection.report_id
        if report is not None:
            self.active_report = report

    def perform(self, edit: Edit) -> bool:
        """Apply ``edit`` (undoably); a refused edit is explained in a dialog."""
        reason = self.stack.perform(edit)
        if reason is not None:
            QMessageBox.warning(self.window, translate("Edit", "Can't make this edit"), reason)
            return False
        return True

    def _on_edited(self, touched: Touched) -> None:
        w = self.window
        s = w.situation
        if self.active_report is not None and self.active_report not in {r.id for r in
                                                                          s.reports}:
            self.active_report = None
        if touched.layers or touched.layer_list:
            self._refresh_layers()
            return
        if touched.places:
            refresh_places(w)
            return
        w.reports_panel.set_situation(s, w.loaded.regions)
        w.timeline.set_situation(s, w.loaded.areas)
        w.canvas.invalidate()

    def _refresh_layers(self) -> None:
        """A layer's area changed: everything derived from it is prepared again (areas,
        map scene, region figures, first entry) and the window keeps its time."""
        w = self.window
        s, t = w.situation, w.cursor_model.time
        w.measuring.cancel()        # its figures are of the situation before this edit
        loaded = prepare(s, w.loaded.path)
        w.loaded = loaded
        old, view = w.canvas.scene, w.canvas.view_rect()
        w.canvas.set_scene(loaded.scene)
        if old is not None:                 # the map stays where the person is looking
            w.canvas.set_view(_same_view(view, old.projector, loaded.scene.projector))
        w.layers_panel.set_situation(s, loaded.areas)
        w.reports_panel.set_situation(s, loaded.regions)
        w.regions_panel.set_situation(s)
        start = s.start or s.meta.default_time or t
        w.cursor_model.set_span(start, s.end or start, [c.at for c in s.changes])
        w.cursor_model.set_time(t)
        w.timeline.set_situation(s, loaded.areas)
        if s.layers:
            w._measure_later.emit(loaded)

    # -- unsaved changes ------------------------------------------------------------------
    @property
    def unsaved(self) -> bool:
        return not self.stack.isClean()

    def _on_clean(self, clean: bool) -> None:
        self.window.setWindowModified(not clean)
        if clean:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def save(self) -> bool:
        """Ctrl+S: to the file shown, atomically; the sample or a new situation asks."""
        if self.read_only:
            return self.save_as()
        return self._saved(self.window.path)

    def save_as(self) -> bool:
        w = self.window
        stem = w.path.stem if w.path else w.situation.meta.title
        suggested = str(Path(w.files.recent.last_directory()) / f"{stem}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            w, translate("Edit", "Save Situation As"), suggested,
            fill(translate("Files", FILE_FILTER), SUFFIX))
        return bool(path) and self._saved(Path(path))

    def _saved(self, path: Path) -> bool:
        if not self.window.files.save_to(path):
            return False
        self.stack.setClean()
        self.recovery.remove()
        return True

    def may_close(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True: go on. A
        window not shown (being torn down) doesn't ask: its recovery file stays."""
        if not self.unsaved or not self.window.isVisible():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Edit", "Unsaved changes"),
                          translate("Edit", "The situation has changes that are not saved."),
                          Button.Save | Button.Discard | Button.Cancel, self.window)
        box.setObjectName("unsaved_changes")
        box.setInformativeText(translate("Edit", "Save them before closing?"))
        box.setDefaultButton(Button.Save)
        answer = box.exec()
        box.deleteLater()
        if answer == Button.Save:
            return self.save()
        if answer == Button.Discard:
            self.recovery.remove()
            self.stack.setClean()
            return True
        return False

    def stop(self) -> None:
        self.timer.stop()

    # -- recovery -------------------------------------------------------------------------
    def write_recovery(self) -> None:
        if not self.unsaved or self.editor.revision == self._recovered_at:
            return
        try:
            self.recovery.write(self.window.situation, self.window.path)
        except (SituationError, OSError) as exc:
            self.window.status.show_message(
                fill(translate("Edit", "Can't write the recovery file: %1"), exc), 8000)
            return
        self._recovered_at = self.editor.revision

    def offer_recovery(self) -> bool:
        """After a crash: offer the edits the recovery file holds; True if restored."""
        found = self.recovery.pending()
        if found is None:
            return False
        origin = str(found.edited_from) if found.edited_from else \
            translate("Edit", "a new situation")
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("Edit", "Restore unsaved changes?"),
                          fill(translate("Edit", "The viewer did not close normally. Restore "
                                                 "the unsaved changes to %1 from %2?"),
                               origin, format_short_date(found.written)),
                          Button.Yes | Button.No, self.window)
        box.setObjectName("offer_recovery")
        box.setTextFormat(box.textFormat().PlainText)
        answer = box.exec()
        box.deleteLater()
        if answer != Button.Yes:
            self.recovery.remove()
            return False
        try:
            situation = read_situation(found.situation_path)
        except SituationError as exc:
            show_error(self.window, translate("Edit", "Can't restore"), error_text(exc))
            return False
        self.window.show_loaded(prepare(situation, found.edited_from))
        self.stack.resetClean()            # restored edits are unsaved edits
        self._on_clean(False)
        return True
