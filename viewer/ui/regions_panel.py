"""The regions panel: for a chosen layer, its area inside each region at the time shown
(greyed where it is border noise), the share of the region that is, and when it first
entered each region; below, the chosen region's area over time. The measuring runs in
the background after a situation is shown; until it arrives the panel says so."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.analysis.rates import WINDOWS_DAYS, rate_per_day
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.model.text import safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui.qt_utils import ModelConnections, SightGate, blocked, format_time
from viewer.ui.region_chart import RegionChart
from viewer.ui.region_table import FIRST, INDEX, NAME, REGION_ID, RegionTable
from viewer.ui.region_texts import entry_rule
from viewer.ui.sight_panel import (FollowsTimeWhenShown, layer_chooser, list_layers,
                                   panel_layout, plain_note, steady_note)

MEASURING = QT_TRANSLATE_NOOP("Regions", "Measuring each layer in each region…")


class RegionsPanel(FollowsTimeWhenShown, QWidget):
    zoom_to_region = Signal(str)        # a region id, on double-click

    def __init__(self, cursor: TimeCursor, parent: QWidget | None = None):
        super().__init__(parent)
        self.cursor = cursor
        self.situation: Situation | None = None
        self.figures: RegionAttribution | None = None
        self.rate_days = WINDOWS_DAYS[0]    # the rate column's window (the chart's choice)
        self._rates: dict[tuple[str, int], np.ndarray] = {}   # (layer, days) -> states x regions
        self.setToolTip(entry_rule())
        self._sight = SightGate(self, self._refresh)
        self.layer_box, top = layer_chooser(self, translate("Regions", "Layer"), translate(
            "Regions", "The layer measured in each region"))
        self.layer_box.currentIndexChanged.connect(self._on_layer)
        self.note = plain_note(self)
        self._note = steady_note(self.note, self)       # its texts: self._note.set_text
        self.table = RegionTable(self)
        self.table.currentItemChanged.connect(self._on_current)
        self.table.itemDoubleClicked.connect(self._on_double_click)
        self.chart_title = QLabel(self)
        self.chart_title.setTextFormat(Qt.TextFormat.PlainText)
        self.chart_title.setWordWrap(True)          # a long name never widens the dock
        self.chart = RegionChart(self)
        # a low minimum, so the panel fits a small window's left column (dock_layout.py)
        self.chart.setMinimumHeight(4 * self.fontMetrics().lineSpacing())
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart_title)
        lower_layout.addWidget(self.chart, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        panel_layout(self, top, self._note, splitter)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self.set_situation(None)

    # -- data ----------------------------------------------------------------------------
    def set_situation(self, situation: Situation | None) -> None:
        """A newly shown situation: its layers listed, its measuring under way."""
        self.situation, self.figures = situation, None
        self._rates = {}
        with blocked(self.layer_box):
            layers = list_layers(self.layer_box, situation)
        self.table.clear()
        self.chart.clear_series()
        self.chart_title.setText("")
        if situation is None or not layers or not situation.own_regions:
            self._note.set_text(translate("Regions", "This situation has no layers or no regions "
                                               "to measure."))
        else:
            self._note.set_text(translate("Regions", MEASURING))

    def set_figures(self, figures: RegionAttribution | None) -> None:
        """The measured figures of the situation shown (None: measuring failed)."""
        if figures is None:
            self._note.set_text(translate("Regions", "Could not measure the layers in the regions "
                                               "(see the log)."))
            return
        if not figures.regions:
            return                      # the note already says there are none
        self.figures = figures
        self._rates = {}
        self._fill()

    def layer_id(self) -> str | None:
        return self.layer_box.currentData()

    def _fill(self) -> None:
        layer_id = self.layer_id()
        if self.figures is None or layer_id is None:
            return
        self.table.fill(self.figures, layer_id)
        self._refresh()
        self.table.setCurrentItem(self.table.topLevelItem(0))

    def _refresh(self) -> None:
        t = self.cursor.time
        layer_id = self.layer_id()
        if self.figures is None or layer_id is None:
            return
        figures = self.figures
        entered = len(figures.first_entered(layer_id))
        self._note.set_text(fill(translate("Regions", "On %1; %2 of %3 regions entered at some "
                                                       "time. Double-click a region to zoom to "
                                                       "it, or its date to go there."),
                                  format_time(t), entered, len(figures.regions)))
        self.table.set_areas(figures.km2_at(layer_id, t), figures.region_km2,
                             figures.border_noise_at(layer_id, t))
        self.table.set_rates(self._rates_at(layer_id, t), self.rate_days)
        self.chart.set_time(t)

    def set_rate_window(self, days: int) -> None:
        """The rate column's window: 7 or 30 days (chosen in the timeline chart)."""
        if days != self.rate_days:
            self.rate_days = days
            self._refresh()

    def _rates_at(self, layer_id: str, t):
        """Per region, net km²/day over ``rate_days`` at the state in force at ``t``: the
        whole series is computed once per layer and window; a step looks a row up."""
        key = (layer_id, self.rate_days)
        if key not in self._rates:
            times, km2 = self.figures.series(layer_id)
            self._rates[key] = rate_per_day(times, km2, self.rate_days)
        index = self.figures.situation.layer(layer_id).history.state_index(t)
        table = self._rates[key]
        return table[index] if 0 <= index < len(table) else np.full(table.shape[1], np.nan)

    # -- widgets -> model / window -------------------------------------------------------
    def _on_layer(self, _index: int) -> None:
        self._fill()

    def _on_current(self, item: QTreeWidgetItem | None, _previous) -> None:
        layer_id = self.layer_id()
        if item is None or self.figures is None or layer_id is None:
            self.chart.clear_series()
            self.chart_title.setText("")
            return
        layer = self.figures.situation.layer(layer_id)
        times, km2 = self.figures.in_region(layer_id, item.data(NAME, INDEX))
        self.chart_title.setText(fill(translate("Regions", "%1 in %2, km²"),
                                      safe_line(layer.name, 80), item.text(NAME)))
        self.chart.show_series(times, km2, self.cursor.end, layer.style.color)
        self.chart.set_time(self.cursor.time)

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        region_id = item.data(NAME, REGION_ID)
        first = (self.figures.first_entered(self.layer_id()).get(region_id)
                 if self.figures else None)
        if column == FIRST and first is not None:
            self.cursor.set_time(first)
        else:
            self.zoom_to_region.emit(region_id)
