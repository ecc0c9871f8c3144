"""Read a situation GeoPackage into a Situation; bad input raises only SituationError."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from functools import partial
from typing import Iterator

import numpy as np
import shapely

from viewer.io.errors import SituationError, UnusablePart, column_part, reason, table_part
from viewer.io.geopackage.sqlite import sqlite_reason
from viewer.io.situation_file.context_read import read_context
from viewer.io.situation_file.fields import (TimeParser, geometries, integer, json_value,
                                             shown, text, text_map)
from viewer.io.situation_file.file_rows import FileRows
from viewer.io.situation_file.open import open_situation
from viewer.io.situation_file.meta import read_meta
from viewer.io.situation_file.read_layers import read_layers
from viewer.io.situation_file.schema import FEATURE_TABLES, SRS_ID
from viewer.model.region import Place, Region
from viewer.model.report import Link, Reliability, Report
from viewer.model.situation import Situation
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def read_situation(path: str | os.PathLike, notices: list[str] | None = None) -> Situation:
    """The situation stored at ``path``, its rows fetched in one short read transaction
    (see viewer.io.geopackage.sqlite and file_rows): reading never changes the file or
    its directory. ``notices`` gets one line for each thing worth telling that did not
    stop the read (a private copy read, a state time added for a piece edited elsewhere)."""
    where = os.fspath(path)
    return parse_situation(where, read_rows(where, notices), notices)


def read_rows(where: str, notices: list[str] | None = None,
              only: tuple[str, ...] | None = None) -> FileRows:
    """Every row the reader needs from the file at ``where`` (or of the tables ``only``,
    see FileRows); the transaction ends here."""
    conn, tables = open_situation(where, notices)
    try:
        with reading(where):
            return FileRows(conn, tables, only)
    finally:
        conn.close()


def parse_situation(where: str, file_rows: FileRows, notices: list[str] | None = None,
                    check=lambda: None, known: dict | None = None) -> Situation:
    """The Situation in ``file_rows``: every check, in the reader's order; ``check()``
    between its parts (the window's loader cancels there). ``known``: the pieces' blobs
    a first view parsed, and their geometries (fields.geometries)."""
    with reading(where):
        return _read(file_rows, notices if notices is not None else [], check, known)


@contextmanager
def reading(where: str) -> Iterator[None]:
    """Bad input met inside as one SituationError naming the file ``where``."""
    try:
        yield
    except UnusablePart as exc:
        raise exc.in_file(where) from None
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise                            # our misuse of sqlite3 (a wrong binding): a bug
    # SQLite's errors come from any of the queries (a damaged page is found when read)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if "UTF-8" in str(exc) or isinstance(exc, UnicodeDecodeError):
            raise SituationError(where, message(QT_TRANSLATE_NOOP(
                "Core", "is damaged: text that is not UTF-8 (%1)"), sqlite_reason(exc))) from None
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "is damaged or truncated (%1)"), sqlite_reason(exc))) from None


def _read(file_rows: FileRows, notices: list[str], check, known: dict | None) -> Situation:
    check_srs(file_rows)
    times = TimeParser()
    meta = read_meta(file_rows, times)
    readers = (read_regions, read_places, partial(read_layers, times=times, notices=notices,
                                                    known=known),
               partial(read_reports, times=times), read_links,
               partial(read_context, times=times), FileRows.attachments)
    parts = []
    for read in readers:
        check()
        parts.append(read(file_rows))
    try:
        return Situation(meta, *parts)
    except ValueError as exc:            # the model's own check: an id used twice
        raise UnusablePart("ids", reason(exc)) from None


def check_srs(file_rows: FileRows) -> None:
    for name, srs in file_rows.srs_rows() or ():
        if name in FEATURE_TABLES and srs != SRS_ID:
            raise UnusablePart(table_part(name), message(QT_TRANSLATE_NOOP(
                "Core", "uses srs_id %1; situation files store lon/lat in EPSG:%2"),
                shown(srs), SRS_ID))


def _names(fid: int, table: str, en, uk, names_json) -> dict[str, str]:
    names = text_map(names_json, column_part(table_part(table, fid), "names_json")) if names_json else {}
    if not names:
        names = {k: text(v) for k, v in (("en", en), ("uk", uk)) if text(v)}
    return names


def read_regions(file_rows: FileRows) -> list[Region]:
    rows = file_rows.rows("regions")
    geoms = geometries("regions", rows)
    out = []
    for (fid, _, rid, en, uk, names, level, role), geom in zip(rows, geoms):
        where = table_part("regions", fid)
        role = text(role) or "region"
        if role not in ("region", "context"):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "role must be 'region' or 'context', got %1"), shown(role)))
        if not text(rid):
            raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
                "Core", "region_id is empty")))
        out.append(Region(text(rid), _names(fid, "regions", en, uk, names),
                          shapely.from_wkt("MULTIPOLYGON EMPTY") if geom is None else geom,
                          integer(level, column_part(where, "admin_level"), 1), role))
    return out


def read_places(file_rows: FileRows) -> list[Place]:
    rows = file_rows.rows("places")
    geoms = geometries("places", rows)
    # checked for all rows at once: a file may hold thousands of places
    present = ~shapely.is_missing(geoms)
    points = np.zeros(len(geoms), dtype=bool)
    if present.any():
        points[present] = ((shapely.get_type_id(geoms[present]) == 0)
                           & ~shapely.is_empty(geoms[present]))
    if not points.all():
        fid = rows[int(np.flatnonzero(~points)[0])][0]
        raise UnusablePart(table_part("places", fid), message(QT_TRANSLATE_NOOP(
            "Core", "a place needs a point location")))
    xs, ys = (shapely.get_x(geoms).tolist(), shapely.get_y(geoms).tolist()) if len(geoms) \
        else ([], [])
    out = []
    for (fid, _, pid, en, uk, names, pop, kind, source, extra), x, y in zip(rows, xs, ys):
        where = table_part("places", fid)
        extra_map = json_value(extra, column_part(where, "extra_json"), dict, {}) if extra else {}
        out.append(Place(text(pid), _names(fid, "places", en, uk, names), x, y,
                         integer(pop, column_part(where, "population"), 0), text(kind) or "city",
                         text(source),
                         {str(k): str(v) for k, v in extra_map.items()}))
    return out


def read_reports(file_rows: FileRows, times: TimeParser) -> list[Report]:
    rows = file_rows.rows("reports")
    out = []
    for fid, rid, published, source, title, url, summary, lang, sgrade, igrade in rows:
        where = table_part("reports", fid)
        info = integer(igrade, column_part(where, "info_grade"), 6)
        try:
            grade = Reliability(text(sgrade) or "F", info)
        except ValueError as exc:            # the model's own check of a grade
            raise UnusablePart(where, reason(exc)) from None
        out.append(Report(text(rid), times(published, column_part(where, "published")), text(source),
                          text(title), text(url), text(summary), text(lang) or "en", grade))
    return out


def read_links(file_rows: FileRows) -> list[Link]:
    out = []
    for fid, cid, rid, role in file_rows.rows("report_links"):
        try:
            out.append(Link(text(cid), text(rid), text(role) or "reports"))
        except ValueError as exc:            # the model's own check of a role
            raise UnusablePart(table_part("report_links", fid), reason(exc)) from None
    return out
