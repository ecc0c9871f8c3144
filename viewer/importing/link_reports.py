"""Resolve the links a reports table asks for (viewer.io.foreign.reports_table.LinkSpec) against a
situation's changes.

- by change id: that change (a change the situation lacks is kept as a dangling link,
  which the file format allows, and warned about);
- by layer + time: the layer's change at that time, or every change of the layer during
  that UTC day when only a date was given (the layer named by id or name);
- by region + window: every change touching the region (by id or name, any language)
  with t0 <= time < t1.

A request that resolves to no change is never dropped silently: it is a warning.
"""

from __future__ import annotations

from datetime import timedelta

from viewer.analysis.region_attribution import RegionAttribution
from viewer.io.errors import SituationError
from viewer.model import Change, Link, Region, Situation, iso_z
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message
from viewer.importing.notes import in_file


def resolve_links(situation: Situation, specs: list, known_reports: set[str] | None = None
                  ) -> tuple[list[Link], list[Message]]:
    """The links ``specs`` ask for and one warning per request that found no change."""
    known_reports = {r.id for r in situation.reports} if known_reports is None else known_reports
    links: list[Link] = []
    warnings: list[Message] = []
    changes = situation.changes
    change_ids = {c.id for c in changes}
    indexes: dict[str, RegionAttribution] = {}
    for spec in specs:
        what = _describe(spec)
        if spec.report_id not in known_reports:
            warnings.append(message(QT_TRANSLATE_NOOP("Core", "report %1: %2: no such report"),
                                    spec.report_id, what))
            continue
        if spec.change_id:
            if spec.change_id not in change_ids:
                warnings.append(message(QT_TRANSLATE_NOOP(
                    "Core", "report %1: no change %2 (kept as a dangling link)"),
                    spec.report_id, spec.change_id))
            links.append(Link(spec.change_id, spec.report_id, spec.role))
            continue
        if spec.layer:
            found, problem = _by_layer(situation, changes, spec)
        else:
            found, problem = _by_region(situation, changes, spec, indexes)
        if not found:
            warnings.append(message(QT_TRANSLATE_NOOP("Core", "report %1: %2: %3"),
                                    spec.report_id, what, problem))
        links.extend(Link(c.id, spec.report_id, spec.role) for c in found)
    return _unique(links), warnings


def add_reports(situation: Situation, path: str) -> list[Message]:
    """Add the reports of the table at ``path`` and the links they ask for; warnings."""
    from viewer.io.foreign.reports_table import read_reports_table
    table = read_reports_table(path)
    have = {r.id: r for r in situation.reports}
    for report in table.reports:
        if report.id in have and have[report.id] != report:
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "report %1 differs from the report with that id already in the situation"),
                repr(report.id)))
        if report.id not in have:
            situation.reports.append(report)
    links, warnings = resolve_links(situation, table.link_specs)
    known = {(l.change_id, l.report_id, l.role) for l in situation.links}
    situation.links.extend(l for l in links if (l.change_id, l.report_id, l.role) not in known)
    situation.reindex()
    return [in_file(table.source, w) for w in table.warnings + warnings]


def _describe(spec) -> Message:
    if spec.change_id:
        return message(QT_TRANSLATE_NOOP("Core", "change %1"), spec.change_id)
    if spec.layer:
        when = spec.at.date().isoformat() if spec.date_only else iso_z(spec.at)
        return message(QT_TRANSLATE_NOOP("Core", "layer %1 at %2"), repr(spec.layer), when)
    return message(QT_TRANSLATE_NOOP("Core", "region %1 from %2 to %3"), repr(spec.region),
                   iso_z(spec.t0), iso_z(spec.t1))


def _by_layer(situation: Situation, changes: list[Change], spec
              ) -> tuple[list[Change], Message]:
    wanted = spec.layer.strip().casefold()
    layers = [l for l in situation.layers
              if l.id.casefold() == wanted or l.name.strip().casefold() == wanted]
    if not layers:
        return [], message(QT_TRANSLATE_NOOP("Core", "no such layer"))
    ids = {l.id for l in layers}
    end = spec.at + timedelta(days=1) if spec.date_only else None
    found = [c for c in changes if c.layer_id in ids and (
        spec.at <= c.at < end if end else c.at == spec.at)]
    return found, message(QT_TRANSLATE_NOOP("Core", "the layer has no change then"))


def _by_region(situation: Situation, changes: list[Change], spec,
               indexes: dict[str, RegionAttribution]) -> tuple[list[Change], Message]:
    region = find_region(situation.regions, spec.region)
    if region is None:
        return [], message(QT_TRANSLATE_NOOP("Core", "no such region"))
    index = indexes.setdefault(region.id, RegionAttribution(situation, [region]))
    during = [c for c in changes if spec.t0 <= c.at < spec.t1]
    index.measure_changes(during)                       # all at once: vectorised
    found = [c for c in during if index.change_km2(c)]
    return found, message(QT_TRANSLATE_NOOP("Core", "no change touches that region then"))


def find_region(regions: list[Region], text: str) -> Region | None:
    """The region whose id or name (in any language) is ``text``, ignoring case."""
    wanted = (text or "").strip().casefold()
    for region in regions:
        if region.id.casefold() == wanted or any(
                n.strip().casefold() == wanted for n in region.names.values()):
            return region
    return None


def _unique(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        key = (link.change_id, link.report_id, link.role)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out
