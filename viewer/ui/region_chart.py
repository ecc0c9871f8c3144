"""A small chart of one layer's area inside one region over time, with the time shown."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from viewer.ui.date_axis import LocalDateAxis
from viewer.ui.timeline_chart import DAY, AreaAxis, CursorLine, epoch, style_chart


class RegionChart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": LocalDateAxis("bottom"),
                                            "left": AreaAxis("left")})
        plot = style_chart(self, ("left", "bottom"))
        plot.getAxis("left").setToolTip("km² of the layer inside the region")
        self.curve = pg.PlotDataItem([0.0, 1.0], [0.0], stepMode="center")
        plot.addItem(self.curve)
        # the time line keeps its bounds as it moves (CursorLine, as in the timeline's
        # chart): pyqtgraph's line had the scene work them out again at each time step
        self.line = CursorLine(0.0, angle=90, movable=False, pen=pg.mkPen("#1f5fbf", width=2))
        plot.addItem(self.line, ignoreBounds=True)
        self.curve.setVisible(False)

    def sizeHint(self) -> QSize:
        return QSize(260, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 90)

    def show_series(self, times: list[datetime], km2: np.ndarray, end: datetime,
                    colour: str) -> None:
        """Steps: the area at each state holds until the next (the last until ``end``)."""
        if not times:
            self.clear_series()
            return
        edges = np.array([epoch(t) for t in times] + [max(epoch(end), epoch(times[-1]) + DAY)])
        self.curve.setData(edges, np.asarray(km2, dtype=float), stepMode="center",
                           pen=pg.mkPen(colour, width=2))
        self.curve.setVisible(True)
        plot = self.getPlotItem()
        plot.setXRange(edges[0], edges[-1], padding=0.02)
        top = float(np.max(km2)) if len(km2) else 0.0
        plot.setYRange(0.0, top * 1.08 if top > 0 else 1.0, padding=0)

    def clear_series(self) -> None:
        self.curve.setVisible(False)

    def set_time(self, t: datetime) -> None:
        self.line.setValue(epoch(t))
