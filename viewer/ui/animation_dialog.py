"""File ▸ Export Animation…: the dates, steps, speed, trail and file of an animation,
then the export with a progress bar and Cancel.

Frames are drawn by the shared render routine from the window's own view (what is
hidden, the layers' opacities) and written by viewer.render.animation: a cancelled export
leaves no file. The export runs on the GUI thread (the scene's caches are the window's),
handing the event loop a turn after every frame so the progress bar moves and Cancel
is heard.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QMessageBox, QProgressDialog, QWidget)

from viewer.io.errors import SituationError
from viewer.render.animation import Animation, Cancelled, parse_every, step_times, write_animation
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui.compare_view import DEFAULT_GAP, from_qdate, to_qdate
from viewer.ui.plain_text import error_text
from viewer.ui.qt_utils import accept_buttons

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

FILTERS = (QT_TRANSLATE_NOOP("Animation", "Animated GIF (*.gif)"),
           QT_TRANSLATE_NOOP("Animation", "Animated PNG (*.png)"),
           QT_TRANSLATE_NOOP("Animation", "WebP animation (*.webp)"),
           QT_TRANSLATE_NOOP("Animation", "MP4 video (*.mp4)"))
STEPS = ((QT_TRANSLATE_NOOP("Animation", "Every change"), "change"),
         (QT_TRANSLATE_NOOP("Animation", "Every day"), "1d"),
         (QT_TRANSLATE_NOOP("Animation", "Every week"), "7d"))
SIZE = (1280, 720)


class AnimationDialog(QDialog):
    def __init__(self, start: datetime, end: datetime, a: datetime, b: datetime,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Animation", "Export Animation"))
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        for edit, value in ((self.from_edit, a), (self.to_edit, b)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDateRange(to_qdate(start), to_qdate(end))
            edit.setDate(to_qdate(value))
        self.every = QComboBox(self)
        for label, key in STEPS:
            self.every.addItem(translate("Animation", label), key)
        self.fps = QDoubleSpinBox(self)
        self.fps.setRange(0.5, 50.0)
        self.fps.setValue(4.0)
        self.fps.setSuffix(" " + translate("Animation", "frames/s"))
        self.trail = QCheckBox(translate("Animation", "Draw the ground gained since the first date"),
                               self)
        form = QFormLayout(self)
        form.addRow(translate("Animation", "From:"), self.from_edit)
        form.addRow(translate("Animation", "To:"), self.to_edit)
        form.addRow(translate("Animation", "Steps:"), self.every)
        form.addRow(translate("Animation", "Speed:"), self.fps)
        form.addRow("", self.trail)
        form.addRow(accept_buttons(self, QDialogButtonBox.StandardButton.Save))

    def animation(self, situation) -> Animation:
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        start, end = min(start, end), max(start, end)
        times = step_times(situation, start, end, parse_every(self.every.currentData()))
        return Animation(times, self.fps.value(), self.trail.isChecked())


class AnimationExporter(QObject):
    frame_written = Signal(int, int)        # done, total (tests cancel from here)

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.progress: QProgressDialog | None = None

    def ask(self) -> None:
        w = self.window
        s = w.situation
        if s.start is None:
            return
        b = w.cursor_model.time
        a = max(s.start, b - DEFAULT_GAP)
        dialog = AnimationDialog(s.start, s.end, a, b, w)
        if not dialog.exec():
            return
        path, _ = QFileDialog.getSaveFileName(w, translate("Animation", "Export Animation"),
                                              str(Path(w.images.directory()) / "animation.gif"),
                                              ";;".join(translate("Animation", f)
                                                        for f in FILTERS))
        if path:
            self.export_to(path, dialog.animation(s))

    def export_to(self, path: str | Path, animation: Animation,
                  size: tuple[int, int] = SIZE) -> bool:
        """Write ``animation`` of the window's view to ``path``; True when written."""
        w, path = self.window, Path(path)
        base = w.canvas.render_settings(size=size, decorations=True)   # its view, fitted
        total = len(animation.times)
        self.progress = QProgressDialog(fill(translate("Animation", "Writing %1…"), path.name),
                                        translate("Animation", "Cancel"), 0, total, w)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)

        def progress(done: int, total: int) -> bool:
            self.progress.setValue(done)
            self.frame_written.emit(done, total)
            QApplication.processEvents()
            return not self.progress.wasCanceled()
        try:
            write_animation(w.loaded.scene, base, animation, path, progress)
        except Cancelled:
            w.status.show_message(translate("Animation", "Export cancelled; no file written"), 4000)
            return False
        except SituationError as exc:
            QMessageBox.critical(w, translate("Animation", "Can't export animation"), error_text(exc))
            return False
        finally:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        w.status.show_message(fill(translate("Animation", "Exported %1 (%2 frames)"), path.name,
                                   total), 4000)
        return True
