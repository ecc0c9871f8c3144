"""The names Edit ▸ Undo/Redo show for the report and link edits, in the interface
language ("Undo Link report 'ISW, 13 Jun' to change Occupied (DeepState), 9 Aug 2025 as
confirms"). The model's edits carry English names; an edit not named here keeps its own
(a sketch is named by the sketch tool's undo step)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale

from viewer.model import Report, Situation, to_utc
from viewer.model.edits import (AddReport, ChangeRole, DeleteReport, Edit, EditReport,
                                LinkReport, UnlinkReport)
from viewer.model.text import safe_line
from viewer.render.language import fill, format_short_date, translate
from viewer.ui.report_items import role_name


def day_month(t: datetime) -> str:
    """'8 Jun' / '8 черв.' (UTC)."""
    t = to_utc(t)
    return QLocale().toString(QDate(t.year, t.month, t.day), "d MMM")


def report_name(report: Report) -> str:
    """'ISW, 8 Jun': the source and day of a report."""
    source = safe_line(report.source or report.title or report.id, 40)
    return fill(translate("Edit", "%1, %2"), source, day_month(report.published))


def change_name(situation: Situation, change_id: str) -> str:
    """'Occupied (DeepState), 13 Jun 2025', '… (sketch)' for a sketched change."""
    change = situation.change(change_id)
    layer = safe_line(situation.layer(change.layer_id).name, 40)
    text = fill(translate("Edit", "%1, %2"), layer, format_short_date(change.at, time=False))
    return fill(translate("Edit", "%1 (sketch)"), text) if "~sketch" in change_id else text


def _changes(situation: Situation, change_ids: list[str]) -> str:
    if len(change_ids) == 1:
        return fill(translate("Edit", "change %1"), change_name(situation, change_ids[0]))
    return fill(translate("Edit", "%1 changes"), len(change_ids))


def command_name(situation: Situation, edit: Edit) -> str:
    """``edit``'s name in the interface language, made before it is applied."""
    report = lambda rid: report_name(situation.report(rid))      # noqa: E731
    if isinstance(edit, AddReport):
        return fill(translate("Edit", "Add report '%1'"), report_name(edit.report))
    if isinstance(edit, EditReport):
        return fill(translate("Edit", "Edit report '%1'"), report_name(edit.report))
    if isinstance(edit, DeleteReport):
        return fill(translate("Edit", "Delete report '%1'"), report(edit.report_id))
    if isinstance(edit, LinkReport):
        return fill(translate("Edit", "Link report '%1' to %2 as %3"), report(edit.report_id),
                    _changes(situation, edit.change_ids), role_name(edit.role))
    if isinstance(edit, ChangeRole):
        return fill(translate("Edit", "Make report '%1' %2 %3"), report(edit.report_id),
                    role_name(edit.role), change_name(situation, edit.change_id))
    if isinstance(edit, UnlinkReport):
        return fill(translate("Edit", "Unlink report '%1' from %2"), report(edit.report_id),
                    _changes(situation, [edit.change_id]))
    return str(edit.name)
