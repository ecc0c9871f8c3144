"""A menu of exclusive, checkable choices (View ▸ Colours, View ▸ Coordinates)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


def choice_menu(parent: QWidget, title: str, name: str, choices: list[tuple[str, str, str]],
                current: str, choose: Callable[[str], None]) -> QMenu:
    """``choices`` are (key, text, status tip); the one ``current`` is checked, and
    picking one calls ``choose(key)``. Each action is named ``{name}_{key}``."""
    menu = QMenu(title, parent)
    menu.setObjectName(f"{name}_menu")
    group = QActionGroup(menu)
    for key, text, tip in choices:
        action = QAction(text, menu)
        action.setObjectName(f"{name}_{key}")
        action.setStatusTip(tip)
        action.setCheckable(True)
        action.setChecked(key == current)
        action.triggered.connect(lambda *_, k=key: choose(k))
        group.addAction(action)
        menu.addAction(action)
    return menu
