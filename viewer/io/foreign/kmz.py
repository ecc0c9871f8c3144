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

from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.io.foreign.kml import parse_kml
from viewer.io.files import MB, check_regular_file, size_text

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
        raise SituationError(path, f"is {size_text(size)}; KMZ files over "
                             f"{size_text(MAX_ARCHIVE_BYTES)} are refused")
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
        raise SituationError(path, f"not a readable KMZ (zip) archive: {_short(exc)}") \
            from None
    except NotImplementedError as exc:       # compression method
        raise SituationError(path, f"can't read the KMZ archive: {_short(exc)}") from None
    except RuntimeError as exc:              # encrypted entry
        raise SituationError(path, f"can't read the KMZ archive: {_short(exc)}") from None
    except OSError as exc:
        raise SituationError(path, f"can't read: {exc.strerror or exc}") from None


def _choose_entry(path: str, entries: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    for info in entries:
        if not info.filename:                # (zipfile itself fails on such an entry)
            raise SituationError(path, "not a readable KMZ (zip) archive: an entry without "
                                 "a name")
        if _escapes(info.filename):
            raise SituationError(path, f"refused: archive entry {info.filename[:100]!r} points "
                                 "outside the archive")
    root_kml = [i for i in entries if not i.is_dir() and "/" not in i.filename.strip("/")
                and i.filename.lower().endswith(".kml")]
    if not root_kml:
        raise SituationError(path, "not a KMZ: no .kml document at the archive's root")
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
        raise SituationError(path, f"refused: {info.filename[:100]} would inflate to "
                             f"{size_text(info.file_size)} (limit {size_text(limit)})")
    chunks, total = [], 0
    with _zip(path, archive.open, info) as entry:
        while chunk := _zip(path, entry.read, min(CHUNK, limit + 1 - total)):
            total += len(chunk)
            if total > limit:
                raise SituationError(path, f"refused: {info.filename[:100]} inflates past "
                                     f"{size_text(limit)}, more than it declares")
            chunks.append(chunk)
    return b"".join(chunks)
