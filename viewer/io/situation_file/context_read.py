"""Reading the ``context_features`` table (written by viewer.io.situation_file.context)."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.io.errors import UnusablePart, column_part, reason, table_part
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.situation_file.context import ALLOWED, TABLE
from viewer.io.situation_file.fields import TimeParser, shown, text
from viewer.io.situation_file.file_rows import FileRows
from viewer.io.situation_file.geometry import GeometryProblem, usable
from viewer.model.context import STYLES, ContextFeature
from viewer.model.messages import QT_TRANSLATE_NOOP, message

_LINES = (1, 5)                         # shapely type ids: LineString, MultiLineString


def read_context(file_rows: FileRows, times: TimeParser) -> list[ContextFeature]:
    rows = file_rows.rows(TABLE)
    geoms = _geometries(rows)
    out = []
    for (fid, _, fid_text, layer, style, name, start, end, source), geom in zip(rows, geoms):
        where = table_part(TABLE, fid)
        if not text(fid_text):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "feature_id is empty")))
        if text(style) not in STYLES:
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "style must be one of %1, got %2"), ", ".join(STYLES), shown(style)))
        if geom is None:
            geom = shapely.from_wkt("LINESTRING EMPTY")
        try:
            out.append(ContextFeature(
                text(fid_text), text(layer) or "context", text(style), geom, text(name),
                times.optional(start, column_part(where, "valid_from")),
                times.optional(end, column_part(where, "valid_to")), text(source)))
        except ValueError as exc:            # the model's own check of the times
            raise UnusablePart(where, reason(exc)) from None
    return out


def _geometries(rows: list[tuple]) -> np.ndarray:
    """Lines and areas, decoded and made safe like the other tables' (areas repaired)."""
    try:
        geoms = gpkg_blob.decode([r[1] for r in rows], ALLOWED)
    except gpkg_blob.BlobError as exc:
        raise UnusablePart(table_part(TABLE, rows[exc.index][0]), message(QT_TRANSLATE_NOOP(
            "Core", "bad geometry: %1"), reason(exc))) from None
    present = ~shapely.is_missing(geoms)
    lines = present & np.isin(shapely.get_type_id(geoms), _LINES)
    out = geoms.copy()
    for mask, areas in ((lines, False), (present & ~lines, True)):
        index = np.flatnonzero(mask)
        if not len(index):
            continue
        try:
            out[index] = usable(geoms[index], areas)
        except GeometryProblem as exc:
            raise UnusablePart(table_part(TABLE, rows[int(index[exc.index])][0]), message(
                QT_TRANSLATE_NOOP("Core", "bad geometry: %1"), reason(exc))) from None
    return out
