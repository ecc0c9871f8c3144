"""Write a situation's reports and their links as the table reports_table reads back:
CSV (comma-separated, every cell quoted, UTF-8) or JSON (a list of objects).

One row per link (``change_id`` and ``role``), a report on each of its rows with the same
values; a report linked to nothing is one row with an empty ``change_id``. Links naming
a change or report the file does not hold are written too (they read back as the same
dangling links). Written atomically (viewer.io.atomic).

What reads back differently, by reports_table's own rules: text is stripped of leading
and trailing white space, a URL that is not http(s) is left out, and an empty language
reads as "en". Everything else reads back exactly (JSON escapes every non-ASCII
character, so bidi overrides and controls travel as JSON escapes).
"""

from __future__ import annotations

import csv
import io
import json
import os

from viewer.io.atomic import write_bytes
from viewer.model import Situation
from viewer.model.report import Report
from viewer.model.times import iso_z

COLUMNS = ("id", "published", "source", "title", "url", "summary", "language", "grade",
           "role", "change_id")


def report_rows(situation: Situation) -> list[dict[str, str]]:
    """The table's rows: reports oldest first, each followed by its links."""
    rows = []
    for report in sorted(situation.reports, key=lambda r: (r.published, r.id)):
        links = [k for k in situation.links if k.report_id == report.id]
        for link in links or [None]:
            rows.append(_row(report, link.role if link else "", link.change_id if link else ""))
    return rows


def _row(report: Report, role: str, change_id: str) -> dict[str, str]:
    return {"id": report.id, "published": iso_z(report.published), "source": report.source,
            "title": report.title, "url": report.url, "summary": report.summary,
            "language": report.language, "grade": report.reliability.code,
            "role": role, "change_id": change_id}


def reports_csv(situation: Situation) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(report_rows(situation))
    return out.getvalue().encode("utf-8")


def reports_json(situation: Situation) -> bytes:
    rows = [{k: v for k, v in row.items() if v != "" or k in ("id", "published")}
            for row in report_rows(situation)]
    return (json.dumps(rows, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def export_reports(situation: Situation, path: str | os.PathLike) -> int:
    """Write the table to ``path`` (``.json``: JSON, else CSV); the number of rows.
    Raises SituationError when the file can't be written."""
    data = (reports_json if os.fspath(path).lower().endswith(".json") else reports_csv)(
        situation)
    write_bytes(path, data)
    return len(report_rows(situation))
