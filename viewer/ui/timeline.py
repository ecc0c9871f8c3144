"""The timeline: chart, slider with change ticks, date label, play controls, speed and
highlight window, all bound to the time cursor."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QStyle,
                               QStyleOptionSlider, QToolButton, QVBoxLayout, QWidget)

from viewer.analysis.areas import Areas
from viewer.model import Situation
from viewer.model.cursor import SPEEDS, TimeCursor
from viewer.render.language import fill, format_number, translate
from viewer.ui.play_clock import PlayClock
from viewer.ui.qt_utils import ModelConnections, SightGate, blocked, format_time
from viewer.ui.tick_slider import TickSlider
from viewer.ui.timeline_band import HighlightBand
from viewer.ui.timeline_chart import TimelineChart
from viewer.ui.timeline_date import DateField

HOUR, DAY = timedelta(hours=1), timedelta(days=1)
HOURLY_UP_TO = timedelta(days=20)    # spans up to this long move by the hour, longer by the day


def speed_label(steps_per_second: float, step: timedelta) -> str:
    """``2 days/s``: how much of the situation's time one second of playback covers."""
    days = steps_per_second * step / timedelta(days=1)
    shown = format_number(days, 0 if days == int(days) else 1)
    return (fill(translate("Timeline", "%1 day/s"), shown) if days == 1
            else fill(translate("Timeline", "%1 days/s"), shown))


class TimelineWidget(QWidget):
    """Slider over the cursor's span (one unit = an hour, or a day for long spans)."""

    def __init__(self, cursor: TimeCursor, parent: QWidget | None = None):
        super().__init__(parent)
        self.cursor = cursor
        self.unit = DAY
        self._change_times: list[datetime] = []
        self.clock = PlayClock(cursor, self)
        self.chart = TimelineChart(cursor, self)
        self.band = HighlightBand(self.chart, cursor)       # the highlight window
        self.slider = TickSlider(self)
        self.slider.setToolTip(translate("Timeline", "Time (drag, or use the arrow keys)"))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        metrics = self.label.fontMetrics()       # the widest date in the language shown
        widest = max(metrics.horizontalAdvance(format_time(
            datetime(2025, month, 28, 23, 59, tzinfo=timezone.utc))) for month in range(1, 13))
        # A fixed size: a new date then repaints the label only. With a size that may
        # follow the text, every step posted layout requests up to the main window,
        # whose dock layout ran again and painted a second frame.
        self.label.setFixedSize(widest + 8, self.label.sizeHint().height())
        self.date_field = DateField(cursor, self)          # the day, typed or picked
        # Each fills its own background (the colour behind it): at a step each repaints
        # alone, not the timeline and its dock behind it as well.
        for widget in (self.label, self.date_field, self.slider):
            widget.setAutoFillBackground(True)
        style = self.style()
        sp = QStyle.StandardPixmap
        self.first_button = self._button(sp.SP_MediaSkipBackward, translate("Timeline", "First"),
                                         translate("Timeline", "Go to the start"), cursor.first)
        self.previous_button = self._button(sp.SP_MediaSeekBackward,
                                            translate("Timeline", "Previous change"),
                                            translate("Timeline", "Go to the previous change"),
                                            cursor.previous_change)
        self.play_button = self._button(sp.SP_MediaPlay, translate("Timeline", "Play"),
                                        translate("Timeline", "Play / pause"), cursor.toggle_play)
        self.next_button = self._button(sp.SP_MediaSeekForward, translate("Timeline", "Next change"),
                                        translate("Timeline", "Go to the next change"),
                                        cursor.next_change)
        self.last_button = self._button(sp.SP_MediaSkipForward, translate("Timeline", "Last"),
                                        translate("Timeline", "Go to the end"), cursor.last)
        self._play_icon = style.standardIcon(sp.SP_MediaPlay)
        self._pause_icon = style.standardIcon(sp.SP_MediaPause)
        self.speed = QComboBox(self)
        self.speed.addItems([speed_label(s, cursor.step) for s in SPEEDS])
        self.speed.setToolTip(translate("Timeline", "Playback speed, in days of the situation "
                                                    "per second"))
        self.speed.currentIndexChanged.connect(self._on_speed_chosen)
        self.highlight = QDoubleSpinBox(self)
        # opaque (filled as the window is): its days follow the time while comparing,
        # and a see-through box's repaint has the window paint its background under it
        self.highlight.setAutoFillBackground(True)
        self.highlight.setRange(0.0, 3650.0)
        self.highlight.setDecimals(1)
        self.highlight.setSuffix(" " + translate("Timeline", "days"))
        self.highlight.setToolTip(translate("Timeline", "Highlight window: changes this many days "
                                                        "old or newer are highlighted and listed"))
        self.highlight.valueChanged.connect(cursor.set_highlight_days)
        self.slider.valueChanged.connect(self._on_slider)
        self._layout()
        # Out of sight (its dock closed, or behind another dock's tab) a time step sets
        # nothing here: the slider, date, date field, chart line and highlight band
        # catch up when the timeline shows again. Its parts follow the time through it.
        for part in (self.chart._on_time, self.band._update, self.date_field._on_time):
            cursor.time_changed.disconnect(part)
        self._sight = SightGate(self, self._show_time)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(cursor.span_changed, self._on_span)
        self._conns.connect(cursor.playing_changed, self._on_playing)
        self._conns.connect(cursor.speed_changed, self._on_speed)
        self._conns.connect(cursor.highlight_changed, self._on_highlight)
        self._on_span(cursor.start, cursor.end)
        self._on_playing(cursor.playing)
        self._on_speed(cursor.speed)
        self._on_highlight(cursor.highlight_days)

    def _button(self, icon, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(4)          # (a nested layout takes its parent's 0 otherwise)
        for b in (self.first_button, self.previous_button, self.play_button,
                  self.next_button, self.last_button):
            controls.addWidget(b)
        controls.addSpacing(8)
        controls.addWidget(self.label)
        controls.addWidget(self.date_field)
        controls.addStretch(1)
        # the chart's series: no label (its items name themselves); its whole text where
        # there is room, a narrow minimum so that the dock is hardly wider than without it
        box = self.chart.series_box
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance("x" * 7) + 28)
        box.setAccessibleName(translate("Timeline", "Chart"))
        controls.addWidget(box)
        for text, w in ((translate("Timeline", "Speed"), self.speed),
                        (translate("Timeline", "Highlight"), self.highlight)):
            label = QLabel(text, self)
            label.setBuddy(w)
            controls.addSpacing(8)
            controls.addWidget(label)
            controls.addWidget(w)
        self._slider_row = QHBoxLayout()
        self._slider_row.addWidget(self.slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        layout.addWidget(self.chart, 1)
        layout.addLayout(self._slider_row)
        layout.addLayout(controls)
        self.chart.getPlotItem().getViewBox().sigResized.connect(self._align_slider)

    def _align_slider(self) -> None:
        """Line the slider's handle positions up with the chart's time axis."""
        left, right = self.chart.plot_span_in(self)
        opt = QStyleOptionSlider()
        self.slider.initStyleOption(opt)
        metric = QStyle.PixelMetric.PM_SliderLength
        half = self.slider.style().pixelMetric(metric, opt, self.slider) // 2
        outer = self.layout().contentsMargins()
        self._slider_row.setContentsMargins(max(0, left - half - outer.left()), 0,
                                            max(0, self.width() - right - half - outer.right()), 0)

    def set_situation(self, situation: Situation, areas: Areas) -> None:
        """Rebuild the chart and the change ticks for a newly loaded situation."""
        self._change_times = sorted({c.at for c in situation.changes})
        self._on_span(self.cursor.start, self.cursor.end)
        self.chart.set_situation(situation, areas)

    # -- slider <-> time -------------------------------------------------------------
    def value_of(self, t: datetime) -> int:
        return round((t - self.cursor.start) / self.unit)

    def time_of(self, value: int) -> datetime:
        return min(self.cursor.start + value * self.unit, self.cursor.end)

    def _on_slider(self, value: int) -> None:
        self.cursor.set_time(self.time_of(value))

    # -- model -> widgets ------------------------------------------------------------
    def _on_span(self, start: datetime, end: datetime) -> None:
        self.unit = HOUR if end - start <= HOURLY_UP_TO else DAY
        self.chart.snap_seconds = self.unit.total_seconds()
        with blocked(self.slider):
            self.slider.setRange(0, math.ceil((end - start) / self.unit))
            self.slider.setPageStep(round(timedelta(days=7) / self.unit))
            self.slider.set_ticks([self.value_of(t) for t in self._change_times
                                   if start <= t <= end])
        self._on_time(self.cursor.time)

    def _on_time(self, _t: datetime) -> None:
        self._sight.request()

    def _show_time(self) -> None:
        t = self.cursor.time
        with blocked(self.slider):
            self.slider.setValue(self.value_of(t))
        self.label.setText(format_time(t))
        if self.cursor.highlight_since is not None:     # the window's length follows t
            self._on_highlight(self.cursor.highlight_days)
        self.chart._on_time(t)
        self.band._update()
        self.date_field._on_time(t)

    def showEvent(self, event) -> None:         # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.set_shown(True)

    def set_shown(self, shown: bool) -> None:
        """Catch up with the time when shown again (its dock reopened or raised)."""
        self._sight.shown(shown)

    def _on_playing(self, playing: bool) -> None:
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setText(translate("Timeline", "Pause") if playing
                                 else translate("Timeline", "Play"))

    def _on_speed(self, speed: float) -> None:
        nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - speed))
        with blocked(self.speed):
            self.speed.setCurrentIndex(nearest)

    def _on_speed_chosen(self, index: int) -> None:
        self.cursor.set_speed(SPEEDS[index])

    def _on_highlight(self, days: float) -> None:
        with blocked(self.highlight):
            self.highlight.setValue(days)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clock.stop()
        super().closeEvent(event)
