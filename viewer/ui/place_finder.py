"""Find a place (Ctrl+F): a search box that completes over the situation's places and
regions in English, Ukrainian and GeoNames' other spellings; choosing one zooms to it
(a place: PLACE_RADIUS_KM around it; a region: all of it) and marks it (``found``). Esc
closes the box."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QCompleter, QLineEdit, QMainWindow, QToolBar

from viewer.importing.place_search import Found, PlaceIndex, box_around
from viewer.model import Situation
from viewer.render.language import translate

PLACE_RADIUS_KM = 12.0
SHOWN = 12                      # completions listed at once


class PlaceFinder(QObject):
    found = Signal(object)          # the Found zoomed to (the map marks it)

    def __init__(self, window: QMainWindow, zoom_to_lonlat):
        super().__init__(window)
        self._zoom = zoom_to_lonlat
        self._situation: Situation | None = None
        self._index: PlaceIndex | None = None
        self._choices: dict[str, Found] = {}
        self.bar = QToolBar(translate("MainWindow", "Find Place"), window)
        self.bar.setObjectName("find-place")
        self.bar.setMovable(False)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.bar.hide()
        self.edit = QLineEdit(self.bar)
        self.edit.setPlaceholderText(translate("MainWindow", "Find a place or region (Pokrovsk, "
                                                            "Покровськ, …)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(360)
        self.bar.addWidget(self.edit)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(SHOWN)
        self.edit.setCompleter(self.completer)
        self.completer.activated.connect(self.choose)
        self.edit.returnPressed.connect(self._on_return)
        self.action = QAction(translate("MainWindow", "&Find Place…"), window)
        self.action.setShortcut(QKeySequence.StandardKey.Find)
        self.action.setToolTip(translate("MainWindow", "Find a place or region by name and zoom "
                                                      "to it"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.edit)
        close.setContext(Qt.ShortcutContext.WidgetShortcut)
        close.activated.connect(self.bar.hide)

    def set_situation(self, situation: Situation) -> None:
        """A new situation: its names are indexed the next time the box opens."""
        self._situation, self._index = situation, None
        self._choices = {}
        self.model.setStringList([])

    def open(self) -> None:
        if self._index is None and self._situation is not None:
            self._index = PlaceIndex(self._situation)
            self._choices = {}
            for _, name, found in self._index.entries:
                text = found.label if found.label.startswith(name) else f"{name} — {found.label}"
                self._choices.setdefault(text, found)
            self.model.setStringList(sorted(self._choices, key=str.casefold))
        self.bar.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def choose(self, text: str) -> bool:
        """Zoom to the completion ``text`` (or the one place or region so named)."""
        found = self._choices.get(text)
        if found is None and self._index is not None:
            hits = self._index.find(text)
            found = hits[0] if len(hits) == 1 else None
        if found is None:
            return False
        self._zoom(found.bbox or box_around(found.lon, found.lat, PLACE_RADIUS_KM))
        self.found.emit(found)
        return True

    def _on_return(self) -> None:
        if not self.completer.popup().isVisible():
            self.choose(self.edit.text())
