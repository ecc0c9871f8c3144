"""The temporary file a save writes beside its target, and the cleanup of stale ones.

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

SUFFIX = ".tmp"
STALE_SECONDS = 600.0


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
