"""The reports panel's filter bar: grade threshold (source reliability and information
credibility), roles, source, publication dates, unsourced only, and whether left-out
changes are hidden or only dimmed. It edits a ReportFilter (the model) and mirrors it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFrame, QGridLayout,
                               QHBoxLayout, QToolButton, QVBoxLayout, QWidget)

from viewer.model import ROLES, Situation
from viewer.model.report_filter import SOURCE_ORDER, ReportCriteria, ReportFilter
from viewer.model.text import safe_line
from viewer.render.language import fill, translate
from viewer.ui.plain_text import plain_label
from viewer.ui.qt_utils import ModelConnections, blocked
from viewer.ui.report_items import role_name


def criteria_text(c: ReportCriteria) -> str:
    """"B2 or better · without claims" — what the filter keeps, in words."""
    parts = []
    if c.unsourced_only:
        parts.append(translate("Reports", "unsourced changes only"))
    if c.grade_code:
        parts.append(fill(translate("Reports", "%1 or better"), c.grade_code))
    missing = [r for r in ROLES if r not in c.roles]
    if missing:
        parts.append(fill(translate("Reports", "without %1"),
                          ", ".join(role_name(r) for r in missing)))
    if c.sources is not None:
        parts.append(fill(translate("Reports", "source: %1"),
                          ", ".join(safe_line(s, 40) for s in sorted(c.sources))))
    if c.published_from or c.published_to:
        parts.append(translate("Reports", "published in the chosen dates"))
    return " · ".join(parts) if parts else translate("Reports", "every report")


class ReportFilterBar(QWidget):
    def __init__(self, report_filter: ReportFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = report_filter
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setToolTip(translate("Reports", "Show or hide the report filter"))
        self.toggle.toggled.connect(self._on_toggle)
        self.body = QFrame(self)
        self.body.setVisible(False)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.source_grade = QComboBox(self.body)
        self.source_grade.addItem(translate("Reports", "any source"), None)
        for letter in SOURCE_ORDER:
            self.source_grade.addItem(fill(translate("Reports", "source A–%1"), letter)
                                      if letter != "A" else translate("Reports", "source A"),
                                      letter)
        self.source_grade.setToolTip(translate("Reports", "Source reliability at least this "
                                                          "(F, cannot be judged, never passes)"))
        self.info_grade = QComboBox(self.body)
        self.info_grade.addItem(translate("Reports", "any information"), None)
        for n in range(1, 6):
            self.info_grade.addItem(fill(translate("Reports", "information 1–%1"), n)
                                    if n > 1 else translate("Reports", "information 1"), n)
        self.info_grade.setToolTip(translate("Reports", "Information credibility at least "
                                                        "this (6, cannot be judged, never passes)"))
        grid.addWidget(plain_label(translate("Reports", "Grade:"), self.body), 0, 0)
        grid.addWidget(self.source_grade, 0, 1)
        grid.addWidget(self.info_grade, 0, 2)
        self.roles = {}
        role_row = QHBoxLayout()
        for role in ROLES:
            box = QCheckBox(role_name(role), self.body)
            box.setToolTip(fill(translate("Reports", "Keep reports that %1 a change"),
                                role_name(role)))
            self.roles[role] = box
            role_row.addWidget(box)
        grid.addWidget(plain_label(translate("Reports", "Roles:"), self.body), 1, 0)
        grid.addLayout(role_row, 1, 1, 1, 2)
        self.source = QComboBox(self.body)
        self.source.setToolTip(translate("Reports", "Keep the reports of one source"))
        grid.addWidget(plain_label(translate("Reports", "Source:"), self.body), 2, 0)
        grid.addWidget(self.source, 2, 1, 1, 2)
        self.dates = QCheckBox(translate("Reports", "Published from"), self.body)
        self.date_from, self.date_to = QDateEdit(self.body), QDateEdit(self.body)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_from)
        date_row.addWidget(plain_label(translate("Reports", "to"), self.body))
        date_row.addWidget(self.date_to)
        grid.addWidget(self.dates, 3, 0)
        grid.addLayout(date_row, 3, 1, 1, 2)
        self.unsourced = QCheckBox(translate("Reports", "Unsourced changes only"), self.body)
        self.hide = QCheckBox(translate("Reports", "Hide left-out changes"), self.body)
        self.hide.setToolTip(translate("Reports", "Hide the changes the filter leaves out "
                                                  "instead of greying them"))
        self.reset = QToolButton(self.body)
        self.reset.setText(translate("Reports", "Reset"))
        self.reset.clicked.connect(self.filter.reset)
        last = QHBoxLayout()
        for w in (self.unsourced, self.hide):
            last.addWidget(w)
        last.addStretch(1)
        last.addWidget(self.reset)
        grid.addLayout(last, 4, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        for combo in (self.source_grade, self.info_grade, self.source):
            combo.currentIndexChanged.connect(self._edited)
        for box in (*self.roles.values(), self.dates, self.unsourced):
            box.toggled.connect(self._edited)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._edited)
        self.hide.toggled.connect(self.filter.set_hide_left_out)
        self._conns = ModelConnections(self)
        self._conns.connect(self.filter.changed, self._mirror)
        self.set_situation(None)

    def set_situation(self, situation: Situation | None) -> None:
        """The sources to choose from, and the dates the reports span."""
        reports = situation.reports if situation else []
        chosen = self.filter.criteria.sources
        if chosen is not None and not chosen <= {r.source for r in reports}:
            self.filter.update(sources=None)    # a source no longer there: every source
        with blocked(self.source, self.date_from, self.date_to):
            self.source.clear()
            self.source.addItem(translate("Reports", "every source"), None)
            for name in sorted({r.source for r in reports}, key=str.casefold):
                self.source.addItem(safe_line(name, 80) or translate("Reports", "(no source)"),
                                    name)
            if reports:
                first = min(r.published for r in reports)
                last = max(r.published for r in reports)
                self.date_from.setDate(QDate(first.year, first.month, first.day))
                self.date_to.setDate(QDate(last.year, last.month, last.day))
        self._mirror()

    def _on_toggle(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)

    # -- widgets -> model -------------------------------------------------------------
    def _edited(self, *_) -> None:
        source = self.source.currentData()
        dated = self.dates.isChecked()
        self.filter.set_criteria(ReportCriteria(
            source_at_most=self.source_grade.currentData(),
            info_at_most=self.info_grade.currentData(),
            roles=frozenset(r for r, box in self.roles.items() if box.isChecked()),
            sources=None if source is None else frozenset([source]),
            published_from=_day(self.date_from.date()) if dated else None,
            published_to=_day(self.date_to.date()) + timedelta(days=1) if dated else None,
            unsourced_only=self.unsourced.isChecked()))

    # -- model -> widgets -------------------------------------------------------------
    def _mirror(self) -> None:
        c = self.filter.criteria
        widgets = (self.source_grade, self.info_grade, self.source, self.dates,
                   self.unsourced, self.hide, *self.roles.values())
        with blocked(*widgets):
            self.source_grade.setCurrentIndex(max(0, self.source_grade.findData(c.source_at_most)))
            self.info_grade.setCurrentIndex(max(0, self.info_grade.findData(c.info_at_most)))
            only = next(iter(c.sources)) if c.sources and len(c.sources) == 1 else None
            self.source.setCurrentIndex(max(0, self.source.findData(only)) if only else 0)
            for role, box in self.roles.items():
                box.setChecked(role in c.roles)
            self.dates.setChecked(c.published_from is not None)
            self.unsourced.setChecked(c.unsourced_only)
            self.hide.setChecked(self.filter.hide_left_out)
        self.toggle.setText(fill(translate("Reports", "Filter: %1"), criteria_text(c)))


def _day(d: QDate) -> datetime:
    return datetime(d.year(), d.month(), d.day(), tzinfo=UTC)
