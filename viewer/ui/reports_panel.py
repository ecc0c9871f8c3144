"""The reports panel: the changes in the highlight window with the reports behind them,
all reports of the situation, and the details of the selected one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.model.report_filter import ReportFilter
from viewer.model.selection import Selection
from viewer.render.language import fill, format_number, plural, translate
from viewer.ui import report_items as ri
from viewer.ui.elided_line import ElidedLine
from viewer.ui.report_filter_marks import mark_reports, show_note
from viewer.ui.report_filters import ReportFilterBar
from viewer.ui.report_menu import ReportMenu
from viewer.ui.report_tabs import ReportTabs
from viewer.ui.qt_utils import ModelConnections, SightGate, blocked, format_time
from viewer.ui.report_view import ReportView, above_details
from viewer.ui.reports_tree import ReportsTree
from viewer.ui.window_rows import WindowRows, nearest_first


AHEAD_MS = 250      # the time at rest this long: rows made ahead (_make_ahead)
AHEAD_ROWS = 16     # rows made ahead at a turn of the event loop


class ReportsPanel(QWidget):
    zoom_to_change = Signal(str)    # a change id, on double-click
    report_dropped = Signal(str, list, QPoint)  # report id dragged onto [change id], where

    def __init__(self, situation: Situation | None, cursor: TimeCursor, selection: Selection,
                 regions: RegionAttribution | None, parent: QWidget | None = None,
                 report_filter: ReportFilter | None = None):
        super().__init__(parent)
        self.cursor, self.selection = cursor, selection
        self.filter = report_filter if report_filter is not None else ReportFilter()
        self.header = ElidedLine(self)      # a new date repaints it, no layout runs
        self.filter_bar = ReportFilterBar(self.filter, self)
        self.filter_note = ElidedLine(self)
        self.filter_note.setVisible(False)
        self.tabs = ReportTabs(self)
        self.window_tree, self.all_tree = self.tabs.trees
        self.provenance = self.tabs.provenance
        for tree in self.tabs.trees:
            self._connect(tree)
        self.window_tree.itemDoubleClicked.connect(self._on_double_click)
        self.tabs.currentChanged.connect(self._on_tab)
        self.details = ReportView(self)
        self.menu = ReportMenu(self.details, self)
        splitter = above_details(self.tabs, self.details, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.filter_note)
        layout.addWidget(splitter, 1)
        self._shown: tuple[str, ...] | None = None
        self._rows = WindowRows(self.window_tree)     # kept across steps: see window_rows
        # rows made ahead once the time rests (a step or jump then finds them made)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.timeout.connect(self._make_ahead)
        self._ahead_order: list | None = None
        self._ahead_at = 0
        self._sight = SightGate(self, self._refresh_now)
        self._pinned: tuple[str | None, str | None] = (None, None)   # (change, report) clicked
        self._jump: datetime | None = None     # the time a press asks for, on release
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(cursor.highlight_changed, self._on_highlight)
        self._conns.connect(selection.changed, self._on_selection)
        self._conns.connect(self.filter.changed, self._on_filter)
        self.set_situation(situation, regions)

    def _connect(self, tree: ReportsTree) -> None:
        tree.itemSelectionChanged.connect(self._on_tree_pick)
        tree.customContextMenuRequested.connect(self._on_context_menu)
        tree.report_dropped.connect(self._on_dropped)
        tree.released.connect(self._on_released)

    def set_situation(self, situation: Situation | None,
                      regions: RegionAttribution | None) -> None:
        """``regions``: the situation's region figures; until they are measured (in the
        background) the changes show no km² and no regions."""
        self.situation, self.regions = situation, regions
        self.describe = ri.Describer(situation, regions) if situation else None
        self.filter_bar.set_situation(situation)
        self._forget_rows()
        self._fill_all_reports()
        self._refresh(self.cursor.time)

    def set_region_figures(self, regions: RegionAttribution | None) -> None:
        """The measured figures of the situation shown (None: measuring failed)."""
        if self.situation is None or (regions is not None and
                                      regions.situation is not self.situation):
            return
        self.describe = ri.Describer(self.situation, regions, failed=regions is None)
        self.regions = regions
        self._forget_rows()
        self._sight.request()

    # -- building --------------------------------------------------------------------
    def _forget_rows(self) -> None:
        """Make the rows anew at the next refresh (other texts, figures or marks)."""
        self._shown = None
        self._rows.clear()
        self._ahead_order = None        # (the rows made ahead went with the pool)

    def _refresh(self, t: datetime) -> None:
        days = self.cursor.highlight_days
        recent = self.situation.recent_changes(t, days) if self.situation else []
        n = len(recent)
        text = (translate("Reports", "1 change in the %1 days up to %2") if n == 1
                else plural(n, translate("Reports", "%n changes in the %1 days up to %2", "one"),
                        translate("Reports", "%n changes in the %1 days up to %2", "few"),
                        translate("Reports", "%n changes in the %1 days up to %2", "many")))
        self.header.setText(fill(text, format_number(days, 0 if days == int(days) else 1),
                                 format_time(t)))
        ids = tuple(c.id for c in recent)
        self._ahead_order = None
        self._ahead.start(AHEAD_MS)         # after a pause: what a step made is not lost
        if self.tabs.provenance_shown:
            self._show_provenance()
        if ids == self._shown:
            return
        if self._shown is None:
            self._rows.clear()          # a new situation, filter or figures: all anew
        self._shown = ids
        kept, total = self._rows.show(recent, self.describe.change_row, self.situation,
                                      self.filter)
        show_note(self.filter_note, kept, total, self.filter.criteria)
        if self.selection.change_ids or self.selection.report_id is not None or \
                self.tabs.current_item() is not None:
            self._on_selection()        # the selection on the new rows
        else:
            self._show(None)            # nothing selected, nor to select: no row to find

    def shutdown(self) -> None:
        """No more rows made ahead (the window closes)."""
        self._ahead.stop()

    def _make_ahead(self) -> None:
        """Rows for the changes nearest the time (up to AHEAD_ROWS at a turn of the event
        loop, each a fraction of a ms) made before their window is shown; the next
        turn makes more, until every change has its row or the pool is full."""
        if self.situation is None or self.describe is None:
            return
        if self._ahead_order is None:
            self._ahead_order = nearest_first(self.situation.changes, self.cursor.time)
            self._ahead_at = 0      # (each turn goes on where the last one stopped)
        made, self._ahead_at = self._rows.make_ahead(
            self._ahead_order, self.describe.change_row, AHEAD_ROWS, self._ahead_at)
        if made:
            self._ahead.start(0)

    def _fill_all_reports(self) -> None:
        reports = sorted(self.situation.reports, key=lambda r: (r.published, r.id)) \
            if self.situation else []
        items = [self.describe.report_row(r) for r in reports]
        with blocked(self.all_tree):
            self.all_tree.clear()
            self.all_tree.addTopLevelItems(items)
            mark_reports(self.all_tree, self.situation, self.filter)

    # -- model -> widgets ------------------------------------------------------------
    def _on_time(self, t: datetime) -> None:
        self._sight.request()           # a closed or hidden panel costs nothing

    def _on_highlight(self, _days: float) -> None:
        self._sight.request()

    def _on_filter(self) -> None:
        self._forget_rows()         # the filter greys rows
        self._fill_all_reports()
        self._sight.request()

    def _on_tab(self, _index: int) -> None:
        if self.tabs.provenance_shown:
            self._show_provenance()

    def _show_provenance(self) -> None:
        self.provenance.show_for(self.situation, self.regions, self.cursor.time,
                                 self.filter.criteria)

    def _refresh_now(self) -> None:
        self._refresh(self.cursor.time)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.set_shown(True)

    def set_shown(self, shown: bool) -> None:
        """Catch up with the time when shown again (a dock reopened, its tab raised)."""
        self._sight.shown(shown)

    def _on_selection(self) -> None:
        """Mirror the selection (from a click here or on the map) in both trees."""
        changes, report = self.selection.change_ids, self.selection.report_id
        self.window_tree.select_quietly(self._window_item(changes, report))
        in_all = None if report is None else next(
            (i for i in self.all_tree.items() if i.data(0, ri.REPORT_ID) == report), None)
        self.all_tree.select_quietly(in_all)
        item = self.tabs.current_item()
        known = ([c for c in self.situation.changes if c.id in changes]
                 if self.situation and changes else [])
        if item is None and known:
            self._show_change(known[0].id)      # e.g. picked on the map outside the window
        else:
            self._show(item)

    def _window_item(self, changes: frozenset[str], report: str | None) -> QTreeWidgetItem | None:
        """The report row under a selected change (the one clicked, if it still shows),
        or, with no report selected, the first selected change's row."""
        if report is None:
            return next((i for i in self.window_tree.items() if i.data(0, ri.KIND) == "change"
                         and i.data(0, ri.CHANGE_ID) in changes), None)
        rows = [i for i in self.window_tree.items() if i.data(0, ri.REPORT_ID) == report
                and i.data(0, ri.CHANGE_ID) in changes]
        pinned = [i for i in rows if (i.data(0, ri.CHANGE_ID), report) == self._pinned]
        return (pinned or rows or [None])[0]

    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.situation is None:
            self.details.show_text("", "")
        elif item.data(0, ri.KIND) == "change":
            self._show_change(item.data(0, ri.CHANGE_ID))
        else:
            report_id = item.data(0, ri.REPORT_ID)
            self.details.show_text(self.describe.report_details(report_id),
                                   self.situation.report(report_id).url)

    def _show_change(self, change_id: str) -> None:
        self.details.show_text(self.describe.change_details(change_id), "")

    # -- widgets -> model ------------------------------------------------------------
    def _on_tree_pick(self) -> None:
        tree = self.sender()
        picked = tree.selectedItems() if isinstance(tree, QTreeWidget) else []
        if not picked:
            self._pinned = (None, None)
            self.selection.clear()
            return
        item = picked[0]
        change_id, report_id = item.data(0, ri.CHANGE_ID), item.data(0, ri.REPORT_ID)
        self._pinned = (change_id, report_id)
        if report_id is None:
            self.selection.select_changes({change_id})
            return
        linked = self.situation.changes_for(report_id)
        self.selection.select_changes({c.id for c, _ in linked}, report_id)
        if change_id is not None:
            t = self.situation.change(change_id).at
        elif linked:
            t = linked[0][0].at
        else:
            t = self.situation.report(report_id).published
        if getattr(tree, "pressing", False):
            self._jump = t      # a press may start a drag: the rows stay until it is up
        else:
            self.cursor.set_time(t)

    def _on_released(self) -> None:
        t, self._jump = self._jump, None
        if t is not None:
            self.cursor.set_time(t)

    def _on_dropped(self, report_id: str, change_id: str, pos: QPoint) -> None:
        self.report_dropped.emit(report_id, [change_id], pos)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        change_id = item.data(0, ri.CHANGE_ID)
        if change_id is not None:
            self.zoom_to_change.emit(change_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        tree = self.sender()
        if isinstance(tree, QTreeWidget):
            self.menu.pop_for(tree, pos)

    def menu_for(self, tree: QTreeWidget, pos: QPoint) -> QMenu | None:
        """The context menu for the report at ``pos`` (see ReportMenu.for_row)."""
        return self.menu.for_row(tree, pos)
