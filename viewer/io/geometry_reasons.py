"""What shapely (GEOS) says about a geometry, in the interface language: its refusals to
build one (``shapely.Polygon`` of two points…) and its validity reasons
(``shapely.is_valid_reason``: "Self-intersection[30.5 48.5]"), each known one a Message
(viewer/model/messages.py) with its numbers and coordinates as values.

A text we don't know (a newer GEOS may word it otherwise) is not guessed at: it is said
as the library's own words after a translated lead-in ("shapely says: …"; the Ukrainian
quotes them: «…»).
"""

from __future__ import annotations

import re

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

# GEOS's TopologyValidationError texts (operation/valid/TopologyValidationError.cpp),
# which is_valid_reason follows with "[x y]", the place of the problem
_VALIDITY = {
    "Topology Validation Error": QT_TRANSLATE_NOOP("Core", "a topology error at %1"),
    "Repeated Point": QT_TRANSLATE_NOOP("Core", "a repeated point at %1"),
    "Hole lies outside shell": QT_TRANSLATE_NOOP("Core", "a hole outside its outer ring at %1"),
    "Holes are nested": QT_TRANSLATE_NOOP("Core", "a hole inside another hole at %1"),
    "Interior is disconnected": QT_TRANSLATE_NOOP(
        "Core", "an interior cut in pieces by its holes at %1"),
    "Self-intersection": QT_TRANSLATE_NOOP("Core", "edges that cross each other at %1"),
    "Ring Self-intersection": QT_TRANSLATE_NOOP("Core", "a ring that touches itself at %1"),
    "Nested shells": QT_TRANSLATE_NOOP("Core", "a polygon inside another polygon at %1"),
    "Duplicate Rings": QT_TRANSLATE_NOOP("Core", "a ring given twice at %1"),
    "Too few points in geometry component": QT_TRANSLATE_NOOP(
        "Core", "too few distinct points at %1"),
    "Too few distinct points in geometry component": QT_TRANSLATE_NOOP(
        "Core", "too few distinct points at %1"),
    "Invalid Coordinate": QT_TRANSLATE_NOOP("Core", "a coordinate that is not a number: %1"),
    "Ring is not closed": QT_TRANSLATE_NOOP("Core", "a ring that is not closed at %1"),
}
_AT = re.compile(r"^(?P<what>[A-Za-z][A-Za-z -]*?)\s*\[(?P<where>[^\]]*)\]$")

# What shapely's constructors raise for coordinates they can't build (shapely 2, GEOS 3.1x)
_BUILD = (
    (re.compile(r"A linearring requires at least 4 coordinates\.?"),
     QT_TRANSLATE_NOOP("Core", "a ring needs at least 4 points")),
    (re.compile(r"(?:IllegalArgumentException: )?point array must contain 0 or >1 elements"),
     QT_TRANSLATE_NOOP("Core", "a line needs at least 2 points")),
    (re.compile(r"(?:IllegalArgumentException: )?Points of LinearRing do not form a closed "
                r"linestring"),
     QT_TRANSLATE_NOOP("Core", "the points of a ring do not close it")),
    (re.compile(r"(?:IllegalArgumentException: )?Invalid number of points in LinearRing "
                r"found (\d+) - must be 0 or >= 4"),
     QT_TRANSLATE_NOOP("Core", "a ring of %1 points (it needs at least 4)")),
    (re.compile(r"The ordinate \(last\) dimension should be 2 or 3, got (\d+)"),
     QT_TRANSLATE_NOOP("Core", "positions of %1 numbers (2 or 3 expected)")),
)


def validity_reason(text: str) -> Message:
    """``shapely.is_valid_reason``'s ``text`` as a Message ("Self-intersection[30.5 48.5]":
    edges that cross each other at 30.5 48.5)."""
    m = _AT.match(text.strip())
    template = _VALIDITY.get(m.group("what")) if m else None
    if template is None:
        return library_said(text)
    return message(template, m.group("where"))


def build_reason(text: str) -> Message:
    """The text of shapely's refusal to build a geometry as a Message."""
    text = " ".join(text.split())
    for pattern, template in _BUILD:
        m = pattern.fullmatch(text)
        if m:
            return message(template, *m.groups())
    return library_said(text)


def library_said(text: str) -> Message:
    """A reason we have no words for: the library's own, quoted (cut to 120 characters)."""
    text = " ".join(text.split())
    return message(QT_TRANSLATE_NOOP("Core", "shapely says: %1"),
                   text if len(text) <= 120 else text[:119] + "…")
