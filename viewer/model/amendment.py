"""An amendment: an area sketched by hand onto a layer, on top of what its snapshots say.

An *add* amendment at time ``at`` puts its area into the layer at ``at`` and every later
state; a *subtract* takes it out of them. It is recorded as a change of its own (id
``<layer>@<time>~sketch<n>``) so that reports can back it. The states after it keep it:
a later snapshot that lacks the sketched area does not lose it, because every later
change is clipped by the amendment's area (its ground is fixed from ``at`` on).

Applying an amendment to a History gives a new History; the old one is left as it was,
so an edit command reverts by putting the old object back. A snapshot appended later (the
daily update) goes through ``amended_snapshot`` first, so the amendments hold for it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model.change import Change, change_id
from viewer.model.geometry import EMPTY, has_area, polygonal, split_large
from viewer.model.history import History, Piece
from viewer.model.times import to_utc
from viewer.model.messages import QT_TRANSLATE_NOOP, message

OPS = ("add", "subtract")


@dataclass(frozen=True, eq=False)
class Amendment:
    change_id: str          # the change it is recorded as
    layer_id: str
    at: datetime
    op: str                 # "add" (a gain) or "subtract" (a loss)
    geometry: BaseGeometry  # lon/lat (WGS84) polygon or multipolygon

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "an amendment's op must be 'add' or 'subtract', got %1"), repr(self.op)))


def amendment_id(layer_id: str, at: datetime, taken: set[str]) -> str:
    """A change id for a new amendment of ``layer_id`` at ``at``, not in ``taken``."""
    base = change_id(layer_id, to_utc(at))
    n = 1
    while f"{base}~sketch{n}" in taken:
        n += 1
    return f"{base}~sketch{n}"


def amended_snapshot(geometry: BaseGeometry, amendments: list[Amendment],
                     at: datetime) -> BaseGeometry:
    """A snapshot taken at ``at`` with the amendments dated at or before it applied in
    order: what the layer's state is once the snapshot is appended."""
    geom = polygonal(geometry)
    for a in amendments:
        if to_utc(a.at) <= to_utc(at):
            geom = polygonal(shapely.union(geom, a.geometry) if a.op == "add"
                             else shapely.difference(geom, a.geometry))
    return geom


def amend_history(history: History, amendment: Amendment, max_vertices: int = 200) -> History:
    """``history`` with ``amendment`` applied from its time on (a new History)."""
    at, area = to_utc(amendment.at), polygonal(amendment.geometry)
    times = history.times if at in history.times else sorted(history.times + [at])
    before = [t for t in history.times if t < at]
    prev = history.state_at(before[-1]) if before else EMPTY
    shapely.prepare(area)
    pieces: list[Piece] = []
    km2: list[float] = []
    for piece, known in zip(history.pieces, history.piece_km2):
        ends_before = piece.valid_to is not None and to_utc(piece.valid_to) <= at
        if ends_before or not area.intersects(piece.geometry):
            pieces.append(piece)
            km2.append(known)
            continue
        start = to_utc(piece.valid_from)
        if start < at:
            pieces.append(Piece(piece.geometry, piece.valid_from, at))
            km2.append(known)
        for rest in split_large(shapely.difference(piece.geometry, area), max_vertices):
            pieces.append(Piece(rest, max(start, at), piece.valid_to))
            km2.append(np.nan)
    if amendment.op == "add":
        for part in split_large(area, max_vertices):
            pieces.append(Piece(part, at, None))
            km2.append(np.nan)
        gained, lost = polygonal(shapely.difference(area, prev)), EMPTY
    else:
        gained, lost = EMPTY, polygonal(shapely.intersection(prev, area))
    changes = [_clipped(c, area) if to_utc(c.at) >= at else c for c in history.changes]
    changes.append(Change(amendment.change_id, amendment.layer_id, at,
                          gained if has_area(gained) else EMPTY,
                          lost if has_area(lost) else EMPTY))
    order = sorted(range(len(pieces)), key=lambda i: to_utc(pieces[i].valid_from))
    return History(times, [pieces[i] for i in order], _stable(changes),
                   np.array([km2[i] for i in order], dtype=float))


def _clipped(change: Change, area: BaseGeometry) -> Change:
    """A later change without the amended ground: that ground is fixed by the amendment."""
    if not (area.intersects(change.gained) or area.intersects(change.lost)):
        return change
    gained = polygonal(shapely.difference(change.gained, area))
    lost = polygonal(shapely.difference(change.lost, area))
    return Change(change.id, change.layer_id, change.at,
                  gained if has_area(gained) else EMPTY, lost if has_area(lost) else EMPTY)


def _stable(changes: list[Change]) -> list[Change]:
    """Changes in time order; at one time, the snapshot's change before its amendments
    (History sorts by time only, and its sort is stable)."""
    return sorted(changes, key=lambda c: (to_utc(c.at), "~sketch" in c.id))
