"""The comparison's km² (gained, lost and net between A and B, per layer and region),
measured in the background so that a time step paints the maps at once: the figures
follow when the worker has them, and a newer pair of dates cancels the pair still being
measured (while playing, only the latest pair is measured to the end).

The job gets an immutable snapshot of the situation (viewer/model/snapshot.py) and
measures on its own copy, with its own RegionAttribution; it hands back the list of
LayerDifference for the GUI thread to word (compare_caption.py) and show."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Iterator

from PySide6.QtCore import QObject

from viewer.analysis.difference import LayerDifference, compare
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import Situation
from viewer.model.snapshot import SituationSnapshot
from viewer.ui.worker import BackgroundWorker, Job

Deliver = Callable[[list[LayerDifference]], None]


def figures_job(snapshot: SituationSnapshot, a: datetime, b: datetime,
                shown: frozenset[str], job: Job) -> Iterator[list[LayerDifference]]:
    situation = snapshot.private_situation()
    job.check()
    diffs = compare(situation, a, b, RegionAttribution(situation))
    yield [d for d in diffs if d.layer_id in shown]


class CompareFigures(QObject):
    """Measures (A, B) in ``worker`` (None: at once, with ``attribution``)."""

    def __init__(self, worker: BackgroundWorker | None, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.job: Job | None = None

    def measure(self, situation: Situation, a: datetime, b: datetime, shown: frozenset[str],
                deliver: Deliver, attribution: RegionAttribution | None = None) -> None:
        self.cancel()
        if self.worker is None or self.worker.closed:
            diffs = compare(situation, a, b, attribution)
            deliver([d for d in diffs if d.layer_id in shown])
            return
        snapshot = SituationSnapshot.of(situation)

        def work(job: Job) -> Iterator[list[LayerDifference]]:
            return figures_job(snapshot, a, b, shown, job)
        self.job = self.worker.submit(work, deliver)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
