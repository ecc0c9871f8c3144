"""The box that lists what an import skipped or repaired: the first SHOWN_WARNINGS
warnings, each one safe line in the interface language (a Message translated, a reader's
text as written), then how many more. Used by File ▸ Import… and Import Reports…."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.model.text import safe_line
from viewer.render.language import core_text, fill, translate
from viewer.ui.plain_text import Icon, message_box

SHOWN_WARNINGS = 20


def show_warnings(parent: QWidget, title: str, warnings: list, name: str) -> QMessageBox:
    """Open (not modal to the event loop) a warning box named ``name`` listing ``warnings``."""
    lines = [safe_line(core_text(x), 200) for x in warnings[:SHOWN_WARNINGS]]
    if len(warnings) > SHOWN_WARNINGS:
        lines.append(fill(translate("Reports", "… and %1 more"),
                          len(warnings) - SHOWN_WARNINGS))
    box = message_box(parent, Icon.Warning, title, "\n".join(lines))
    box.setObjectName(name)
    box.open()
    return box
