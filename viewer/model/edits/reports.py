"""Add, edit and delete a report (deleting one deletes its links; revert restores both)."""

from __future__ import annotations

from viewer.model.edits.base import Edit, EditRefused, Touched, report_label
from viewer.model.report import Link, Report
from viewer.model.situation import Situation
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def new_report_id(situation: Situation) -> str:
    taken = {r.id for r in situation.reports}
    n = len(taken) + 1
    while f"report-{n}" in taken:
        n += 1
    return f"report-{n}"


class _ListsEdit(Edit):
    """An edit of the reports and links lists: reverting puts the old lists back."""

    def __init__(self) -> None:
        self._before: tuple[list[Report], list[Link]] | None = None

    def apply(self, situation: Situation) -> Touched:
        self._before = (list(situation.reports), list(situation.links))
        reports, links = self._changed(situation)
        situation.reports[:] = reports
        situation.links[:] = links
        situation.reindex()
        return Touched(reports=True, links=True)

    def revert(self, situation: Situation) -> Touched:
        assert self._before is not None, "revert before apply"
        situation.reports[:], situation.links[:] = self._before
        situation.reindex()
        return Touched(reports=True, links=True)

    def _changed(self, situation: Situation) -> tuple[list[Report], list[Link]]:
        raise NotImplementedError


class AddReport(_ListsEdit):
    def __init__(self, report: Report):
        super().__init__()
        self.report = report
        self.name = f"Add report '{report_label(report)}'"

    def _changed(self, situation):
        if any(r.id == self.report.id for r in situation.reports):
            raise EditRefused(message(QT_TRANSLATE_NOOP(
                "Core", "there is already a report with the id %1"), repr(self.report.id)))
        return situation.reports + [self.report], situation.links


class EditReport(_ListsEdit):
    """Replace a report by ``report`` (same id): its links stay."""

    def __init__(self, report: Report):
        super().__init__()
        self.report = report
        self.name = f"Edit report '{report_label(report)}'"

    def _changed(self, situation):
        situation.report(self.report.id)            # KeyError: a bug in the caller
        return ([self.report if r.id == self.report.id else r for r in situation.reports],
                situation.links)


class DeleteReport(_ListsEdit):
    def __init__(self, situation: Situation, report_id: str):
        super().__init__()
        self.report_id = report_id
        self.name = f"Delete report '{report_label(situation.report(report_id))}'"

    def _changed(self, situation):
        return ([r for r in situation.reports if r.id != self.report_id],
                [k for k in situation.links if k.report_id != self.report_id])
