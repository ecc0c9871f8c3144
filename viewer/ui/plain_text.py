"""Text from a file shown as plain text, the one way every widget does it.

Qt decides by itself (``Qt::mightBeRichText``) to render a tooltip, or a label or message
box left at ``Qt.AutoText``, as HTML: a layer named ``<img src="file:///…">`` would then
load that image. So text that may hold file text reaches Qt only:

- in a tooltip, through ``plain_tooltip`` (escaped inside an explicit rich-text
  paragraph, so it is shown as written);
- in a label or message box whose text format is ``Qt.PlainText`` (``plain_label``,
  ``message_box``);
- in a menu entry, through ``menu_entry`` (``&`` would otherwise make a shortcut letter).

Before that, viewer.model.text makes it safe to show (controls and bidi overrides made
visible, length bounded).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget

from viewer.model.text import safe_line
from viewer.render.language import translate

Icon = QMessageBox.Icon


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt shows as written (escaped HTML: a tooltip starting
    with something tag-like would otherwise be rendered, images and all)."""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as written."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def menu_entry(menu: QMenu, text: str, limit: int = 120) -> QAction:
    """A new entry at the end of ``menu`` showing file text as written: one safe line,
    ``&`` shown as ``&`` (not a shortcut letter), and a tooltip to match (an action's
    tooltip is its text unless set)."""
    line = safe_line(text, limit)
    action = menu.addAction(line.replace("&", "&&"))
    action.setToolTip(plain_tooltip(line))
    return action


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str) -> QMessageBox:
    """A message box showing ``text`` as written (not yet shown)."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """An error dialog with the one-line reason, as written; returns once it is closed."""
    message_box(parent, Icon.Critical, title, text).exec()


def error_text(exc) -> str:
    """A SituationError's one line, its problem in the interface language."""
    return exc.text(translate)
