"""Points from a CSV table with a header row: longitude and latitude columns (WGS84) and
any others as properties, e.g. a list of places.

Longitude is the first column named ``lon``, ``lng``, ``long``, ``longitude`` or ``x``,
latitude ``lat``, ``latitude`` or ``y`` (any letter case); cells separated by ``,``,
``;`` or tab. A row without usable coordinates is skipped with a warning.
"""

from __future__ import annotations

import csv
import io
import os

import shapely

from viewer.io.errors import SituationError
from viewer.io.files import MB, read_text_limited
from viewer.io.foreign.features import ReadResult
from viewer.io.foreign.repair import finish, note_skipped
from viewer.model.messages import QT_TRANSLATE_NOOP, message

MAX_CSV_BYTES = 64 * MB
LON = ("lon", "lng", "long", "longitude", "x")
LAT = ("lat", "latitude", "y")


def read_points_csv(path: str | os.PathLike) -> ReadResult:
    """Point features of the CSV table at ``path``; raises only SituationError."""
    path = os.fspath(path)
    text = read_text_limited(path, MAX_CSV_BYTES)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    result = ReadResult(path)
    try:
        header = [c.strip() for c in next(reader, [])]
        keys = [c.lower() for c in header]
        ix = next((keys.index(k) for k in LON if k in keys), None)
        iy = next((keys.index(k) for k in LAT if k in keys), None)
        if ix is None or iy is None:
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "no longitude and latitude columns (%1, %2; columns: %3)"),
                '/'.join(LON), '/'.join(LAT), ', '.join(header[:12]) or 'none'))
        geoms, props, labels, bad = [], [], [], []
        for n, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) <= max(ix, iy):          # a short row: no such cell
                bad.append(message(QT_TRANSLATE_NOOP("Core", "row %1"), n))
                continue
            try:
                x, y = float(cells[ix]), float(cells[iy])
            except ValueError:                      # text that is not a number
                bad.append(message(QT_TRANSLATE_NOOP("Core", "row %1"), n))
                continue
            geoms.append(shapely.Point(x, y))
            props.append({h: c.strip() for h, c in zip(header, cells)})
            labels.append(message(QT_TRANSLATE_NOOP("Core", "row %1"), n))
    except csv.Error as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable CSV table (line %1: %2)"), reader.line_num, exc)) from None
    if bad:
        note_skipped(result, bad, message(QT_TRANSLATE_NOOP(
            "Core", "no number for longitude or latitude")))
    finish(result, geoms, props, labels)
    return result
