"""The date field by the timeline's slider: the day shown, typed or picked from a
calendar, in the interface's language ("13 Jun 2025", "13 черв. 2025"). Choosing a day
moves the time cursor to it (the state in force then); the cursor's moves are shown
with the field's signals blocked. Its range is the situation's span, so a day outside
the data can't be chosen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

from viewer.model.cursor import TimeCursor
from viewer.render.language import translate
from viewer.ui.qt_utils import ModelConnections, blocked, from_qdate, to_qdate

DISPLAY_FORMAT = "d MMM yyyy"


class DateField(QDateEdit):
    def __init__(self, cursor: TimeCursor, parent: QWidget | None = None):
        super().__init__(parent)
        self.cursor = cursor
        self.setLocale(QLocale())                   # the interface's, as installed
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self._calendar = False      # made when first asked for or opened: see calendarWidget
        self.setKeyboardTracking(False)             # typed: on Enter, not every digit
        self.setToolTip(translate("Timeline", "Go to a date: type it, or pick it from the "
                                              "calendar"))
        self.setAccessibleName(translate("Timeline", "Date"))
        # A fixed size, wide enough for the widest month: a new date then repaints the
        # field only, never asks the window for a layout.
        metrics, locale = self.fontMetrics(), self.locale()
        overhead = self.sizeHint().width() - metrics.horizontalAdvance(self.text())
        widest = max(metrics.horizontalAdvance(locale.toString(QDate(2025, month, 28),
                                                               DISPLAY_FORMAT))
                     for month in range(1, 13))
        self.setFixedSize(widest + overhead, self.sizeHint().height())
        self.dateChanged.connect(self._on_chosen)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(cursor.span_changed, self._on_span)
        self._on_span(cursor.start, cursor.end)

    def calendarWidget(self):      # noqa: N802 (Qt's name)
        """The popup calendar, in the interface's language. Qt makes it on first use;
        once made, every new date updates it (its month menu too): made at start, it
        cost each time step of the window a dozen events."""
        if not self._calendar:
            self._calendar = True
            super().calendarWidget().setLocale(self.locale())
        return super().calendarWidget()

    def mousePressEvent(self, event) -> None:      # noqa: N802 (a press may open the popup)
        self.calendarWidget()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:        # noqa: N802 (so may F4 or Alt+Down)
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() in (Qt.Key.Key_Up,
                                                                    Qt.Key.Key_Down)):
            self.calendarWidget()
        super().keyPressEvent(event)

    def _on_span(self, start: datetime, end: datetime) -> None:
        with blocked(self):
            self.setDateRange(to_qdate(start), to_qdate(end))
        self._on_time(self.cursor.time)

    def _on_time(self, t: datetime) -> None:
        """A new day is set; a new hour of the day shown sets nothing: QDateEdit repaints
        itself and its text at every date set, the same one too (hourly steps)."""
        day = to_qdate(t)
        if day != self.date():
            with blocked(self):
                self.setDate(day)

    def _on_chosen(self, day: QDate) -> None:
        if to_qdate(self.cursor.time) != day:       # the day shown is already that day
            self.cursor.set_time(from_qdate(day))
