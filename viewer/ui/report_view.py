"""The detail pane under the reports tree: plain text, and the link with a copy action.

The link is opened only by the "Open link" button (or the panel's menu), and only when
report_link.openable() allows it; any other link is shown and copied as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from viewer.ui.plain_text import plain_tooltip
from viewer.render.language import translate
from viewer.ui.report_link import NOT_OPENABLE, link_text, openable


class ReportView(QWidget):
    """Read-only details of the selected change or report. The link is shown as text;
    "Copy link" puts it on the clipboard, "Open link" is only ever the user's click."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = ""
        self._shown: tuple[str, str] | None = None     # (text, url) shown
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(translate("Reports", "Select a change or a report to see its "
                                                          "details."))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.link = QLabel(self)
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link.setMinimumWidth(40)
        self.copy_button = QPushButton(translate("Reports", "Copy link"), self)
        self.copy_button.setToolTip(translate("Reports", "Copy the report's link to the clipboard"))
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button = QPushButton(translate("Reports", "Open link"), self)
        self.open_button.setToolTip(translate("Reports", "Open the report's link in your web "
                                                        "browser"))
        self.open_button.clicked.connect(self.open_link)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.link, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.show_text("", "")

    def show_text(self, text: str, url: str) -> None:
        """``text`` is already safe (see report_items); ``url`` comes from the file. The
        same text again (a time step with the same selection) leaves the pane as it is,
        scrolled where the user left it."""
        if self._shown == (text, url):
            return
        self._shown = (text, url)
        self.text.setPlainText(text)
        self.url = url
        shown = link_text(url)
        self.link.setText(shown)
        self.link.setToolTip(plain_tooltip(shown if self.openable or not url
                                           else f"{shown}\n({translate('Reports', NOT_OPENABLE)})"))
        self.copy_button.setEnabled(bool(url))
        self.open_button.setEnabled(self.openable)

    @property
    def openable(self) -> bool:
        return openable(self.url)

    def copy_link(self) -> None:
        """Copies the link as shown (for an openable link that is the link itself)."""
        if self.url:
            QGuiApplication.clipboard().setText(link_text(self.url))

    def open_link(self) -> None:
        if self.openable:
            QDesktopServices.openUrl(QUrl(self.url, QUrl.ParsingMode.StrictMode))


SHARES = (3, 1)         # the list's and the details' shares of the panel's height


def above_details(tabs: QTabWidget, details: ReportView, parent: QWidget) -> QSplitter:
    """``tabs`` (the lists) above ``details``, sharing the height by SHARES, from the
    first show (the lists' size hint would take it all, leaving the details their two
    lines) and at every resize; each keeps a few rows at the least (their scroll bars
    show the rest), so the panel fits a small window's left column as a tab
    (dock_layout.py)."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(tabs)
    splitter.addWidget(details)
    line = parent.fontMetrics().lineSpacing()
    tabs.setMinimumHeight(tabs.tabBar().sizeHint().height() + 4 * line)
    details.setMinimumHeight(details.minimumSizeHint().height() - 3 * line)
    for index, share in enumerate(SHARES):
        splitter.setStretchFactor(index, share)
    # (their ratio counts, once each is over its minimum: too small, they are clamped)
    splitter.setSizes([1_000 * share for share in SHARES])
    return splitter
