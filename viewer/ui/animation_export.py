"""File ▸ Export Animation…, run in the background: the frames are drawn and written in a
worker thread while the window stays in use, with a progress bar and Cancel.

The job gets an immutable snapshot of the situation (viewer/model/snapshot.py), the
render settings (frozen) and the path; it builds its own situation and MapScene from the
snapshot, so nothing it paints with is shared with the window (QPainter on a QImage is
allowed off the GUI thread; no QPixmap or widget is touched there). Its progress and its
outcome come back through the worker's queued delivery. The file is written beside the
target and renamed over it when complete (viewer/io/atomic.py): a cancelled or failed
export leaves no file, and an existing one as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from viewer.io.errors import SituationError
from viewer.model.snapshot import SituationSnapshot
from viewer.render.animation import Animation, Cancelled, write_animation
from viewer.render.fonts import ensure_fonts
from viewer.render.language import fill, translate
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.ui.animation_dialog import FILTERS, AnimationDialog
from viewer.ui.compare_view import DEFAULT_GAP
from viewer.ui.plain_text import error_text
from viewer.ui.worker import BackgroundWorker, Job

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

SIZE = (1280, 720)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


@dataclass(frozen=True)
class Outcome:
    frames: int = 0
    error: SituationError | None = None     # None: written


def export_job(snapshot: SituationSnapshot, crs: str, base: RenderSettings,
               animation: Animation, path: Path, job: Job, report) -> Iterator[Outcome]:
    """In the worker: draw and write the animation; ``report(Progress)`` after each
    frame (delivered on the GUI thread unless cancelled). Cancelled: ``job.check()``
    raises between frames, the temporary file is removed, nothing is yielded."""
    scene = MapScene(snapshot.private_situation(), crs)

    def progress(done: int, total: int) -> bool:
        job.check()
        job.send(report, Progress(done, total))
        return True
    try:
        write_animation(scene, base, animation, path, progress, lambda: job.cancelled)
    except Cancelled:
        return
    except SituationError as exc:
        yield Outcome(error=exc)
        return
    yield Outcome(frames=len(animation.times))


class _Relay(QObject):
    """On the GUI thread: the job's progress arrives through it, queued."""

    progress = Signal(object)


class AnimationExporter(QObject):
    frame_written = Signal(int, int)        # done, total (on the GUI thread)
    finished = Signal(bool)                 # written (False: cancelled or failed)

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.worker = BackgroundWorker(self)      # its own thread: measuring goes on
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self.progress: QProgressDialog | None = None
        self.job: Job | None = None
        self._path: Path | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def ask(self) -> None:
        w = self.window
        s = w.situation
        if s.start is None or self.running:
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
                  size: tuple[int, int] = SIZE) -> Job | None:
        """Start writing ``animation`` of the window's view to ``path`` in the background;
        ``finished(written)`` says how it ended. None when an export is under way."""
        if self.running:
            return None
        w, path = self.window, Path(path)
        ensure_fonts()                                  # on the GUI thread, once
        base = w.canvas.render_settings(size=size, decorations=True,   # its view, fitted
                                        highlight_since=None,   # (each frame its own)
                                        credits="full")
        snapshot = SituationSnapshot.of(w.situation)
        crs = w.loaded.scene.projector.crs.to_wkt()     # a CRS object is not thread-safe
        total = len(animation.times)
        self.progress = QProgressDialog(fill(translate("Animation", "Writing %1…"), path.name),
                                        translate("Animation", "Cancel"), 0, total, w)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setValue(0)
        self.progress.canceled.connect(self.cancel)
        self.progress.show()
        self._path = path

        def work(job: Job) -> Iterator[Outcome]:
            return export_job(snapshot, crs, base, animation, path, job,
                              self._relay.progress.emit)
        self.job = self.worker.submit(work, self._on_outcome)
        return self.job

    def cancel(self) -> None:
        """Stop the export; the worker drops the temporary file at its next frame."""
        if self.job is None:
            return
        self.job.cancel()
        self._end()
        self.window.status.show_message(translate("Animation", "Export cancelled; no file "
                                                               "written"), 4000)
        self.finished.emit(False)

    def _on_progress(self, p: Progress) -> None:
        if self.progress is not None and self.job is not None and not self.job.cancelled:
            self.progress.setValue(p.done)
            self.frame_written.emit(p.done, p.total)

    def _on_outcome(self, outcome: Outcome) -> None:
        path = self._path
        self._end()
        w = self.window
        if outcome.error is not None:
            QMessageBox.critical(w, translate("Animation", "Can't export animation"),
                                 error_text(outcome.error))
            self.finished.emit(False)
            return
        w.status.show_message(fill(translate("Animation", "Exported %1 (%2 frames)"), path.name,
                                   outcome.frames), 4000)
        self.finished.emit(True)

    def _end(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker's jobs ended (tests; never the GUI)."""
        return self.worker.wait(timeout)

    def shutdown(self) -> None:
        """The window is closing: cancel the export (its temporary file is removed)."""
        if self.job is not None:
            self.job.cancel()
        self._end()
        self.worker.shutdown()
