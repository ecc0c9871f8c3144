"""The reports list slid a day at a time (playback): the rows that stay are moved, only
the new ones painted, and the list shows what a list built afresh at that time shows,
in the same pixels as painting it whole (viewer/ui/row_blit.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion

from test_ui_dock_steps import daily_window, drawn_whole, shown
from test_ui_one_frame import watch_steps
from ui_helpers import PaintRects
from viewer.ui.reports_panel import ReportsPanel
from viewer.ui.row_blit import rows_bottom


def rows(tree) -> list[tuple]:
    """Every row as a person reads it: its texts, tooltips, hidden or not, in order."""
    return [(item.parent() is not None, item.isHidden(),
             tuple(item.text(c) for c in range(tree.columnCount())),
             tuple(item.toolTip(c) for c in range(tree.columnCount()))) for item in tree.items()]


def fresh_rows(window) -> list[tuple]:
    """The rows of a reports panel made now, for the window's time and selection."""
    panel = window.reports_panel
    fresh = ReportsPanel(panel.situation, window.cursor_model, window.selection,
                         panel.regions)
    try:
        return rows(fresh.window_tree)
    finally:
        fresh.deleteLater()


def block(tree, item) -> QRect:
    """Where a top-level row and the rows under it are."""
    rect = tree.visualItemRect(item)
    for j in range(item.childCount()):
        rect = rect.united(tree.visualItemRect(item.child(j)))
    return rect


def slide(window, steps) -> list[tuple]:
    """Each step: (top-level rows before, [(row after, where it is)], the list's painted
    region); and that
    the list then shows its rows as a list built afresh does, in the pixels it paints
    when painted whole."""
    tree = window.reports_panel.window_tree
    paints = PaintRects(tree.viewport())
    seen = []
    for step in steps:
        before = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        watch_steps(window, [lambda: (paints.rects.clear(), step())], lambda: None)
        painted = QRegion()
        for rect in paints.rects:       # (before grab() below paints the list again)
            painted += rect
        after = [(item, block(tree, item)) for item in
                 (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))]
        assert rows(tree) == fresh_rows(window)
        assert shown(window, tree.viewport()) == drawn_whole(tree.viewport())
        seen.append((before, after, painted))
    return seen


def test_a_slid_list_paints_its_new_rows_not_those_that_stayed(qtbot, monkeypatch, tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    tree, cursor = window.reports_panel.window_tree, window.cursor_model
    cursor.step_by(7)
    seen = slide(window, [lambda: cursor.step_by(1)] * 7 + [lambda: cursor.step_by(-1)] * 7)
    slid = 0
    for before, after, painted in seen:
        stayed = [(item, rect) for item, rect in after if any(item is b for b in before)]
        if len(stayed) < 3 or len(stayed) == len(after) == len(before):
            continue
        slid += 1
        # the rows that stayed, but the last (the row after it changed), are not painted
        for item, rect in stayed[:-1]:
            assert not painted.intersects(rect), (item.text(0), rect, painted)
        new = [rect for item, rect in after if not any(item is b for b in before)]
        assert new and all(painted.intersects(rect) for rect in new)
        whole = QRegion(tree.viewport().rect())
        assert painted.intersected(whole) != whole
    assert slid >= 10, seen


def test_a_selected_row_moves_with_the_slid_list_and_stays_selected(qtbot, monkeypatch,
                                                                   tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    tree, cursor = window.reports_panel.window_tree, window.cursor_model
    cursor.step_by(8)
    watch_steps(window, [], lambda: None)
    tree.setCurrentItem(tree.topLevelItem(3))       # as a click does: the map follows
    watch_steps(window, [], lambda: None)
    selected = tree.selectedItems()[0].text(0)
    assert tree.selectedItems()[0] is tree.topLevelItem(3)
    seen = slide(window, [lambda: cursor.step_by(1)] * 2 + [lambda: cursor.step_by(-1)] * 2)
    for before, after, painted in seen:
        assert [i.text(0) for i in tree.selectedItems()] in ([selected], [])
        stayed = [(item, rect) for item, rect in after if any(item is b for b in before)]
        for item, rect in stayed[:-1]:
            assert not painted.intersects(rect), (item.text(0), rect, painted)
    assert [i.text(0) for i in tree.selectedItems()] == [selected]


def test_a_step_paints_the_list_down_to_its_rows_not_the_background_below(
        qtbot, monkeypatch, tmp_path):
    """The list is shorter than its viewport: below its rows, before and after a step,
    is the background alone, which a step (slid or jumped) leaves as it was."""
    window = daily_window(qtbot, monkeypatch, tmp_path)
    tree, cursor = window.reports_panel.window_tree, window.cursor_model
    paints = PaintRects(tree.viewport())
    cursor.set_highlight_days(3.0)          # three rows or so, in a taller list
    cursor.step_by(7)
    moves = [lambda: cursor.step_by(1)] * 3 + [lambda: cursor.step_by(20)] + \
        [lambda: cursor.step_by(-1)] * 2
    checked = 0
    for move in moves:
        bottom = rows_bottom(tree)
        watch_steps(window, [lambda: (paints.rects.clear(), move())], lambda: None)
        painted = QRegion()
        for rect in paints.rects:
            painted += rect
        bottom = max(bottom, rows_bottom(tree))
        assert 0 < bottom < tree.viewport().height() - 100       # room below the rows
        assert not painted.isEmpty()
        assert painted.boundingRect().bottom() < bottom, (painted.boundingRect(), bottom)
        assert rows(tree) == fresh_rows(window)
        assert shown(window, tree.viewport()) == drawn_whole(tree.viewport())
        checked += 1
    assert checked == len(moves)
