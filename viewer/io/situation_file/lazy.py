"""A first view of a situation file: what the map shows at the opening time, read first.

Opening a long history reads, checks and projects thousands of pieces and changes that
the first picture does not show. ``first_view`` takes the file's rows (fetched in one
short read transaction, see file_rows) and reads only the settings, the regions, the
layers and, of their pieces, those in force at the opening time, with the reader's own
checks (the same functions: what is drawn is checked before it is drawn). The full read
(reader.parse_situation, every check in the reader's order) follows on the same rows; it
alone reports a bad file, so a file is refused with the same message either way, and a
first view that meets any problem is simply not made.

The first view's layers hold every state time (so the time shown is the full read's), the
pieces of the state shown and nothing else: no changes, reports or places.
``read_first_view`` fetches only the rows a first view uses, in a read of its own before
the full one: the places (8,226 rows in the DeepState import with the settlements, some
15 ms to fetch), changes, reports and source copies are then fetched after the first
paint. The full read parses only its own rows, so a file changed between the two reads
is shown as the full read found it.
"""

from __future__ import annotations

import math
import sqlite3
from bisect import bisect_right
from datetime import datetime

from viewer.io.errors import SituationError
from viewer.io.situation_file.fields import TimeParser, geometries, text
from viewer.io.situation_file.file_rows import FIRST_VIEW, FileRows
from viewer.io.situation_file.meta import read_meta
from viewer.io.situation_file.read_layers import read_layers
from viewer.io.situation_file.reader import check_srs, read_regions, read_rows
from viewer.model.history import Piece
from viewer.model.situation import Situation
from viewer.model.times import to_utc

KNOWN_SLICE = 2_048         # blobs hashed into ``known`` at a time (~0.5 ms of the GIL)


def first_view(file_rows: FileRows, at: datetime | None = None,
               known: dict | None = None) -> tuple[Situation, datetime] | None:
    """(a Situation of what is drawn at the opening time, that time), or None when the
    rows hold a problem (the full read says which). The opening time is ``at``, else the
    file's default time, else its last state, within the span of its states. ``known``
    gets each piece's blob -> its geometry, for the full read (fields.geometries): the
    pieces of the first picture are then parsed once, not held twice while it reads."""
    try:
        check_srs(file_rows)
        times = TimeParser()
        meta = read_meta(file_rows, times)
        regions = read_regions(file_rows)
        parts, shown = _parts_at(file_rows, times, at or meta.default_time, known)
        layers = read_layers(file_rows, times, [], parts)
        return Situation(meta, regions, [], layers, [], []), shown
    except (SituationError, sqlite3.Error, UnicodeDecodeError, ValueError):
        return None         # the full read refuses the file with its reason


def read_first_view(where: str, at: datetime | None = None, known: dict | None = None
                    ) -> tuple[Situation, datetime] | None:
    """``first_view`` of the file at ``where`` from a read of the tables it uses alone
    (see the module docstring); None when there is none to make (the full read says why)."""
    try:
        rows = read_rows(where, only=FIRST_VIEW)
    except SituationError:
        return None
    return first_view(rows, at, known)


def _parts_at(file_rows: FileRows, times: TimeParser, at: datetime | None,
              known: dict | None = None) -> tuple[dict, datetime | None]:
    """layer_id -> (every state time, the pieces in force at the time shown, [], their
    areas), and the time shown. Only those pieces' geometry is decoded."""
    # each distinct text parsed once; a bad one ends the first view (the full read names it)
    states: dict[str, set[datetime]] = {}
    for _, lid, when in file_rows.rows("layer_states"):
        states.setdefault(text(lid), set()).add(times(when, "layer_states"))
    with_area = file_rows.pieces_have_area()
    rows = file_rows.rows("layer_pieces")
    lids = [text(r[2]) for r in rows]
    parsed = {v: times(v, "layer_pieces") for v in {r[3] for r in rows}}
    parsed.update({v: times.optional(v, "layer_pieces") for v in {r[4] for r in rows}})
    spans = [(parsed[r[3]], parsed[r[4]]) for r in rows]
    for lid, span in zip(lids, spans):
        states.setdefault(lid, set()).update(span)
    for ts in states.values():
        ts.discard(None)
    ordered = {lid: sorted(ts) for lid, ts in states.items()}    # parse_time gives UTC
    every = sorted({t for ts in ordered.values() for t in ts})
    shown = None
    if every:
        shown = min(max(to_utc(at), every[0]), every[-1]) if at is not None else every[-1]
    state = {}                      # layer_id -> its state in force at the time shown
    for lid, ts in ordered.items():
        k = bisect_right(ts, shown) - 1 if shown is not None else -1
        state[lid] = ts[k] if k >= 0 else None
    keep = [i for i, (lid, (start, end)) in enumerate(zip(lids, spans))
            if state[lid] is not None and start <= state[lid]
            and (end is None or end > state[lid])]
    kept = [rows[i] for i in keep]
    geoms = geometries("layer_pieces", kept)
    if known is not None:           # in slices: one update hashes every blob holding the GIL
        pairs = [(row[1], geom) for row, geom in zip(kept, geoms) if type(row[1]) is bytes]
        for i in range(0, len(pairs), KNOWN_SLICE):
            known.update(pairs[i:i + KNOWN_SLICE])
    parts: dict[str, tuple[list, list, list, list]] = {
        lid: (list(ts), [], [], []) for lid, ts in ordered.items()}
    for i, row, geom in zip(keep, kept, geoms):
        if geom is None:
            raise ValueError("a piece without geometry")    # the full read names it
        parts[lids[i]][1].append(Piece(geom, *spans[i]))
        area = row[5] if with_area else None
        finite = isinstance(area, (int, float)) and math.isfinite(area) and area >= 0
        parts[lids[i]][3].append(float(area) if finite else float("nan"))
    return parts, shown
