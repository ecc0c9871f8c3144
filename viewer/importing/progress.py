"""Progress of a long import: ``progress(stage, done, total)`` calls, and a printer for a
terminal that rewrites one status line on stderr at most a few times a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]


def quiet(stage: str, done: int, total: int) -> None:
    """No progress shown."""


class LinePrinter:
    """``import: merging 12/28`` on one line of ``stream``, redrawn at most every
    ``interval`` seconds, and at each stage's start and end; ``close()`` ends the line."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.25):
        self.stream = stream or sys.stderr
        self.interval = interval
        self._last = 0.0
        self._shown = False
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and stage == self._stage and now - self._last < self.interval:
            return
        self._last, self._stage = now, stage
        self.stream.write(f"\rimport: {stage} {done}/{total}\x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
