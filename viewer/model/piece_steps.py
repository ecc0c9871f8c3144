"""A layer's pieces, and how a history's open pieces step through what each state gained
and lost (viewer.model.history builds its histories with these).

A piece is valid over the half-open interval [valid_from, valid_to) of state times. A
loss ends only the pieces it touches, whose remainders start again as new pieces; a gain
is new pieces; large areas are cut into bounded pieces (split_large).

Over a long history the open pieces fragment (every gain is a new sliver, every cut adds
edges), so drawing a state costs ever more. When the open pieces carry more than
``REKEY_RATIO`` times the vertices of the state they make up, they all end and the state
starts afresh as new pieces: a bounded drawing cost for a full copy now and then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.model.change import Change, change_id
from viewer.model.gain_loss import gain_and_loss
from viewer.model.geometry import EMPTY, has_area, split_large

REKEY_RATIO = 2.0


@dataclass(frozen=True, eq=False)
class Piece:
    geometry: BaseGeometry          # lon/lat polygon or multipolygon
    valid_from: datetime
    valid_to: datetime | None       # None: still valid after the last state


def advance(layer_id: str, ordered, prev: BaseGeometry, open_pieces: list, pieces: list,
             changes: list, max_vertices: int, stepper) -> list:
    """Step from the state ``prev`` (made of ``open_pieces``) through ``ordered`` states:
    the pieces that end go to ``pieces``, the changes to ``changes``; the open pieces
    after the last state are returned."""
    def steps():
        before = prev
        for t, state in ordered:
            gained, lost = (gain_and_loss(before, state) if stepper is None
                            else stepper.step(before, state))
            yield t, gained, lost, state
            before = state
    return apply_steps(layer_id, steps(), open_pieces, pieces, changes, max_vertices,
                       None if stepper is None else stepper.carried)


def apply_steps(layer_id: str, steps, open_pieces: list, pieces: list, changes: list,
                max_vertices: int, carried=None) -> list:
    """Apply ``(t, gained, lost, state)`` steps to ``open_pieces`` (``state`` None: not
    known, so the pieces are never cut afresh); as ``advance``."""
    for t, gained, lost, state in steps:
        if not has_area(gained) and not has_area(lost):
            continue
        if has_area(lost):
            open_pieces = _cut_pieces(open_pieces, lost, t, pieces, max_vertices)
        if has_area(gained):
            open_pieces.extend((g, t) for g in split_large(gained, max_vertices))
        if state is not None and _fragmented(open_pieces, state):
            pieces.extend(Piece(g, since, t) for g, since in open_pieces if since != t)
            current = state if carried is None else carried(state)
            open_pieces = [(g, t) for g in split_large(current, max_vertices)]
        changes.append(Change(change_id(layer_id, t), layer_id, t,
                              gained if has_area(gained) else EMPTY,
                              lost if has_area(lost) else EMPTY))
    return open_pieces


def _fragmented(open_pieces, state: BaseGeometry) -> bool:
    carried = int(shapely.get_num_coordinates([g for g, _ in open_pieces]).sum())
    return carried > REKEY_RATIO * shapely.get_num_coordinates(state) + 1000


def _cut_pieces(open_pieces, lost, t, closed, max_vertices):
    """End the open pieces that ``lost`` takes ground from; their remainders start at t.

    Each piece is cut by the parts of ``lost`` that touch it (found with an STRtree),
    never by the whole of ``lost``: a loss spread over the map costs what it touches."""
    if not open_pieces:
        return open_pieces
    geoms = np.array([g for g, _ in open_pieces], dtype=object)
    parts = shapely.get_parts(lost)
    # the tree over the pieces, queried with the loss's parts: the predicate prepares
    # the query geometries, and the few small parts cost less to prepare than every piece
    part, which = shapely.STRtree(geoms).query(parts, predicate="intersects")
    if not len(which):
        return open_pieces
    order = np.argsort(which, kind="stable")
    which, part = which[order], part[order]
    hit = np.unique(which)
    local = shapely.multipolygons(parts[part], indices=np.searchsorted(hit, which))
    rests = shapely.difference(geoms[hit], local)
    before = shapely.area(geoms[hit])
    cut = shapely.area(rests) < before - 1e-12 * np.maximum(before, 1.0)
    cut_at = dict(zip(hit[cut].tolist(), rests[cut]))
    kept = []
    for i, (geom, since) in enumerate(open_pieces):
        rest = cut_at.get(i)
        if rest is None:
            kept.append((geom, since))
        else:
            closed.append(Piece(geom, since, t))
            kept.extend((g, t) for g in split_large(rest, max_vertices))
    return kept
