"""The docks' first layout, once the window has its size: the map keeps at least 60 % of
the width at every window size.

A wide window has Layers, Regions and Settlements (tabbed) on the left, Reports on the
right, the timeline below; the columns are narrowed (never under what they need) to
leave the map 60 %. Where the two columns at their minimum widths would leave it less (a
1024×700 screen; 1920×1200 at scale factor 2), Reports becomes one more tab of the left
column, or, where that column's tab bar would then be too wide for 60 % (four Ukrainian
titles), a tab beside the Timeline: one click on its tab shows it. Each column is at least
as wide as its widest panel and its tab bar need, so no panel is cut and no tab title is
elided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar

MAP_SHARE = 0.60                 # of the window's width, at least
LEFT, RIGHT = 0.17, 0.21         # the side columns' shares of a wide window...
LEFT_MAX, RIGHT_MAX = 250, 320   # ...and their widest default, in px
SEPARATOR = 6                    # a dock separator and margins, in px (generous)


def tabs_width(window: QMainWindow, docks: list) -> int:
    """The width of a tab bar showing ``docks``' titles in full (Qt elides them in a
    narrower one: "Повідомле…"), measured on a tab bar of the window's own style."""
    bar = QTabBar(window)
    bar.hide()
    for dock in docks:
        bar.addTab(dock.windowTitle())
    width = bar.sizeHint().width()
    bar.deleteLater()
    return width


def column_width(window: QMainWindow, docks: list) -> int:
    """What a column of ``docks`` (tabbed) needs: its widest panel, its tab bar."""
    panels = max(dock.minimumSizeHint().width() for dock in docks)
    return max(panels, tabs_width(window, docks) if len(docks) > 1 else 0)


def size_default_docks(window: QMainWindow) -> None:
    """Lay out ``window``'s side docks and timeline for its current size."""
    width, height = window.width(), window.height()
    left = [d for d in window.docks()
            if window.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea]
    reports = window.reports_dock
    room = int(width * (1 - MAP_SHARE)) - SEPARATOR     # (a margin for rounding)
    left_need, right_need = column_width(window, left), column_width(window, [reports])
    if left_need + right_need + 2 * SEPARATOR > room:
        if column_width(window, left + [reports]) + SEPARATOR <= room:
            window.tabifyDockWidget(left[-1], reports)
            left_need = column_width(window, left + [reports])
        else:
            window.tabifyDockWidget(window.timeline_dock, reports)
            window.timeline_dock.raise_()
        window.layers_dock.raise_()
        column = max(left_need, min(LEFT_MAX, round(width * LEFT), room - SEPARATOR))
        window.resizeDocks([window.layers_dock], [column], Qt.Orientation.Horizontal)
    else:
        spare = room - 2 * SEPARATOR               # what the two columns may take
        left_w = max(left_need, min(LEFT_MAX, round(width * LEFT), spare - right_need))
        right_w = max(right_need, min(RIGHT_MAX, round(width * RIGHT), spare - left_w))
        window.resizeDocks([window.layers_dock, reports], [left_w, right_w],
                           Qt.Orientation.Horizontal)
    window.resizeDocks([window.timeline_dock], [min(210, round(height * 0.28))],
                       Qt.Orientation.Vertical)
