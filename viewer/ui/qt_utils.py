"""Small helpers shared by the widgets: signal blocking, model connections, time text."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from typing import Any, Callable, Iterator

from PySide6.QtCore import QDate, QObject, QSignalBlocker
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from viewer.model.times import UTC, to_utc
from viewer.render.language import format_short_date



@contextmanager
def blocked(*objects: QObject) -> Iterator[None]:
    """Block the Qt signals of ``objects`` while updating them from the model."""
    blockers = [QSignalBlocker(o) for o in objects]
    try:
        yield
    finally:
        for b in blockers:
            b.unblock()


class ModelConnections:
    """psygnal connections made on behalf of a QObject, cut when that QObject is destroyed.

    psygnal keeps only weak references to bound methods, which is enough when the
    widget's Python wrapper dies; but when Qt deletes the C++ object while the wrapper
    is still referenced, a later emission would call into a deleted object. Holding the
    connections here and cutting them on ``destroyed`` covers both cases.
    """

    def __init__(self, owner: QObject):
        self._pairs: list[tuple[Any, Callable]] = []
        owner.destroyed.connect(self.disconnect_all)

    def connect(self, signal: Any, slot: Callable) -> None:
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def disconnect_all(self, *_: object) -> None:
        for signal, slot in self._pairs:
            signal.disconnect(slot, missing_ok=True)
        self._pairs.clear()


def out_of_sight(widget: QWidget) -> bool:
    """Whether a panel in a shown window can't be seen: its dock closed, or behind
    another dock's tab (Qt keeps such a dock "visible", moved out of the window)."""
    window = widget.window()
    return (window is not widget and window.isVisible()
            and (not widget.isVisible() or widget.visibleRegion().isEmpty()))


class SightGate:
    """Runs ``refresh`` at once, or, while ``widget`` is out of sight, once it is shown
    again (``shown(True)``: from its showEvent and its dock's visibilityChanged)."""

    def __init__(self, widget: QWidget, refresh: Callable[[], None]):
        self._widget, self._refresh, self._stale = widget, refresh, False

    def request(self) -> None:
        if out_of_sight(self._widget):
            self._stale = True
        else:
            self._refresh()

    def shown(self, shown: bool = True) -> None:
        if shown and self._stale:
            self._stale = False
            self._refresh()


def format_day(t: datetime) -> str:
    """``13 Jun 2025`` (UTC), as the interface language writes it (``13 черв. 2025``)."""
    return format_short_date(t, time=False)


def format_time(t: datetime) -> str:
    """``13 Jun 2025``, or ``13 Jun 2025 08:30 UTC`` when the time is not midnight."""
    return format_short_date(t)


def to_qdate(t: datetime) -> QDate:
    """The UTC day of ``t``."""
    t = to_utc(t)
    return QDate(t.year, t.month, t.day)


def from_qdate(d: QDate) -> datetime:
    """00:00 UTC of the day ``d``."""
    return datetime(d.year(), d.month(), d.day(), tzinfo=UTC)


def accept_buttons(dialog: QDialog, accept=None) -> QDialogButtonBox:
    """OK (or ``accept``) and Cancel buttons wired to the dialog's accept and reject."""
    ok = QDialogButtonBox.StandardButton.Ok if accept is None else accept
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
