"""Exporting the map as the window shows it: File ▸ Export Image… and Edit ▸ Copy Image.

Both draw with the shared render routine, from the canvas's own settings (its view, the
cursor's time, what is hidden and selected), adding the title, date, legend, scale bar
and attribution. Line widths and text grow with the output size, so an image larger than
the canvas looks like the canvas, only sharper.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from viewer.io.errors import SituationError
from viewer.render.language import fill, translate
from viewer.model.text import safe_line
from viewer.render import render_image, render_to_file
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.plain_text import error_text, show_error

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class ImageExporter(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window

    def directory(self) -> str:
        folder = self.window.settings.value("export/directory")
        return str(folder) if folder and Path(str(folder)).is_dir() else \
            self.window.files.recent.last_directory()

    def ask(self) -> None:
        """The Export Image dialog, then the export."""
        w = self.window
        dialog = ExportDialog(w.canvas.size(), w.canvas.devicePixelRatioF(),
                              w.situation.meta.title, w.cursor_model.time, self.directory(), w)
        if dialog.exec() and dialog.path:
            self.export_to(dialog.path, dialog.image_size, dialog.title)

    def export_to(self, path: str | Path, size: tuple[int, int], title: str | None = None) -> bool:
        """Render the current view at the current time to ``path`` (.png, .svg or .pdf);
        on failure a dialog gives the one-line reason."""
        w, path = self.window, Path(path)
        settings = w.canvas.render_settings(size=tuple(size), decorations=True, credits="full",
                                            scale=self._scale(size), title=title or None)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            render_to_file(w.loaded.scene, settings, path)
        except SituationError as exc:
            QApplication.restoreOverrideCursor()
            show_error(w, translate("Files", "Can't export image"), error_text(exc))
            return False
        QApplication.restoreOverrideCursor()
        w.settings.setValue("export/directory", str(path.parent))
        w.status.show_message(fill(translate("Files", "Exported %1"), safe_line(path.name, 120)), 4000)
        return True

    def copy_to_clipboard(self) -> None:
        """The current view with its decorations, at the screen's resolution."""
        w = self.window
        dpr = w.canvas.devicePixelRatioF()
        size = (round(w.canvas.width() * dpr), round(w.canvas.height() * dpr))
        image = render_image(w.loaded.scene, w.canvas.render_settings(
            size=size, decorations=True, credits="full", scale=self._scale(size)))
        QGuiApplication.clipboard().setImage(image)
        w.status.show_message(translate("Files", "Copied the map image to the clipboard"), 4000)

    def _scale(self, size: tuple[int, int]) -> float:
        """How much larger than the canvas the output is, along the side that limits the
        view (the view is fitted into the output with its aspect kept)."""
        canvas = self.window.canvas
        return min(size[0] / max(1, canvas.width()), size[1] / max(1, canvas.height()))
