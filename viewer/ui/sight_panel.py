"""What the panels that follow the time share (Regions, Settlements): a layer chooser
over a note, and a time step that only asks for a refresh, which runs when the panel is
in sight (``SightGate``); shown again, the panel catches up."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.model import Situation
from viewer.model.text import safe_line
from viewer.ui.steady_text import SteadyText


class FollowsTimeWhenShown:
    """Mixin for a QWidget panel with a ``SightGate`` as ``self._sight``."""

    def _on_time(self, _t: datetime) -> None:
        self._sight.request()           # a closed or hidden tab costs nothing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.set_shown(True)

    def set_shown(self, shown: bool) -> None:
        """Catch up with the time when shown again (a dock reopened, its tab raised)."""
        self._sight.shown(shown)


def layer_chooser(panel: QWidget, label: str, tip: str) -> tuple[QComboBox, QHBoxLayout]:
    """The "Layer [box]" row on top of a panel (``label``, ``tip``: translated)."""
    box = QComboBox(panel)
    box.setToolTip(tip)
    row = QHBoxLayout()
    row.addWidget(QLabel(label, panel))
    row.addWidget(box, 1)
    return box, row


def plain_note(panel: QWidget) -> QLabel:
    """The panel's one-line state (measuring, what is shown): plain text, wrapped."""
    note = QLabel(panel)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    return note


def steady_note(note: QLabel, panel: QWidget) -> SteadyText:
    """``note`` (its date changes at each time step) in a holder that lays the window out
    only when the text needs other room, filling its own background: as a plain label in
    the panel's layout, each step laid the main window's docks out again and repainted
    the dock. Its texts are set with the holder's ``set_text``."""
    note.setAutoFillBackground(True)
    return SteadyText(note, panel)


def panel_layout(panel: QWidget, *rows) -> QVBoxLayout:
    """The rows (layouts or widgets) one under the other; the last one stretches."""
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(2, 2, 2, 2)
    for k, row in enumerate(rows):
        stretch = 1 if k == len(rows) - 1 else 0
        if isinstance(row, QWidget):
            layout.addWidget(row, stretch)
        else:
            layout.addLayout(row, stretch)
    return layout


def list_layers(box: QComboBox, situation: Situation | None) -> list:
    """The situation's layers into the (signal-blocked) box; returns them."""
    layers = situation.layers if situation is not None else []
    box.clear()
    for layer in layers:
        box.addItem(safe_line(layer.name, 120), layer.id)
    return layers
