"""A time step is painted in one frame: the map, the chart and the reports list together,
and the window's docks are not laid out again.

A frame is one UpdateRequest delivered to the window (it then paints every dirty widget
into its backing store). The reports list changing its rows once left its layout, and its
header's, to a zero timer after the frame, so the list was painted again in a second
frame at every step: twice the painting a user's screen waited for. With a place picked,
the Place panel's new distances had the main window lay out every dock again after the
frame (a label's new text asks its window for a layout whatever its size), and painted a
second one; on a small window, where Reports is a tab of the left column, the list's
scroll bar appearing or going was decided after the frame, and painted in a second one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from ui_helpers import isolate_settings, open_window
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

SMALL = (942, 644)      # the window on a 1024×700 screen (test_screen_sizes.SCREENS)

IGNORED = (QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent)


class Frames(QObject):
    """Counts the events delivered, the window's frames and the paints per widget."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window, self.events, self.frames, self.painted = window, 0, 0, set()
        self.layouts = 0        # LayoutRequests delivered to the window: its docks laid out

    def eventFilter(self, obj, event) -> bool:
        if event.type() not in IGNORED:
            self.events += 1
            if event.type() == QEvent.Type.UpdateRequest and obj is self.window:
                self.frames += 1
            elif event.type() == QEvent.Type.LayoutRequest and obj is self.window:
                self.layouts += 1
            elif event.type() == QEvent.Type.Paint:
                self.painted.add(obj)
        return False

    def reset(self) -> None:
        self.frames, self.layouts, self.painted = 0, 0, set()

    def settle(self) -> None:
        """Deliver events until a pass delivers none (everything has painted)."""
        for _ in range(10_000):
            before = self.events
            QApplication.processEvents()
            if self.events == before:
                return
        raise AssertionError("the window never stopped posting events")


def watch_steps(window, moves, look) -> list[tuple]:
    """For each of ``moves`` (each steps the time): what ``look()`` sees before and after,
    the frames, the window's layouts and the widgets painted, everything settled between."""
    frames = Frames(window)
    app = QApplication.instance()
    app.installEventFilter(frames)
    try:
        frames.settle()
        seen = []
        for move in moves:
            before = look()
            frames.reset()
            move()
            frames.settle()
            seen.append((before, look(), frames.frames, frames.layouts, frames.painted))
    finally:
        app.removeEventFilter(frames)
    return seen


def analysed(qtbot, window) -> None:
    """The window's background work delivered: the region figures, then the front
    analytics (the Settlements panel then lays the window out once, which is no time
    step's doing). A delivery during the steps counted would add frames of its own (seen
    on a loaded machine: 4 frames for a step)."""
    qtbot.waitUntil(lambda: window.analytics.analytics is not None
                    and window.reports_panel.regions is not None
                    and window.timeline.chart.analytics is not None
                    and window.worker.wait(0.0), timeout=60_000)


def sample_window(qtbot, monkeypatch, tmp_path):
    """The sample in a window with its Reports dock raised, at its first time, its
    background work delivered."""
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()))
    window.reports_dock.show()
    window.reports_dock.raise_()
    analysed(qtbot, window)
    window.cursor_model.first()
    return window


def test_a_step_that_changes_the_reports_rows_is_one_frame(qtbot, monkeypatch, tmp_path):
    window = sample_window(qtbot, monkeypatch, tmp_path)
    tree = window.reports_panel.window_tree
    cursor = window.cursor_model
    seen = watch_steps(window, [cursor.next_change] * 4, lambda: [
        tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())])
    stepped = [(count, tree.viewport() in painted, window.canvas in painted)
               for before, rows, count, _, painted in seen if rows != before]
    assert len(stepped) >= 2, seen
    assert all(s == (1, True, True) for s in stepped), stepped


def test_a_step_repaints_the_changed_widgets_not_the_docks_behind_them(qtbot, monkeypatch,
                                                                        tmp_path):
    """The reports header, the timeline's date, date field and slider fill their own
    background: a new date repaints them, not the docks and window behind them. The
    date field's calendar is made when first opened (once made, each new date updates
    its month menu too), in the interface's language."""
    from PySide6.QtWidgets import QCalendarWidget
    window = sample_window(qtbot, monkeypatch, tmp_path)
    timeline, cursor = window.timeline, window.cursor_model
    field = timeline.date_field
    (_, _, _, _, painted), = watch_steps(window, [lambda: cursor.step_by(3)], lambda: None)
    changed = (window.reports_panel.header, timeline.label, field, timeline.slider,
               window.canvas)
    assert all(w in painted for w in changed), [w for w in changed
                                                       if w not in painted]
    behind = (window.reports_dock, window.reports_panel, window.timeline_dock, timeline,
              window)
    assert not any(w in painted for w in behind), [w for w in behind
                                                          if w in painted]
    assert field.findChild(QCalendarWidget) is None
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)                # opens the calendar
    calendar = field.findChild(QCalendarWidget)
    assert calendar is not None and calendar.locale() == field.locale()
    assert calendar.selectedDate() == field.date()
    calendar.window().hide()


def test_a_step_with_a_place_picked_is_one_frame_and_lays_out_no_dock(qtbot, monkeypatch,
                                                                     tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()), size=(1300, 900))
    analysed(qtbot, window)
    finder, panel = window.finder, window.map_tools.panel
    finder.action.trigger()                             # Ctrl+F: the Find bar
    finder.edit.setText("Покровськ")
    qtbot.keyClick(finder.edit, Qt.Key.Key_Return)
    assert panel.title.text() == "Pokrovsk"
    qtbot.keyClick(finder.edit, Qt.Key.Key_Escape)     # the bar closed (its blinking
    assert not finder.bar.isVisible()                   # cursor would paint frames)
    body, cursor = panel.body, window.cursor_model
    cursor.first()

    def look() -> tuple[str, int, bool]:        # the distances, their height, shown whole
        return (body.text(), body.heightForWidth(body.width()),
                body.height() >= body.heightForWidth(body.width())
                and panel.height() >= panel.heightForWidth(panel.width()))
    seen = watch_steps(window, [lambda: cursor.step_by(1)] * 20, look)   # a day at a time
    assert all(after[2] for _, after, *_ in seen), seen
    # (frames, the window's layouts, the distances painted) of the steps that changed
    # the distances, on as many lines
    stepped = [(count, layouts, body in painted) for before, after, count, layouts, painted
               in seen if after[0] != before[0] and after[1] == before[1]]
    assert len(stepped) >= 2, seen
    assert [s for s in stepped if s != (1, 0, True)] == [], stepped
    window.close()


def test_a_step_showing_or_hiding_the_tabbed_reports_scroll_bar_is_one_frame(
        qtbot, monkeypatch, tmp_path):
    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    window = MainWindow()                           # opened as the app does, on a small
    qtbot.addWidget(window)                         # screen: Reports a tab of the left
    window.resize(*SMALL)                           # column
    window.show_loaded(prepare(read_situation(sample_path()), sample_path()))
    window.show()
    qtbot.waitExposed(window)
    reports = window.reports_dock
    assert window.layers_dock in window.tabifiedDockWidgets(reports)
    analysed(qtbot, window)
    title = reports.windowTitle()

    def reports_tab() -> tuple[QTabBar, int] | None:
        for bar in window.findChildren(QTabBar):
            for i in range(bar.count()):
                if bar.isVisible() and bar.tabText(i) == title:
                    return bar, i
        return None
    qtbot.waitUntil(lambda: reports_tab() is not None, timeout=3000)
    bar, index = reports_tab()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    tree = window.reports_panel.window_tree
    qtbot.waitUntil(tree.isVisible, timeout=3000)
    scroll, header, cursor = tree.verticalScrollBar(), tree.header(), window.cursor_model
    cursor.first()

    def look() -> tuple[bool, bool]:
        """The bar shown; shown when the list is longer than the view, and the columns
        as wide as the view, with or without it."""
        columns = sum(header.sectionSize(i) for i in range(header.count()))
        return scroll.isVisible(), (scroll.isVisible() == (scroll.maximum() > 0)
                                    and columns == tree.viewport().width())
    seen = watch_steps(window, [lambda: cursor.step_by(1)] * 20    # to the end and back
                       + [lambda: cursor.step_by(-1)] * 20, look)  # a day at a time
    assert all(after[1] for _, after, *_ in seen), seen
    # (frames, the window's layouts, the list painted) of the steps where the bar came
    # or went
    came = [(count, layouts, tree.viewport() in painted) for before, after, count, layouts,
            painted in seen if after[0] and not before[0]]
    went = [(count, layouts, tree.viewport() in painted) for before, after, count, layouts,
            painted in seen if before[0] and not after[0]]
    assert came and went, seen
    assert [s for s in came + went if s != (1, 0, True)] == [], (came, went)
    window.close()
