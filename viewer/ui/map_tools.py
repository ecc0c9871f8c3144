"""The map's reading tools, wired into the window: the ruler (M, View ▸ Measure, or the
Map Tools bar, hidden until View ▸ Map Tools shows it), the marked search
result or clicked settlement, the Place panel with the distances to each layer, View ▸
Coordinates, and the offer to add settlements to a situation that has none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QToolBar

from viewer.importing.place_search import Found
from viewer.model.place_watch import PlaceWatch, WatchedPlace
from viewer.model.text import safe_line
from viewer.render.language import current_language, translate
from viewer.ui.compare_actions import _after
from viewer.ui.coordinate_menu import coordinate_menu
from viewer.ui.map_overlay import overlay_of
from viewer.ui.place_marker import PlaceMarker
from viewer.ui.place_panel import Distances, PlacePanel
from viewer.ui.places_offer import PlacesOffer
from viewer.ui.ruler import RulerTool
from viewer.ui.window_docks import add_dock

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class MapTools(QObject):
    def __init__(self, w: "MainWindow"):
        super().__init__(w)
        self.window = w
        self.watch = PlaceWatch()
        self.distances = Distances(w)
        self.overlay = overlay_of(w.canvas)
        self.ruler = RulerTool(w, self.overlay)
        self.marker = PlaceMarker(w.canvas, self.overlay, self.watch, self.distances)
        self.panel = PlacePanel(w, self.watch, self.distances)
        self.dock = add_dock(w, "place", translate("MainWindow", "Place"),
                             translate("MainWindow", "Show or hide the Place panel"), self.panel,
                             Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.visibilityChanged.connect(self.panel.set_shown)
        self.offer = PlacesOffer(w)
        self.toolbar = QToolBar(translate("MainWindow", "Map Tools"), w)
        self.toolbar.setObjectName("map-tools")
        self.toolbar.addAction(self.ruler.action)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.hide()                 # the map keeps its height; View ▸ Map Tools shows it
        self.toolbar.toggleViewAction().setStatusTip(
            translate("MainWindow", "Show or hide the Map Tools bar (the ruler)"))
        view = w.menus["view"]
        view.insertAction(_first_separator(view), self.ruler.action)
        docks = w.docks()
        after_docks = _after(view, docks[-1].toggleViewAction())
        view.insertAction(after_docks, self.dock.toggleViewAction())
        view.insertAction(after_docks, self.toolbar.toggleViewAction())
        view.insertMenu(_after(view, w.window_actions.decorations), coordinate_menu(w))
        w.finder.found.connect(self._on_found)
        # one map tool at a time: the ruler and Edit ▸ Sketch Area end each other
        self.ruler.action.toggled.connect(self._on_ruler)
        w.sketching.action.triggered.connect(self.ruler.end)
        w.situation_loaded.connect(self._on_loaded)

    def _on_found(self, found: Found) -> None:
        # marked (and, a place, picked) under its name in the interface language
        held = next((p for p in self.window.situation.places if p.id == found.place_id), None)
        name = safe_line(held.name_in(current_language()), 120) if held else found.label
        place = WatchedPlace(name, found.lon, found.lat, found.place_id)
        self.marker.mark(place)
        if found.place_id:
            self.watch.watch(place)

    def _on_ruler(self, on: bool) -> None:
        if on and self.window.sketching.tool.active:
            self.window.sketching.tool.stop()

    def _on_loaded(self, _loaded) -> None:
        self.ruler.end()
        self.marker.mark(None)
        self.watch.clear()
        self.distances.clear()


def _first_separator(menu):
    return next((a for a in menu.actions() if a.isSeparator()), None)

