"""A time step is painted in one frame: the map, the chart and the reports list together.

A frame is one UpdateRequest delivered to the window (it then paints every dirty widget
into its backing store). The reports list changing its rows once left its layout, and its
header's, to a zero timer after the frame, so the list was painted again in a second
frame at every step: twice the painting a user's screen waited for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui_helpers import isolate_settings, open_window
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

IGNORED = (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent)


class Frames(QObject):
    """Counts the events delivered, the window's frames and the paints per widget."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window, self.events, self.frames, self.painted = window, 0, 0, set()

    def eventFilter(self, obj, event) -> bool:
        if event.type() not in IGNORED:
            self.events += 1
            if event.type() == QEvent.Type.UpdateRequest and obj is self.window:
                self.frames += 1
            elif event.type() == QEvent.Type.Paint:
                self.painted.add(obj)
        return False

    def settle(self) -> None:
        """Deliver events until a pass delivers none (everything has painted)."""
        for _ in range(10_000):
            before = self.events
            QApplication.processEvents()
            if self.events == before:
                return
        raise AssertionError("the window never stopped posting events")


def sample_window(qtbot, monkeypatch, tmp_path):
    """The sample in a window with its Reports dock raised, at its first time, once its
    background work (the region figures, then the front analytics) is delivered: a
    delivery during the steps counted would add frames of its own (seen on a loaded
    machine: 4 frames for a step)."""
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()))
    window.reports_dock.show()
    window.reports_dock.raise_()
    qtbot.waitUntil(lambda: window.reports_panel.regions is not None
                    and window.timeline.chart.analytics is not None
                    and window.worker.wait(0.0), timeout=60_000)
    window.cursor_model.first()
    return window


def test_a_step_that_changes_the_reports_rows_is_one_frame(qtbot, monkeypatch, tmp_path):
    window = sample_window(qtbot, monkeypatch, tmp_path)
    tree = window.reports_panel.window_tree
    cursor = window.cursor_model
    frames = Frames(window)
    QApplication.instance().installEventFilter(frames)
    try:
        frames.settle()
        seen = []
        for _ in range(4):
            before = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
            frames.frames, frames.painted = 0, set()
            cursor.next_change()
            frames.settle()
            rows = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
            seen.append((rows != before, frames.frames, tree.viewport() in frames.painted,
                         window.canvas in frames.painted))
    finally:
        QApplication.instance().removeEventFilter(frames)
    stepped = [s for s in seen if s[0]]         # the steps that changed the rows
    assert len(stepped) >= 2, seen
    assert all(count == 1 and tree_painted and map_painted
               for _, count, tree_painted, map_painted in stepped), seen


def test_a_step_repaints_the_changed_widgets_not_the_docks_behind_them(qtbot, monkeypatch,
                                                                        tmp_path):
    """The reports header, the timeline's date, date field and slider fill their own
    background: a new date repaints them, not the docks and window behind them. The
    date field's calendar is made when first opened (once made, each new date updates
    its month menu too), in the interface's language."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCalendarWidget
    window = sample_window(qtbot, monkeypatch, tmp_path)
    timeline, cursor = window.timeline, window.cursor_model
    field = timeline.date_field
    frames = Frames(window)
    QApplication.instance().installEventFilter(frames)
    try:
        frames.settle()
        frames.painted = set()
        cursor.step_by(3)
        frames.settle()
    finally:
        QApplication.instance().removeEventFilter(frames)
    changed = (window.reports_panel.header, timeline.label, field, timeline.slider,
               window.canvas)
    assert all(w in frames.painted for w in changed), [w for w in changed
                                                       if w not in frames.painted]
    behind = (window.reports_dock, window.reports_panel, window.timeline_dock, timeline,
              window)
    assert not any(w in frames.painted for w in behind), [w for w in behind
                                                          if w in frames.painted]
    assert field.findChild(QCalendarWidget) is None
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)                # opens the calendar
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None and calendar.locale() == field.locale()
    assert calendar.selectedDate() == field.date()
    calendar.window().hide()
