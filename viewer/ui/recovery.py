"""The recovery file: unsaved edits written beside the user's settings every minute, so
that a crash loses at most a minute's work. The next launch offers to restore them; a
clean save or a discard deletes them.

Two files: ``recovery.gpkg`` (the whole situation, an ordinary situation file) and
``recovery.json`` (which file it was edited from, when it was written), written in that
order, so a recovery is offered only once both are complete.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QSettings

from viewer.io.atomic import create as temp_beside
from viewer.io.situation_file import write_situation
from viewer.model import Situation, iso_z, parse_time

INTERVAL_ENV = "SITUATION_VIEWER_RECOVERY_SECONDS"     # tests shorten the minute
INTERVAL_S = 60.0


def interval_ms() -> int:
    try:
        seconds = float(os.environ.get(INTERVAL_ENV, INTERVAL_S))
    except ValueError:
        seconds = INTERVAL_S
    return max(50, round(seconds * 1000)) if seconds == seconds else round(INTERVAL_S * 1000)


@dataclass(frozen=True)
class Recovery:
    situation_path: Path        # the recovery situation file
    edited_from: Path | None    # the file the edits were made to, None: never saved
    written: datetime


class RecoveryFile:
    def __init__(self, settings: QSettings):
        folder = Path(settings.fileName()).resolve().parent
        self.gpkg = folder / "recovery.gpkg"
        self.info = folder / "recovery.json"

    def write(self, situation: Situation, edited_from: Path | None) -> None:
        """Write the recovery (SituationError when it can't be written)."""
        self.gpkg.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.info.unlink()          # a half-written recovery is never offered
        write_situation(situation, self.gpkg)
        text = json.dumps({"edited_from": str(edited_from) if edited_from else None,
                           "written": iso_z(datetime.now(timezone.utc))})
        tmp = temp_beside(str(self.info.parent), self.info.name)
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.info)

    def pending(self) -> Recovery | None:
        """The recovery a crashed session left, or None."""
        try:
            doc = json.loads(self.info.read_text(encoding="utf-8"))
            written = parse_time(str(doc["written"]))
            origin = doc.get("edited_from")
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not self.gpkg.is_file():
            return None
        return Recovery(self.gpkg, Path(origin) if isinstance(origin, str) else None, written)

    def remove(self) -> None:
        for path in (self.info, self.gpkg):
            with contextlib.suppress(OSError):
                path.unlink()
