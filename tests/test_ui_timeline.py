"""The timeline: slider, buttons, play clock, speed, highlight window and the chart."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import QWidget
from shapely.geometry import box

from viewer.analysis.areas import Areas, geodesic_area_km2
from viewer.model import History, Layer, Link, Report, Situation, parse_time
from viewer.model.cursor import SPEEDS, TimeCursor
from viewer.ui.timeline import TimelineWidget
from viewer.ui.timeline_chart import epoch

T = parse_time
CHANGES = [T("2025-06-05"), T("2025-06-09T14:00")]


def situation() -> Situation:
    front = History.from_states("front", [
        (T("2025-06-01"), box(0, 0, 1, 1)),
        (CHANGES[0], box(0, 0, 2, 1)),
        (CHANGES[1], box(0, 0, 1.5, 1)),
    ])
    reports = [Report("a", T("2025-06-05T08:00"), "S", "A"),
               Report("b", T("2025-06-05T20:00"), "S", "B"),
               Report("c", T("2025-06-09T15:00"), "S", "C")]
    links = [Link("front@2025-06-05T00:00:00Z", "a")]
    return Situation(layers=[Layer("front", "Front", "assessed-control", front)],
                     reports=reports, links=links)


def shown(qtbot, make, width=900, height=200):
    """``make(parent)`` inside a plain shown host (a top-level with a layout makes the
    offscreen platform warn about propagateSizeHints)."""
    host = QWidget()
    qtbot.addWidget(host)
    widget = make(host)
    widget.resize(width, height)
    host.resize(width, height)
    host.show()
    qtbot.waitExposed(host)
    return host, widget


@pytest.fixture
def env(qtbot):
    yield from timeline_env(qtbot)


def timeline_env(qtbot):
    s = situation()
    cursor = TimeCursor(s.start, T("2025-06-15"), [c.at for c in s.changes])
    host, timeline = shown(qtbot, lambda parent: TimelineWidget(cursor, parent))
    timeline.set_situation(s, Areas(s))
    yield timeline, cursor, s
    cursor.set_playing(False)
    host.close()
    host.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for signal in (cursor.time_changed, cursor.playing_changed, cursor.speed_changed,
                   cursor.span_changed, cursor.highlight_changed):
        assert len(signal) == 0, "a deleted widget is still connected to the cursor"


def test_slider_moves_by_the_hour_over_a_short_span(env, qtbot):
    timeline, cursor, _ = env
    assert timeline.slider.maximum() == 14 * 24
    timeline.slider.setValue(24)
    assert cursor.time == T("2025-06-02") and timeline.label.text() == "2 Jun 2025"
    timeline.slider.setFocus()
    qtbot.keyClick(timeline.slider, Qt.Key.Key_Right)
    assert cursor.time == T("2025-06-02T01:00")
    assert timeline.label.text() == "2 Jun 2025 01:00 UTC"
    cursor.set_time(T("2025-06-13"))
    assert timeline.slider.value() == 12 * 24 and timeline.label.text() == "13 Jun 2025"


def test_slider_moves_by_the_day_over_a_long_span(qtbot):
    cursor = TimeCursor(T("2025-01-01"), T("2025-03-02"))
    host, timeline = shown(qtbot, lambda parent: TimelineWidget(cursor, parent))
    assert timeline.slider.maximum() == 60
    timeline.slider.setValue(3)
    assert cursor.time == T("2025-01-04")
    cursor.set_span(T("2025-01-01"), T("2025-01-03"), [])     # now short: hours
    assert timeline.slider.maximum() == 48 and timeline.slider.value() == 48


def test_change_ticks_and_step_buttons(env, qtbot):
    timeline, cursor, _ = env
    assert timeline.slider.ticks == [4 * 24, 8 * 24 + 14]
    qtbot.mouseClick(timeline.next_button, Qt.MouseButton.LeftButton)
    assert cursor.time == CHANGES[0]
    qtbot.mouseClick(timeline.next_button, Qt.MouseButton.LeftButton)
    assert cursor.time == CHANGES[1] and timeline.label.text() == "9 Jun 2025 14:00 UTC"
    qtbot.mouseClick(timeline.previous_button, Qt.MouseButton.LeftButton)
    assert cursor.time == CHANGES[0]
    qtbot.mouseClick(timeline.last_button, Qt.MouseButton.LeftButton)
    assert cursor.time == T("2025-06-15")
    qtbot.mouseClick(timeline.first_button, Qt.MouseButton.LeftButton)
    assert cursor.time == T("2025-06-01")


def test_play_button_and_clock(env, qtbot):
    timeline, cursor, _ = env
    timeline.speed.setCurrentIndex(SPEEDS.index(16.0))
    assert cursor.speed == 16.0 and timeline.clock.timer.interval() == 62
    cursor.set_speed(0.5)
    assert timeline.speed.currentText() == "0.5 days/s"       # one-day steps, 0.5 a second
    cursor.set_speed(16.0)
    start = cursor.time
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    assert cursor.playing and timeline.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: cursor.time >= start + 2 * cursor.step, timeout=3000)
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    assert not cursor.playing and timeline.play_button.text() == "Play"
    assert not timeline.clock.timer.isActive()


def test_highlight_window_spin_box(env):
    timeline, cursor, _ = env
    timeline.highlight.setValue(3.0)
    assert cursor.highlight_days == 3.0
    cursor.set_highlight_days(10.0)
    assert timeline.highlight.value() == 10.0


def test_chart_shows_areas_and_reports_and_its_line_follows_the_cursor(env):
    timeline, cursor, s = env
    chart = timeline.chart
    (curve,) = chart._curves
    x, y = curve.getData()
    # (pieces are measured one by one: long edges along parallels differ in the 4th digit)
    assert np.allclose(y, [geodesic_area_km2(box(0, 0, w, 1)) for w in (1, 2, 1.5)], rtol=1e-3)
    assert x[0] == epoch(T("2025-06-01")) and x[-1] == epoch(T("2025-06-15"))
    assert list(chart.bars.opts["height"]) == [2, 1]              # reports on 5 and 9 Jun
    chart.line.setValue(epoch(T("2025-06-07T06:10")))              # as a drag does
    assert cursor.time == T("2025-06-07T06:00")                    # snapped to the hour
    assert timeline.slider.value() == 6 * 24 + 6
    cursor.set_time(T("2025-06-03"))
    assert chart.line.value() == epoch(T("2025-06-03"))


def test_closing_stops_the_clock(env, qtbot):
    timeline, cursor, _ = env
    cursor.set_playing(True)
    assert timeline.clock.timer.isActive()
    timeline.close()
    assert not timeline.clock.timer.isActive()


def test_clicking_the_chart_moves_the_cursor_there(env, qtbot):
    timeline, cursor, _ = env
    chart = timeline.chart
    vb = chart.getPlotItem().getViewBox()
    rect = chart.mapFromScene(vb.sceneBoundingRect()).boundingRect()
    pos = rect.center() + type(rect.center())(rect.width() // 4, 0)      # 3/4 of the way
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    x = vb.mapSceneToView(chart.mapToScene(pos)).x()
    assert abs(epoch(cursor.time) - x) <= 1800                 # to the nearest hour
    assert T("2025-06-11") < cursor.time < T("2025-06-13")


def test_area_axis_labels_stay_short():
    from viewer.ui.timeline_chart import compact_number
    assert [compact_number(v) for v in (0, 400, 2500, 110000, 1.25e6)] == [
        "0", "400", "2.5k", "110k", "1.25M"]


def test_change_marks_show_unless_there_are_too_many_to_read(qtbot):
    from viewer.ui.timeline_chart import MAX_MARKS, TimelineChart

    def chart_for(days: int) -> TimelineChart:
        t0 = parse_time("2025-01-01")
        states = [(t0 + timedelta(days=d), box(0, 0, 1 + d * 0.01, 1)) for d in range(days)]
        s = Situation(layers=[Layer("a", "A", "assessed-control",
                                    History.from_states("a", states))])
        chart = TimelineChart(TimeCursor(s.start, s.end, [c.at for c in s.changes]))
        qtbot.addWidget(chart)
        chart.set_situation(s, Areas(s))
        return chart
    few, many = chart_for(10), chart_for(MAX_MARKS + 10)
    assert len(few.marks.getData()[0]) == 2 * 9          # a pair of points per change
    assert len(many.marks.getData()[0]) == 0


def test_the_slider_repaints_only_what_moved_and_shows_what_a_full_repaint_shows(qtbot):
    """A new value repaints just the stretch between the old and the new handle; what
    the window then holds must be what painting the whole slider gives."""
    import random

    from PySide6.QtGui import QGuiApplication

    from viewer.ui.tick_slider import TickSlider
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 60)
    slider = TickSlider(host)
    slider.setGeometry(10, 10, 880, 30)
    slider.setRange(0, 500)
    slider.set_ticks(list(range(0, 500, 7)))
    host.show()
    qtbot.waitExposed(host)
    rng = random.Random(5)
    for value in [rng.randrange(501) for _ in range(12)] + [0, 500, 250]:
        slider.setValue(value)
        QCoreApplication.processEvents()
        # on the offscreen platform this reads the window's backing store as painted
        shown = QGuiApplication.primaryScreen().grabWindow(host.winId()).toImage()
        whole = slider.grab().toImage()
        assert shown.copy(10, 10, 880, 30).convertToFormat(whole.format()) == whole, value


def test_a_time_step_repaints_a_strip_of_the_chart_and_shows_what_a_full_repaint_shows(env):
    """Only the cursor line's old and new strips are painted again (not the whole plot,
    its curves measured anew for the auto range); the window then holds what painting
    the whole chart gives."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication

    from ui_helpers import PaintRects

    timeline, cursor, _ = env
    chart = timeline.chart
    cursor.set_highlight_days(0.0)      # no highlight band: its ends move by the jumps' days
    paints = PaintRects(chart.viewport())
    for day in ("2025-06-07", "2025-06-08T06:00", "2025-06-12"):
        QCoreApplication.processEvents()
        paints.rects.clear()
        cursor.set_time(T(day))
        for _ in range(3):
            QCoreApplication.processEvents()
        assert paints.rects and all(r.width() < 40 for r in paints.rects), paints.rects
        at = chart.mapTo(timeline.window(), QPoint(0, 0))
        shown = QGuiApplication.primaryScreen().grabWindow(timeline.window().winId()).toImage()
        whole = chart.grab().toImage()
        assert shown.copy(at.x(), at.y(), whole.width(), whole.height()).convertToFormat(
            whole.format()) == whole, day


def test_the_date_field_shows_the_day_and_moves_the_cursor(env, qtbot):
    timeline, cursor, _ = env
    field = timeline.date_field
    assert field.text() == "1 Jun 2025"
    cursor.set_time(T("2025-06-09T14:00"))             # model -> field, no echo back
    assert field.text() == "9 Jun 2025" and cursor.time == T("2025-06-09T14:00")
    # typed: select the day, type 12, Enter -> the state in force on 12 June
    field.setFocus()
    field.setSelectedSection(field.Section.DaySection)
    qtbot.keyClicks(field, "12")
    assert cursor.time == T("2025-06-09T14:00")         # not at every keystroke
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cursor.time == T("2025-06-12") and timeline.label.text() == "12 Jun 2025"
    assert timeline.slider.value() == timeline.value_of(T("2025-06-12"))
    # the arrow keys step the day
    field.setCurrentSection(field.Section.DaySection)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert cursor.time == T("2025-06-11")
    # picked from the calendar
    calendar = field.calendarWidget()
    calendar.setSelectedDate(field.date().addDays(-8))
    calendar.clicked.emit(calendar.selectedDate())          # what a click on a day sends
    assert cursor.time == T("2025-06-03")
    # the span bounds what can be chosen
    assert (field.minimumDate().toString("yyyy-MM-dd"),
            field.maximumDate().toString("yyyy-MM-dd")) == ("2025-06-01", "2025-06-15")


def test_hourly_steps_within_a_day_leave_the_date_field_unpainted(env, qtbot):
    """The span moves by the hour: the slider's arrow keys step the label's hour and
    leave the date field (its day unchanged) unpainted, until midnight gives it the
    next day."""
    from ui_helpers import PaintRects
    timeline, cursor, _ = env
    field, slider = timeline.date_field, timeline.slider
    cursor.set_time(T("2025-06-09T21:00"))
    QCoreApplication.processEvents()
    paints = PaintRects(field), PaintRects(field.lineEdit())
    slider.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
        QCoreApplication.processEvents()
        seen.append((timeline.label.text(), field.text(), any(p.rects for p in paints)))
    assert seen == [("9 Jun 2025 22:00 UTC", "9 Jun 2025", False),
                    ("9 Jun 2025 23:00 UTC", "9 Jun 2025", False),
                    ("10 Jun 2025", "10 Jun 2025", True)]
    assert field.date() == QDate(2025, 6, 10) and cursor.time == T("2025-06-10")


def test_the_date_field_speaks_the_interface_language(qtbot):
    from viewer.render.language import install_language
    install_language("uk")
    try:
        cursor = TimeCursor(T("2025-06-01"), T("2025-08-30"))
        host, timeline = shown(qtbot, lambda parent: TimelineWidget(cursor, parent))
        cursor.set_time(T("2025-08-12"))
        assert timeline.date_field.text() == "12 серп. 2025"
        field = timeline.date_field
        assert field.width() >= field.fontMetrics().horizontalAdvance("28 листоп. 2025")
        host.close()
    finally:
        install_language("en")


@pytest.fixture(params=["en", "uk"])
def env_in(request, qtbot):
    """``env`` built in the interface language ``request.param``."""
    from viewer.render.language import install_language
    install_language(request.param)
    try:
        yield from timeline_env(qtbot)
    finally:
        install_language("en")


def test_the_speed_and_highlight_labels_keep_clear_of_their_fields(env_in):
    """"Speed" and "Highlight" stood against their fields (the row's layout took its
    parent's spacing of 0): at least 3 px apart, in either language."""
    from PySide6.QtWidgets import QLabel
    timeline = env_in[0]
    labels = [l for l in timeline.findChildren(QLabel) if l.buddy() is not None]
    assert {l.buddy() for l in labels} == {timeline.speed, timeline.highlight}
    for label in labels:
        text_right = (label.x() + label.contentsRect().left()
                      + label.fontMetrics().horizontalAdvance(label.text()))
        assert label.buddy().x() - text_right >= 3, label.text()
