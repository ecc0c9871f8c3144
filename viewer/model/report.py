"""Reports (articles, assessments, claims), their reliability, and their links to changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

ROLES = ("reports", "confirms", "claims", "disputes")

SOURCE_GRADES = {
    "A": QT_TRANSLATE_NOOP("Core", "completely reliable"),
    "B": QT_TRANSLATE_NOOP("Core", "usually reliable"),
    "C": QT_TRANSLATE_NOOP("Core", "fairly reliable"),
    "D": QT_TRANSLATE_NOOP("Core", "not usually reliable"),
    "E": QT_TRANSLATE_NOOP("Core", "unreliable"),
    "F": QT_TRANSLATE_NOOP("Core", "reliability cannot be judged"),
}
INFO_GRADES = {
    1: QT_TRANSLATE_NOOP("Core", "confirmed by other sources"),
    2: QT_TRANSLATE_NOOP("Core", "probably true"),
    3: QT_TRANSLATE_NOOP("Core", "possibly true"),
    4: QT_TRANSLATE_NOOP("Core", "doubtful"),
    5: QT_TRANSLATE_NOOP("Core", "improbable"),
    6: QT_TRANSLATE_NOOP("Core", "truth cannot be judged"),
}


@dataclass(frozen=True)
class Reliability:
    """A grade on the NATO Admiralty scale: source A-F, information 1-6."""

    source: str = "F"
    info: int = 6

    def __post_init__(self) -> None:
        if self.source not in SOURCE_GRADES:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "source reliability must be A-F, got %1"), repr(self.source)))
        if self.info not in INFO_GRADES:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "information credibility must be 1-6, got %1"), repr(self.info)))

    @property
    def code(self) -> str:
        return f"{self.source}{self.info}"

    @property
    def description(self) -> str:
        return str(self.described)

    @property
    def described(self) -> Message:
        """The grade in words, for the window to translate."""
        return message(QT_TRANSLATE_NOOP("Core", "%1; %2"), message(SOURCE_GRADES[self.source]),
                       message(INFO_GRADES[self.info]))

    @classmethod
    def from_code(cls, code: str) -> "Reliability":
        code = (code or "").strip().upper()
        if len(code) != 2 or code[1] not in "0123456789":
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "reliability must look like B2, got %1"), repr(code)))
        return cls(code[0], int(code[1]))


@dataclass(frozen=True)
class Report:
    id: str
    published: datetime
    source: str
    title: str
    url: str = ""
    summary: str = ""
    language: str = "en"
    reliability: Reliability = Reliability()


@dataclass(frozen=True)
class Link:
    """A change is backed by a report in some role."""

    change_id: str
    report_id: str
    role: str = "reports"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "link role must be one of %1, got %2"),
                ', '.join(ROLES), repr(self.role)))
