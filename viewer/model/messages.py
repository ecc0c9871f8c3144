"""Texts made in the Qt-free core that the window shows: the one way they get translated.

The core writes each such text in English with ``%1``, ``%2``… for its values and marks
it with ``QT_TRANSLATE_NOOP("Core", …)`` — a no-op here, but the name that
``pyside6-lupdate`` collects into resources/i18n/*.ts (packaging/build_translations.py).
A ``Message`` keeps that template and its values apart, so the window translates the
template (``translate("Core", template)``) and fills in the values; ``str()`` of it is
the English, which the CLI prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT = "Core"
_ARG = re.compile(r"%(\d)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced by ``values`` at once (a value holding
    "%2", e.g. a name from a file, is left as written)."""
    return _ARG.sub(lambda m: str(values[int(m.group(1)) - 1])
                    if 0 < int(m.group(1)) <= len(values) else m.group(0), template)


@dataclass(frozen=True)
class Message:
    template: str                 # English, marked with QT_TRANSLATE_NOOP("Core", …)
    values: tuple = ()

    def __str__(self) -> str:
        return fill(self.template, *(str(v) for v in self.values))

    def text(self, translate) -> str:
        """In the interface language: ``translate(context, text)`` is Qt's. A value that
        can say itself in it too (a Message, a SituationError: ``text(translate)``) does."""
        return fill(translate(CONTEXT, self.template),
                    *(v.text(translate) if callable(getattr(v, "text", None)) else v
                      for v in self.values))


def message(template: str, *values: object) -> Message:
    return Message(template, tuple(values))


@dataclass(frozen=True)
class Joined:
    """Parts (Messages or plain text) said one after another with ``separator``: the
    names of the features a warning is about ("feature 2, feature 5")."""
    parts: tuple
    separator: str = ", "

    def __str__(self) -> str:
        return self.separator.join(str(p) for p in self.parts)

    def text(self, translate) -> str:
        return self.separator.join(p.text(translate) if callable(getattr(p, "text", None))
                                   else str(p) for p in self.parts)


def joined(parts, separator: str = ", ") -> Joined:
    return Joined(tuple(parts), separator)
