"""What the user has selected: changes (highlighted on the map) and possibly one report."""

from __future__ import annotations

from psygnal import Signal


class Selection:
    changed = Signal()

    def __init__(self) -> None:
        self._changes: frozenset[str] = frozenset()
        self._report: str | None = None

    @property
    def change_ids(self) -> frozenset[str]:
        return self._changes

    @property
    def report_id(self) -> str | None:
        return self._report

    def select_changes(self, change_ids, report_id: str | None = None) -> None:
        changes = frozenset(change_ids)
        if changes != self._changes or report_id != self._report:
            self._changes, self._report = changes, report_id
            self.changed.emit()

    def clear(self) -> None:
        self.select_changes((), None)
