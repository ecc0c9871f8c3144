"""The error types readers raise for bad input: a clear, one-line reason that names the
file (SituationError), or, where the file's name is not known yet, the part of it that is
bad (UnusablePart). Only our own validation raises them, so catching them never hides a
bug: a KeyError, TypeError, … from our code is a crash, and the fuzzer counts it.

Reasons are ``Message``s (viewer/model/messages.py): English templates marked for
translation, with their values apart, so the window and the CLI show them in the
interface language (``text(translate)``); ``str()`` is the English."""

from __future__ import annotations

import errno
import os

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message
from viewer.model.text import safe_line


def bounded(value: object, limit: int) -> object:
    """A value of a message cut to ``limit`` characters (a message may quote a cell, and
    a cell can be huge); a Message's own values likewise."""
    if isinstance(value, Message):
        return Message(value.template, tuple(bounded(v, limit) for v in value.values))
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class SituationError(Exception):
    """Input that can't be used. ``str(err)`` is one line: ``<file or argument>: <problem>``.

    ``problem`` is a ``Message`` where the window should show it in the interface
    language, kept as ``message``; ``where`` too may be one (a part of a file: "table
    regions, fid 3"); ``str`` is the English."""

    def __init__(self, where: str | os.PathLike | Message, problem: str | Message):
        # a file name may hold line breaks or control characters: shown visibly, one line
        self.place = where if isinstance(where, Message) else safe_line(os.fspath(where),
                                                                        limit=None)
        self.where = safe_line(str(self.place), limit=None)
        self.message = problem
        self.problem = safe_line(str(problem), limit=None)
        super().__init__(f"{self.where}: {self.problem}")

    def text(self, translate) -> str:
        """The one line in the interface language (``translate`` is Qt's)."""
        where = self.place.text(translate) if isinstance(self.place, Message) else self.place
        problem = self.message.text(translate) if isinstance(self.message, Message) \
            else self.problem
        return f"{safe_line(where, limit=None)}: {safe_line(problem, limit=None)}"


class UnusablePart(SituationError):
    """A part of a file that can't be used (a cell, a feature, a geometry), raised by code
    that does not know the file: ``where`` names the part ("table regions, fid 3"). The
    reader skips that part, keeping ``problem`` for a warning, or refuses the file with
    ``in_file(path)``."""

    def in_file(self, path: str | os.PathLike, limit: int = 300) -> SituationError:
        """``<path>: <part>: <problem>``, each value cut to ``limit`` characters."""
        return SituationError(path, bounded(message(QT_TRANSLATE_NOOP("Core", "%1: %2"),
                                                     self.place, self.message), limit))


def reason(exc: Exception) -> str | Message:
    """What a ValueError of the model (or any exception) says: its Message where it
    carries one (``ValueError(message(…))``), else its text."""
    if isinstance(exc, SituationError):
        return exc.message
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


_OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Core", "No such file or directory"),
    errno.EACCES: QT_TRANSLATE_NOOP("Core", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Core", "Operation not permitted"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Core", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Core", "Disk quota exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("Core", "Read-only file system"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Core", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Core", "Not a directory"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Core", "File name too long"),
    errno.ELOOP: QT_TRANSLATE_NOOP("Core", "Too many levels of symbolic links"),
    errno.EXDEV: QT_TRANSLATE_NOOP("Core", "Invalid cross-device link"),
    errno.EIO: QT_TRANSLATE_NOOP("Core", "Input/output error"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Core", "Device or resource busy"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP("Core", "Text file busy"),
}


def os_reason(exc: OSError) -> str | Message:
    """An OSError's reason: for the usual errnos a Message whose English is the C library's
    (strerror), so the CLI's English is unchanged; else the system's text."""
    template = _OS_REASONS.get(exc.errno)
    return message(template) if template else str(exc.strerror or exc)


# The parts of a file a reason names, in the interface language too
GEOMETRY = message(QT_TRANSLATE_NOOP("Core", "geometry"))


def table_part(name: object, fid: object = None) -> Message:
    """``table NAME`` or ``table NAME, fid N``."""
    if fid is None:
        return message(QT_TRANSLATE_NOOP("Core", "table %1"), name)
    return message(QT_TRANSLATE_NOOP("Core", "table %1, fid %2"), name, fid)


def column_part(where: str | Message, column: str) -> Message:
    """``<part>, <column>``: a cell of a row."""
    return message(QT_TRANSLATE_NOOP("Core", "%1, %2"), where, column)


def layer_part(layer_id: object) -> Message:
    """``layer 'ID'`` (the id quoted as repr, cut to 60 characters)."""
    text = repr(layer_id)
    return message(QT_TRANSLATE_NOOP("Core", "layer %1"),
                   text if len(text) <= 60 else text[:59] + "…")
