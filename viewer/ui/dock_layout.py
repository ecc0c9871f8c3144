"""The docks' first layout, once the window has its size: the map keeps at least 60 % of
the width at every window size.

A wide window has Layers and Regions (tabbed) on the left, Reports on the right, the
timeline below. Where the two side columns at their minimum widths would leave the map
under 60 % (a 1024×700 screen; 1920×1200 at scale factor 2), Reports becomes a third tab
of the left column: one click on its tab shows it, and the map keeps its room. Each
column is at least as wide as its widest panel needs, so no panel is cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

MAP_SHARE = 0.60                 # of the window's width, at least
LEFT, RIGHT = 0.17, 0.21         # the side columns' shares of a wide window...
LEFT_MAX, RIGHT_MAX = 250, 320   # ...and their widest default, in px
SEPARATOR = 6                    # a dock separator and margins, in px (generous)


def needed(dock) -> int:
    return dock.minimumSizeHint().width()


def size_default_docks(window: QMainWindow) -> None:
    """Lay out ``window``'s side docks and timeline for its current size."""
    width, height = window.width(), window.height()
    left_min = max(needed(window.layers_dock), needed(window.regions_dock))
    right_min = needed(window.reports_dock)
    room = width * (1 - MAP_SHARE)
    if left_min + right_min + 2 * SEPARATOR > room:
        window.tabifyDockWidget(window.regions_dock, window.reports_dock)
        window.layers_dock.raise_()
        column = max(left_min, right_min, min(LEFT_MAX, round(width * LEFT)))
        window.resizeDocks([window.layers_dock], [column], Qt.Orientation.Horizontal)
    else:
        sides = [(window.layers_dock, max(left_min, min(LEFT_MAX, round(width * LEFT)))),
                 (window.reports_dock, max(right_min, min(RIGHT_MAX, round(width * RIGHT))))]
        window.resizeDocks([dock for dock, _ in sides], [w for _, w in sides],
                           Qt.Orientation.Horizontal)
    window.resizeDocks([window.timeline_dock], [min(210, round(height * 0.28))],
                       Qt.Orientation.Vertical)
