"""The play clock: a QTimer that advances the time cursor while it is playing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from viewer.model.cursor import TimeCursor
from viewer.ui.qt_utils import ModelConnections


class PlayClock(QObject):
    """Calls ``cursor.tick()`` every ``cursor.interval_ms`` while ``cursor.playing``.

    The cursor owns the play state and stops itself at the end of the span; this only
    keeps the timer running and its interval in step with the cursor's speed.
    """

    def __init__(self, cursor: TimeCursor, parent: QObject | None = None):
        super().__init__(parent)
        self.cursor = cursor
        self.timer = QTimer(self)
        self.timer.setInterval(cursor.interval_ms)
        self.timer.timeout.connect(self._tick)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.playing_changed, self._on_playing)
        self._conns.connect(cursor.speed_changed, self._on_speed)
        self._on_playing(cursor.playing)

    def stop(self) -> None:
        """Stop the timer for good (teardown); the cursor's state is left alone."""
        self._conns.disconnect_all()
        self.timer.stop()

    def _tick(self) -> None:
        self.cursor.tick()

    def _on_playing(self, playing: bool) -> None:
        if playing:
            self.timer.start(self.cursor.interval_ms)
        else:
            self.timer.stop()

    def _on_speed(self, _speed: float) -> None:
        self.timer.setInterval(self.cursor.interval_ms)
