"""The pixels a time step changes, as a few rectangles: the boxes of what changed (pieces
of the layers, changes entering or leaving the highlight window) are merged on a grid of
CELL_PX cells when there are more than MAX_RECTS of them. A jump far in time changes a
hundred or more pieces along the front (some 27% of the DeepState view): repainting just
their cells keeps the rest of the last frame, where the map is as it was. The grid keeps
the region to a few rectangles (11-15 for 20 random DeepState jumps; each is a union made
here, and a rectangle every paint of the step is clipped to) at the cost of the cells'
margins around the boxes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion

MAX_RECTS = 48          # more rectangles than this: merged on the grid
CELL_PX = 32


def rects_region(rects: np.ndarray, width: int, height: int,
                 at_most: float) -> QRegion | None:
    """The region of ``rects`` (rows left, top, right, bottom, in whole pixels inside a
    ``width`` x ``height`` view), None when it covers more than ``at_most`` of the view."""
    if len(rects) > MAX_RECTS:
        rects = grid_rects(rects, width, height)    # (disjoint; else overlaps count twice)
    covered = float(((rects[:, 2] - rects[:, 0]) * (rects[:, 3] - rects[:, 1])).sum())
    if covered > at_most * width * height:
        return None
    region = QRegion()
    for left, top, right, bottom in rects.tolist():
        region = region.united(QRect(left, top, right - left, bottom - top))
    return region


def grid_rects(rects: np.ndarray, width: int, height: int) -> np.ndarray:
    """The cells of a CELL_PX grid that ``rects`` meet, as rectangles (rows left, top,
    right, bottom, cut to the view): each row's runs of cells, a run going on down the
    rows below that have the very same run. They cover every pixel of ``rects``."""
    columns, rows = -(-width // CELL_PX), -(-height // CELL_PX)
    x0, y0 = rects[:, 0] // CELL_PX, rects[:, 1] // CELL_PX
    x1, y1 = -(-rects[:, 2] // CELL_PX), -(-rects[:, 3] // CELL_PX)
    across = columns + 1
    corners = np.bincount(np.concatenate([y0 * across + x0, y0 * across + x1,
                                          y1 * across + x0, y1 * across + x1]),
                          np.repeat([1.0, -1.0, -1.0, 1.0], len(rects)),
                          (rows + 1) * across).reshape(rows + 1, across)
    met = np.zeros((rows, columns + 2), dtype=np.int8)      # a column clear each side
    met[:, 1:-1] = corners.cumsum(axis=0).cumsum(axis=1)[:rows, :columns] > 0.5
    edges = np.diff(met, axis=1)
    row, first = np.nonzero(edges == 1)             # each row's runs, in order
    end = np.nonzero(edges == -1)[1]
    order = np.lexsort((row, end, first))           # a run's rows together, top down
    row, first, end = row[order], first[order], end[order]
    new = np.ones(len(row), dtype=bool)             # a rectangle starts: another run, or
    new[1:] = (first[1:] != first[:-1]) | (end[1:] != end[:-1]) | (row[1:] != row[:-1] + 1)
    starts = np.flatnonzero(new)                    # a row skipped
    last = np.r_[starts[1:], len(row)] - 1
    cells = np.column_stack([first[starts], row[starts], end[starts], row[last] + 1]) * CELL_PX
    cells[:, 2] = np.minimum(cells[:, 2], width)
    cells[:, 3] = np.minimum(cells[:, 3], height)
    return cells
