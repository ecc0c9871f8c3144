"""Situations without places (an import made with ``--places none``, or by another
program): a button in the status bar, and Edit ▸ Add Built-in Settlements, add the
built-in settlements within the situation's extent as one undoable edit (AddPlaces),
which Save then writes. Not a dialog: the offer waits until it is wanted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from viewer.importing.places import builtin_places, within_extent
from viewer.model.edits import AddPlaces
from viewer.render import MapScene
from viewer.render.language import plural, translate

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class PlacesOffer(QObject):
    def __init__(self, window: "MainWindow"):
        button = QToolButton(window.statusBar())
        super().__init__(button)            # gone with the button (the status bar's child)
        self.window, self.button = window, button
        self.action = QAction(translate("Places", "Add Built-in &Settlements"), window)
        self.action.setObjectName("add_settlements")
        self.action.setStatusTip(translate(
            "Places", "Add GeoNames' settlements within the situation's extent (an edit "
                      "you can undo, kept once you save)"))
        self.action.triggered.connect(self.add)
        self.button.setObjectName("add_settlements_button")
        self.button.setAutoRaise(True)
        # no taller than the status bar's labels: showing it must not shrink the map
        self.button.setMaximumHeight(window.status.region.sizeHint().height())
        self.button.setText(translate("Places", "No places on this map: add settlements"))
        self.button.setToolTip(self.action.statusTip())
        self.button.clicked.connect(self.add)
        window.statusBar().insertPermanentWidget(0, self.button)
        window.menus["edit"].addSeparator()
        window.menus["edit"].addAction(self.action)
        window.situation_loaded.connect(self.update_offer)
        window.edits.stack.indexChanged.connect(self.update_offer)
        self.update_offer()

    def wanted(self) -> bool:
        s = self.window.situation
        return not s.places and bool(s.own_regions or s.layers)

    def update_offer(self, *_) -> None:
        wanted = self.wanted()
        self.action.setEnabled(wanted)
        self.button.setVisible(wanted)

    def add(self) -> None:
        w = self.window
        places, credits = builtin_places()
        new = within_extent(places, w.situation)
        if not new:
            w.status.show_message(translate("Places", "No built-in settlement lies within "
                                                      "this situation's extent."), 8000)
            return
        if w.edits.perform(AddPlaces(new, credits)):
            n = len(new)
            w.status.show_message(plural(
                n, translate("Places", "Added %n settlements: save to keep them.", "one"),
                translate("Places", "Added %n settlements: save to keep them.", "few"),
                translate("Places", "Added %n settlements: save to keep them.", "many")), 8000)


def refresh_places(window: "MainWindow") -> None:
    """The places changed: a new scene in the same projection, at the same view."""
    w = window
    view = w.canvas.view_rect()
    w.loaded.scene = MapScene(w.situation, w.loaded.scene.projector.crs)
    w.canvas.scene = w.loaded.scene
    w.canvas.invalidate()
    w.canvas.set_view(view)
    w.layers_panel.set_situation(w.situation, w.loaded.areas)
    w.finder.set_situation(w.situation)
