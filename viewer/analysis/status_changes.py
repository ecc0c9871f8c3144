"""A layer's settlement statuses kept as changes: each place's status at the first
state, then every later change as an event (state, place, new status), sorted by state.
A time step derives each place's status, run start and change count from the events up
to it; the (states x places) tables they replace cost 22 MB on the DeepState import,
which has 130 changes of status among 8,226 places over 536 states."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class StatusChanges:
    """One layer's statuses as changes (see the module docstring)."""
    states: int                 # how many states the layer has
    initial: np.ndarray         # each place's status at the first state (int8)
    state: np.ndarray           # the state index of each change (ascending)
    place: np.ndarray           # the place that changed
    status: np.ndarray          # its status from then on (int8)
    next_event: np.ndarray      # index of the place's next change (len: none)

    @classmethod
    def of(cls, table: np.ndarray) -> StatusChanges:
        n, m = table.shape
        k, p = np.nonzero(table[1:] != table[:-1])          # row-major: sorted by state
        state, place = (k + 1).astype(np.int32), p.astype(np.int32)
        by_place = np.lexsort((np.arange(len(place)), place))
        following = np.full(len(place), len(place), np.int64)
        same = place[by_place[1:]] == place[by_place[:-1]]
        following[by_place[:-1][same]] = by_place[1:][same]
        initial = table[0].copy() if n else np.zeros(m, np.int8)
        return cls(n, initial, state, place, table[state, place], following)

    def events_until(self, index: int) -> int:
        """How many changes happen at or before state ``index``."""
        return int(np.searchsorted(self.state, index, side="right"))

    def latest(self, index: int) -> np.ndarray:
        """The events that are each changed place's latest at state ``index``."""
        e = self.events_until(index)
        return np.flatnonzero(self.next_event[:e] >= e)

    def row(self, index: int) -> np.ndarray:
        out = self.initial.copy()
        last = self.latest(index)
        out[self.place[last]] = self.status[last]
        return out

    def table(self) -> np.ndarray:
        out = np.repeat(self.initial[None, :], self.states, axis=0)
        for k, p, code in zip(self.state.tolist(), self.place.tolist(), self.status.tolist()):
            out[k:, p] = code           # later changes of the place overwrite it after
        return out
