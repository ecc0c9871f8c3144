"""What the panels that follow the time share: a time step only asks for a refresh, which
runs when the panel is in sight (``SightGate``); shown again, the panel catches up."""

from __future__ import annotations

from datetime import datetime


class FollowsTimeWhenShown:
    """Mixin for a QWidget panel with a ``SightGate`` as ``self._sight``."""

    def _on_time(self, _t: datetime) -> None:
        self._sight.request()           # a closed or hidden tab costs nothing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.set_shown(True)

    def set_shown(self, shown: bool) -> None:
        """Catch up with the time when shown again (a dock reopened, its tab raised)."""
        self._sight.shown(shown)
