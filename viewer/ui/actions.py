"""The window's menus, actions and keyboard shortcuts.

All shortcuts are window-wide, so they work whatever has focus (the canvas included).
The time keys (Space, Left/Right, Home/End) give way to the focused widget when it
uses them itself: text fields keep Space and the arrows (Qt does that), and sliders,
spin boxes, combo boxes and lists keep the arrows and Home/End (NavigationKeyGuard), so
the focused timeline slider still moves by one step and a list still moves its current
row. Space always plays/pauses except in text fields. Copy Image is Ctrl+Shift+C, so
Ctrl+C keeps copying selected text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSlider, QAbstractSpinBox,
                               QApplication, QComboBox, QMenu, QWidget)
from shiboken6 import isValid

from viewer.model import Region
from viewer.render.language import translate
from viewer.ui.plain_text import menu_entry
from viewer.ui.colour_menu import colour_menu
from viewer.ui.language_menu import language_menu

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

NAVIGATION_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                   Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
KEEP_NAVIGATION = (QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractItemView)


@dataclass
class WindowActions:
    open: QAction
    save_as: QAction
    export: QAction
    quit: QAction
    copy_image: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_default: QAction
    zoom_extent: QAction
    full_screen: QAction
    decorations: QAction
    play: QAction
    previous_change: QAction
    next_change: QAction
    previous_day: QAction
    next_day: QAction
    first: QAction
    last: QAction
    shortcuts: QAction
    guide: QAction
    recent_menu: QMenu
    region_menu: QMenu
    view_menu: QMenu


def _action(window: QWidget, text: str, slot: Callable, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda *_: slot())
    window.addAction(action)        # window-wide shortcut, even with the menu bar hidden
    return action


def create_actions(w: "MainWindow") -> WindowActions:
    """Build the actions and the menu bar of ``w``."""
    cursor, key, std = w.cursor_model, Qt.Key, QKeySequence.StandardKey
    a = WindowActions(
        open=_action(w, translate("MainWindow", "&Open…"), w.files.choose_file, std.Open,
                     translate("MainWindow", "Open a situation file")),
        save_as=_action(w, translate("MainWindow", "Save &As…"), w.files.save_as, std.SaveAs,
                        translate("MainWindow", "Save the situation to a new file")),
        export=_action(w, translate("MainWindow", "&Export Image…"), w.images.ask, "Ctrl+E",
                       translate("MainWindow", "Save the current view as a PNG, SVG or PDF image")),
        quit=_action(w, translate("MainWindow", "&Quit"), w.close, std.Quit,
                     translate("MainWindow", "Close the window")),
        copy_image=_action(w, translate("MainWindow", "&Copy Image"), w.images.copy_to_clipboard,
                           "Ctrl+Shift+C",
                           translate("MainWindow", "Copy the current view to the clipboard as an image")),
        zoom_in=_action(w, translate("MainWindow", "Zoom &In"), w.canvas.zoom_in, std.ZoomIn,
                        translate("MainWindow", "Zoom in on the centre of the map")),
        zoom_out=_action(w, translate("MainWindow", "Zoom &Out"), w.canvas.zoom_out, std.ZoomOut,
                         translate("MainWindow", "Zoom out from the centre of the map")),
        zoom_default=_action(w, translate("MainWindow", "Zoom to &Default View"),
                             w.canvas.zoom_to_default, "Ctrl+0",
                             translate("MainWindow", "Show the area the situation opens on")),
        zoom_extent=_action(w, translate("MainWindow", "Zoom to &Whole Situation"),
                            w.canvas.zoom_to_extent, "Ctrl+Shift+F",
                            translate("MainWindow", "Show all regions and layers")),
        full_screen=_action(w, translate("MainWindow", "&Full Screen"), w.toggle_full_screen,
                            std.FullScreen, translate("MainWindow", "Fill the screen with the window")),
        decorations=_action(w, translate("MainWindow", "Show &Legend and Scale Bar"),
                            w.toggle_decorations, None,
                            translate("MainWindow", "Show the title, date, legend, scale bar and "
                                            "attribution on the map")),
        play=_action(w, translate("MainWindow", "&Play"), cursor.toggle_play, key.Key_Space,
                     translate("MainWindow", "Play or pause the timeline")),
        previous_change=_action(w, translate("MainWindow", "Pre&vious Change"), cursor.previous_change,
                                key.Key_Left, translate("MainWindow", "Go to the previous change")),
        next_change=_action(w, translate("MainWindow", "&Next Change"), cursor.next_change,
                            key.Key_Right, translate("MainWindow", "Go to the next change")),
        previous_day=_action(w, translate("MainWindow", "Previous &Day"), lambda: cursor.step_by(-1),
                             "Shift+Left", translate("MainWindow", "One time step back")),
        next_day=_action(w, translate("MainWindow", "Next D&ay"), lambda: cursor.step_by(1),
                         "Shift+Right", translate("MainWindow", "One time step on")),
        first=_action(w, translate("MainWindow", "&First Date"), cursor.first, key.Key_Home,
                      translate("MainWindow", "Go to the start")),
        last=_action(w, translate("MainWindow", "&Last Date"), cursor.last, key.Key_End,
                     translate("MainWindow", "Go to the end")),
        shortcuts=_action(w, translate("MainWindow", "&Keyboard Shortcuts"), w.show_shortcuts,
                          "F1", translate("MainWindow", "List every keyboard shortcut")),
        guide=_action(w, translate("MainWindow", "User &Guide"), w.show_user_guide, None,
                      translate("MainWindow", "Read the user guide (offline)")),
        recent_menu=QMenu(translate("MainWindow", "Open &Recent"), w),
        region_menu=QMenu(translate("MainWindow", "Zoom to &Region"), w),
        view_menu=QMenu(translate("MainWindow", "&View"), w),
    )
    a.full_screen.setCheckable(True)
    a.decorations.setCheckable(True)
    a.decorations.setChecked(w.canvas.decorations)
    a.play.setCheckable(True)
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    _build_menus(w, a)
    return a


def _build_menus(w: "MainWindow", a: WindowActions) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(a.open)
    file_menu.addMenu(a.recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.save_as)
    file_menu.addAction(a.export)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.addAction(a.copy_image)

    view = a.view_menu
    bar.addMenu(view)
    for action in (a.zoom_in, a.zoom_out, a.zoom_default, a.zoom_extent):
        view.addAction(action)
    view.addMenu(a.region_menu)
    view.addSeparator()
    for dock in w.docks():
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addAction(a.decorations)
    view.addMenu(colour_menu(w))
    view.addMenu(language_menu(w))
    view.addAction(a.full_screen)

    time_menu = bar.addMenu(translate("MainWindow", "&Time"))
    time_menu.addAction(a.play)
    time_menu.addSeparator()
    for action in (a.previous_change, a.next_change, a.previous_day, a.next_day,
                   a.first, a.last):
        time_menu.addAction(action)

    # by role, not by title (which is translated): for the menu hooks of other parts
    w.menus = {"file": file_menu, "edit": edit_menu, "view": view, "time": time_menu}
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(a.guide)
    help_menu.addAction(a.shortcuts)
    help_menu.addSeparator()
    about = help_menu.addAction(translate("MainWindow", "&About Situation Viewer"))
    about.setStatusTip(translate("MainWindow", "The version and the sources of the data shown"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda *_: w.show_about())


def fill_region_menu(menu: QMenu, regions: list[Region], zoom: Callable[[Region], None]) -> None:
    """View ▸ Zoom to Region: the situation's own regions by name."""
    menu.clear()
    for region in sorted(regions, key=lambda r: r.name):
        menu_entry(menu, region.name).triggered.connect(lambda *_, r=region: zoom(r))
    menu.setEnabled(bool(regions))


class NavigationKeyGuard(QObject):
    """Lets the sliders, spin boxes, combo boxes and item views inside ``window`` keep
    their own arrow, Home/End and Page keys instead of the window's time shortcuts.

    Qt asks the focused widget first with a ShortcutOverride event, and accepting it
    here hands the key press to the widget. So the filter is on the focused widget
    alone, moved with the focus: on every such widget, each of their events went
    through this Python filter, four at each time step (the slider's and date field's
    paints, the reports list's queued call and timer)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._on: QWidget | None = None         # the focused widget it filters
        QApplication.instance().focusChanged.connect(self._on_focus)
        self._on_focus(None, QApplication.focusWidget())

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._on is not None and isValid(self._on):
            self._on.removeEventFilter(self)
        self._on = None
        if isinstance(new, KEEP_NAVIGATION) and self._inside(new):
            new.installEventFilter(self)
            self._on = new

    def _inside(self, widget: QWidget) -> bool:
        """In the window, a floating dock's contents too (isAncestorOf stops at a
        window's edge)."""
        while widget is not None and widget is not self._window:
            widget = widget.parentWidget()
        return widget is not None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in NAVIGATION_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
        return False
