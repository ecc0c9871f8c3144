"""The one error type readers raise: a clear, one-line reason that names the file."""

from __future__ import annotations

import os

from viewer.model.text import safe_line


class SituationError(Exception):
    """Input that can't be used. ``str(err)`` is one line: ``<file or argument>: <problem>``."""

    def __init__(self, where: str | os.PathLike, problem: str):
        # a file name may hold line breaks or control characters: shown visibly, one line
        self.where = safe_line(os.fspath(where), limit=None)
        self.problem = safe_line(problem, limit=None)
        super().__init__(f"{self.where}: {self.problem}")
