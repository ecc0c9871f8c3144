"""Go ▸ Jump to Date… (Ctrl+G): a date typed or chosen from a calendar; the map lands on
the state in force then. A date outside the data lands on the first or last state and
the status bar says so, as ``--at`` and ``render`` do."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QWidget

from viewer.model.in_data import in_data
from viewer.render.language import core_text, translate
from viewer.ui.qt_utils import accept_buttons, from_qdate, to_qdate

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class JumpDialog(QDialog):
    def __init__(self, at: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Jump to Date"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(to_qdate(at))
        form = QFormLayout(self)
        form.addRow(translate("MainWindow", "Date (UTC):"), self.date_edit)
        form.addRow(accept_buttons(self))

    @property
    def date(self) -> datetime:
        return from_qdate(self.date_edit.date())


def jump_to(window: "MainWindow", t: datetime) -> None:
    """Show the state in force at ``t``; outside the data, say so in the status bar."""
    shown = in_data(window.situation, t)
    window.cursor_model.set_time(shown.at)
    if shown.note:
        window.status.show_message(core_text(shown.status()), 8000)


def ask_jump(window: "MainWindow") -> None:
    dialog = JumpDialog(window.cursor_model.time, window)
    if dialog.exec():
        jump_to(window, dialog.date)
