"""The main window's panels and the docks that hold them: Layers, Regions (tabbed on the
left), Reports (right), Timeline (below). The Settlements and Place docks are added by
their own wiring (analytics_wiring.py, map_tools.py) with ``add_dock``; dock_layout.py
sizes them all once the window has its size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from viewer.render.language import QT_TRANSLATE_NOOP, translate
from viewer.ui.layers_panel import LayersPanel
from viewer.ui.regions_panel import RegionsPanel
from viewer.ui.reports_panel import ReportsPanel
from viewer.ui.timeline import TimelineWidget

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

AREA = Qt.DockWidgetArea
DOCKS = (   # name (``<name>_dock``), title, tip, the window's panel attribute, where
    ("layers", QT_TRANSLATE_NOOP("MainWindow", "Layers"),
     QT_TRANSLATE_NOOP("MainWindow", "Show or hide the Layers panel"), "layers_panel",
     AREA.LeftDockWidgetArea),
    ("regions", QT_TRANSLATE_NOOP("MainWindow", "Regions"),
     QT_TRANSLATE_NOOP("MainWindow", "Show or hide the Regions panel"), "regions_panel",
     AREA.LeftDockWidgetArea),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"),
     QT_TRANSLATE_NOOP("MainWindow", "Show or hide the Reports panel"), "reports_panel",
     AREA.RightDockWidgetArea),
    ("timeline", QT_TRANSLATE_NOOP("MainWindow", "Timeline"),
     QT_TRANSLATE_NOOP("MainWindow", "Show or hide the Timeline panel"), "timeline",
     AREA.BottomDockWidgetArea),
)


def add_dock(w: "MainWindow", name: str, title: str, tip: str, widget: QWidget,
             where: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(title, w)
    dock.setObjectName(f"{name}_dock")     # saveState() names docks by this
    dock.setWidget(widget)
    dock.toggleViewAction().setStatusTip(tip)
    w.addDockWidget(where, dock)
    return dock


def create_docks(w: "MainWindow") -> None:
    """Make ``w``'s panels (``layers_panel``, ``reports_panel``, ``timeline``,
    ``regions_panel``) and their docks (``layers_dock``, ...)."""
    s, loaded = w.loaded.situation, w.loaded
    w.layers_panel = LayersPanel(s, w.display, w.cursor_model, loaded.areas, w)
    w.reports_panel = ReportsPanel(s, w.cursor_model, w.selection, loaded.regions, w)
    w.timeline = TimelineWidget(w.cursor_model, w)
    w.regions_panel = RegionsPanel(w.cursor_model, w)
    w.reports_panel.zoom_to_change.connect(w.canvas.zoom_to_change)
    w.regions_panel.zoom_to_region.connect(w.zoom_to_region)
    for name, title, tip, panel, where in DOCKS:
        setattr(w, f"{name}_dock", add_dock(w, name, translate("MainWindow", title),
                                            translate("MainWindow", tip), getattr(w, panel),
                                            where))
    w.tabifyDockWidget(w.layers_dock, w.regions_dock)
    w.layers_dock.raise_()
    # panels out of sight skip time steps; they catch up when their dock shows again
    w.regions_dock.visibilityChanged.connect(w.regions_panel.set_shown)
    w.layers_dock.visibilityChanged.connect(w.layers_panel.set_shown)
    w.reports_dock.visibilityChanged.connect(w.reports_panel.set_shown)
    w.timeline_dock.visibilityChanged.connect(w.timeline.set_shown)
