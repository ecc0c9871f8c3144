"""The one error type readers raise: a clear, one-line reason that names the file."""

from __future__ import annotations

import os


class SituationError(Exception):
    """Input that can't be used. ``str(err)`` is one line: ``<file or argument>: <problem>``."""

    def __init__(self, where: str | os.PathLike, problem: str):
        self.where = os.fspath(where)
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{self.where}: {self.problem}")
