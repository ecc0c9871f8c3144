"""Bounded access to the files people give us: regular files only, never beyond a size
limit, with one-line reasons. Every reader (our situation file and foreign formats) uses it,
so no reader imports another reader or the dispatcher."""

from __future__ import annotations

import os
import stat

from viewer.io.errors import SituationError, os_reason
from viewer.model.messages import QT_TRANSLATE_NOOP, message

MB = 2 ** 20
MAX_TEXT_BYTES = 512 * MB           # GeoJSON, KML, CSV/JSON tables: refused above this

def size_text(n: float) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:.0f} bytes"


def check_regular_file(path: str) -> int:
    """The size of the regular file at ``path``; SituationError if it is anything else."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "no such file"))) from None
    except OSError as exc:
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "can't read: %1"), os_reason(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "is a directory, not a file")))
    if not stat.S_ISREG(st.st_mode):
        raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "is not a regular file")))
    return st.st_size


def read_head(path: str, n: int) -> tuple[bytes, int]:
    """The first ``n`` bytes of the regular file at ``path`` and its size. The file is
    opened without blocking and checked to be a regular file on the open descriptor, so a
    FIFO or a device never hangs the caller; SituationError if it is anything else."""
    check_regular_file(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "can't read: %1"), os_reason(exc))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):     # replaced between the stat and the open
            raise SituationError(path, message(QT_TRANSLATE_NOOP("Core", "is not a regular file")))
        return os.read(fd, n), st.st_size
    except OSError as exc:
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "can't read: %1"), os_reason(exc))) from None
    finally:
        os.close(fd)


def read_limited(path: str, limit: int | None = None) -> bytes:
    """The bytes of the file at ``path``, refused (SituationError) beyond ``limit``
    (default MAX_TEXT_BYTES)."""
    limit = MAX_TEXT_BYTES if limit is None else limit
    size = check_regular_file(path)
    if size > limit:
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "is %1; files over %2 are refused"), size_text(size), size_text(limit)))
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "can't read: %1"), os_reason(exc))) from None
    if len(data) > limit:               # it grew while we looked
        raise SituationError(path, message(
            QT_TRANSLATE_NOOP("Core", "is over %1; refused"), size_text(limit)))
    return data


def read_text_limited(path: str, limit: int | None = None) -> str:
    """``read_limited`` decoded as UTF-8 (a byte-order mark dropped); SituationError for
    anything else."""
    data = read_limited(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not UTF-8 text (byte %1)"), exc.start)) from None
