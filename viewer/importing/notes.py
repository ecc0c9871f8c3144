"""The warnings an import collects, as Messages (viewer/model/messages.py) so that the CLI
and the window say them in the interface language: the reader's own, each after the file
it came from, and the features an import leaves out."""

from __future__ import annotations

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message


def in_file(source: str, warning: "Message | str") -> Message:
    """``<file>: <warning>``."""
    return message(QT_TRANSLATE_NOOP("Core", "%1: %2"), source, warning)


def not_areas(source: str, count: int) -> Message:
    """``<file>: N feature(s) left out, not an area``."""
    return message(QT_TRANSLATE_NOOP("Core", "%1: %2 feature(s) left out, not an area"),
                   source, count)
