"""The status bar's readouts: pointer position, the region under it, and load progress."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from viewer.ui.coordinate_menu import format_position


class StatusReadout(QObject):
    """Permanent widgets on the right of ``bar``; transient messages on the left."""

    def __init__(self, bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.bar = bar
        self.coordinates = "decimal"            # View ▸ Coordinates (coordinate_menu)
        self.progress = QProgressBar(bar)
        self.progress.setRange(0, 0)            # busy: a file read has no known length
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.region = QLabel(bar)
        self.region.setTextFormat(Qt.TextFormat.PlainText)
        self.region.setMinimumWidth(180)
        self.position = QLabel(bar)
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setMinimumWidth(self.position.fontMetrics().horizontalAdvance(
            format_position(-179.99999, -79.99999, "dms")) + 12)
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.region)
        bar.addPermanentWidget(self.position)

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        if text:
            self.bar.showMessage(text, timeout_ms)
        else:
            self.bar.clearMessage()

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    def show_position(self, lonlat: tuple[float, float] | None, region: str | None) -> None:
        self.position.setText(format_position(*lonlat, self.coordinates) if lonlat else "")
        self.region.setText(region or "")
