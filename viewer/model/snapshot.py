"""An immutable copy of what background work needs from a situation.

Taken on the GUI thread, read in a worker: tuples, frozen dataclasses, immutable
geometries and read-only numpy arrays that are copies, so whatever the GUI does to its
situation afterwards (measuring a piece into ``History.piece_km2``, say) the worker
never sees it, and the worker can change nothing the GUI reads. The worker builds its
own objects from the snapshot (``private_situation``) and hands back new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Mapping

import numpy as np

from viewer.model.change import Change
from viewer.model.history import History, Piece
from viewer.model.layer import Layer
from viewer.model.meta import SituationMeta
from viewer.model.region import Place, Region
from viewer.model.situation import Situation
from viewer.model.style import Style


def frozen_copy(values) -> np.ndarray:
    """A read-only copy of ``values``."""
    out = np.array(values, dtype=float, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class LayerSnapshot:
    id: str
    name: str
    kind: str
    style: Style
    times: tuple[datetime, ...]
    pieces: tuple[Piece, ...]
    changes: tuple[Change, ...]
    piece_km2: np.ndarray           # read-only copy; NaN where not measured yet


def _frozen_meta(meta: SituationMeta) -> tuple[tuple[str, object], ...]:
    """The metadata's fields as (name, value) pairs, its lists as tuples."""
    return tuple((f.name, tuple(v) if isinstance(v := getattr(meta, f.name), list) else v)
                 for f in fields(meta))


@dataclass(frozen=True, eq=False)
class SituationSnapshot:
    regions: tuple[Region, ...]
    layers: tuple[LayerSnapshot, ...]
    places: tuple[Place, ...] = ()          # for drawing (an animation's labels)
    meta: tuple[tuple[str, object], ...] = ()   # SituationMeta's fields (title, sources...)

    @classmethod
    def of(cls, situation: Situation) -> "SituationSnapshot":
        """Copy what the worker needs (on the thread that owns ``situation``)."""
        layers = tuple(LayerSnapshot(layer.id, layer.name, layer.kind, layer.style,
                                     tuple(layer.history.times), tuple(layer.history.pieces),
                                     tuple(layer.history.changes),
                                     frozen_copy(layer.history.piece_km2))
                       for layer in situation.layers)
        return cls(tuple(situation.regions), layers, tuple(situation.places),
                   _frozen_meta(situation.meta))

    def private_situation(self, piece_km2: Mapping[str, np.ndarray] | None = None) -> Situation:
        """A new Situation of the snapshot's regions and layers, its histories carrying
        ``piece_km2`` (by layer id; default: the snapshot's). It belongs to whoever made
        it: nothing in it that can change is shared with the situation snapshotted."""
        km2 = piece_km2 or {}
        layers = [Layer(s.id, s.name, s.kind,
                        History(list(s.times), list(s.pieces), list(s.changes),
                                km2.get(s.id, s.piece_km2)), s.style)
                  for s in self.layers]
        meta = SituationMeta(**{name: list(v) if isinstance(v, tuple) and name == "attributions"
                                else v for name, v in self.meta})
        return Situation(meta, list(self.regions), list(self.places), layers)
