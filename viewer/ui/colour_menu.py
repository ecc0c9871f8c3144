"""View ▸ Colours: the file's own colours, or the colour-blind-safe set (render/styles.py),
remembered in the settings (``view/palette``) and used by the map and its exports."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from viewer.render.language import translate
from viewer.render.styles import PALETTES

SETTING = "view/palette"


def colour_menu(window) -> QMenu:
    menu = QMenu(translate("MainWindow", "&Colours"), window)
    menu.setObjectName("colour_menu")
    group = QActionGroup(menu)
    saved = window.settings.value(SETTING, PALETTES[0], type=str)
    window.canvas.set_palette(saved if saved in PALETTES else PALETTES[0])
    names = {"standard": (translate("MainWindow", "&Standard"),
                          translate("MainWindow", "The colours the situation file gives")),
             "colour-blind": (translate("MainWindow", "Colour-&blind Safe"),
                              translate("MainWindow", "Colours that stay apart with red-green "
                                                      "colour blindness"))}
    for palette in PALETTES:
        text, tip = names[palette]
        action = QAction(text, menu)
        action.setStatusTip(tip)
        action.setCheckable(True)
        action.setChecked(palette == window.canvas.colour_set)
        action.triggered.connect(lambda *_, p=palette: _choose(window, p))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose(window, palette: str) -> None:
    window.canvas.set_palette(palette)
    window.settings.setValue(SETTING, palette)
