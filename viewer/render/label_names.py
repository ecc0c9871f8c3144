"""The names a label shows: in the chosen language with the other as a second line, and
a region's short name ("Donetsk" for "Donetsk Oblast")."""

from __future__ import annotations

import re

from viewer.model.text import safe_line

LABEL_LIMIT = 80                  # characters of a name drawn on the map (safe_line)
OTHER_LANGUAGE = {"en": "uk", "uk": "en"}


def names_for(names: dict[str, str], fallback: str, language: str) -> tuple[str, str]:
    """(name in ``language``, name in the other language or "") of a names map."""
    first = names.get(language) or fallback
    second = names.get(OTHER_LANGUAGE.get(language, "en"), "")
    return safe_line(first, LABEL_LIMIT), (safe_line(second, LABEL_LIMIT)
                                           if second and second != first else "")


def short_name(name: str) -> str:
    """A region's name without its kind: "Donetsk Oblast" -> "Donetsk",
    "Autonomous Republic of Crimea" -> "Crimea", "Донецька область" -> "Донецька"."""
    out = re.sub(r"^(Autonomous Republic of|Republic of|м\.)\s+", "", name.strip())
    out = re.sub(r"\s+(Oblast|Region|Province|Raion|область|район)$", "", out, flags=re.I)
    return out or name
