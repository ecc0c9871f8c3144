"""The timeline out of sight (its dock closed, or behind another dock's tab) follows no
time step: its slider, date, date field, chart line and highlight band stay as they
were; shown again, they show the cursor's time, as a timeline made afresh does
(viewer/ui/timeline.py)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget

from test_ui_dock_steps import daily_window
from test_ui_one_frame import watch_steps
from viewer.ui.timeline import TimelineWidget


def seen(timeline: TimelineWidget) -> tuple:
    return (timeline.slider.value(), timeline.label.text(), timeline.date_field.date(),
            timeline.chart.line.value(), timeline.band.region.span)


def fresh(window) -> tuple:
    host = QWidget()
    made = TimelineWidget(window.cursor_model, host)
    made.set_situation(window.situation, window.loaded.areas)
    try:
        return seen(made)
    finally:
        host.deleteLater()


def test_a_closed_timeline_skips_steps_and_catches_up(qtbot, monkeypatch, tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    timeline, cursor = window.timeline, window.cursor_model
    cursor.step_by(3)
    watch_steps(window, [], lambda: None)
    before = seen(timeline)
    assert before == fresh(window)
    window.timeline_dock.close()
    watch_steps(window, [lambda: cursor.set_time(cursor.time + timedelta(days=5))] * 2,
                lambda: None)
    assert seen(timeline) == before
    window.timeline_dock.show()
    watch_steps(window, [], lambda: None)
    assert seen(timeline) == fresh(window) != before


def test_a_timeline_behind_a_tab_skips_steps_and_catches_up(qtbot, monkeypatch, tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    timeline, cursor = window.timeline, window.cursor_model
    window.tabifyDockWidget(window.reports_dock, window.timeline_dock)
    window.timeline_dock.raise_()
    watch_steps(window, [lambda: cursor.step_by(2)], lambda: None)
    before = seen(timeline)
    assert before == fresh(window)
    window.reports_dock.raise_()            # the timeline behind the Reports tab
    watch_steps(window, [lambda: cursor.step_by(4)], lambda: None)
    assert seen(timeline) == before
    window.timeline_dock.raise_()
    watch_steps(window, [], lambda: None)
    assert seen(timeline) == fresh(window) != before
