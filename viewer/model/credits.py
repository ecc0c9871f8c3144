"""The credit line an import writes for a layer whose source nobody stated: stored in
English in the situation file (other programs read it), and said again in the interface
language wherever a map or dialog shows it (``credit(text)`` gives the Message back)."""

from __future__ import annotations

import re

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, fill, message

UNSTATED = QT_TRANSLATE_NOOP("Core", "%1: source not stated; imported from %2")
_UNSTATED = re.compile(r"(?s)(.*): source not stated; imported from (.*)")


def unstated_credit(layers: str, origin: str) -> str:
    """``Front: source not stated; imported from front.geojson`` (the stored text)."""
    return fill(UNSTATED, layers, origin)


def credit(text: str) -> "Message | str":
    """A stored credit line: our own "source not stated" line as a Message, any other
    (a source's words) as it is."""
    found = _UNSTATED.fullmatch(text)
    return message(UNSTATED, found.group(1), found.group(2)) if found else text
