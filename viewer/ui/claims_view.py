"""Claims against assessments, as a small tree under the settlements table: per claimed
layer and assessed layer, the claim gap at the time shown and each claimed change —
whether and when the assessment covered 90% of it, the lag, both sides' reports. Where
the layers are a sketch (the sample's are), the heading says so."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from viewer.analysis.claims import COVER_SHARE, sketch_note
from viewer.model import Situation
from viewer.model.text import safe_line
from viewer.render.language import QT_TRANSLATE_NOOP, fill, format_number, translate
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.qt_utils import format_day

COLUMNS = (QT_TRANSLATE_NOOP("Claims", "Claim"), QT_TRANSLATE_NOOP("Units", "km²"),
           QT_TRANSLATE_NOOP("Claims", "Covered"), QT_TRANSLATE_NOOP("Claims", "Lag"),
           QT_TRANSLATE_NOOP("Claims", "Reports"))
CONTEXTS = ("Claims", "Units", "Claims", "Claims", "Claims")


def percent(share: float) -> str:
    return format_number(100 * share, 0) + "%"


class ClaimsView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claims")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([translate(c, t) for c, t in zip(CONTEXTS, COLUMNS)])
        self.setToolTip(fill(translate("Claims", "Each claimed change: when the assessed layer "
                                                 "later covered at least %1 of it, the lag in "
                                                 "days, and the reports of both sides. The claim "
                                                 "gap is the ground claimed and not assessed."),
                             percent(COVER_SHARE)))

    def set_analytics(self, situation: Situation | None, analytics) -> None:
        self.clear()
        if situation is None or analytics is None:
            self.setVisible(False)
            return
        self.setVisible(bool(analytics.claims))
        for comparison in analytics.claims:
            claimed, assessed = (situation.layer(comparison.claimed),
                                 situation.layer(comparison.assessed))
            sketch = sketch_note([claimed, assessed])
            last_gap = comparison.gap_km2[-1] if comparison.gap_km2 else 0.0
            pair = fill(translate("Claims", "%1 against %2"), safe_line(claimed.name, 60),
                        safe_line(assessed.name, 60))
            head = QTreeWidgetItem(self, [
                fill(translate("Claims", "%1 (from a sketch)"), pair) if sketch else pair,
                fill(translate("Claims", "gap %1"), format_number(last_gap)), "", "", ""])
            head.setToolTip(0, plain_tooltip(sketch or translate(
                "Claims", "Claim gap at the last date: ground claimed and not assessed.")))
            for check in comparison.checks:
                ours = ", ".join(r.id for r, _ in situation.reports_for(check.change_id))
                theirs = sorted({r.id for cid in check.assessed_changes
                                 for r, _ in situation.reports_for(cid)})
                covered = (format_day(check.covered_at) if check.covered_at
                           else fill(translate("Claims", "never (%1)"),
                                     percent(check.covered_share)))
                lag = ("—" if check.lag_days is None
                       else fill(translate("Claims", "%1 d", "days"),
                                 format_number(check.lag_days, 0)))
                item = QTreeWidgetItem(head, [format_day(check.at),
                                              format_number(check.claimed_km2),
                                              covered, lag,
                                              safe_line(f"{ours or '—'} / "
                                                        f"{', '.join(theirs) or '—'}", 200)])
                none = translate("Claims", "none")
                item.setToolTip(4, plain_tooltip(fill(
                    translate("Claims", "Claim: %1\nAssessment: %2"), ours or none,
                    ", ".join(theirs) or none)))
            head.setExpanded(True)
