"""Which reports the user wants to see: a grade threshold, roles, sources, a publication
window, or only unsourced changes. Qt-free; the reports panel and the map reflect it.

A grade threshold "B2 or better" means source reliability A-B and information
credibility 1-2. F and 6 ("cannot be judged") meet no threshold: they are not better
than anything, they are unknown. A change *passes* when at least one report that
supports it (reports, confirms or claims it) passes: a dispute, however well graded, is
not support, unless disputes are the only role kept (to find the disputed changes). A
change with reports of which none passes is *filtered out*; a change with no report at
all is *unsourced*, and fails any report criterion (nothing passing backs it) unless the
filter asks for the unsourced only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from psygnal import Signal

from viewer.model.report import ROLES, Report
from viewer.model.situation import Situation

SOURCE_ORDER = "ABCDE"          # thresholds; F is never within one
PASSES, FILTERED, UNSOURCED = "passes", "filtered", "unsourced"
SUPPORT = frozenset(("reports", "confirms", "claims"))  # a dispute speaks against a change


@dataclass(frozen=True)
class ReportCriteria:
    """None or empty: that criterion is off."""

    source_at_most: str | None = None       # "B": reliability A or B
    info_at_most: int | None = None         # 2: credibility 1 or 2
    roles: frozenset[str] = frozenset(ROLES)
    sources: frozenset[str] | None = None   # exact source texts kept; None: all
    published_from: datetime | None = None  # inclusive
    published_to: datetime | None = None    # exclusive
    unsourced_only: bool = False

    def __post_init__(self) -> None:
        if self.source_at_most is not None and self.source_at_most not in SOURCE_ORDER:
            raise ValueError(f"a source threshold is one of A-E, got {self.source_at_most!r}")
        if self.info_at_most is not None and self.info_at_most not in range(1, 6):
            raise ValueError(f"an information threshold is 1-5, got {self.info_at_most!r}")
        unknown = set(self.roles) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}")

    @property
    def active(self) -> bool:
        return self != ReportCriteria()

    @property
    def grade_code(self) -> str | None:
        """"B2" for a threshold on both parts, "B" or "2" for one, None for none."""
        parts = (self.source_at_most or "") + (str(self.info_at_most or "") or "")
        return parts or None

    def report_passes(self, report: Report, role: str) -> bool:
        """Whether a report, linked in ``role`` (or "" for no link), passes."""
        if self.unsourced_only:
            return False
        grade = report.reliability
        if self.source_at_most is not None and (
                grade.source not in SOURCE_ORDER
                or SOURCE_ORDER.index(grade.source) > SOURCE_ORDER.index(self.source_at_most)):
            return False
        if self.info_at_most is not None and grade.info > self.info_at_most:
            return False
        if role and role not in self.roles:
            return False
        if self.sources is not None and report.source not in self.sources:
            return False
        if self.published_from is not None and report.published < self.published_from:
            return False
        if self.published_to is not None and report.published >= self.published_to:
            return False
        return True

    def change_status(self, situation: Situation, change_id: str) -> str:
        """PASSES, FILTERED (reports, none passing) or UNSOURCED (no report)."""
        reports = situation.reports_for(change_id)
        if not reports:
            return UNSOURCED
        counted = self.roles & SUPPORT or self.roles     # only disputes kept: those count
        return PASSES if any(role in counted and self.report_passes(r, role)
                             for r, role in reports) else FILTERED

    def change_shown(self, situation: Situation, change_id: str) -> bool:
        """Whether the change is drawn and listed in full (else dimmed, marked)."""
        status = self.change_status(situation, change_id)
        if self.unsourced_only:
            return status == UNSOURCED
        return status == PASSES or (status == UNSOURCED and not self.active)

    def dimmed(self, situation: Situation, change_ids) -> frozenset[str]:
        """The changes among ``change_ids`` that the filter leaves out."""
        if not self.active:
            return frozenset()
        return frozenset(c for c in change_ids if not self.change_shown(situation, c))


class ReportFilter:
    """The filter in force: one ReportCriteria, replaced as a whole, and whether the
    changes it leaves out are hidden from the panel (the map always dims them)."""

    changed = Signal()

    def __init__(self) -> None:
        self._criteria = ReportCriteria()
        self._hide = False          # left-out changes hidden from the panel, not greyed

    @property
    def hide_left_out(self) -> bool:
        return self._hide

    def set_hide_left_out(self, hide: bool) -> None:
        if bool(hide) != self._hide:
            self._hide = bool(hide)
            self.changed.emit()

    @property
    def criteria(self) -> ReportCriteria:
        return self._criteria

    def set_criteria(self, criteria: ReportCriteria) -> None:
        if criteria != self._criteria:
            self._criteria = criteria
            self.changed.emit()

    def update(self, **values) -> None:
        self.set_criteria(replace(self._criteria, **values))

    def reset(self) -> None:
        self._hide = False
        self._criteria = ReportCriteria()
        self.changed.emit()
