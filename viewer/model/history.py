"""A layer's history, stored as pieces with validity intervals.

Every state is the union of the pieces valid at that time. A piece is valid over the
half-open interval [valid_from, valid_to) of state times. When a state loses ground,
only the pieces it touches end, and their remainders start again as new pieces; large
areas are cut into bounded pieces so a local change never copies the whole layer.
"state at t" is then a selection of pieces, never a replay of the history. How the pieces step through gains and losses, and
are cut afresh when they fragment, is viewer.model.piece_steps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model.change import Change
from viewer.model.geodesy import geodesic_areas_km2
from viewer.model.geometry import EMPTY, polygonal, split_large
from viewer.model.piece_steps import Piece, advance, apply_steps
from viewer.model.times import to_utc
from viewer.model.messages import QT_TRANSLATE_NOOP, message

STATE_UNIONS = 16       # layer states kept as their union (state_at)
RECENT_STATES = 4       # layer states whose piece indices are kept (piece_indices)


class History:
    """States of one layer at ``times``; pieces are pairwise disjoint by construction."""

    def __init__(self, times: list[datetime], pieces: list[Piece], changes: list[Change],
                 piece_km2=None):
        self.times = sorted(to_utc(t) for t in times)
        if len(set(self.times)) != len(self.times):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "a layer has two states at the same time")))
        index = {t: i for i, t in enumerate(self.times)}
        n = len(self.times)
        try:
            self._from = np.array([index[to_utc(p.valid_from)] for p in pieces], dtype=np.int64)
            self._to = np.array([n if p.valid_to is None else index[to_utc(p.valid_to)]
                                 for p in pieces], dtype=np.int64)
        except KeyError as exc:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "a piece starts or ends at %1, which is not one of the layer's state "
                        "times"), exc.args[0])) from None
        self.pieces = list(pieces)
        self._recent: tuple[tuple[int, np.ndarray], ...] = ()    # see piece_indices
        # Geodesic area of each piece in km², NaN where not known yet: filled by
        # viewer.analysis.areas, stored in the file so opening needs no recomputation.
        self.piece_km2 = (np.full(len(self.pieces), np.nan) if piece_km2 is None
                          else np.asarray(piece_km2, dtype=float).copy())
        if self.piece_km2.shape != (len(self.pieces),):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "piece areas don't match the pieces")))
        self.changes = sorted(changes, key=lambda c: c.at)
        self._change_times = [c.at for c in self.changes]     # for changes_between
        # the last STATE_UNIONS unions (a dict, not an lru_cache of a bound method: that
        # cycle kept a replaced history alive until a full collection, viewer.ui.collector)
        self._unions: OrderedDict[int, BaseGeometry] = OrderedDict()

    def measure_pieces(self, indices=None) -> None:
        """Fill in the geodesic area of the pieces (all, or ``indices``) not measured yet."""
        idx = np.arange(len(self.pieces)) if indices is None else np.asarray(indices, int)
        todo = idx[np.isnan(self.piece_km2[idx])]
        if len(todo) == 0:      # (as at every time step once measured: no geodesy call)
            return
        self.piece_km2[todo] = geodesic_areas_km2([self.pieces[i].geometry for i in todo])

    def adopt_piece_km2(self, km2) -> None:
        """Take areas measured elsewhere (a worker's copy) for the pieces not measured yet."""
        km2 = np.asarray(km2, dtype=float)
        if km2.shape != self.piece_km2.shape:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "piece areas don't match the pieces")))
        unknown = np.isnan(self.piece_km2)
        self.piece_km2[unknown] = km2[unknown]

    # -- queries ---------------------------------------------------------------------
    def state_index(self, t: datetime) -> int:
        """Index of the state in force at ``t`` (the last state at or before t), or -1."""
        return bisect_right(self.times, to_utc(t)) - 1

    def piece_indices(self, index: int) -> np.ndarray:
        """Indices into ``pieces`` of the pieces making up state ``index`` (read-only).

        The last few states asked are kept: a time step asks for the old and the new
        state several times (the map's dirty pieces, its paths, the Layers panel), each
        a mask over every piece (35 us on DeepState). A tuple replaced whole, so a
        worker thread asking too sees one or the other."""
        for kept, indices in self._recent:
            if kept == index:
                return indices
        if index < 0:
            indices = np.empty(0, dtype=np.int64)
        else:
            indices = np.nonzero((self._from <= index) & (self._to > index))[0]
        indices.setflags(write=False)
        self._recent = ((index, indices),) + self._recent[:RECENT_STATES - 1]
        return indices

    def state_sums(self, values) -> np.ndarray:
        """Each state's sum of ``values`` (one a piece; int64, or float) over its pieces,
        all at once: one pass over the pieces, not a mask over them per state."""
        values = np.asarray(values)
        kind = np.float64 if values.dtype.kind == "f" else np.int64
        steps = np.zeros(len(self.times) + 1, dtype=kind)
        np.add.at(steps, self._from, values)
        np.subtract.at(steps, self._to, values)
        return np.cumsum(steps[:-1])

    def pieces_at(self, t: datetime) -> list[Piece]:
        return [self.pieces[i] for i in self.piece_indices(self.state_index(t))]

    def state_at(self, t: datetime) -> BaseGeometry:
        """The layer's area at ``t`` as one geometry (EMPTY before the first state)."""
        index = self.state_index(t)
        if index in self._unions:
            self._unions.move_to_end(index)
        else:
            self._unions[index] = self._union_of_state(index)
            if len(self._unions) > STATE_UNIONS:
                self._unions.popitem(last=False)
        return self._unions[index]

    def _union_of_state(self, index: int) -> BaseGeometry:
        geoms = [self.pieces[i].geometry for i in self.piece_indices(index)]
        if not geoms:
            return EMPTY
        return polygonal(shapely.union_all(geoms))

    def changes_between(self, t0: datetime | None, t1: datetime) -> list[Change]:
        """Changes with t0 < at <= t1 (t0=None: from the beginning)."""
        first = 0 if t0 is None else bisect_right(self._change_times, to_utc(t0))
        return self.changes[first:bisect_right(self._change_times, to_utc(t1))]

    @property
    def start(self) -> datetime | None:
        return self.times[0] if self.times else None

    @property
    def end(self) -> datetime | None:
        return self.times[-1] if self.times else None

    # -- construction ----------------------------------------------------------------
    @classmethod
    def from_states(cls, layer_id: str, states: list[tuple[datetime, BaseGeometry]],
                    max_vertices: int = 200, stepper=None) -> "History":
        """Build a history from whole snapshots. Consecutive identical snapshots give
        no change; snapshots may come in any order, but two at one time are an error.

        ``stepper`` (optional) decides what changed between consecutive snapshots, e.g. to
        drop the slivers of re-digitising (viewer.importing.slivers.SliverFilter):
        ``stepper.step(prev, state) -> (gained, lost)`` is called for every consecutive
        pair of snapshots in time order, and ``stepper.carried(state)`` returns the state
        the changes so far lead to (which may differ from the snapshot ``state``); it is
        asked only when the pieces are cut afresh. Without one, the changes are
        ``gain_and_loss(prev, state)`` and every state is its snapshot."""
        ordered = sorted(((to_utc(t), polygonal(g)) for t, g in states), key=lambda s: s[0])
        times = [t for t, _ in ordered]
        if len(set(times)) != len(times):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "layer %1: two snapshots at the same time"), repr(layer_id)))
        pieces: list[Piece] = []
        changes: list[Change] = []
        if not ordered:
            return cls([], [], [])
        t0, first = ordered[0]
        open_pieces = [(g, t0) for g in split_large(first, max_vertices)]
        open_pieces = advance(layer_id, ordered[1:], first, open_pieces, pieces, changes,
                               max_vertices, stepper)
        pieces.extend(Piece(g, since, None) for g, since in open_pieces)
        pieces.sort(key=lambda p: p.valid_from)
        return cls(times, pieces, changes)

    def extended(self, layer_id: str, states: list[tuple[datetime, BaseGeometry]],
                 max_vertices: int = 200, stepper=None) -> "History":
        """This history with ``states`` added after its last state (the daily update):
        the work done is that of the new states alone, from the pieces still open. The
        ``stepper`` (as in from_states) steps from the last state as stored. Pieces that
        stay as they were keep their measured areas."""
        ordered = sorted(((to_utc(t), polygonal(g)) for t, g in states), key=lambda s: s[0])
        new_times = [t for t, _ in ordered]
        if len(set(new_times)) != len(new_times):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "layer %1: two snapshots at the same time"), repr(layer_id)))
        if self.times and ordered and ordered[0][0] <= self.times[-1]:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "layer %1: a new state at %2 is not after the last one, %3"),
                repr(layer_id), ordered[0][0], self.times[-1]))
        area = {id(p.geometry): km2 for p, km2 in zip(self.pieces, self.piece_km2)}
        pieces = [p for p in self.pieces if p.valid_to is not None]
        open_pieces = [(p.geometry, p.valid_from) for p in self.pieces if p.valid_to is None]
        prev = self.state_at(self.times[-1]) if self.times else EMPTY
        changes = list(self.changes)
        open_pieces = advance(layer_id, ordered, prev, open_pieces, pieces, changes,
                               max_vertices, stepper)
        pieces.extend(Piece(g, since, None) for g, since in open_pieces)
        pieces.sort(key=lambda p: p.valid_from)
        km2 = [area.get(id(p.geometry), np.nan) for p in pieces]
        return History(self.times + new_times, pieces, changes, km2)

    @classmethod
    def from_changes(cls, layer_id: str, first: tuple[datetime, BaseGeometry],
                     steps, max_vertices: int = 200) -> "History":
        """Build a history from its first state and then, in time order, what every later
        state gained and lost: ``steps`` yields ``(time, gained, lost)``. The later states
        are never built as whole geometries (so the open pieces are never cut afresh:
        that needs the state); a step with neither gain nor loss is a state time with no
        change."""
        t0, state0 = to_utc(first[0]), polygonal(first[1])
        times, pieces, changes = [t0], [], []
        open_pieces = [(g, t0) for g in split_large(state0, max_vertices)]

        def given():
            for t, gained, lost in steps:
                times.append(to_utc(t))
                yield times[-1], polygonal(gained), polygonal(lost), None
        open_pieces = apply_steps(layer_id, given(), open_pieces, pieces, changes, max_vertices)
        pieces.extend(Piece(g, since, None) for g, since in open_pieces)
        pieces.sort(key=lambda p: p.valid_from)
        return cls(times, pieces, changes)
