"""Tree items and texts for changes and the reports behind them. All text is plain:
text from the file goes through viewer.model.text (controls and bidi overrides made
visible, length bounded) and tooltips are escaped (see plain_text.plain_tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.analysis.region_attribution import ChangeFigures, RegionAttribution
from viewer.model import Change, Report, Situation
from viewer.model.text import LINE_LIMIT, safe_block, safe_line
from viewer.render.language import (QT_TRANSLATE_NOOP, core_text, current_language, fill,
                                    format_km2, plural, translate)
from viewer.ui.qt_utils import format_day, format_time
from viewer.ui.plain_text import plain_tooltip
from viewer.ui.report_link import link_line
from viewer.ui.source_copy_dialog import copy_line

KIND = Qt.ItemDataRole.UserRole          # "change" or "report"
CHANGE_ID = Qt.ItemDataRole.UserRole + 1
REPORT_ID = Qt.ItemDataRole.UserRole + 2
BADGE = Qt.ItemDataRole.UserRole + 3     # a cell's badge colour (see reports_tree.BadgeDelegate)

ROLE_COLOURS = {            # badge background per link role; white text on all of them
    "reports": "#4a6c8f",
    "confirms": "#2e7d32",
    "claims": "#b85c00",
    "disputes": "#8e3b96",
}
UNSOURCED = QT_TRANSLATE_NOOP("Reports", "Unsourced")
ROLE_NAMES = {"reports": QT_TRANSLATE_NOOP("Reports", "reports"),
              "confirms": QT_TRANSLATE_NOOP("Reports", "confirms"),
              "claims": QT_TRANSLATE_NOOP("Reports", "claims"),
              "disputes": QT_TRANSLATE_NOOP("Reports", "disputes")}
UNSOURCED_BACKGROUND = "#fbe3e0"
COLUMNS = (QT_TRANSLATE_NOOP("Reports", "Change / report"), QT_TRANSLATE_NOOP("Reports", "Role"),
           QT_TRANSLATE_NOOP("Reports", "Grade"))


ROLE_SENTENCES = {   # %2 the change's time, %3 its layer
    "reports": QT_TRANSLATE_NOOP("Reports", "Reports the change of %2 · %3"),
    "confirms": QT_TRANSLATE_NOOP("Reports", "Confirms the change of %2 · %3"),
    "claims": QT_TRANSLATE_NOOP("Reports", "Claims the change of %2 · %3"),
    "disputes": QT_TRANSLATE_NOOP("Reports", "Disputes the change of %2 · %3"),
}


def role_name(role: str) -> str:
    return translate("Reports", ROLE_NAMES[role]) if role in ROLE_NAMES else role


def grade_text(grade) -> str:
    """``Reliability B2: usually reliable; probably true``, translated."""
    return fill(translate("Reports", "Reliability %1: %2"), grade.code,
                core_text(grade.described))


def one_line(text: str, limit: int | None = None) -> str:
    """Text from the file as one safe line (bounded: a title by default)."""
    return safe_line(text) if limit is None else safe_line(text, limit)


MEASURING = QT_TRANSLATE_NOOP("Reports", "measuring its km² and regions…")
NOT_MEASURED = QT_TRANSLATE_NOOP("Reports", "its km² and regions could not be measured "
                                            "(see the log)")


def km2_text(gained: float, lost: float) -> str:
    """"+33.5 km²", "−2.0 km²", "+1.2 km² / −<0.1 km²": only what actually moved, and
    never a "0.0" for an area that is there but smaller than the shown precision."""
    parts = [_signed_km2("+", gained), _signed_km2("−", lost)]
    return " / ".join(p for p in parts if p) or translate("Reports", "no area")


def _signed_km2(sign: str, km2: float) -> str:
    if km2 <= 0:
        return ""
    return f"{sign}<{format_km2(0.1)}" if km2 < 0.05 else sign + format_km2(km2)


def change_text(change: Change, layer_name: str, figures: tuple[tuple[float, float], list[str]]
                | str, unsourced: bool) -> str:
    """``figures``: (gained and lost km², names of the regions touched), or the reason
    there are none yet."""
    first = f"{format_time(change.at)} · {one_line(layer_name)}"
    if isinstance(figures, str):
        second = translate("Reports", figures)
    else:
        km2, regions = figures
        second = km2_text(*km2) + (" · " + one_line(", ".join(regions)) if regions else "")
    unsourced_mark = " · " + translate("Reports", UNSOURCED) if unsourced else ""
    return f"{first}{unsourced_mark}\n{second}"


def report_text(report: Report) -> str:
    return f"{one_line(report.source)} · {format_day(report.published)}\n{one_line(report.title)}"


def change_item(change: Change, text: str, n_reports: int) -> QTreeWidgetItem:
    """A change row; its text spans all columns (see ``first column spanned``)."""
    item = QTreeWidgetItem([text, "", ""])
    item.setData(0, KIND, "change")
    item.setData(0, CHANGE_ID, change.id)
    if n_reports == 0:
        for col in range(len(COLUMNS)):
            item.setBackground(col, QBrush(QColor(UNSOURCED_BACKGROUND)))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setToolTip(0, plain_tooltip(text + "\n" + translate(
            "Reports", "Unsourced: no report backs this change")))
    else:
        item.setToolTip(0, plain_tooltip(text + "\n" + (
            translate("Reports", "1 report behind it") if n_reports == 1
            else plural(n_reports, translate("Reports", "%n reports behind it", "one"),
                 translate("Reports", "%n reports behind it", "few"),
                 translate("Reports", "%n reports behind it", "many")))))
    return item


def report_item(report: Report, roles: list[str], change_id: str | None) -> QTreeWidgetItem:
    """A report row; ``roles`` are its link roles (one under a change, maybe several
    in the list of all reports)."""
    item = QTreeWidgetItem([report_text(report), "", report.reliability.code])
    item.setData(0, KIND, "report")
    item.setData(0, REPORT_ID, report.id)
    item.setData(0, CHANGE_ID, change_id)
    item.setToolTip(0, plain_tooltip(f"{one_line(report.source)}\n{one_line(report.title)}"))
    item.setToolTip(2, grade_text(report.reliability))
    item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
    if roles:
        item.setText(1, ", ".join(role_name(r) for r in roles))
        item.setData(1, BADGE, ROLE_COLOURS[roles[0]])
        item.setToolTip(1, translate("Reports", "How this report relates to the change"))
    else:
        item.setText(1, translate("Reports", "no change"))
        item.setToolTip(1, translate("Reports", "This report is linked to no change"))
    return item


def _dangling(n: int, what: str) -> list[str]:
    if not n:
        return []
    if what == "reports":
        if n == 1:
            return [translate("Reports", "1 link to a report not in this file (ignored).")]
        return [plural(n, translate("Reports", "%n links to reports not in this file (ignored).",
                                    "one"),
                       translate("Reports", "%n links to reports not in this file (ignored).",
                                 "few"),
                       translate("Reports", "%n links to reports not in this file (ignored).",
                                 "many"))]
    if n == 1:
        return [translate("Reports", "1 link to a change not in this file (ignored).")]
    return [plural(n, translate("Reports", "%n links to changes not in this file (ignored).",
                                "one"),
                   translate("Reports", "%n links to changes not in this file (ignored).", "few"),
                   translate("Reports", "%n links to changes not in this file (ignored).",
                             "many"))]


def change_details(change: Change, layer_name: str,
                   figures: tuple[tuple[float, float], list[str]] | str,
                   reports: list[tuple[Report, str]], dangling: int = 0) -> str:
    """``figures`` as for change_text; ``dangling``: links naming this change and a
    report the file does not hold."""
    lines = [f"{format_time(change.at)} · {one_line(layer_name)}"]
    if isinstance(figures, str):
        lines.append(translate("Reports", figures))
    else:
        km2, regions = figures
        lines += [fill(translate("Reports", "Gained %1, lost %2"), format_km2(km2[0]),
                       format_km2(km2[1])),
                  fill(translate("Reports", "Regions: %1"), one_line(", ".join(regions), LINE_LIMIT)
                       if regions else translate("Reports", "none"))]
    if reports:
        lines.append(fill(translate("Reports", "Reports: %1"), len(reports)))
        lines += [f"  {role_name(role)}: {one_line(r.source)} · {format_day(r.published)} · "
                  f"{one_line(r.title)}" for r, role in reports]
    else:
        lines.append(translate("Reports", "Unsourced: no report backs this change."))
    return "\n".join(lines + _dangling(dangling, "reports"))


def report_details(report: Report, links: list[tuple[Change, str, str]],
                   dangling: int = 0) -> str:
    """``links``: (change, role, layer name) for each change the report speaks of;
    ``dangling``: links of this report to changes the file does not hold."""
    grade = report.reliability
    lines = [one_line(report.title, LINE_LIMIT),
             fill(translate("Reports", "%1 · published %2"), one_line(report.source),
                  format_time(report.published)),
             grade_text(grade)]
    lines += [fill(translate("Reports", ROLE_SENTENCES.get(role, "%1: the change of %2 · %3")),
                   role, format_time(c.at), one_line(layer)) for c, role, layer in links]
    if not links:
        lines.append(translate("Reports", "Linked to no change."))
    lines += _dangling(dangling, "changes")
    lines.append(link_line(report.url))
    if report.summary:
        lines += ["", safe_block(report.summary)]
    return "\n".join(lines)


class Describer:
    """Builds the items and texts for one situation. The changes' km² and regions are
    looked up in measured region figures (``regions.complete``), never computed here:
    building a row is on the time step's path."""

    def __init__(self, situation: Situation, regions: RegionAttribution | None,
                 failed: bool = False):
        self.situation = situation
        self.regions = regions if regions is not None and regions.complete else None
        self.failed = failed
        lang = current_language()
        self._names = {r.id: r.name_in(lang) for r in situation.regions}

    def figures(self, change: Change) -> tuple[tuple[float, float], list[str]] | str:
        """(gained and lost km², names of the regions touched, largest share first), or
        why they are not there."""
        if self.regions is None:
            return NOT_MEASURED if self.failed else MEASURING
        figures: ChangeFigures = self.regions.change(change)
        return ((figures.gained_km2, figures.lost_km2),
                [self._names[rid] for rid in figures.by_region])

    def layer_name(self, change: Change) -> str:
        return self.situation.layer(change.layer_id).name

    def change_row(self, c: Change) -> QTreeWidgetItem:
        """A change with its reports as children."""
        reports = self.situation.reports_for(c.id)
        text = change_text(c, self.layer_name(c), self.figures(c), unsourced=not reports)
        item = change_item(c, text, len(reports))
        item.addChildren([report_item(r, [role], c.id) for r, role in reports])
        return item

    def report_row(self, report: Report) -> QTreeWidgetItem:
        """A report in the list of all reports, with its distinct roles."""
        roles = dict.fromkeys(role for _, role in self.situation.changes_for(report.id))
        return report_item(report, list(roles), None)

    def change_details(self, change_id: str) -> str:
        c = self.situation.change(change_id)
        dangling = sum(link.change_id == c.id for link in self.situation.dangling_links())
        return change_details(c, self.layer_name(c), self.figures(c),
                              self.situation.reports_for(c.id), dangling)

    def report_details(self, report_id: str) -> str:
        r = self.situation.report(report_id)
        links = [(c, role, self.layer_name(c)) for c, role in self.situation.changes_for(r.id)]
        dangling = sum(link.report_id == r.id for link in self.situation.dangling_links())
        copies = [copy_line(a) for a in self.situation.attachments_of(r.id)]
        return report_details(r, links, dangling) + "".join(
            "\n" + fill(translate("Reports", "Source copy: %1"), c) for c in copies)
