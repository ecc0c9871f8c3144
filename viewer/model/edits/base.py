"""What every edit command is, and the Editor that applies them and says what changed."""

from __future__ import annotations

from dataclasses import dataclass

from psygnal import Signal

from viewer.model.change import Change
from viewer.model.report import Report
from viewer.model.situation import Situation
from viewer.model.text import safe_line


class EditRefused(ValueError):
    """An edit that can't be made as asked (its message says why, for the user)."""


@dataclass(frozen=True)
class Touched:
    """What an edit changed: reports and links, the layers whose area changed, places."""

    reports: bool = False
    links: bool = False
    layers: frozenset[str] = frozenset()
    layer_list: bool = False        # a layer was added or removed
    places: bool = False            # places were added or removed


class Edit:
    """A command: ``apply`` then ``revert`` leaves the situation exactly as it was."""

    name = "Edit"

    def apply(self, situation: Situation) -> Touched:
        raise NotImplementedError

    def revert(self, situation: Situation) -> Touched:
        raise NotImplementedError


class Editor:
    """Applies and reverts edits on one situation and announces each one.

    ``edited`` is emitted with the Touched of every apply and revert; ``revision`` counts
    them (a revert counts too: "unsaved" is the undo stack's business, not this)."""

    edited = Signal(object)         # Touched

    def __init__(self, situation: Situation):
        self.situation = situation
        self.revision = 0

    def apply(self, edit: Edit) -> None:
        self._done(edit.apply(self.situation))

    def revert(self, edit: Edit) -> None:
        self._done(edit.revert(self.situation))

    def _done(self, touched: Touched) -> None:
        self.revision += 1
        self.edited.emit(touched)


def report_label(report: Report) -> str:
    """'ISW, 8 Jun': the source and day of a report, for command names."""
    source = safe_line(report.source or report.title or report.id, 40)
    return f"{source}, {report.published.day} {report.published:%b}"


def change_label(situation: Situation, change: Change) -> str:
    """'Occupied (DeepState), 13 Jun 2025'."""
    layer = situation.layer(change.layer_id)
    when = f"{change.at.day} {change.at:%b %Y}"
    sketched = " (sketch)" if "~sketch" in change.id else ""
    return f"{safe_line(layer.name, 40)}, {when}{sketched}"
