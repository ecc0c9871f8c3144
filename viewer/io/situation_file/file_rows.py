"""Every row the reader uses, fetched in one short read transaction, then parsed without it.

A read transaction holds SQLite's shared lock, and in the default (rollback-journal)
mode that lock blocks a writer's commit (QGIS saving an edit). So the lock is held only
while the rows are fetched — every query the reader needs, at once, as stored bytes and
values — and the parsing, validation and projection run after it is released.

A query that fails (a missing column, a blob where text belongs, a damaged page) keeps
its error, which is raised when the reader asks for those rows: the reader meets the
errors in the order it always did, so a bad file is refused with the same message
whichever way it is read (viewer.io.situation_file.lazy reads it in another order).
"""

from __future__ import annotations

import sqlite3

from viewer.io.errors import UnusablePart, table_part
from viewer.io.situation_file import fields
from viewer.io.situation_file.attachments import read_attachments
from viewer.io.situation_file.context import COLUMNS as CONTEXT_COLUMNS
from viewer.io.situation_file.context import TABLE as CONTEXT_TABLE
from viewer.model.messages import QT_TRANSLATE_NOOP, message

# The columns the reader asks of each table (besides fid), in the order it asks.
COLUMNS: dict[str, tuple[str, ...]] = {
    "situation_meta": ("key", "value"),
    "regions": ("geom", "region_id", "name_en", "name_uk", "names_json", "admin_level",
                "role"),
    "places": ("geom", "place_id", "name_en", "name_uk", "names_json", "population", "kind",
               "source", "extra_json"),
    "layers": ("layer_id", "name", "kind", "color", "opacity", "hatch", "outline",
               "description", "source", "sort_order", "extra_json"),
    "layer_states": ("layer_id", "at"),
    "layer_pieces": ("geom", "layer_id", "valid_from", "valid_to"),   # + area_km2 if there
    "changes": ("geom", "change_id", "layer_id", "at", "part"),
    "amendments": ("geom", "change_id", "layer_id", "at", "op"),
    "reports": ("report_id", "published", "source", "title", "url", "summary", "language",
                "source_grade", "info_grade"),
    "report_links": ("change_id", "report_id", "role"),
    CONTEXT_TABLE: ("geom",) + CONTEXT_COLUMNS,
}
# The tables a first view (viewer.io.situation_file.lazy) reads: not the places, changes,
# reports or source copies, which may hold far more rows than the first picture needs.
FIRST_VIEW = ("situation_meta", "regions", "layers", "layer_states", "layer_pieces")
PIECE_AREA = ("area_km2",)
SRS_COLUMNS = ("table_name", "srs_id")

# Errors of a query, kept for when its rows are asked for. sqlite3's ProgrammingError and
# InterfaceError are our misuse of it (a bug) and are never kept.
_KEPT = (UnusablePart, sqlite3.Error, UnicodeDecodeError)
_BUGS = (sqlite3.ProgrammingError, sqlite3.InterfaceError)


class FileRows:
    """The rows of one read; ``tables`` are the file's real table names. With ``only``,
    the rows of those of COLUMNS' tables alone (asking for another is a bug: KeyError)."""

    def __init__(self, conn: sqlite3.Connection, tables: set[str],
                 only: tuple[str, ...] | None = None):
        self.tables = frozenset(tables)
        self._kept: dict[tuple, object] = {}
        self._keep(("has", "gpkg_geometry_columns"), lambda: "gpkg_geometry_columns" in tables
                   and fields.has_columns(conn, "gpkg_geometry_columns", SRS_COLUMNS))
        if self._kept[("has", "gpkg_geometry_columns")] is True:   # a real table, never a view
            self._keep(("srs",), lambda: conn.execute(
                "SELECT table_name, srs_id FROM gpkg_geometry_columns").fetchall())
        for name, columns in COLUMNS.items():
            if only is not None and name not in only:
                continue
            if name == "layer_pieces":
                self._keep(("has", name), lambda: name in tables
                           and fields.has_columns(conn, name, PIECE_AREA))
                with_area = self._kept[("has", name)] is True
                columns += PIECE_AREA if with_area else ()
            self._keep(("rows", name), lambda: fields.select(conn, tables, name, columns))
        # the source copies are read whole here (their size is checked before their bytes)
        if only is None:
            self._keep(("attachments",), lambda: read_attachments(conn, tables))

    def _keep(self, key: tuple, fetch) -> None:
        try:
            self._kept[key] = fetch()
        except _BUGS:
            raise
        except _KEPT as exc:
            self._kept[key] = exc

    def _get(self, key: tuple):
        value = self._kept[key]           # a key never fetched is a bug: KeyError
        if isinstance(value, BaseException):
            raise value
        return value

    def rows(self, name: str) -> list[tuple]:
        """``fid`` plus COLUMNS[name] (and area_km2 of pieces, when stored) of every row."""
        return self._get(("rows", name))

    def attachments(self) -> list:
        """The offline source copies (viewer.io.situation_file.attachments)."""
        return self._get(("attachments",))

    def pieces_have_area(self) -> bool:
        return bool(self._get(("has", "layer_pieces")))

    def srs_rows(self) -> list[tuple] | None:
        """(table_name, srs_id) of gpkg_geometry_columns; None without that table."""
        if "gpkg_geometry_columns" not in self.tables:
            return None
        if not self._get(("has", "gpkg_geometry_columns")):
            raise UnusablePart(table_part("gpkg_geometry_columns"), message(QT_TRANSLATE_NOOP(
                "Core", "lacks table_name or srs_id")))
        return self._get(("srs",))
