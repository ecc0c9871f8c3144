"""Read layers and their histories (states, pieces, changes) from a situation GeoPackage.

The History is rebuilt directly from the stored rows, never recomputed from states.
"""

from __future__ import annotations

import math

from viewer.io.errors import UnusablePart, column_part, layer_part, reason, table_part
from viewer.io.situation_file.fields import (TimeParser, geometries, integer, json_value,
                                             real, shown, text)
from viewer.io.situation_file.file_rows import FileRows
from viewer.model.amendment import OPS, Amendment
from viewer.model.change import Change
from viewer.model.geometry import EMPTY
from viewer.model.history import History, Piece
from viewer.model.layer import Layer
from viewer.model.style import Style, default_style
from viewer.model.times import iso_z
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def read_layers(file_rows: FileRows, times: TimeParser, notices: list[str] | None = None,
                parts: dict | None = None, known: dict | None = None) -> list[Layer]:
    """The layers, in sort order. A piece starting or ending at a time that is not one of
    its layer's states (as when it was added or edited in QGIS) makes that time a state,
    with a notice naming the piece. ``parts``: the histories' parts read elsewhere (a first
    view's: some of the pieces, no changes, no amendments) instead of all of them;
    ``known``: pieces' blobs already parsed, see fields.geometries."""
    rows = file_rows.rows("layers")
    layers: dict[str, Layer] = {}
    order: dict[str, tuple[int, int]] = {}
    if parts is None:
        parts = _history_parts(file_rows, times, [] if notices is None else notices, known)
        sketches = read_amendments(file_rows, times, parts)
    else:
        sketches = {}
    for fid, lid, name, kind, color, opacity, hatch, outline, desc, source, sort, extra in rows:
        where = table_part("layers", fid)
        lid = text(lid)
        if not lid:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "layer_id is empty")))
        if lid in layers:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "layer %1 appears twice"), shown(lid)))
        kind = text(kind)
        base = default_style(kind)
        opacity = real(opacity, column_part(where, "opacity"), base.opacity)
        hatch = bool(integer(hatch, column_part(where, "hatch"), int(base.hatch)))
        try:
            style = Style(text(color) or base.color, opacity, hatch, text(outline))
        except ValueError as exc:            # the model's own check of a style
            raise UnusablePart(where, reason(exc)) from None
        extra_map = json_value(extra, column_part(where, "extra_json"), dict, {})
        state_times, pieces, changes, km2 = parts.pop(lid, ([], [], [], []))
        try:
            history = History(state_times, pieces, changes, km2)
        except ValueError as exc:            # the model's own check of a history
            raise UnusablePart(layer_part(lid), reason(exc)) from None
        layers[lid] = Layer(lid, text(name) or lid, kind, history, style, text(desc),
                            text(source), {str(k): str(v) for k, v in extra_map.items()},
                            sketches.pop(lid, []))
        order[lid] = (integer(sort, column_part(where, "sort_order"), 0), fid)
    if sketches:
        raise UnusablePart(message(QT_TRANSLATE_NOOP("Core", "%1: %2"), table_part("amendments"),
                                   layer_part(next(iter(sketches)))),
                           message(QT_TRANSLATE_NOOP(
            "Core", "is not in table layers")))
    if parts:
        raise UnusablePart(layer_part(next(iter(parts))), message(QT_TRANSLATE_NOOP(
            "Core", "has states, pieces or changes but is not in table layers")))
    return sorted(layers.values(), key=lambda layer: order[layer.id])


def _history_parts(file_rows: FileRows, times: TimeParser, notices: list[str],
                   known: dict | None = None) -> dict:
    """layer_id -> (state times, pieces, changes, piece areas) from the history tables."""
    parts: dict[str, tuple[list, list, list, list]] = {}
    piece_fids: dict[str, list[int]] = {}

    def of(lid) -> tuple[list, list, list, list]:
        return parts.setdefault(text(lid), ([], [], [], []))

    for fid, lid, at in file_rows.rows("layer_states"):
        of(lid)[0].append(times(at, column_part(table_part("layer_states", fid), "at")))

    # area_km2 is optional (a hand-written file may leave it out): NaN = compute when needed
    with_area = file_rows.pieces_have_area()
    rows = file_rows.rows("layer_pieces")
    geoms = geometries("layer_pieces", rows, known=known)
    for row, geom in zip(rows, geoms):
        fid, _, lid, start, end = row[:5]
        where = table_part("layer_pieces", fid)
        if geom is None:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "the piece has no geometry")))
        of(lid)[1].append(Piece(geom, times(start, column_part(where, "valid_from")),
                                times.optional(end, column_part(where, "valid_to"))))
        piece_fids.setdefault(lid, []).append(fid)
        area = real(row[5], column_part(where, "area_km2"), float("nan")) if with_area else float("nan")
        of(lid)[3].append(area if math.isfinite(area) and area >= 0 else float("nan"))

    rows = file_rows.rows("changes")
    geoms = geometries("changes", rows)
    found: dict[str, dict] = {}
    for (fid, _, cid, lid, at, part), geom in zip(rows, geoms):
        where = table_part("changes", fid)
        if part not in ("gain", "loss"):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "part must be 'gain' or 'loss', got %1"), shown(part)))
        when = times(at, column_part(where, "at"))
        entry = found.setdefault(text(cid), {"layer_id": text(lid), "at": when})
        if (entry["layer_id"], entry["at"]) != (text(lid), when):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "change %1 has rows with different layers or times"), shown(cid)))
        if part in entry:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "change %1 has two %2 rows"), shown(cid), part))
        entry[part] = EMPTY if geom is None else geom
    for cid, e in found.items():
        of(e["layer_id"])[2].append(Change(cid, e["layer_id"], e["at"],
                                           e.get("gain", EMPTY), e.get("loss", EMPTY)))
    for lid, fids in piece_fids.items():
        _add_piece_times(lid, parts[lid], fids, notices)
    return parts


def _add_piece_times(lid, part: tuple[list, list, list, list], fids: list[int],
                     notices: list[str]) -> None:
    """Make every piece's start and end a state time of its layer (a piece added or
    edited in QGIS may start at any time); one notice per layer names the first piece."""
    states, added, first = set(part[0]), 0, None
    for piece, fid in zip(part[1], fids):
        for label, when in (("starts", piece.valid_from), ("ends", piece.valid_to)):
            if when is None or when in states:
                continue
            states.add(when)
            part[0].append(when)
            added += 1
            first = first or (fid, label, iso_z(when))
    if added:
        fid, label, when = first
        starts = label == "starts"
        if added == 1:
            notices.append(message(
                QT_TRANSLATE_NOOP("Core", "layer %1: piece fid %2 starts at %3, which was not "
                                  "one of its state times; made a state") if starts else
                QT_TRANSLATE_NOOP("Core", "layer %1: piece fid %2 ends at %3, which was not "
                                  "one of its state times; made a state"),
                shown(lid), fid, when))
        else:
            notices.append(message(
                QT_TRANSLATE_NOOP("Core", "layer %1: piece fid %2 starts at %3, which was not "
                                  "one of its state times (and %4 more such times); made a "
                                  "state") if starts else
                QT_TRANSLATE_NOOP("Core", "layer %1: piece fid %2 ends at %3, which was not "
                                  "one of its state times (and %4 more such times); made a "
                                  "state"),
                shown(lid), fid, when, added - 1))


def read_amendments(file_rows: FileRows, times: TimeParser,
                    parts: dict) -> dict[str, list[Amendment]]:
    """layer_id -> its amendments in fid order; each must be one of the layer's changes."""
    rows = file_rows.rows("amendments")
    geoms = geometries("amendments", rows)
    out: dict[str, list[Amendment]] = {}
    for (fid, _, cid, lid, at, op), geom in zip(rows, geoms):
        where = table_part("amendments", fid)
        if op not in OPS:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "op must be 'add' or 'subtract', got %1"), shown(op)))
        if geom is None or geom.is_empty:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "the amendment has no area")))
        when = times(at, column_part(where, "at"))
        changes = parts.get(text(lid), ([], [], [], []))[2]
        if not any(c.id == cid and c.at == when for c in changes):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "change %1 of layer %2 at that time is not in table changes"),
                shown(cid), shown(lid)))
        out.setdefault(text(lid), []).append(Amendment(text(cid), text(lid), when, op, geom))
    return out
