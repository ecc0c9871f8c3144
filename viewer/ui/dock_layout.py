"""The docks' first layout, once the window has its size: the map keeps the room it needs.

A window wide enough has Layers, Regions and Settlements (tabbed, the Place panel below
them) on the left, Reports on the right and the Timeline below; the two columns are
narrowed (never under what they need) to leave the map at least 60 % of the width.
Where the two columns side by side at their narrowest would leave the map under
``SIDE_BY_SIDE`` of the width (a 1024×700 screen; 1920×1200 at scale factor 2), Reports
becomes one more tab of the left column: one click on its tab shows it. Each column is
at least as wide as its widest panel (the Reports panel's with its tab bar whole:
report_tabs) and its own tab bar need, so no panel is cut and no tab title is elided
("Ш…", "Обл…") or scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

DEFAULT_SIZE = (1400, 900)       # a new window's, where the screen has room
SCREEN_SHARE = 0.92              # else this much of the screen
MAP_SHARE = 0.60                 # of the window's width, wherever the columns allow it
SIDE_BY_SIDE = 0.55              # the least share the map gets beside both columns
LEFT, RIGHT = 0.17, 0.21         # the side columns' shares of a wide window...
LEFT_MAX, RIGHT_MAX = 250, 320   # ...and their widest default, in px
SEPARATOR = 6                    # a dock separator and margins, in px (generous)
TIMELINE_SHARE, TIMELINE_MAX = 0.28, 210     # the timeline's height


def restore_layout(window: QMainWindow) -> bool:
    """The window's size and docks as last closed (its settings' geometry and state), or
    its default size; False when the docks are new and want ``size_default_docks``."""
    settings = window.settings
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        screen = window.screen().availableGeometry()
        window.resize(min(DEFAULT_SIZE[0], round(screen.width() * SCREEN_SHARE)),
                      min(DEFAULT_SIZE[1], round(screen.height() * SCREEN_SHARE)))
    state = settings.value("window/state")
    return isinstance(state, QByteArray) and window.restoreState(state)


def save_layout(window: QMainWindow) -> None:
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/state", window.saveState())


def tabs_width(window: QMainWindow, docks: list[QDockWidget]) -> int:
    """The width of a tab bar showing ``docks``' titles in full (Qt elides them in a
    narrower one), measured on a tab bar of the window's own style and font."""
    bar = QTabBar(window)
    bar.hide()
    for dock in docks:
        bar.addTab(dock.windowTitle())
    width = bar.sizeHint().width()
    bar.deleteLater()
    return width


def column_width(window: QMainWindow, docks: list[QDockWidget],
                 tabbed: list[QDockWidget]) -> int:
    """What a column of ``docks`` needs: its widest panel, and the tab bar of the
    ``tabbed`` ones (those sharing one place) with every title whole."""
    panels = max(dock.minimumSizeHint().width() for dock in docks)
    return max(panels, tabs_width(window, tabbed) if len(tabbed) > 1 else 0)


def wrapped_height(dock: QDockWidget, width: int) -> int:
    """The height ``dock`` needs at about ``width`` to show its panel's wrapped text whole
    (half a line more: the dock layout shares out later changes of the column's height)."""
    panel = dock.widget()
    title = dock.sizeHint().height() - panel.sizeHint().height()     # its title bar
    wrapped = panel.heightForWidth(width - 2 * SEPARATOR)
    spare = panel.fontMetrics().lineSpacing() // 2
    return max(wrapped, panel.minimumSizeHint().height()) + title + spare


def area_docks(window: QMainWindow, area: Qt.DockWidgetArea) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget)
            if not d.isFloating() and window.dockWidgetArea(d) == area]


def size_default_docks(window: QMainWindow) -> None:
    """Lay out ``window``'s side docks and timeline for its current size."""
    width, height = window.width(), window.height()
    left = area_docks(window, Qt.DockWidgetArea.LeftDockWidgetArea)
    tabbed = [window.layers_dock, *window.tabifiedDockWidgets(window.layers_dock)]
    reports = window.reports_dock
    left_need = column_width(window, left, tabbed)
    right_need = column_width(window, [reports], [reports])
    sides = left_need + right_need + 2 * SEPARATOR
    small = width - sides < SIDE_BY_SIDE * width
    if small:
        window.tabifyDockWidget(tabbed[-1], reports)
        window.layers_dock.raise_()
        column = column_width(window, left + [reports], tabbed + [reports])
        window.resizeDocks([window.layers_dock], [column], Qt.Orientation.Horizontal)
    else:
        spare = int(width * (1 - MAP_SHARE)) - 3 * SEPARATOR   # the columns' share
        left_w = max(left_need, min(LEFT_MAX, round(width * LEFT), spare - right_need))
        right_w = max(right_need, min(RIGHT_MAX, round(width * RIGHT), spare - left_w))
        window.resizeDocks([window.layers_dock, reports], [left_w, right_w],
                           Qt.Orientation.Horizontal)
        column = left_w
    below = [d for d in left if d not in tabbed and d is not reports]   # the Place panel
    timeline = (window.timeline_dock.minimumSizeHint().height() if small   # the left
                else min(TIMELINE_MAX, round(height * TIMELINE_SHARE)))   # column's height
    window.resizeDocks([window.timeline_dock], [timeline], Qt.Orientation.Vertical)
    window.resizeDocks(below, [wrapped_height(d, column) for d in below],
                       Qt.Orientation.Vertical)
    window.layout().activate()          # now, so the map has its size when shown
