"""The settlements panel: every place's status in a chosen layer at the time shown —
inside, on the line, outside — since when and how many times it changed; sortable,
filtered by region, status and population. Double-click a place to zoom to it, or its
date to go there. Below, claims against assessments where the situation has both.

The status log is measured in the background after a situation is shown (with the
front line, viewer.analysis.front_analytics); until it arrives the panel says so."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QSpinBox,
                               QSplitter, QTableView, QWidget)

from viewer.analysis.front_analytics import FrontAnalytics
from viewer.analysis.settlement_status import INSIDE, LINE, OUTSIDE
from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.render.language import QT_TRANSLATE_NOOP, fill, format_number, translate
from viewer.ui.claims_view import ClaimsView
from viewer.ui.qt_utils import ModelConnections, SightGate, blocked, format_day, format_time
from viewer.ui.settlement_texts import status_rule, status_text
from viewer.ui.settlements_filter import SettlementsFilter
from viewer.ui.settlements_model import CHANGES, COLUMNS, POPULATION, SINCE, SettlementsModel
from viewer.ui.sight_panel import (FollowsTimeWhenShown, layer_chooser, list_layers,
                                   panel_layout, plain_note, steady_note)

MEASURING = QT_TRANSLATE_NOOP("Settlements", "Measuring each place in each layer…")
NARROW = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


def widest_texts() -> tuple[str, ...]:
    """A wide text of each column, in the interface language (its first width)."""
    statuses = [status_text(code) for code in (INSIDE, LINE, OUTSIDE)]
    day = format_day(datetime(2025, 9, 30, tzinfo=timezone.utc))
    return ("Velyka Novosilka", max(statuses, key=len),     # "поза межами" in Ukrainian
            fill(translate("Settlements", "never to %1"), day), day,
            translate("Settlements", COLUMNS[CHANGES]), "Dnipropetrovsk Oblast",
            format_number(1_000_000, 0), "Велика Новосілка")


class SettlementsPanel(FollowsTimeWhenShown, QWidget):
    zoom_to_place = Signal(float, float)        # lon, lat, on double-click

    def __init__(self, cursor: TimeCursor, parent: QWidget | None = None):
        super().__init__(parent)
        self.cursor = cursor
        self.situation: Situation | None = None
        self.analytics: FrontAnalytics | None = None
        self.setToolTip(status_rule())
        self._sight = SightGate(self, self._refresh)
        self.layer_box, top = layer_chooser(self, translate("Settlements", "Layer"), translate(
            "Settlements", "The layer the places' status is measured in"))
        self.layer_box.currentIndexChanged.connect(self._on_layer)
        self.region_box = QComboBox(self)
        self.region_box.setToolTip(translate("Settlements", "Only the places in this region"))
        self.status_box = QComboBox(self)
        self.status_box.setToolTip(translate("Settlements", "Only the places with this status "
                                                            "at the time shown"))
        self.status_box.addItem(translate("Settlements", "any status"), None)
        for code in (INSIDE, LINE, OUTSIDE):
            self.status_box.addItem(status_text(code), code)
        self.population_box = QSpinBox(self)
        self.population_box.setRange(0, 9_999_999)      # (a digit more would widen the dock)
        self.population_box.setSingleStep(1000)
        self.population_box.setPrefix("≥ ")
        self.population_box.setToolTip(translate("Settlements", "Only the places with at least "
                                                                "this population"))
        for box in (self.layer_box, self.region_box, self.status_box):
            # narrow by default: the dock must not widen the left dock area
            box.setSizeAdjustPolicy(NARROW)
            box.setMinimumContentsLength(5)
        for box in (self.region_box, self.status_box):
            box.currentIndexChanged.connect(self._on_filter)
        self.population_box.valueChanged.connect(self._on_filter)
        self.note = plain_note(self)
        self._note = steady_note(self.note, self)       # its texts: self._note.set_text
        self.model = SettlementsModel(self)
        self.rows = SettlementsFilter(self)
        self.rows.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(POPULATION, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # one line a row (the style's default section is twice that), no wrapping; wider
        # than the dock, the table scrolls sideways by the pixel
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.verticalHeader().setMinimumSectionSize(1)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        for column, widest in enumerate(widest_texts()):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(widest) + 14)
        self.table.setToolTip(translate("Settlements", "Double-click a place to zoom to it, or "
                                                       "its date to go there. Click a heading "
                                                       "to sort.") + "\n" + status_rule())
        self.table.doubleClicked.connect(self._on_double_click)
        self.claims = ClaimsView(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.claims)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        filters = QHBoxLayout()             # two rows: the dock stays as narrow as the others
        filters.addWidget(self.status_box, 1)
        filters.addWidget(self.population_box, 1)
        panel_layout(self, top, self.region_box, filters, self._note, splitter)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self.set_situation(None)

    # -- data ----------------------------------------------------------------------------
    def set_situation(self, situation: Situation | None) -> None:
        """A newly shown situation: its layers listed, its measuring under way."""
        self.situation, self.analytics = situation, None
        with blocked(self.layer_box, self.region_box):
            layers = list_layers(self.layer_box, situation)
            self.region_box.clear()
            self.region_box.addItem(translate("Settlements", "every region"), "")
        self.model.set_status(None)
        self.claims.set_analytics(situation, None)
        if situation is None or not layers or not situation.places:
            self._note.set_text(translate("Settlements", "This situation has no layers or no "
                                                         "places."))
        else:
            self._note.set_text(translate("Settlements", MEASURING))

    def set_analytics(self, analytics: FrontAnalytics | None) -> None:
        """The measured figures of the situation shown (None: measuring failed)."""
        if analytics is None:
            self._note.set_text(translate("Settlements", "Could not measure the places (see the "
                                                          "log)."))
            return
        self.analytics = analytics
        self.claims.set_analytics(self.situation, analytics)
        if not analytics.status.places:
            return                      # the note already says there are none
        self.model.set_status(analytics.status, analytics.texts)
        with blocked(self.region_box):
            for name in self.model.region_names():
                self.region_box.addItem(name, name)
        self._refresh()

    def layer_id(self) -> str | None:
        return self.layer_box.currentData()

    def _refresh(self) -> None:
        layer_id = self.layer_id()
        if self.analytics is None or layer_id is None or not self.model.rowCount():
            return
        t = self.cursor.time
        status = self.analytics.status
        self.model.set_state(layer_id, status.state_index(layer_id, t))
        self.rows.follow_time()
        codes = status.status_at(layer_id, t)
        counts = (int((codes == INSIDE).sum()), len(codes), int((codes == LINE).sum()),
                  self.rows.rowCount())
        self._note.set_text(fill(translate("Settlements", "On %1: %2 of %3 places inside, %4 on "
                                                           "the line; showing %5."),
                                  format_time(t), *(format_number(n, 0) for n in counts)))

    # -- widgets -> model / window -------------------------------------------------------
    def _on_layer(self, _index: int) -> None:
        self._refresh()

    def _on_filter(self, *_args) -> None:
        self.rows.set_filter(self.region_box.currentData() or "", self.status_box.currentData(),
                             self.population_box.value())
        self._refresh()

    def _on_double_click(self, index: QModelIndex) -> None:
        row = self.rows.mapToSource(index).row()
        since = self.model.row_since(row)
        if index.column() == SINCE and since is not None:
            self.cursor.set_time(since)
        elif self.model.status is not None:
            place = self.model.status.places[self.model.place_index(row)]
            self.zoom_to_place.emit(place.lon, place.lat)
