"""View ▸ Colours: the file's own colours, or the colour-blind-safe set (render/styles.py),
remembered in the settings (``view/palette``) and used by the map and its exports."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from viewer.render.language import translate
from viewer.render.styles import PALETTES
from viewer.ui.choice_menu import choice_menu

SETTING = "view/palette"


def colour_menu(window) -> QMenu:
    saved = window.settings.value(SETTING, PALETTES[0], type=str)
    window.canvas.set_palette(saved if saved in PALETTES else PALETTES[0])
    names = {"standard": (translate("MainWindow", "&Standard"),
                          translate("MainWindow", "The colours the situation file gives")),
             "colour-blind": (translate("MainWindow", "Colour-&blind Safe"),
                              translate("MainWindow", "Colours that stay apart with red-green "
                                                      "colour blindness"))}
    return choice_menu(window, translate("MainWindow", "&Colours"), "colour",
                       [(p, *names[p]) for p in PALETTES], window.canvas.colour_set,
                       lambda p: _choose(window, p))


def _choose(window, palette: str) -> None:
    window.canvas.set_palette(palette)
    window.settings.setValue(SETTING, palette)
