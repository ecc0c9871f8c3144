"""Geodesic areas on the WGS84 ellipsoid (pyproj.Geod), cached per state and per change."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from viewer.model import Situation
from viewer.model.geodesy import GEOD, geodesic_area_km2

__all__ = ["Areas", "GEOD", "geodesic_area_km2"]


class Areas:
    """Areas of a situation's states and changes, computed once and kept.

    A layer's pieces are disjoint, so a state's area is the sum of its pieces' areas. Each
    piece is measured once, into ``History.piece_km2`` (which the file stores, so opening
    a file needs no measuring). Stored areas are spot-checked against the geometry the
    first time a layer is used; if any disagrees, the layer's areas are all measured anew.
    """

    CHECKS = 3              # stored piece areas verified per layer
    TOLERANCE = 1e-6        # relative

    def __init__(self, situation: Situation):
        self.situation = situation
        self._checked: set[str] = set()
        self._change_km2: dict[str, tuple[float, float]] = {}
        # layer id -> (its history, state index -> km²): a state's sum, once its pieces
        # are measured, never changes (a measured piece keeps its area), so a time step
        # looks it up; summing the state's pieces again cost 0.1 ms a step in the Layers
        # panel. A new history of the layer (an edit) starts anew.
        self._state_sums: dict[str, tuple[object, dict[int, float]]] = {}

    def _history(self, layer_id: str):
        history = self.situation.layer(layer_id).history
        if layer_id not in self._checked:
            self._checked.add(layer_id)
            self._verify(history)
        return history

    def _verify(self, history) -> None:
        known = np.flatnonzero(~np.isnan(history.piece_km2))
        if len(known) == 0:
            return
        picks = known[np.linspace(0, len(known) - 1, min(self.CHECKS, len(known))).astype(int)]
        for i in picks:
            truth = geodesic_area_km2(history.pieces[i].geometry)
            if abs(truth - history.piece_km2[i]) > self.TOLERANCE * max(truth, 1e-9):
                history.piece_km2[:] = np.nan      # the file's areas can't be trusted
                return

    @staticmethod
    def _measured(history, indices: np.ndarray) -> np.ndarray:
        history.measure_pieces(indices)
        return history.piece_km2[indices]

    def check_stored(self) -> None:
        """Spot-check every layer's stored areas now (they are otherwise checked on first
        use), so that no later use, from any thread, finds them being reset."""
        for layer in self.situation.layers:
            self._history(layer.id)

    def measure_all(self) -> None:
        """Measure every piece of every layer (writing a file does this too)."""
        for layer in self.situation.layers:
            self._history(layer.id).measure_pieces()

    def adopt(self, piece_km2: dict[str, np.ndarray]) -> None:
        """Take piece areas measured from a snapshot of this situation (by layer id), for
        the pieces not measured yet; on the thread that owns the situation."""
        for layer_id, km2 in piece_km2.items():
            self._history(layer_id).adopt_piece_km2(km2)

    def state_km2(self, layer_id: str, t: datetime) -> float:
        history = self.situation.layer(layer_id).history
        return self.state_km2_at_index(layer_id, history.state_index(t))

    def state_km2_at_index(self, layer_id: str, index: int) -> float:
        history = self._history(layer_id)
        kept = self._kept_sums(layer_id, history)
        km2 = kept.get(index)
        if km2 is None:
            km2 = kept[index] = float(self._measured(history,
                                                     history.piece_indices(index)).sum())
        return km2

    def _kept_sums(self, layer_id: str, history) -> dict[int, float]:
        """The state sums kept for the layer's ``history`` (anew for a new history)."""
        kept = self._state_sums.get(layer_id)
        if kept is None or kept[0] is not history:
            kept = self._state_sums[layer_id] = (history, {})
        return kept[1]

    def series(self, layer_id: str) -> tuple[list[datetime], np.ndarray]:
        """The layer's state times and the area of each state, km²: the states not asked
        yet summed all at once (History.state_sums; a state at a time took a mask over
        every piece each, 30 ms on the GUI thread for 28 states of 60,000 pieces), those
        asked before as they were given."""
        history = self._history(layer_id)
        kept = self._kept_sums(layer_id, history)
        n = len(history.times)
        if any(i not in kept for i in range(n)):        # (-1, before the first, may be)
            history.measure_pieces()
            sums = history.state_sums(history.piece_km2)
            for i in range(n):
                kept.setdefault(i, float(sums[i]))
        return history.times, np.array([kept[i] for i in range(n)], dtype=float)

    def change_km2(self, change_id: str) -> tuple[float, float]:
        """(gained, lost) km² of a change."""
        if change_id not in self._change_km2:
            change = self.situation.change(change_id)
            self._change_km2[change_id] = (geodesic_area_km2(change.gained),
                                           geodesic_area_km2(change.lost))
        return self._change_km2[change_id]
