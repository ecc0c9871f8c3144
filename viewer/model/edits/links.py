"""Link a report to changes with a role, change a link's role, unlink."""

from __future__ import annotations

from viewer.model.edits.base import change_label, report_label
from viewer.model.edits.reports import _ListsEdit
from viewer.model.report import ROLES, Link
from viewer.model.situation import Situation
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def _what(situation: Situation, change_ids: list[str]) -> str:
    if len(change_ids) == 1:
        return f"change {change_label(situation, situation.change(change_ids[0]))}"
    return f"{len(change_ids)} changes"


class LinkReport(_ListsEdit):
    """Link ``report_id`` to each of ``change_ids`` as ``role``; a change it already
    backs gets the new role (a report backs a change in one role)."""

    def __init__(self, situation: Situation, report_id: str, change_ids: list[str],
                 role: str = "reports"):
        super().__init__()
        if role not in ROLES:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "link role must be one of %1, got %2"), ', '.join(ROLES), repr(role)))
        for cid in change_ids:
            situation.change(cid)                   # KeyError: a bug in the caller
        self.report_id, self.change_ids, self.role = report_id, list(change_ids), role
        report = report_label(situation.report(report_id))
        self.name = f"Link report '{report}' to {_what(situation, change_ids)} as {role}"

    def _changed(self, situation):
        targets = set(self.change_ids)
        kept = [k for k in situation.links
                if not (k.report_id == self.report_id and k.change_id in targets)]
        added = [Link(cid, self.report_id, self.role) for cid in self.change_ids]
        return situation.reports, kept + added


class ChangeRole(_ListsEdit):
    def __init__(self, situation: Situation, report_id: str, change_id: str, role: str):
        super().__init__()
        Link(change_id, report_id, role)            # ValueError for a bad role
        self.report_id, self.change_id, self.role = report_id, change_id, role
        report = report_label(situation.report(report_id))
        self.name = (f"Make report '{report}' {role} "
                     f"{_what(situation, [change_id]).removeprefix('change ')}")

    def _changed(self, situation):
        return situation.reports, [
            Link(k.change_id, k.report_id, self.role)
            if (k.report_id, k.change_id) == (self.report_id, self.change_id) else k
            for k in situation.links]


class UnlinkReport(_ListsEdit):
    def __init__(self, situation: Situation, report_id: str, change_id: str):
        super().__init__()
        self.report_id, self.change_id = report_id, change_id
        report = report_label(situation.report(report_id))
        self.name = f"Unlink report '{report}' from {_what(situation, [change_id])}"

    def _changed(self, situation):
        return situation.reports, [
            k for k in situation.links
            if (k.report_id, k.change_id) != (self.report_id, self.change_id)]
