"""Read KMZ: a zip archive holding one KML document, read in memory, never extracted.

Only one entry is read: ``doc.kml`` at the archive root, or else the first ``.kml``
entry at the root. An archive with an entry naming a path outside it (``..``, an
absolute path or a drive) is refused outright. The entry's declared size is checked
against MAX_ENTRY_BYTES before inflating, and inflating stops as soon as the actual
bytes pass it (a zip bomb's declared size may lie).
"""

from __future__ import annotations

import os
import zipfile
import zlib

from viewer.io.errors import SituationError, os_reason
from viewer.io.foreign.features import ReadResult
from viewer.io.foreign.kml import parse_kml
from viewer.io.files import MB, check_regular_file, size_text
from viewer.model.messages import QT_TRANSLATE_NOOP, message

MAX_ARCHIVE_BYTES = 512 * MB
MAX_ENTRY_BYTES = 256 * MB
CHUNK = MB


def read_kmz(path: str | os.PathLike) -> ReadResult:
    """Features of the KML inside the KMZ archive at ``path``; raises only SituationError."""
    path = os.fspath(path)
    name, data = read_kml_entry(path)
    result = parse_kml(data, f"{path} ({name[:100]})")
    result.source = path
    return result


def read_kml_entry(path: str) -> tuple[str, bytes]:
    """The name and bytes of the KML document inside the KMZ at ``path``."""
    size = check_regular_file(path)
    if size > MAX_ARCHIVE_BYTES:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "is %1; KMZ files over %2 are refused"),
            size_text(size), size_text(MAX_ARCHIVE_BYTES)))
    archive = _zip(path, zipfile.ZipFile, path)
    with archive:
        info = _choose_entry(path, archive.infolist())
        return info.filename, _inflate(path, archive, info)


def _zip(path: str, call, *args):
    """``call(*args)``, a zipfile call, with what zipfile raises on a damaged, encrypted or
    oddly compressed archive made a SituationError."""
    try:
        return call(*args)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable KMZ (zip) archive: %1"), _short(exc))) \
            from None
    except NotImplementedError as exc:       # compression method
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't read the KMZ archive: %1"), _short(exc))) from None
    except RuntimeError as exc:              # encrypted entry
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't read the KMZ archive: %1"), _short(exc))) from None
    except OSError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't read: %1"), os_reason(exc))) from None


def _choose_entry(path: str, entries: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    for info in entries:
        if not info.filename:                # (zipfile itself fails on such an entry)
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "not a readable KMZ (zip) archive: an entry without a name")))
        if _escapes(info.filename):
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "refused: archive entry %1 points outside the archive"),
                repr(info.filename[:100])))
    root_kml = [i for i in entries if not i.is_dir() and "/" not in i.filename.strip("/")
                and i.filename.lower().endswith(".kml")]
    if not root_kml:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a KMZ: no .kml document at the archive's root")))
    doc = [i for i in root_kml if i.filename.lower() == "doc.kml"]
    return (doc or root_kml)[0]


def _short(exc: Exception, limit: int = 160) -> str:
    """zipfile's messages may quote raw header bytes from the file: keep them short."""
    text = str(exc)
    return text if len(text) <= limit else text[:limit] + "…"


def _escapes(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _inflate(path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = MAX_ENTRY_BYTES
    if info.file_size > limit:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "refused: %1 would inflate to %2 (limit %3)"),
            info.filename[:100], size_text(info.file_size), size_text(limit)))
    chunks, total = [], 0
    with _zip(path, archive.open, info) as entry:
        while chunk := _zip(path, entry.read, min(CHUNK, limit + 1 - total)):
            total += len(chunk)
            if total > limit:
                raise SituationError(path, message(QT_TRANSLATE_NOOP(
                    "Core", "refused: %1 inflates past %2, more than it declares"),
                    info.filename[:100], size_text(limit)))
            chunks.append(chunk)
    return b"".join(chunks)
