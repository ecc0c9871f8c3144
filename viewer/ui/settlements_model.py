"""The settlements table's model: one row per place — names in both languages, region,
population, its status in the chosen layer at the time shown, since when, how many times
it changed — sorted by the model itself, and a proxy that filters by region, status
and population.

Rows are read from arrays on demand (``data``), so a time step replaces two arrays and
tells the view that two columns changed: no per-row Python for 8,000 places. The model
sorts itself (``sort``: numpy over its arrays, ties in the places' order, as a stable sort
of them gives), its rows held in the sorted order (``place_index`` maps a row to its
place); the proxy only filters (settlements_filter.py: with ``passing``'s numpy mask). A QSortFilterProxyModel sorting the 8,226 places called
``data`` 123,000 times from C++, and held the event loop for half a second each time
the measured figures arrived (tests/perf/stall_probe.py)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, Qt

from viewer.analysis.settlement_status import NONE, SettlementStatus
from viewer.analysis.settlement_table import TableTexts, table_texts
from viewer.render.label_names import OTHER_LANGUAGE
from viewer.render.language import (QT_TRANSLATE_NOOP, current_language, fill, format_number,
                                    translate)
from viewer.ui.qt_utils import format_day
from viewer.ui.settlement_texts import status_rule, status_text

COLUMNS = (QT_TRANSLATE_NOOP("Settlements", "Name"), QT_TRANSLATE_NOOP("Settlements", "Status"),
           QT_TRANSLATE_NOOP("Settlements", "First inside"),
           QT_TRANSLATE_NOOP("Settlements", "Since"), QT_TRANSLATE_NOOP("Settlements", "Changes"),
           QT_TRANSLATE_NOOP("Settlements", "Region"),
           QT_TRANSLATE_NOOP("Settlements", "Population"),
           QT_TRANSLATE_NOOP("Settlements", "Other name"))
NAME, STATUS, FIRST_INSIDE, SINCE, CHANGES, REGION, POPULATION, OTHER_NAME = range(len(COLUMNS))
TIME_COLUMNS = (STATUS, SINCE, CHANGES)     # what a time step changes
MANY_ROWS = 256             # more rows changed than this: one rectangle for all
NEVER = 2 ** 31             # the first-inside index of a place never inside


def table_languages() -> tuple[str, str]:
    """(the interface's language, the other) the table's names are shown in."""
    language = current_language()       # names in it first, as on the map
    return language, OTHER_LANGUAGE.get(language, "uk")


def column_tips() -> tuple[str, ...]:
    return (translate("Settlements", "The place's name in the interface language"),
            translate("Settlements", "Inside, on the line or outside the layer's area at the "
                                     "time shown.") + " " + status_rule(),
            translate("Settlements", "The first date it lay inside the layer's area; \"never "
                                     "to\" the layer's last date where it never did"),
            translate("Settlements", "The date its status at the time shown began"),
            translate("Settlements", "How many times its status changed, up to the time shown"),
            translate("Settlements", "The region it lies in"),
            translate("Settlements", "Its population (GeoNames)"),
            translate("Settlements", "Its name in the other language (Ukrainian or English)"))


class SettlementsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status: SettlementStatus | None = None
        # per row, as object arrays (a sort takes them in its order in one numpy call)
        self._names = self._other_names = self._regions = _texts([])
        self._population = np.zeros(0, np.int64)
        self._codes = np.zeros(0, np.int8)
        self._since = np.zeros(0, np.int64)     # state index, -1: none
        self._first = np.zeros(0, np.int64)     # first state inside (a big number: never)
        self._first_of: dict[str, np.ndarray] = {}
        self._counts = np.zeros(0, np.int64)
        self._times: list = []
        self._order = np.zeros(0, np.int64)     # row -> place index
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._region_code = np.zeros(0, np.int32)     # per row: its region's number
        self._region_number: dict[str, int] = {}
        self.version = 0            # counts the changes of the rows' order or statuses
        self._statuses = [status_text(code) for code in range(NONE, NONE + 4)]
        self._tips = column_tips()

    # -- data ----------------------------------------------------------------------------
    def set_status(self, status: SettlementStatus | None,
                   texts: TableTexts | None = None) -> None:
        """Show ``status``'s places, with ``texts`` if they were made for the interface's
        language (in the worker, with the status), else made here."""
        self.beginResetModel()
        self.status = status
        places = status.places if status is not None else []
        self._names = self._other_names = self._regions = _texts([])
        if status is not None:
            languages = table_languages()
            if texts is None or (texts.language, texts.other) != languages:
                texts = table_texts(status, *languages)
            self._names, self._other_names = _texts(texts.names), _texts(texts.other_names)
            self._regions = _texts(texts.regions)
        self._region_number = {r: k for k, r in enumerate(dict.fromkeys(self._regions))}
        self._region_code = np.array([self._region_number[r] for r in self._regions], np.int32)
        self._population = np.array([p.population for p in places], np.int64)
        self._codes = np.full(len(places), NONE, np.int8)
        self._since = np.full(len(places), -1, np.int64)
        self._counts = np.zeros(len(places), np.int64)
        self._first = np.full(len(places), NEVER, np.int64)
        self._first_of = {}
        self._times = []
        self._order = np.arange(len(places), dtype=np.int64)
        self._arrange(self._orders(*self._sorted))
        self.version += 1
        self.endResetModel()

    def place_index(self, row: int) -> int:
        """The index in ``status.places`` of the place on ``row``."""
        return int(self._order[row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows in the order of ``column``'s values (ties in the places' order)."""
        self._sorted = (column, order)
        if not len(self._order):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        was = [self._order[i.row()] for i in old]
        self._arrange(self._orders(column, order))
        row_of = self._rows_of_places()
        self.changePersistentIndexList(old, [self.index(int(row_of[p]), i.column())
                                             for p, i in zip(was, old)])
        self.layoutChanged.emit()

    def resort_by_time(self) -> None:
        """Sorted by a column the time changes: sorted again."""
        if self._sorted[0] in TIME_COLUMNS:
            self.sort(*self._sorted)

    def _orders(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        """The places' indices in the order of ``column`` (stable: ties in place order)."""
        n = len(self._order)
        if column < 0 or not n:
            return np.arange(n, dtype=np.int64)
        by_place = self._rows_of_places()
        descending = order == Qt.SortOrder.DescendingOrder
        numbers = {POPULATION: self._population, STATUS: self._codes, SINCE: self._since,
                   FIRST_INSIDE: self._first, CHANGES: self._counts}.get(column)
        if numbers is not None:
            key = numbers[by_place].astype(np.int64)
            return np.argsort(-key if descending else key, kind="stable")
        texts = {NAME: self._names, OTHER_NAME: self._other_names,
                 REGION: self._regions}[column]
        keys = [texts[r].casefold() for r in by_place]
        return np.array(sorted(range(n), key=keys.__getitem__, reverse=descending), np.int64)

    def _arrange(self, places: np.ndarray) -> None:
        """Hold the rows in the order ``places`` (place indices) gives."""
        rows = self._rows_of_places()[places]                         # the current rows, in the new order
        self._order = self._order[rows]
        for name in ("_names", "_other_names", "_regions", "_population", "_codes", "_since",
                     "_first", "_counts", "_region_code"):
            setattr(self, name, getattr(self, name)[rows])
        self._first_of = {k: v[rows] for k, v in self._first_of.items()}
        self.version += 1

    def _rows_of_places(self) -> np.ndarray:
        """Per place index, the row it is on now (the inverse of ``_order``)."""
        rows = np.empty(len(self._order), np.int64)
        rows[self._order] = np.arange(len(self._order))
        return rows

    def _first_inside(self, layer_id: str) -> np.ndarray:
        """Per place, the layer's first state with the place inside (NEVER: none)."""
        if layer_id not in self._first_of:
            index = {t: k for k, t in enumerate(self.status.times(layer_id))}
            self._first_of[layer_id] = np.array(
                [index[t] if t is not None else NEVER
                 for t in self.status.first_inside(layer_id)], np.int64)[self._order]
        return self._first_of[layer_id]

    def set_state(self, layer_id: str | None, index: int) -> None:
        """The status of every place at state ``index`` of the layer (-1: before it)."""
        if self.status is None or layer_id is None or not len(self._names):
            return
        layer_changed = self._times is not self.status.times(layer_id)
        self._times = self.status.times(layer_id)
        self._first = self._first_inside(layer_id)
        before = (self._codes, self._since, self._counts)
        if index < 0:
            n = len(self._names)
            self._codes = np.full(n, NONE, np.int8)
            self._since = np.full(n, -1, np.int64)
            self._counts = np.zeros(n, np.int64)
        else:
            order = self._order                 # (the status's arrays are by place)
            self._codes = self.status.status_row(layer_id, index)[order]
            self._since = self.status.since_index(layer_id, index).astype(np.int64)[order]
            self._counts = self.status.change_counts(layer_id, self._times[index])[order]
        self.version += 1
        changed = np.zeros(len(self._names), bool)
        for old, new in zip(before, (self._codes, self._since, self._counts)):
            changed |= old != new
        rows = np.flatnonzero(changed)
        # only the rows whose cells changed (a few a step: the view repaints them, and the
        # sorted proxy maps no 8,000-row rectangle); all of them for another layer
        if layer_changed or len(rows) > MANY_ROWS:
            rows = np.array([0, len(self._names) - 1]) if len(self._names) else rows
            spans = [(int(rows[0]), int(rows[-1]))] if len(rows) else []
        else:
            spans = [(int(r), int(r)) for r in rows]
        for first, last in spans:       # (STATUS..CHANGES are neighbours: one rectangle)
            self.dataChanged.emit(self.index(first, STATUS), self.index(last, CHANGES),
                                  [Qt.ItemDataRole.DisplayRole])

    def passing(self, region: str, status: int | None, min_population: int) -> list[bool]:
        """Per row, whether its place is of ``region`` (or any: ""), has ``status`` (or
        any: None) and at least ``min_population``: one numpy pass, where asking each row
        was 8,226 Python calls at each re-sort of the rows."""
        ok = self._population >= min_population
        if status is not None:
            ok &= self._codes == status
        if region:
            ok &= self._region_code == self._region_number.get(region, -1)
        return ok.tolist()

    def region_names(self) -> list[str]:
        collator = QCollator(QLocale())            # Ukrainian І sorts after А
        return sorted({r for r in self._regions if r}, key=collator.sortKey)

    def row_status(self, row: int) -> int:
        return int(self._codes[row])

    def row_region(self, row: int) -> str:
        return self._regions[row]

    def row_population(self, row: int) -> int:
        return int(self._population[row])

    def row_since(self, row: int):
        k = int(self._since[row])
        return self._times[k] if k >= 0 and self._times else None

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("Settlements", COLUMNS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tips[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POPULATION, CHANGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, column: int) -> str:
        if column == NAME:
            return self._names[row]
        if column == OTHER_NAME:
            return self._other_names[row]
        if column == REGION:
            return self._regions[row]
        if column == POPULATION:
            return format_number(self._population[row], 0) if self._population[row] else "—"
        if column == STATUS:
            return self._statuses[int(self._codes[row]) - NONE]
        if column == SINCE:
            since = self.row_since(row)
            return format_day(since) if since is not None else "—"
        if column == FIRST_INSIDE:
            return self._first_text(row)
        return str(int(self._counts[row]))

    def _first_text(self, row: int) -> str:
        if not self._times:
            return "—"
        k = int(self._first[row])
        if k < len(self._times):
            return format_day(self._times[k])
        return fill(translate("Settlements", "never to %1"), format_day(self._times[-1]))


def _texts(values) -> np.ndarray:
    """``values`` (strings) as a 1-D object array."""
    out = np.empty(len(values), object)
    out[:] = list(values)
    return out
