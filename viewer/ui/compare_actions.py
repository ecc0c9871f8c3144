"""The window's actions for comparing, animating and citing: View ▸ Compare (C), File ▸
Export Animation…, Time ▸ Jump to Date… (Ctrl+G) and Edit ▸ Copy View as Command, added to the menus ``create_actions``
built (found by their titles, so the menu code stays where it is)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from viewer.render.language import translate
from viewer.ui.actions import _action
from viewer.ui.animation_export import AnimationExporter
from viewer.ui.compare_mode import CompareMode
from viewer.ui.jump_date import ask_jump
from viewer.ui.view_command import copy_view_command

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


@dataclass
class CompareActions:
    compare: QAction
    export_animation: QAction
    jump: QAction
    copy_command: QAction


def add_compare_actions(w: "MainWindow") -> CompareActions:
    w.compare_mode = CompareMode(w)
    w.animations = AnimationExporter(w)
    a = CompareActions(
        compare=_action(w, translate("MainWindow", "&Compare Two Dates"), w.compare_mode.toggle,
                        "C", translate("MainWindow", "Compare the time shown with an earlier "
                                                     "date: swipe, side by side or difference")),
        export_animation=_action(w, translate("MainWindow", "Export &Animation…"),
                                 w.animations.ask, "Ctrl+Shift+E",
                                 translate("MainWindow", "Save an animation from one date to "
                                                         "another as GIF, APNG, WebP or MP4")),
        jump=_action(w, translate("MainWindow", "&Jump to Date…"), lambda: ask_jump(w), "Ctrl+G",
                     translate("MainWindow", "Show the state in force at a date")),
        copy_command=_action(w, translate("MainWindow", "Copy View as Co&mmand"),
                             lambda: copy_view_command(w), None,
                             translate("MainWindow", "Copy the command that reopens this date "
                                                     "and view")))
    menus = w.menus
    file_menu, view_menu, time_menu = menus["file"], menus["view"], menus["time"]
    menus["edit"].addAction(a.copy_command)
    export = w.window_actions.export
    file_menu.insertAction(_after(file_menu, export), a.export_animation)
    view_menu.addSeparator()
    view_menu.addAction(a.compare)
    time_menu.addSeparator()
    time_menu.addAction(a.jump)
    return a


def _after(menu, action: QAction) -> QAction | None:
    """The action following ``action`` in ``menu`` (None: the end)."""
    actions = menu.actions()
    i = actions.index(action)
    return actions[i + 1] if i + 1 < len(actions) else None
