"""Attach an offline copy of a report's source, or remove one (undoably)."""

from __future__ import annotations

from viewer.model.attachment import Attachment
from viewer.model.edits.base import Edit, EditRefused, Touched, report_label
from viewer.model.situation import Situation
from viewer.model.text import safe_line


class _AttachmentsEdit(Edit):
    def __init__(self) -> None:
        self._before: list[Attachment] | None = None

    def apply(self, situation: Situation) -> Touched:
        new = self._changed(situation)
        self._before = list(situation.attachments)
        situation.attachments[:] = new
        return Touched(reports=True)

    def revert(self, situation: Situation) -> Touched:
        assert self._before is not None, "revert before apply"
        situation.attachments[:] = self._before
        return Touched(reports=True)

    def _changed(self, situation: Situation) -> list[Attachment]:
        raise NotImplementedError


class AttachSource(_AttachmentsEdit):
    def __init__(self, situation: Situation, attachment: Attachment):
        super().__init__()
        self.attachment = attachment
        self.name = (f"Attach '{safe_line(attachment.name, 40)}' to report "
                     f"'{report_label(situation.report(attachment.report_id))}'")

    def _changed(self, situation):
        a = self.attachment
        if any((b.report_id, b.name) == (a.report_id, a.name) for b in situation.attachments):
            raise EditRefused(f"the report already has a source copy named {a.name!r}")
        return situation.attachments + [a]


class RemoveAttachment(_AttachmentsEdit):
    def __init__(self, situation: Situation, report_id: str, name: str):
        super().__init__()
        self.key = (report_id, name)
        self.name = (f"Remove '{safe_line(name, 40)}' from report "
                     f"'{report_label(situation.report(report_id))}'")

    def _changed(self, situation):
        return [a for a in situation.attachments if (a.report_id, a.name) != self.key]
