"""The report dialog: add or edit a report (source, published time, title, URL, summary,
language, Admiralty grade). Every field is plain text; nothing typed or pasted is ever
interpreted as markup. A URL that is already a report's is offered as that report."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from viewer.model import Situation
from viewer.model.report import INFO_GRADES, SOURCE_GRADES, Reliability, Report
from viewer.model.text import safe_line
from viewer.render.language import fill, translate

TEXT_LIMIT = 1 << 24        # what a line field holds (Qt's default is 32767 characters)


def _line(parent: QWidget, placeholder: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(TEXT_LIMIT)
    edit.setPlaceholderText(placeholder)
    return edit


def split_clipboard(text: str) -> tuple[str, str]:
    """(url, title) from pasted text: a line starting with http(s):// is the URL, the
    first other non-empty line the title."""
    url, title = "", ""
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        if not url and line.lower().startswith(("http://", "https://")):
            url = line.split()[0]
        elif not title:
            title = line
    return url, title


class ReportDialog(QDialog):
    """``report`` None: a new report with id ``new_id``. After exec(): ``result_report``,
    or ``existing_id`` when the user chose the report already holding the URL."""

    def __init__(self, situation: Situation, new_id: str, report: Report | None = None,
                 default_time: datetime | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(translate("Report", "Edit Report") if report
                            else translate("Report", "Add Report"))
        self.situation, self.editing = situation, report
        self.report_id = report.id if report else new_id
        self.result_report: Report | None = None
        self.existing_id: str | None = None
        self.source = _line(self, translate("Report", "who published it, e.g. ISW"))
        self.published = QDateTimeEdit(self)
        self.published.setTimeZone(QTimeZone.utc())
        self.published.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.published.setCalendarPopup(True)
        self.title_edit = _line(self, translate("Report", "headline or title"))
        self.url = _line(self, translate("Report", "https://… (kept as text, never opened)"))
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText(translate("Report", "what it says, in your own words"))
        self.language = _line(self, "en")
        self.reliability = QComboBox(self)
        for code, meaning in SOURCE_GRADES.items():
            self.reliability.addItem(f"{code} — {translate('Core', meaning)}", code)
        self.credibility = QComboBox(self)
        for code, meaning in INFO_GRADES.items():
            self.credibility.addItem(f"{code} — {translate('Core', meaning)}", code)
        self.paste = QPushButton(translate("Report", "Paste URL and Title"), self)
        self.paste.setToolTip(translate("Report", "Fill the URL and title from the clipboard "
                                                  "(URL on one line, title on another)"))
        self.paste.clicked.connect(self.paste_from_clipboard)
        self.known = QLabel(self)
        self.known.setTextFormat(Qt.TextFormat.PlainText)
        self.known.setWordWrap(True)
        self.use_existing = QPushButton(translate("Report", "Use the Existing Report"), self)
        self.use_existing.clicked.connect(self._choose_existing)
        self.url.textChanged.connect(self._check_url)
        self._layout()
        self._fill(report, default_time)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("Report", "&Source:"), self.source)
        form.addRow(translate("Report", "&Published:"), self.published)
        form.addRow(translate("Report", "&Title:"), self.title_edit)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.paste)
        url_label = QLabel(translate("Report", "&URL:"), self)       # a row of two widgets: its buddy named
        url_label.setBuddy(self.url)
        form.addRow(url_label, url_row)
        form.addRow("", self.known)
        form.addRow("", self.use_existing)
        form.addRow(translate("Report", "Su&mmary:"), self.summary)
        form.addRow(translate("Report", "&Language:"), self.language)
        form.addRow(translate("Report", "Source &reliability:"), self.reliability)
        form.addRow(translate("Report", "Information &credibility:"), self.credibility)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _fill(self, report: Report | None, default_time: datetime | None) -> None:
        when = report.published if report else (default_time or datetime.now(timezone.utc))
        self.published.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp()),
                                                                 QTimeZone.utc()))
        grade = report.reliability if report else Reliability()
        self.reliability.setCurrentIndex(self.reliability.findData(grade.source))
        self.credibility.setCurrentIndex(self.credibility.findData(grade.info))
        if report:
            self.source.setText(report.source)
            self.title_edit.setText(report.title)
            self.url.setText(report.url)
            self.summary.setPlainText(report.summary)
            self.language.setText(report.language)
        self._check_url()

    # -- the URL --------------------------------------------------------------------------
    def paste_from_clipboard(self) -> None:
        url, title = split_clipboard(QGuiApplication.clipboard().text())
        if url:
            self.url.setText(url)
        if title:
            self.title_edit.setText(title)

    def _existing(self) -> Report | None:
        url = self.url.text().strip()
        if not url:
            return None
        return next((r for r in self.situation.reports
                     if r.url.strip() == url and r.id != self.report_id), None)

    def _check_url(self) -> None:
        found = self._existing()
        self.known.setVisible(found is not None)
        self.use_existing.setVisible(found is not None and self.editing is None)
        if found is not None:
            self.known.setText(fill(translate("Report", "This URL is already the report "
                                                        "“%1” (%2)."),
                                    safe_line(found.title, 120), safe_line(found.source, 60)))

    def _choose_existing(self) -> None:
        found = self._existing()
        if found is not None:
            self.existing_id = found.id
            super().accept()

    # -- the result -----------------------------------------------------------------------
    def report(self) -> Report:
        stamp = self.published.dateTime().toSecsSinceEpoch()
        return Report(self.report_id, datetime.fromtimestamp(stamp, timezone.utc),
                      self.source.text(), self.title_edit.text(), self.url.text().strip(),
                      self.summary.toPlainText(), self.language.text().strip() or "en",
                      Reliability(self.reliability.currentData(),
                                  int(self.credibility.currentData())))

    def accept(self) -> None:
        self.result_report = self.report()
        super().accept()
