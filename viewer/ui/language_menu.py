"""View ▸ Language: the system's language, English or Ukrainian, remembered in the
settings (``view/language``) and applied at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from viewer.render.language import (LANGUAGES, NATIVE_NAMES, install_language,
                                    system_language, translate)
from viewer.ui.plain_text import Icon, message_box
from viewer.ui.recent_files import app_settings

SETTING = "view/language"
SYSTEM = "system"


def chosen_language(settings: QSettings) -> str:
    """The language the settings ask for, or the system's."""
    choice = settings.value(SETTING, SYSTEM, type=str)
    return choice if choice in LANGUAGES else system_language()


def apply_saved_language() -> str:
    """Install the chosen language (at start, before any window is built)."""
    lang = chosen_language(app_settings())
    install_language(lang)
    return lang


def language_menu(window: QWidget) -> QMenu:
    menu = QMenu(translate("MainWindow", "&Language"), window)
    menu.setObjectName("language_menu")
    menu.setStatusTip(translate("MainWindow", "The language of the window and of exported maps"))
    group = QActionGroup(menu)
    current = app_settings().value(SETTING, SYSTEM, type=str)
    entries = [(SYSTEM, translate("MainWindow", "System Language"))]
    entries += [(code, NATIVE_NAMES[code]) for code in LANGUAGES]
    for code, text in entries:
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(code == current or (code == SYSTEM and current not in LANGUAGES))
        action.setData(code)
        action.triggered.connect(lambda *_, c=code: _choose(window, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose(window: QWidget, code: str) -> None:
    settings = app_settings()
    if settings.value(SETTING, SYSTEM, type=str) == code:
        return
    settings.setValue(SETTING, code)
    settings.sync()
    box = message_box(window, Icon.Information, translate("MainWindow", "Language"),
                      translate("MainWindow", "The new language is used from the next start "
                                              "of Situation Viewer."))
    box.open()
