"""Every file we write (situation saves, renders, image exports) is written whole to a
temporary file beside its target, fsynced, and renamed over the target, so a crash
mid-write leaves the old file or the new one, never a part. A target that is not a
regular file (a FIFO, a device, a folder) is refused, never replaced.

A save writes ``.<name>.<pid>.<random>.tmp`` in the target's directory and renames it
over the target. A save killed before the rename (power cut, SIGKILL) leaves that file,
and maybe its ``-journal``, behind; the next successful save of the same target removes
them. Only files that are certainly ours go: the name must match that exact pattern for
this target, the file must be a regular file (not a link) owned by us, and either the
process that wrote it is gone (the pid is in the name) or nothing has touched it for
``STALE_SECONDS`` (another machine's save through a shared folder, or a reused pid).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable

from viewer.io.errors import SituationError, os_reason
from viewer.model.messages import QT_TRANSLATE_NOOP, message

SUFFIX = ".tmp"
STALE_SECONDS = 600.0


def write_file(target: str | os.PathLike, fill: Callable[[str], None]) -> None:
    """Write ``target`` atomically: ``fill(tmp)`` writes the new content into the empty
    temporary file ``tmp`` beside it, which then replaces the target (through a symlink,
    the file it points to). An OSError becomes SituationError("<target>: can't write: …");
    anything else ``fill`` raises propagates, the temporary file removed either way."""
    shown = os.fspath(target)
    real = os.path.realpath(shown)
    check_target(shown, real)
    directory, name = os.path.split(real)
    try:
        tmp = create(directory, name)
    except OSError as exc:
        raise SituationError(shown, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: %1"), os_reason(exc))) from exc
    try:
        fill(tmp)
        _fsync(tmp)
        _copy_mode(tmp, real)
        os.replace(tmp, real)
    except BaseException as exc:
        for leftover in (tmp, tmp + "-journal"):
            with contextlib.suppress(OSError):
                os.remove(leftover)
        if isinstance(exc, OSError):
            raise SituationError(shown, message(QT_TRANSLATE_NOOP(
                "Core", "can't write: %1"), os_reason(exc))) from exc
        raise
    _fsync_dir(directory)
    remove_stale(directory, name)


def write_bytes(target: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (see write_file)."""
    def fill(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(data)
    write_file(target, fill)


def check_target(shown: str, real: str) -> None:
    """SituationError unless ``real`` is a regular file or absent, in an existing folder."""
    try:
        st = os.stat(real)
    except FileNotFoundError:
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise SituationError(shown, message(QT_TRANSLATE_NOOP(
                "Core", "can't write: there is no folder %1"), folder)) from None
        return
    except OSError as exc:
        raise SituationError(shown, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: %1"), os_reason(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise SituationError(shown, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: it is a folder")))
    if not stat.S_ISREG(st.st_mode):
        raise SituationError(shown, message(QT_TRANSLATE_NOOP(
            "Core", "can't write: it is not a regular file (a FIFO, a device or a socket), "
                    "which is never replaced")))


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_mode(tmp: str, target: str) -> None:
    """Give the new file the old file's permissions, or the usual ones for a new file
    (mkstemp makes it private to the owner)."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _fsync_dir(directory: str) -> None:
    """Make the rename durable; not every platform or file system allows this."""
    with contextlib.suppress(OSError):
        _fsync(directory)


def create(directory: str, name: str) -> str:
    """A new, empty temporary file for a save of ``directory/name``; its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=SUFFIX, dir=directory)
    os.close(fd)
    return tmp


def _pattern(name: str) -> re.Pattern:
    # mkstemp's random part: 8 of [a-z0-9_]; the pid is missing in older viewers' names
    return re.compile(rf"\.{re.escape(name)}\.(?:(\d+)\.)?[a-z0-9_]{{8}}{re.escape(SUFFIX)}"
                      r"(?:-journal)?")


def remove_stale(directory: str, name: str) -> list[str]:
    """Remove what killed saves of ``directory/name`` left behind; the names removed.
    Never raises: a file that can't be checked or removed is left alone."""
    pattern, removed = _pattern(name), []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if _stale(info, match.group(1)):
                os.remove(entry.path)
                removed.append(entry.name)
    return removed


def _stale(info: os.stat_result, pid_text: str | None) -> bool:
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    if time.time() - info.st_mtime > STALE_SECONDS:
        return True
    if pid_text is None:
        return False
    pid = int(pid_text)
    return pid != os.getpid() and not _alive(pid)


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (a zombie counts). Unsure means alive."""
    if os.name != "posix" or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):     # another user's process, a pid out of range
        return True
    return True
