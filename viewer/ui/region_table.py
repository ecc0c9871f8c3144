"""The table of the regions panel: one row per region with a layer's area inside it at
the time shown, its rate of advance there (net km² per day over the last 7 or 30 days),
the share of the region that is, and when the layer first entered it."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from viewer.analysis.region_attribution import RegionAttribution
from viewer.model.text import safe_line
from viewer.render.language import (QT_TRANSLATE_NOOP, current_language, fill, format_number,
                                    translate)
from viewer.ui.region_texts import depth_text, entry_rule
from viewer.ui.qt_utils import format_day
from viewer.ui.region_rows import ChangingRows

COLUMNS = (QT_TRANSLATE_NOOP("Regions", "Region"), QT_TRANSLATE_NOOP("Regions", "km²"),
           QT_TRANSLATE_NOOP("Regions", "km²/day"), QT_TRANSLATE_NOOP("Regions", "Share"),
           QT_TRANSLATE_NOOP("Regions", "Entered"))


def _tips() -> tuple[str, ...]:
    depth = depth_text()
    return (translate("Regions", "The situation's regions"),
            fill(translate("Regions", "The layer's area inside the region at the time shown "
                                      "(greyed: border noise, all of it within %1 of the "
                                      "border)"), depth),
            rate_tip(7),
            translate("Regions", "The part of the region's own area that is"),
            fill(translate("Regions", "The first date part of the layer was at least %1 "
                                      "inside the region; ≤ when it already was at the "
                                      "layer's first date"), depth))


def rate_tip(days: int) -> str:
    return fill(translate("Regions", "Rate of advance: the net change of the layer's km² in "
                                     "the region over the %1 days before the state shown, per "
                                     "day (— where the layer has no state that long before; "
                                     "choose 7 or 30 days in the timeline chart)"), days)


def rate_text(rate: float) -> str:
    if not math.isfinite(rate):
        return "—"
    return ("+" if rate > 0.05 else "") + format_number(rate)


def noise_tip() -> str:
    return fill(translate("Regions", "Border noise: all of this lies within %1 of the region's "
                                     "border (a shared border traced at two scales), so the "
                                     "layer has not entered the region by then"), depth_text())
NAME, AREA, RATE, SHARE, FIRST = range(5)
REGION_ID = Qt.ItemDataRole.UserRole            # on column NAME
INDEX = Qt.ItemDataRole.UserRole + 1            # on column NAME: position in figures.regions
SORT_KEY = Qt.ItemDataRole.UserRole + 2         # on every column: what it sorts by
NOISE = Qt.ItemDataRole.UserRole + 3            # on column AREA: the km² is border noise


class _Row(QTreeWidgetItem):
    """Sorts by each column's SORT_KEY (numbers as numbers, dates as dates)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else NAME
        a, b = self.data(column, SORT_KEY), other.data(column, SORT_KEY)
        if a is None or b is None:      # (not super().__lt__: PySide calls back into this)
            return self.text(column) < other.text(column)
        return a < b


def km2_text(km2: float) -> str:
    if km2 <= 0:
        return "—"
    return ("<" + format_number(0.1)) if km2 < 0.05 else format_number(km2)


def share_text(share: float) -> str:
    if share <= 0:
        return "—"
    return (("<" + format_number(0.1)) if share < 0.0005
            else format_number(share * 100)) + "\u00a0%"


class RegionTable(QTreeWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([translate("Regions", c) for c in COLUMNS])
        for column, tip in enumerate(_tips()):
            self.headerItem().setToolTip(column, tip)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(AREA, Qt.SortOrder.DescendingOrder)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that measures every row again on each change of a value,
        # i.e. on every time step (5 ms for 27 rows). Sized to the widest values instead.
        metrics = self.fontMetrics()
        for column, widest in ((AREA, "000,000.0"), (RATE, "+0,000.0"), (SHARE, "100.0 %"),
                               (FIRST, "≤ 30 Sep 2025")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, metrics.horizontalAdvance(widest) + 14)
        self.setToolTip(translate("Regions", "Double-click a region to zoom to it, or its "
                                             "first-entry date to go to that date. Click a "
                                             "heading to sort.") + "\n" + entry_rule())
        self._noise_tip = noise_tip()
        self._rate_days: int | None = None          # the rate heading's tooltip's window
        self._grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled,
                                                 QPalette.ColorRole.Text))

    def fill(self, figures: RegionAttribution, layer_id: str) -> None:
        """One row per region for ``layer_id`` (areas are set by ``set_areas``)."""
        self.setSortingEnabled(False)
        self.clear()
        firsts = figures.first_entered(layer_id)
        rows = []
        for j, region in enumerate(figures.regions):
            row = _Row()
            row.setText(NAME, safe_line(region.name_in(current_language()), 120))
            row.setData(NAME, REGION_ID, region.id)
            row.setData(NAME, INDEX, j)
            row.setData(NAME, SORT_KEY, region.name_in(current_language()).casefold())
            first = firsts.get(region.id)
            if first is None:
                row.setText(FIRST, "—")
                row.setData(FIRST, SORT_KEY, math.inf)
                row.setToolTip(FIRST, translate("Regions", "Never inside this region"))
            else:
                early = figures.from_first_state(layer_id, region.id)
                row.setText(FIRST, ("≤ " if early else "") + format_day(first))
                row.setData(FIRST, SORT_KEY, first.timestamp())
                row.setToolTip(FIRST, fill(translate(
                    "Regions", "Already inside at the layer's first state (%1): it may have "
                               "entered earlier") if early else translate(
                    "Regions", "First inside on %1 (double-click to go there)"),
                    format_day(first)))
            for column in (AREA, RATE, SHARE, FIRST):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight |
                                     Qt.AlignmentFlag.AlignVCenter)
            rows.append(row)
        self.addTopLevelItems(rows)
        self.setSortingEnabled(True)

    def set_areas(self, km2: np.ndarray, region_km2: np.ndarray, noise: np.ndarray) -> None:
        """The layer's km² inside each region and whether that is border noise (both
        indexed like ``figures.regions``)."""
        changed = []
        for i in range(self.topLevelItemCount()):
            row = self.topLevelItem(i)
            j = row.data(NAME, INDEX)
            value, is_noise = float(km2[j]), bool(noise[j])
            if (value, is_noise) != (row.data(AREA, SORT_KEY), row.data(AREA, NOISE)):
                changed.append((row, value, is_noise, j))   # most rows keep theirs
        if not changed:
            return
        with ChangingRows(self, [row for row, *_ in changed], (AREA, SHARE)):
            for row, value, is_noise, j in changed:
                share = value / region_km2[j] if region_km2[j] > 0 else 0.0
                row.setText(AREA, km2_text(value))
                row.setData(AREA, SORT_KEY, value)
                row.setData(AREA, NOISE, is_noise)
                row.setText(SHARE, share_text(share))
                row.setData(SHARE, SORT_KEY, share)
                for column in (AREA, SHARE):
                    row.setData(column, Qt.ItemDataRole.ForegroundRole,
                                self._grey if is_noise else None)
                    row.setToolTip(column, self._noise_tip if is_noise else "")

    def set_rates(self, rates: np.ndarray, days: int) -> None:
        """Each region's net km² per day over ``days`` (NaN: not known), indexed like
        ``figures.regions``."""
        if days != self._rate_days:         # (a new tooltip repaints the header)
            self._rate_days = days
            self.headerItem().setToolTip(RATE, rate_tip(days))
        changed = [(row, float(rates[row.data(NAME, INDEX)])) for row in self.rows()]
        changed = [(row, rate) for row, rate in changed if row.text(RATE) != rate_text(rate)]
        if not changed:
            return                              # most steps leave most rows alone
        with ChangingRows(self, [row for row, _ in changed], (RATE,)):
            for row, rate in changed:
                row.setText(RATE, rate_text(rate))
                row.setData(RATE, SORT_KEY, rate if math.isfinite(rate) else -math.inf)

    def is_noise(self, row: QTreeWidgetItem) -> bool:
        """Whether the row's km² is shown as border noise."""
        return bool(row.data(AREA, NOISE))

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.topLevelItem(i) for i in range(self.topLevelItemCount())]

    def row_of(self, region_id: str) -> QTreeWidgetItem | None:
        return next((r for r in self.rows() if r.data(NAME, REGION_ID) == region_id), None)
