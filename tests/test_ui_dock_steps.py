"""What a time step costs the docks, and that they still show what they did: the Layers
panel's new texts repaint those labels alone and lay nothing out; a jump far along
repaints two narrow columns of the timeline chart, not the stretch between the dates,
and the chart then shows what a full repaint shows; the reports header's tooltip is made
when asked for, not at every step."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget
from shapely.geometry import box

from test_ui_one_frame import analysed, watch_steps
from ui_helpers import PaintRects, isolate_settings, open_window
from viewer.model import History, Layer, Link, Region, Report, Situation, parse_time
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.steady_text import SteadyText

DAYS = 16


def daily_situation() -> Situation:
    """One layer growing east each day for DAYS days over two regions, a report behind
    every third change: playback's daily steps."""
    first = parse_time("2025-06-01")
    days = [first + timedelta(days=d) for d in range(DAYS)]
    front = History.from_states("front", [(t, box(30, 48, 30.2 + 0.1 * d, 49))
                                          for d, t in enumerate(days)])
    reports = [Report(f"r{d}", t + timedelta(hours=6), "Source", f"Advance on day {d}",
                      "https://example.org/r") for d, t in enumerate(days) if d % 3 == 1]
    links = [Link(f"front@{t.strftime('%Y-%m-%dT%H:%M:%SZ')}", f"r{d}", "reports")
             for d, t in enumerate(days) if d % 3 == 1]
    regions = [Region("W", {"en": "West Oblast"}, box(29, 47, 31, 50)),
               Region("E", {"en": "East Oblast"}, box(31, 47, 33, 50))]
    return Situation(regions=regions, layers=[Layer("front", "Front", "assessed-control",
                                                    front)], reports=reports, links=links)


def daily_window(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    # tall enough that the week's rows fit the list (its share above the details): a
    # scroll bar coming or going changes the viewport's width, and the list is painted
    # whole then, as it must be
    window = open_window(qtbot, daily_situation(), size=(1100, 900))
    window.reports_dock.show()
    window.reports_dock.raise_()
    analysed(qtbot, window)
    window.cursor_model.first()
    return window


def shown(window, widget: QWidget) -> QImage:
    """What the screen shows of ``widget`` (the window's backing store), as RGB32."""
    at = widget.mapTo(window, QPoint(0, 0))
    grab = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    return grab.copy(at.x(), at.y(), widget.width(), widget.height()).convertToFormat(
        QImage.Format.Format_RGB32)


def drawn_whole(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


class Delivered(QObject):
    """Counts the events of ``kinds`` delivered to each object."""

    def __init__(self, *kinds: QEvent.Type) -> None:
        super().__init__()
        self.kinds, self.seen = kinds, []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in self.kinds:
            self.seen.append((obj, event.type()))
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)


def test_a_step_repaints_the_layers_labels_alone_and_lays_nothing_out(qtbot, monkeypatch,
                                                                     tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    window.layers_dock.raise_()
    panel, cursor = window.layers_panel, window.cursor_model
    label = panel.rows["front"].area
    times = [parse_time("2025-06-03T06:00"), parse_time("2025-06-04T06:00")]
    cursor.set_time(times[0] - timedelta(hours=1))     # the header's text as long as then
    watch_steps(window, [], lambda: None)               # (and laid out for it)
    body = panel.scroll.widget()
    inside = set(body.findChildren(QWidget)) | {body, panel, panel.scroll,
                                                panel.scroll.viewport()}
    same_area = times[0] + timedelta(hours=6)       # no change of the layer in between
    layouts = Delivered(QEvent.Type.LayoutRequest)
    try:
        seen = watch_steps(window, [lambda: cursor.set_time(times[0]),
                                    lambda: cursor.set_time(same_area),
                                    lambda: cursor.set_time(times[1])],
                           lambda: (panel.area_header.text(), label.text()))
    finally:
        layouts.stop()
    headers = [after[0] for _, after, *_ in seen]
    assert headers == ["Area on 3 Jun 2025 06:00 UTC", "Area on 3 Jun 2025 12:00 UTC",
                       "Area on 4 Jun 2025 06:00 UTC"]
    areas = [after[1] for _, after, *_ in seen]
    assert areas[0] == areas[1] != areas[2]         # the layer grew at midnight, 4 Jun
    painted = [step[4] for step in seen]
    assert all(panel.area_header in p for p in painted)
    assert [label in p for p in painted] == [False, False, True]
    assert not any(body in p or panel.scroll.viewport() in p for p in painted)
    # the labels' holders take their LayoutRequests (SteadyText): none goes further
    assert [obj for obj, _ in layouts.seen if obj in inside and not isinstance(obj, SteadyText)
            and obj not in (panel.area_header, label)] == [], "the Layers panel laid out"


def test_a_jump_far_along_repaints_two_narrow_columns_of_the_chart(qtbot, monkeypatch,
                                                                  tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    chart, cursor = window.timeline.chart, window.cursor_model
    cursor.set_highlight_days(1.0)
    third = parse_time("2025-06-03")
    cursor.set_time(third)
    watch_steps(window, [], lambda: None)
    paints = PaintRects(chart.viewport())
    for move in (cursor.last, lambda: cursor.set_time(third), lambda: cursor.step_by(1)):
        paints.rects.clear()
        watch_steps(window, [move], lambda: None)
        widths = [r.width() for r in paints.rects]
        assert 1 <= len(widths) <= 2 and max(widths) < chart.width() / 4, widths
        assert shown(window, chart) == drawn_whole(chart)


def test_the_reports_header_makes_its_tooltip_when_asked(qtbot, monkeypatch, tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    header, cursor = window.reports_panel.header, window.cursor_model
    changes = Delivered(QEvent.Type.ToolTipChange)
    try:
        watch_steps(window, [lambda: cursor.step_by(2)] * 3, lambda: None)
    finally:
        changes.stop()
    assert [obj for obj, _ in changes.seen if obj is header] == []
    assert QWidget.toolTip(header) != plain_tooltip(header.text())     # not made yet
    assert header.toolTip() == plain_tooltip(header.text())             # made when asked
    assert QWidget.toolTip(header) == header.toolTip()
    assert header.text() == "6 changes in the 7 days up to 7 Jun 2025"
