"""Claims against assessments, as a small tree under the settlements table: per claimed
layer and assessed layer, the claim gap at the time shown and each claimed change —
whether and when the assessment covered 90% of it, the lag, both sides' reports. Where
the layers are a sketch (the sample's are), the heading says so."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from viewer.analysis.claims import COVER_SHARE, sketch_note
from viewer.model import Situation
from viewer.model.text import safe_line
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.qt_utils import format_day

COLUMNS = ("Claim", "km²", "Covered", "Lag", "Reports")


class ClaimsView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setToolTip(f"Each claimed change: when the assessed layer later covered at "
                        f"least {COVER_SHARE:.0%} of it, the lag in days, and the reports "
                        "of both sides. The claim gap is the ground claimed and not assessed.")

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
            head = QTreeWidgetItem(self, [
                f"{safe_line(claimed.name, 60)} against {safe_line(assessed.name, 60)}"
                + (" (from a sketch)" if sketch else ""),
                f"gap {last_gap:,.1f}", "", "", ""])
            head.setToolTip(0, plain_tooltip(sketch or "Claim gap at the last date: ground "
                                             "claimed and not assessed."))
            for check in comparison.checks:
                ours = ", ".join(r.id for r, _ in situation.reports_for(check.change_id))
                theirs = sorted({r.id for cid in check.assessed_changes
                                 for r, _ in situation.reports_for(cid)})
                covered = (format_day(check.covered_at) if check.covered_at
                           else f"never ({check.covered_share:.0%})")
                lag = "—" if check.lag_days is None else f"{check.lag_days:.0f} d"
                item = QTreeWidgetItem(head, [format_day(check.at), f"{check.claimed_km2:,.1f}",
                                              covered, lag,
                                              safe_line(f"{ours or '—'} / "
                                                        f"{', '.join(theirs) or '—'}", 200)])
                item.setToolTip(4, plain_tooltip(f"Claim: {ours or 'none'}\nAssessment: "
                                                 f"{', '.join(theirs) or 'none'}"))
            head.setExpanded(True)
