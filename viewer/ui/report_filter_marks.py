"""The report filter shown in the reports panel's trees: report rows that fail it are
hidden; a change it leaves out is greyed and marked (or hidden, if the user asks)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.model import Situation
from viewer.model.report_filter import ReportCriteria, ReportFilter
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui import report_items as ri
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.report_filters import criteria_text
from viewer.ui.reports_tree import ReportsTree

LEFT_OUT = QT_TRANSLATE_NOOP("Reports", "left out by the filter")
LEFT_OUT_COLOUR = "#8a8a8a"


def mark_change(item: QTreeWidgetItem, situation: Situation | None,
                report_filter: ReportFilter) -> bool:
    """Apply the filter to one change's row (once, on a new row) and its report rows;
    whether the change passes."""
    criteria = report_filter.criteria
    change_id = item.data(0, ri.CHANGE_ID)
    shown = situation is None or not criteria.active or criteria.change_shown(
        situation, change_id)
    _hide(item, not shown and report_filter.hide_left_out)
    if not shown:
        _grey(item)
    for j in range(item.childCount()):
        child = item.child(j)
        report = situation.report(child.data(0, ri.REPORT_ID))
        role = next(role for r, role in situation.reports_for(change_id) if r.id == report.id)
        _hide(child, criteria.active and not criteria.report_passes(report, role))
    return shown


def _hide(item: QTreeWidgetItem, hidden: bool) -> None:
    """setHidden, only where it changes something: each call (even one that changes
    nothing) has the tree lay out all its rows again."""
    if item.isHidden() != hidden:
        item.setHidden(hidden)


def mark_reports(tree: ReportsTree, situation: Situation | None,
                 report_filter: ReportFilter) -> None:
    """Apply the filter's report criteria to the list of all reports (the unsourced-only
    choice is about changes: it hides no report here)."""
    criteria = replace(report_filter.criteria, unsourced_only=False)
    if situation is None:
        return
    for item in tree.items():
        report_id = item.data(0, ri.REPORT_ID)
        report = situation.report(report_id)
        roles = [role for _, role in situation.changes_for(report_id)] or [""]
        item.setHidden(criteria.active and not any(criteria.report_passes(report, role)
                                                   for role in roles))


def _grey(item: QTreeWidgetItem) -> None:
    first, _, rest = item.text(0).partition("\n")
    mark = translate("Reports", LEFT_OUT)
    item.setText(0, f"{first} · {mark}\n{rest}")
    item.setForeground(0, QBrush(QColor(LEFT_OUT_COLOUR)))
    font = item.font(0)
    font.setItalic(True)
    item.setFont(0, font)
    item.setToolTip(0, plain_tooltip(item.text(0) + "\n" + translate(
        "Reports", "No report behind this change passes the filter")))


def show_note(label, kept: int, total: int, criteria: ReportCriteria) -> None:
    """"2 of 5 changes pass: B2 or better" under the filter bar, while a filter is on."""
    label.setVisible(criteria.active)
    if criteria.active:
        label.setText(fill(translate("Reports", "%1 of %2 changes pass: %3"), kept, total,
                           criteria_text(criteria)))
