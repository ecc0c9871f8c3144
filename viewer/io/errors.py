"""The error types readers raise for bad input: a clear, one-line reason that names the
file (SituationError), or, where the file's name is not known yet, the part of it that is
bad (UnusablePart). Only our own validation raises them, so catching them never hides a
bug: a KeyError, TypeError, … from our code is a crash, and the fuzzer counts it."""

from __future__ import annotations

import os

from viewer.model.messages import Message
from viewer.model.text import safe_line


class SituationError(Exception):
    """Input that can't be used. ``str(err)`` is one line: ``<file or argument>: <problem>``.

    ``problem`` is a ``Message`` (viewer/model/messages.py) where the window should show
    it in the interface language, kept as ``message``; ``str`` is the English."""

    def __init__(self, where: str | os.PathLike, problem: str | Message):
        # a file name may hold line breaks or control characters: shown visibly, one line
        self.where = safe_line(os.fspath(where), limit=None)
        self.message = problem
        self.problem = safe_line(str(problem), limit=None)
        super().__init__(f"{self.where}: {self.problem}")


class UnusablePart(SituationError):
    """A part of a file that can't be used (a cell, a feature, a geometry), raised by code
    that does not know the file: ``where`` names the part ("table regions, fid 3"). The
    reader skips that part, keeping ``problem`` for a warning, or refuses the file with
    ``in_file(path)``."""

    def in_file(self, path: str | os.PathLike, limit: int = 300) -> SituationError:
        """``<path>: <part>: <problem>``, the part and problem cut to ``limit`` characters
        (a message may quote a cell, and a cell can be huge)."""
        text = f"{self.where}: {self.problem}"
        return SituationError(path, text if len(text) <= limit else text[:limit - 1] + "…")
