"""The front analytics in the window: the Settlements dock (tabbed with Layers and
Regions), the chart's front and rate series, both fed by one background measuring that
starts once the regions are measured, i.e. after the first paint and the region figures,
so neither is later than without it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from viewer.render.language import translate
from viewer.ui.analytics_measuring import AnalyticsMeasuring
from viewer.ui.chart_series import WINDOW
from viewer.ui.settlements_panel import SettlementsPanel
from viewer.ui.window_docks import add_dock

PLACE_VIEW_DEG = 0.08       # the box a double-clicked place is zoomed to, ± degrees


class AnalyticsWiring(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = SettlementsPanel(window.cursor_model, window)
        self.dock = add_dock(window, "settlements", translate("MainWindow", "Settlements"),
                             translate("MainWindow", "Show or hide the Settlements panel"),
                             self.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.tabifyDockWidget(window.regions_dock, self.dock)
        window.layers_dock.raise_()
        self.dock.visibilityChanged.connect(self.panel.set_shown)
        self.panel.zoom_to_place.connect(self._zoom_to_place)
        self.measuring = AnalyticsMeasuring(window.worker, self)
        self.measuring.measured.connect(self._on_measured)
        window.situation_loaded.connect(self._on_loaded)
        window.measuring.measured.connect(self._on_regions_measured)
        self.analytics = None
        self.front_action = QAction(translate("MainWindow", "&Front Line"), window)
        self.front_action.setCheckable(True)
        self.front_action.setStatusTip(translate("MainWindow", "Draw each layer's front line: its "
                                                               "boundary away from the country's "
                                                               "border and coast"))
        self.front_action.toggled.connect(window.canvas.set_front_line)
        # the Regions panel's rate column follows the chart's 7- or 30-day choice
        window.timeline.chart.series_box.currentIndexChanged.connect(self._on_series)

    def _on_series(self, _index: int) -> None:
        days = WINDOW.get(self.window.timeline.chart.kind)
        if days is not None:
            self.window.regions_panel.set_rate_window(days)

    def add_actions(self, view_menu) -> None:
        view_menu.addAction(self.front_action)

    def _on_loaded(self, loaded) -> None:
        self.measuring.cancel()         # of the situation shown until now
        self.analytics = None
        self.panel.set_situation(loaded.situation)
        self.window.timeline.chart.set_analytics(None)

    def _on_regions_measured(self, _regions) -> None:
        loaded = self.window.loaded
        if loaded.situation.layers:
            self.measuring.measure(loaded)

    def _on_measured(self, loaded, analytics) -> None:
        if loaded is not self.window.loaded:
            return                      # another situation is shown by now
        self.analytics = analytics
        self.panel.set_analytics(analytics)
        self.window.timeline.chart.set_analytics(analytics)
        loaded.scene.front = analytics.front if analytics is not None else None
        if self.window.canvas.front_line:   # nothing on the map changes otherwise
            self.window.canvas.update()

    def _zoom_to_place(self, lon: float, lat: float) -> None:
        d = PLACE_VIEW_DEG
        self.window.canvas.zoom_to_lonlat((lon - d, lat - d, lon + d, lat + d))
