"""What the window's background measurings share: one job at a time for the situation
shown, on the window's worker; measuring another situation cancels the job under way,
and the results are adopted on the GUI thread (the subclass's ``_adopt``)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject

from viewer.model.snapshot import SituationSnapshot
from viewer.ui.loader import LoadedSituation
from viewer.ui.worker import BackgroundWorker, Job, Work


class BackgroundMeasuring(QObject):
    """Subclasses give the job (``_work``) and take its results (``_adopt``)."""

    def __init__(self, worker: BackgroundWorker, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker
        self._job: Job | None = None

    def measure(self, loaded: LoadedSituation) -> None:
        self.cancel()
        work = self._work(loaded, SituationSnapshot.of(loaded.situation))
        self._job = self._worker.submit(work, partial(self._adopt, loaded))

    def cancel(self) -> None:
        """Drop the measuring under way (another situation is shown, or none)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _work(self, loaded: LoadedSituation, snapshot: SituationSnapshot) -> Work:
        raise NotImplementedError

    def _adopt(self, loaded: LoadedSituation, result) -> None:
        raise NotImplementedError
