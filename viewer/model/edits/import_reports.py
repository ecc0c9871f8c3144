"""Add the reports and links of an imported reports table, as one undoable edit."""

from __future__ import annotations

from viewer.model.edits.base import EditRefused
from viewer.model.edits.reports import _ListsEdit
from viewer.model.report import Link, Report


class ImportReports(_ListsEdit):
    """Add ``reports`` (one with an id already in the situation must be that same
    report: it is then kept, not added twice) and ``links`` (a link already there is not
    repeated; a new role for a pair already linked replaces its role)."""

    def __init__(self, reports: list[Report], links: list[Link], source: str = ""):
        super().__init__()
        self.reports, self.links = list(reports), list(links)
        what = f"{len(self.reports)} report{'s' if len(self.reports) != 1 else ''}"
        self.name = f"Import {what}" + (f" from {source}" if source else "")

    def _changed(self, situation):
        have = {r.id: r for r in situation.reports}
        clashes = [r.id for r in self.reports if r.id in have and have[r.id] != r]
        if clashes:
            raise EditRefused(f"the reports {', '.join(clashes[:5])} differ from the reports "
                              "with those ids already in the situation")
        reports = situation.reports + [r for r in self.reports if r.id not in have]
        new = {(k.change_id, k.report_id): k for k in self.links}
        links = [new.pop((k.change_id, k.report_id), k) for k in situation.links]
        return reports, links + list(new.values())
