"""The docks' widgets that paint a time step their own way show what Qt's own painting
shows: the timeline slider drawn from its groove pixmaps (Fusion) against QSlider's
painting of the same slider, driven with the keys a person uses, focused and not, at
the window's device pixel ratio; what the window holds after each step is what a full
repaint gives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from viewer.ui.tick_slider import TickSlider


def _whole(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_the_slider_from_pixmaps_shows_what_qt_paints(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 90)
    ours, qts = TickSlider(host), TickSlider(host)
    qts.from_pixmaps = False            # QSlider's painting, the ticks over it
    for slider, y in ((ours, 10), (qts, 50)):
        slider.setGeometry(10, y, 880, 30)
        slider.setRange(0, 500)
        slider.setPageStep(20)
        slider.set_ticks(list(range(0, 500, 7)) + [3, 499])
    host.show()
    qtbot.waitExposed(host)
    assert ours.style().name() == "fusion"      # the style the pixmaps are made for
    keys = [Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
            Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_End, Qt.Key.Key_PageDown]
    for focused in (False, True):
        values = []
        for key in keys:
            ours.setFocus()
            qtbot.keyClick(ours, key)           # a person's keys move our slider
            values.append(ours.value())
            QCoreApplication.processEvents()
            # what the window holds after the step is what painting it whole gives
            assert _shown_in(host, ours) == _whole(ours), (key, ours.value())
            if not focused:
                host.setFocus()                 # neither slider shows the focus
            mine = _whole(ours)
            qts.setValue(ours.value())
            if focused:
                qts.setFocus()
            assert mine == _whole(qts), (focused, key, ours.value())
        assert values == [500, 0, 1, 21, 41, 40, 500, 480]


def test_the_slider_at_each_value_shows_what_qt_paints(qtbot):
    """Stepped a value at a time with the arrow keys, from one end to the other (the
    handle's strip copied, except near the groove's ends where the style draws it), our
    slider looks as QSlider's painting of the same value, unfocused and focused, and
    the window holds what painting it whole gives."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(420, 80)
    ours, qts = TickSlider(host), TickSlider(host)
    qts.from_pixmaps = False
    for slider, y in ((ours, 5), (qts, 45)):
        slider.setGeometry(5, y, 410, 30)
        slider.setRange(0, 90)
        slider.set_ticks(list(range(0, 91, 4)) + [89])
    host.show()
    qtbot.waitExposed(host)
    for focused in (False, True):
        ours.setFocus()
        qtbot.keyClick(ours, Qt.Key.Key_Home)
        seen = []
        for step in range(91):
            if step:
                qtbot.keyClick(ours, Qt.Key.Key_Right)
            QCoreApplication.processEvents()
            seen.append(ours.value())
            assert _shown_in(host, ours) == _whole(ours), (focused, ours.value())
            if not focused:
                host.setFocus()
            mine = _whole(ours)
            qts.setValue(ours.value())
            if focused:
                qts.setFocus()
            assert mine == _whole(qts), (focused, ours.value())
            ours.setFocus()
        assert seen == list(range(91))
    pieces = ours._pieces               # the copied strip was what most values showed
    assert pieces.usable and sum(pieces.inside(pieces.strip_of(pieces.handle_at(v)))
                                 for v in range(91)) > 80


def test_the_reports_header_stays_unpainted_at_a_step_and_follows_a_new_width(
        qtbot, monkeypatch, tmp_path):
    """A step to new rows repaints the list, not its header; the header's sections
    still fill the list's width when its rows bring a scroll bar or the dock
    widens, and the window shows the header as painting it whole gives."""
    from test_ui_one_frame import sample_window, watch_steps
    window = sample_window(qtbot, monkeypatch, tmp_path)
    tree = window.reports_panel.window_tree
    header, cursor = tree.header(), window.cursor_model

    def rows() -> list[str]:
        return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]

    def filled() -> bool:
        return sum(header.sectionSize(i) for i in range(header.count())) == \
            tree.viewport().width() == header.width()

    seen = watch_steps(window, [cursor.next_change] * 4, rows)
    stepped = [painted for before, after, _, _, painted in seen if after != before]
    assert len(stepped) >= 2, seen
    assert all(tree.viewport() in p and header.viewport() not in p for p in stepped)
    assert filled()
    cursor.set_highlight_days(3650.0)       # every change listed, in a short list:
    splitter = window.reports_panel.tabs.parentWidget()     # its scroll bar shows
    splitter.setSizes([1, 10_000])
    qtbot.waitUntil(lambda: tree.verticalScrollBar().isVisible())
    assert filled()
    width = tree.viewport().width()
    dock = window.reports_dock
    window.resizeDocks([dock], [dock.width() + 60], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: tree.viewport().width() > width)
    QCoreApplication.processEvents()
    assert filled()
    assert _shown_in(window, header) == _whole(header)


def _shown_in(window: QWidget, widget: QWidget) -> QImage:
    """``widget``'s pixels in ``window``'s backing store, as painted (offscreen)."""
    ratio = window.devicePixelRatioF()
    image = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    at = widget.mapTo(window, widget.rect().topLeft())
    return image.copy(round(at.x() * ratio), round(at.y() * ratio),
                      round(widget.width() * ratio), round(widget.height() * ratio)
                      ).convertToFormat(QImage.Format.Format_RGB32)


def test_the_reports_header_looks_as_a_tree_widgets_own(qtbot):
    """The quiet header is set up as QTreeView sets up its own (titles aligned left,
    sections movable, ...): the same pixels as a plain tree's header, same columns."""
    from PySide6.QtWidgets import QHeaderView, QTreeWidget

    from viewer.ui.reports_tree import QuietHeader, ReportsTree
    ours, plain = ReportsTree("tip"), QTreeWidget()
    for tree in (ours, plain):
        qtbot.addWidget(tree)
        tree.resize(420, 200)
    assert isinstance(ours.header(), QuietHeader)
    plain.setColumnCount(ours.columnCount())
    plain.setHeaderLabels([ours.headerItem().text(i) for i in range(ours.columnCount())])
    head = plain.header()
    head.setStretchLastSection(False)
    head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in (1, 2):
        head.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        plain.setColumnWidth(col, ours.columnWidth(col))
    for tree in (ours, plain):
        tree.show()
        qtbot.waitExposed(tree)
    assert ours.header().sectionsMovable() and ours.header().defaultAlignment() == \
        head.defaultAlignment()
    assert _whole(ours.header()) == _whole(head)


def test_the_cursor_line_moved_by_keys_and_clicks_keeps_pyqtgraphs_bounds(qtbot):
    """The cursor line moved along the time axis keeps its bounding rect and end points
    (CursorLine.setPos): after each move by the slider's keys or a click on the chart,
    they are what pyqtgraph works out afresh, the line stands at the cursor's time,
    and the window shows the chart as painting it whole gives."""
    from test_ui_timeline import T, shown, situation
    from viewer.analysis.areas import Areas
    from viewer.model.cursor import TimeCursor
    from viewer.ui.timeline import TimelineWidget
    from viewer.ui.timeline_chart import epoch
    s = situation()
    cursor = TimeCursor(s.start, T("2025-06-15"), [c.at for c in s.changes])
    host, timeline = shown(qtbot, lambda parent: TimelineWidget(cursor, parent))
    timeline.set_situation(s, Areas(s))
    chart, line = timeline.chart, timeline.chart.line
    timeline.slider.setFocus()
    seen = []
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_End, Qt.Key.Key_Home,
                Qt.Key.Key_PageUp, None):
        if key is None:             # a click in the plot, a third of the way along
            box = chart.getPlotItem().getViewBox().sceneBoundingRect()
            pos = chart.mapFromScene(box.left() + box.width() / 3, box.center().y())
            qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        else:
            qtbot.keyClick(timeline.slider, key)
        QCoreApplication.processEvents()
        seen.append(cursor.time)
        assert line.value() == epoch(cursor.time)
        kept = (line.boundingRect(), line._endPoints)
        assert kept == (line._computeBoundingRect(), line._endPoints), key
        assert _shown_in(host, chart) == _whole(chart), key
    assert len(set(seen)) == len(seen), seen        # every move went somewhere new
    cursor.set_playing(False)
    host.close()
