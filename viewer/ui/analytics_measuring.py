"""After a situation is shown, in the background (behind the regions' measuring, on the
same worker): the front analytics — every place's status in every layer, the front
length of every state, claims against assessments (viewer.analysis.front_analytics).

The job works on a ``SituationSnapshot`` and the places (frozen), on its own private
situation; the GUI adopts the measured object, pointed at the shown situation."""

from __future__ import annotations

import sys
import traceback
from functools import partial
from typing import Iterator

from PySide6.QtCore import Signal

from viewer.analysis.front_analytics import FrontAnalytics
from viewer.model.snapshot import SituationSnapshot
from viewer.ui.background_measuring import BackgroundMeasuring
from viewer.ui.loader import LoadedSituation
from viewer.ui.settlements_model import table_languages
from viewer.ui.worker import Cancelled, Job


def analytics_job(snapshot: SituationSnapshot, places: tuple, languages: tuple[str, str],
                  job: Job) -> Iterator:
    """Yields the measured FrontAnalytics (None: the measuring failed, in the log), with
    the settlements table's texts in ``languages`` (the interface's, the other)."""
    try:
        situation = snapshot.private_situation()
        job.check()
        yield FrontAnalytics.measure(situation, list(places), job.check, languages)
    except Cancelled:
        raise
    except Exception:                   # a bug: the panel says so, the window goes on
        traceback.print_exc(file=sys.stderr)
        yield None


class AnalyticsMeasuring(BackgroundMeasuring):
    """Runs ``analytics_job`` for the situation shown; a newer one cancels the older."""

    measured = Signal(object, object)   # LoadedSituation, FrontAnalytics or None

    def _work(self, loaded: LoadedSituation, snapshot: SituationSnapshot):
        return partial(analytics_job, snapshot, tuple(loaded.situation.places),
                       table_languages())

    def _adopt(self, loaded: LoadedSituation, analytics) -> None:
        if analytics is not None:
            analytics.adopt_into(loaded.situation)
        self.measured.emit(loaded, analytics)
