"""Read a table of reports (CSV with a header row, or a JSON list of objects) and the
links each asks for; the import pipeline resolves the links against the layers' changes.

Columns (any letter case; CSV separated by ``,``, ``;`` or tab): ``id`` and
``published`` (required), ``source``, ``title``, ``url`` (http/https only), ``summary``,
``language`` (default en), ``reliability`` A-F and ``credibility`` 1-6 or a combined
``grade`` such as B2 (default F6). Links: ``change_id`` (one or several separated by
``;``), or ``layer`` + ``date``, or ``region`` + ``from`` + ``to``; ``role`` one of
reports/confirms/claims/disputes (default reports). A report may repeat on several rows
to add links. Text is plain text, never interpreted as HTML. A bad row is skipped with a
warning naming it ("row 4: published: not a date ..."; CSV rows count the header as
row 1, JSON items count from 1); a table with no usable row is refused.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from viewer.io.errors import SituationError, UnusablePart, reason
from viewer.io.files import MB, read_text_limited
from viewer.model.report import ROLES, Reliability, Report
from viewer.model.times import parse_time, shifted
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

MAX_TABLE_BYTES = 64 * MB
TEXT = ("source", "title", "url", "summary", "language")
LINKS = ("change_id", "layer", "date", "region", "from", "to", "role")
COLUMNS = ("id", "published", *TEXT, "reliability", "credibility", "grade", *LINKS)
ALIASES = {"report_id": "id", "date_published": "published"}


@dataclass(frozen=True)
class LinkSpec:
    """A link a report row asks for, by one of three targets:

    - ``change_id``: that change;
    - ``layer`` + ``at``: that layer's change at ``at`` (``date_only``: the row gave a
      date without a time, so any change of the layer during that UTC day);
    - ``region`` + ``t0`` + ``t1``: every change touching that region with
      ``t0 <= change time < t1`` (a date-only ``to`` is the end of that day).
    """

    report_id: str
    role: str = "reports"
    change_id: str | None = None
    layer: str | None = None
    at: datetime | None = None
    date_only: bool = False
    region: str | None = None
    t0: datetime | None = None
    t1: datetime | None = None


@dataclass
class ReportsTable:
    source: str
    reports: list[Report] = field(default_factory=list)
    link_specs: list[LinkSpec] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)   # in the interface language


def read_reports_table(path: str | os.PathLike) -> ReportsTable:
    """Reports and link requests of the CSV or JSON table at ``path``; raises only
    SituationError (for a file with no usable row too)."""
    path = os.fspath(path)
    text = read_text_limited(path, MAX_TABLE_BYTES)
    table = ReportsTable(path)
    is_json = path.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{")
    rows = _json_rows(path, text) if is_json else _csv_rows(path, text)
    unknown = sorted({k for _, row in rows if isinstance(row, dict) for k in row
                      if k not in COLUMNS})
    if unknown:
        table.warnings.append(message(QT_TRANSLATE_NOOP("Core", "ignored columns: %1"),
                                      ", ".join(unknown)))
    seen: dict[str, tuple[Report, Message]] = {}
    for label, row in rows:
        try:
            report, links, notes = _parse(label, row)
        except UnusablePart as exc:
            table.warnings.append(_said(exc.place, exc.message))
            continue
        if report.id in seen and seen[report.id][0] != report:
            table.warnings.append(_said(label, message(QT_TRANSLATE_NOOP(
                "Core", "id: %1 is already used by %2 with other values"),
                repr(report.id), seen[report.id][1])))
            continue
        table.warnings.extend(_said(label, note) for note in notes)
        if report.id not in seen:
            seen[report.id] = (report, label)
            table.reports.append(report)
        table.link_specs.extend(links)
    if not table.reports:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "no usable report rows (%1)"), table.warnings[-1]) if table.warnings
            else message(QT_TRANSLATE_NOOP("Core", "no usable report rows")))
    return table


def _said(label: Message, problem: Message | str) -> Message:
    """``<row label>: <problem>`` (``row 4: published: empty``)."""
    return message(QT_TRANSLATE_NOOP("Core", "%1: %2"), label, problem)


def _row(n: int) -> Message:
    """A CSV row's label, ``row N`` (the header is row 1)."""
    return message(QT_TRANSLATE_NOOP("Core", "row %1"), n)


def _csv_rows(path: str, text: str) -> list[tuple[Message, dict | Message]]:
    """(row label, cells by column or the row's problem) for every non-blank row."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=lambda d: sum(_key(c) in COLUMNS for c in first.split(d)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [_key(c) for c in next(reader, [])]
        _require(path, header)
        rows = []
        for n, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            rows.append((_row(n), dict(zip(header, cells)) if len(cells) <= len(header)
                         else message(QT_TRANSLATE_NOOP("Core", "%1 cells for %2 columns"),
                                      len(cells), len(header))))
    except csv.Error as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a readable CSV table (line %1: %2)"), reader.line_num, exc)) from None
    return rows


def _json_rows(path: str, text: str) -> list[tuple[Message, dict | Message]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not valid JSON: %1 (line %2, column %3)"), exc.msg, exc.lineno, exc.colno)) from None
    except RecursionError:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not usable JSON: nested too deeply"))) from None
    if isinstance(doc, dict) and isinstance(doc.get("reports"), list):
        doc = doc["reports"]
    if not isinstance(doc, list):
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a reports table: expected a JSON list of objects")))
    rows = [(message(QT_TRANSLATE_NOOP("Core", "item %1"), n),
             {_key(k): v for k, v in item.items()} if isinstance(item, dict)
             else message(QT_TRANSLATE_NOOP("Core", "not a JSON object")))
            for n, item in enumerate(doc, start=1)]
    _require(path, sorted({k for _, row in rows if isinstance(row, dict) for k in row}))
    return rows


def _key(name: str) -> str:
    key = str(name).strip().lstrip("\ufeff").lower()
    return ALIASES.get(key, key)


def _require(path: str, columns: list[str]) -> None:
    missing = [c for c in ("id", "published") if c not in columns]
    if missing:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "not a reports table: no %1 column (columns: %2)"),
            ' or '.join(missing), ', '.join(columns)))


def _parse(label: Message, row: dict | Message) -> tuple[Report, list[LinkSpec],
                                                         list[Message]]:
    """The row's report, its links and notes on what was left out; UnusablePart naming
    the row (``label``) if it is bad."""
    if isinstance(row, Message):
        raise UnusablePart(label, row)
    v = {k: _text(label, k, row.get(k)) for k in COLUMNS}
    if not v["id"]:
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "id: empty")))
    published = _time(label, v, "published")
    notes, url = [], v["url"]
    if url and not url.lower().startswith(("http://", "https://")):
        notes.append(message(QT_TRANSLATE_NOOP(
            "Core", "url: not an http(s) address, left out")))
        url = ""
    report = Report(v["id"], published, v["source"], v["title"], url, v["summary"],
                    v["language"] or "en", _reliability(label, v))
    return report, _links(label, v), notes


def _reliability(label: Message, v: dict[str, str]) -> Reliability:
    code = v["grade"] or (v["reliability"] if len(v["reliability"]) == 2 else "")
    cred = v["credibility"].removesuffix(".0")
    if not code and cred and not (cred.isascii() and cred.isdigit()):
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "reliability: information credibility must be 1-6, got %1"), repr(cred)))
    try:
        if code:
            return Reliability.from_code(code)
        return Reliability(v["reliability"].upper() or "F", int(cred or 6))
    except ValueError as exc:           # the model's own check of a grade
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "reliability: %1"), reason(exc))) from None


def _links(label: Message, v: dict[str, str]) -> list[LinkSpec]:
    role = v["role"].lower() or "reports"
    if role not in ROLES:
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "role: must be one of %1, got %2"), ', '.join(ROLES), repr(v['role'])))
    rid, links = v["id"], []
    for cid in filter(None, (c.strip() for c in v["change_id"].split(";"))):
        links.append(LinkSpec(rid, role, change_id=cid))
    if v["layer"] or v["date"]:
        if not (v["layer"] and v["date"]):
            raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
                "Core", "a layer link needs both layer and date")))
        links.append(LinkSpec(rid, role, layer=v["layer"], at=_time(label, v, "date"),
                              date_only=len(v["date"]) <= 10))
    if v["region"] or v["from"] or v["to"]:
        if not (v["region"] and v["from"] and v["to"]):
            raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
                "Core", "a region link needs region, from and to")))
        t0, t1 = _time(label, v, "from"), _time(label, v, "to")
        t1 = shifted(t1, timedelta(days=1 if len(v["to"]) <= 10 else 0))  # (not past 9999)
        if t1 <= t0:
            raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
                "Core", "to: before from")))
        links.append(LinkSpec(rid, role, region=v["region"], t0=t0, t1=t1))
    return links


def _text(label: Message, column: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and column == "change_id" and all(
            isinstance(x, str) for x in value):
        return ";".join(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "%1: not text or a number"), column))
    return str(value).strip()


def _time(label: Message, v: dict[str, str], column: str) -> datetime:
    if not v[column]:
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "%1: empty"), column))
    try:
        return parse_time(v[column])
    except ValueError:                  # the model's own check of a date
        raise UnusablePart(label, message(QT_TRANSLATE_NOOP(
            "Core", "%1: not a date or time: %2"), column, repr(v[column][:60]))) \
            from None
