"""The texts of the settlements table, made where the places are measured (the worker's
job), not on the GUI thread when the table is filled: each place's name in the
interface language and in the other one, and the name of the region it lies in, each
made plain text (one line, at most 120 characters). For the 8,226 places of the
DeepState import they took 60-80 ms, with the event loop held, of the table's filling."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.model.text import safe_line

LONGEST = 120               # characters of a name shown in a cell


@dataclass(frozen=True)
class TableTexts:
    language: str               # the names' language
    other: str                  # the other names' language
    names: tuple[str, ...]      # per place, in the status's order
    other_names: tuple[str, ...]
    regions: tuple[str, ...]    # "" where a place lies in none of the regions


def table_texts(status, language: str, other: str) -> TableTexts:
    """The texts of ``status``'s places (a SettlementStatus) for ``language``."""
    places = status.places
    regions = status.regions()
    return TableTexts(language, other,
                      tuple(safe_line(p.name_in(language), LONGEST) for p in places),
                      tuple(safe_line(p.names.get(other, ""), LONGEST) for p in places),
                      tuple(safe_line(r.name_in(language), LONGEST) if r is not None else ""
                            for r in regions))
