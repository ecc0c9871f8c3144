"""After a situation is shown, in the background: each layer and change measured in each
region (for the Regions and reports panels); then, behind the front analytics those
figures start (analytics_measuring), every layer piece drawn as a path (not those of big
states alone: drawn from Displays) projected and made one, so that the first visit of a
date needs no projecting, then every highlight window merged
(render/prebuild_windows.py), so that a time step merges nothing, then every layer
state's outline without its pieces' shared edges (render/prebuild_states.py), cheaper to
fill. In that order the analytics' peak (their segments: ~30 MB at once for a 5-year
daily series) comes before the paths (~26 MB) are held, instead of on top of them.

The job works on a ``SituationSnapshot`` (viewer.model.snapshot) and its own objects
made from it; what it hands back (the pieces' areas, the region facts, the built pieces)
is new, and the GUI adopts it on its own thread: areas into the shown situation's
``History.piece_km2`` where they are still unknown, the region figures (a
RegionAttribution, measured on the worker's own copy of the layers, then pointed at the
shown situation, whose layers, times and changes it describes) into the panels, pieces
into its scene.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterator

import numpy as np
from PySide6.QtCore import Signal

from viewer.analysis.region_attribution import RegionAttribution
from viewer.model.geodesy import geodesic_areas_km2
from viewer.model.snapshot import SituationSnapshot, frozen_copy
from viewer.render.big_counts import path_pieces
from viewer.render.prebuild import build_pieces
from viewer.render.prebuild_windows import PrebuiltWindows, build_windows
from viewer.render.prebuild_windows import adopt as adopt_windows
from viewer.render.prebuild_states import PrebuiltDissolved, build_dissolved
from viewer.render.scene import DISPLAY_SEGMENT_DEG
from viewer.ui.background_measuring import BackgroundMeasuring
from viewer.ui.loader import LoadedSituation
from viewer.ui.worker import Cancelled, Job


@dataclass(frozen=True, eq=False)
class RegionsMeasured:
    piece_km2: dict[str, np.ndarray]    # layer id -> every piece's km² (read-only)
    regions: RegionAttribution | None   # None: the measuring failed (a bug, in the log)


def measure_pieces(snapshot: SituationSnapshot, job: Job) -> dict[str, np.ndarray]:
    """Every piece's geodesic km², as new read-only arrays, checking ``job`` between chunks of pieces."""
    out = {}
    for layer in snapshot.layers:
        km2 = np.array(layer.piece_km2, dtype=float)
        todo = np.flatnonzero(np.isnan(km2))
        for chunk in np.array_split(todo, max(1, len(todo) // 256)):
            job.check()
            km2[chunk] = geodesic_areas_km2([layer.pieces[i].geometry for i in chunk])
        out[layer.id] = frozen_copy(km2)
    return out


def measuring_job(snapshot: SituationSnapshot, job: Job) -> Iterator:
    """Yields a RegionsMeasured: every piece's km², and the region figures."""
    piece_km2 = measure_pieces(snapshot, job)
    job.check()
    own = snapshot.private_situation(piece_km2)
    try:
        regions = RegionAttribution(own).measure_all(job.check)
    except Cancelled:
        raise
    except Exception:                   # a bug: the panels say so, the window goes on
        traceback.print_exc(file=sys.stderr)
        regions = None
    yield RegionsMeasured(piece_km2, regions)


def prebuild_job(snapshot: SituationSnapshot, crs: str, job: Job,
                 highlight_days: float = 0.0) -> Iterator:
    """Yields the built pieces for ``MapScene.adopt_pieces``, then the changes' boxes
    and the highlight windows of ``highlight_days`` (prebuild_windows), then the
    states' dissolved outlines (prebuild_states)."""
    own = snapshot.private_situation()
    # the pieces drawn as paths only: those of big states alone never are (big_layers)
    pieces = ((layer.id, int(i), layer.history.pieces[i].geometry) for layer in own.layers
              for i in path_pieces(layer.history))
    built = _or_none(partial(build_pieces, crs, pieces, job.check))
    yield {} if built is None else built
    windows = _or_none(partial(build_windows, crs, own, highlight_days, job.check))
    if windows is None:
        return
    yield windows
    dissolved = _or_none(partial(build_dissolved, crs, [(layer.id, layer.history)
                                                        for layer in own.layers],
                                 DISPLAY_SEGMENT_DEG, job.check))
    if dissolved is not None:
        yield dissolved


def _or_none(build: Callable[[], object]):
    """``build()``; None after printing the traceback of a bug in it (what it makes is
    then made as shown). Cancelled (a newer situation, an edit, replaced this one)
    passes."""
    try:
        return build()
    except Cancelled:
        raise
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return None


class RegionMeasuring(BackgroundMeasuring):
    """Runs ``measuring_job`` for the situation shown, then, once its figures are
    adopted and the front analytics they start are queued (``measured``'s slots submit
    them), ``prebuild_job``; a newer situation cancels both."""

    measured = Signal(object)           # measured RegionAttribution of the situation shown,
                                        # or None
    dissolved = Signal()                # the states' outlines adopted: repaint them whole

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent)
        self._prebuild: Job | None = None

    def cancel(self) -> None:
        super().cancel()
        if self._prebuild is not None:
            self._prebuild.cancel()
            self._prebuild = None

    def _work(self, loaded: LoadedSituation, snapshot: SituationSnapshot):
        return partial(measuring_job, snapshot)

    def _adopt(self, loaded: LoadedSituation, result) -> None:
        if isinstance(result, RegionsMeasured):
            loaded.areas.adopt(result.piece_km2)
            if result.regions is not None:
                result.regions.situation = loaded.situation     # see the module docstring
            self.measured.emit(result.regions)
            # behind the front analytics: they and the prebuilt paths never measure at
            # once, and the analytics' peak comes before the paths are held
            work = partial(prebuild_job, SituationSnapshot.of(loaded.situation),
                           loaded.scene.projector.crs,
                           highlight_days=loaded.situation.meta.highlight_days)
            self._prebuild = self._worker.submit(work, partial(self._adopt, loaded))
        elif isinstance(result, PrebuiltWindows):
            adopt_windows(loaded.scene, result)
        elif isinstance(result, PrebuiltDissolved):
            loaded.scene.adopt_dissolved(result.states)
            self.dissolved.emit()
        else:
            loaded.scene.adopt_pieces(result)
