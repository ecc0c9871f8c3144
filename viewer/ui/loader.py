"""Opening a situation off the GUI thread: read the file, project it, index its regions.

The window stays responsive while the worker does the slow part; the result (or the
one-line reason it failed) comes back on the GUI thread. Only the newest request counts:
a result for an older one is dropped. Closing the window drops the one under way.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import RegionAttribution
from viewer.io.errors import SituationError
from viewer.render.language import translate
from viewer.ui.plain_text import error_text
from viewer.io.situation_file import read_situation
from viewer.model import Situation
from viewer.render import MapScene
from viewer.ui.worker import BackgroundWorker, Job


@dataclass(eq=False)
class LoadedSituation:
    """A situation with what the window needs to show it, prepared once."""

    situation: Situation
    path: Path | None
    scene: MapScene
    areas: Areas
    regions: RegionAttribution      # the region at a point now; measured ones are adopted


def prepare(situation: Situation, path: Path | None = None) -> LoadedSituation:
    """Project and index ``situation`` (runs in the worker, or directly for in-memory data)."""
    areas = Areas(situation)
    areas.check_stored()        # while no other thread knows the situation
    return LoadedSituation(situation, path, MapScene(situation), areas,
                           RegionAttribution(situation))


def _outcome(path: Path, make, failed: str):
    """(LoadedSituation, None) from ``make()``, or (None, the one-line reason): bad input
    is said as the reader said it; a bug is printed in full and said as ``failed``."""
    try:
        return make(), None
    except SituationError as exc:
        return None, error_text(exc)
    except Exception as exc:            # a bug, not bad input: say so, keep the window usable
        traceback.print_exc(file=sys.stderr)
        return None, f"{path}: {failed} ({exc})"


def _load(path: Path, job: Job):
    """The worker's job: read and prepare ``path``; yields (LoadedSituation, None) or
    (None, the one-line reason it could not be opened)."""
    yield _outcome(path, lambda: prepare(read_situation(path), path),
                   translate("Files", "could not be opened"))


def _import(path: Path, options, regions_spec: str | None, job: Job):
    """The worker's job for a foreign file: import it (nothing written) and prepare the
    result as an unsaved situation; yields as ``_load`` does."""
    from viewer.importing.to_file import import_to_file

    def make():
        report = import_to_file(options, "", regions_spec=regions_spec, write=False)
        return prepare(report.result.situation, None)
    yield _outcome(path, make, translate("Files", "could not be imported"))


class SituationLoader(QObject):
    """Loads one file at a time in the background; ``busy`` tells whether one is under way."""

    started = Signal(str)           # path being opened
    loaded = Signal(object)         # LoadedSituation
    failed = Signal(str)            # str(SituationError)
    busy_changed = Signal(bool)

    def __init__(self, worker: BackgroundWorker, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker
        self._number = 0
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def load(self, path: str | Path) -> None:
        self._submit(Path(path), partial(_load, Path(path)))

    def import_file(self, path: str | Path, options, regions_spec: str | None) -> None:
        """Import the foreign file ``path`` with ``options`` (an ImportOptions) in the
        background; ``loaded`` gets an unsaved situation (its path None)."""
        self._submit(Path(path), partial(_import, Path(path), options, regions_spec))

    def _submit(self, path: Path, work) -> None:
        self._number += 1
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.started.emit(str(path))
        self._worker.submit(work, partial(self._on_result, self._number))

    def _on_result(self, number: int, result: tuple[LoadedSituation | None, str | None]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if number != self._number:
            return                      # a newer request is under way
        loaded, reason = result
        if loaded is not None:
            self.loaded.emit(loaded)
        else:
            self.failed.emit(reason)
