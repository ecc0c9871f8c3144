"""The reports panel's Provenance tab: for each layer, the share of its changes up to the
time shown, by count and by km², backed by a report of the threshold grade (the filter's,
B2 by default), by lower grades only, by claims only, disputed only, or unsourced; and
for each source how many of those changes it backs, claims and disputes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QSplitter, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from viewer.analysis.provenance import (CATEGORIES, DEFAULT_THRESHOLD, changes_up_to,
                                        provenance)
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import Situation
from viewer.model.report_filter import ReportCriteria
from viewer.model.text import safe_line
from viewer.render.language import (QT_TRANSLATE_NOOP, fill, format_km2, format_number,
                                    translate)
from viewer.ui.qt_utils import format_time

CATEGORY_NAMES = {
    "graded": QT_TRANSLATE_NOOP("Reports", "backed by %1 or better"),
    "lower": QT_TRANSLATE_NOOP("Reports", "backed by lower grades only"),
    "claims": QT_TRANSLATE_NOOP("Reports", "claimed only"),
    "disputed": QT_TRANSLATE_NOOP("Reports", "disputed only"),
    "unsourced": QT_TRANSLATE_NOOP("Reports", "unsourced"),
}


def _percent(part: float, whole: float) -> str:
    return format_number(100.0 * part / whole, 0) + " %" if whole > 0 else "–"


class ProvenanceView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.layers = self._tree([QT_TRANSLATE_NOOP("Reports", "Layer / changes"),
                                  QT_TRANSLATE_NOOP("Reports", "Count"),
                                  QT_TRANSLATE_NOOP("Reports", "Share"),
                                  QT_TRANSLATE_NOOP("Reports", "km²"),
                                  QT_TRANSLATE_NOOP("Reports", "Share of km²")])
        self.sources = self._tree([QT_TRANSLATE_NOOP("Reports", "Source"),
                                   QT_TRANSLATE_NOOP("Reports", "Backs"),
                                   QT_TRANSLATE_NOOP("Reports", "Claims"),
                                   QT_TRANSLATE_NOOP("Reports", "Disputes")])
        self.sources.setRootIsDecorated(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.layers)
        splitter.addWidget(self.sources)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(splitter, 1)

    def _tree(self, columns: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(len(columns))
        tree.setHeaderLabels([translate("Reports", c) for c in columns])
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setStretchLastSection(False)
        for col in range(1, len(columns)):
            tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def show_for(self, situation: Situation | None, regions: RegionAttribution | None,
                 t: datetime, criteria: ReportCriteria) -> None:
        """The changes up to ``t``; the threshold is the filter's grade, else B2."""
        self.layers.clear()
        self.sources.clear()
        if situation is None:
            self.caption.setText("")
            return
        threshold = criteria if criteria.grade_code else DEFAULT_THRESHOLD
        measured = regions if regions is not None and regions.complete else None
        km2 = None if measured is None else (
            lambda c: measured.change(c).gained_km2 + measured.change(c).lost_km2)
        per_layer, per_source = provenance(situation, changes_up_to(situation, t), km2,
                                           threshold)
        note = "" if measured is not None else " " + translate(
            "Reports", "(km² shown once measured)")
        self.caption.setText(fill(translate("Reports", "Changes up to %1, by the reports "
                                                       "behind them; threshold %2."),
                                  format_time(t), threshold.grade_code) + note)
        for layer in per_layer:
            top = QTreeWidgetItem([safe_line(layer.name, 80), format_number(layer.count, 0),
                                   "", format_km2(layer.km2) if km2 else "–", ""])
            for name in CATEGORIES:
                share = layer.shares[name]
                if not share.count and name == "disputed":
                    continue
                top.addChild(QTreeWidgetItem([
                    fill(translate("Reports", CATEGORY_NAMES[name]), threshold.grade_code),
                    format_number(share.count, 0), _percent(share.count, layer.count),
                    format_km2(share.km2) if km2 else "–",
                    _percent(share.km2, layer.km2) if km2 else "–"]))
            self.layers.addTopLevelItem(top)
            top.setExpanded(True)
        for source, counts in per_source.items():
            self.sources.addTopLevelItem(QTreeWidgetItem([
                safe_line(source, 80) or translate("Reports", "(no source)"),
                format_number(counts.backs, 0), format_number(counts.claims, 0),
                format_number(counts.disputes, 0)]))
