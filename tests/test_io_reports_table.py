"""Reports tables (CSV and JSON): report fields, grades, every link style, bad rows."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from viewer.io.errors import SituationError
from viewer.io.foreign.reports_table import LinkSpec, read_reports_table
from viewer.model import Reliability, Report, parse_time

HEADER = ("id,published,source,title,url,summary,reliability,credibility,grade,language,"
          "change_id,layer,date,region,from,to,role,notes")
ROWS = [
    "r1,2025-06-13T08:00Z,NYT,Troops entered,https://example.org/a,\"Small groups, officials "
    "say\",B,2,,,control@2025-06-13T00:00:00Z; claimed@2025-06-13T00:00:00Z,,,,,,,x",
    "r2,2025-06-13,ISW,<b>Map</b>,http://isw.example/m,,,,c3,en,,control,2025-06-13,,,,"
    "confirms,",
    "r3,2025-06-14T10:30+03:00,MoD,Claim,javascript:alert(1),More,,,,uk,,,,UA-12,2025-06-01,"
    "2025-06-14,claims,",
    "r4,not a date,X,Y,,,,,,,,,,,,,,",
    "r5,2025-06-15,X,Y,,,Z,1,,,,,,,,,,",
    "r6,2025-06-15,X,Y,,,,,,,,control,,,,,,",
    "r7,2025-06-15,X,Y,,,,,,,,,,,,,rumours,",
    ",,,,,,,,,,,,,,,,,",
    "r1,2025-06-13T08:00Z,NYT,Troops entered,https://example.org/a,\"Small groups, officials "
    "say\",B,2,,,,,,UA-23,2025-06-13T00:00Z,2025-06-14T00:00Z,disputes,",
    "r2,2025-06-20,ISW,Other,,,,,,,,,,,,,,",
    "r8,2025-06-16,X,Y,,,,,,,,,,,,,,,,",
]


def write(tmp_path, text, name="reports.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_every_field_link_style_and_bad_row(tmp_path):
    path = write(tmp_path, "\ufeff" + HEADER + "\r\n" + "\r\n".join(ROWS) + "\r\n")
    table = read_reports_table(path)
    assert table.source == str(path)
    assert table.reports == [
        Report("r1", parse_time("2025-06-13T08:00Z"), "NYT", "Troops entered",
               "https://example.org/a", "Small groups, officials say", "en", Reliability("B", 2)),
        Report("r2", parse_time("2025-06-13"), "ISW", "<b>Map</b>", "http://isw.example/m", "",
               "en", Reliability("C", 3)),
        Report("r3", parse_time("2025-06-14T07:30Z"), "MoD", "Claim", "", "More", "uk",
               Reliability("F", 6)),
    ]
    assert table.link_specs == [
        LinkSpec("r1", "reports", change_id="control@2025-06-13T00:00:00Z"),
        LinkSpec("r1", "reports", change_id="claimed@2025-06-13T00:00:00Z"),
        LinkSpec("r2", "confirms", layer="control", at=parse_time("2025-06-13"), date_only=True),
        LinkSpec("r3", "claims", region="UA-12", t0=parse_time("2025-06-01"),
                 t1=parse_time("2025-06-14") + timedelta(days=1)),
        LinkSpec("r1", "disputes", region="UA-23", t0=parse_time("2025-06-13"),
                 t1=parse_time("2025-06-14")),
    ]
    assert [str(w) for w in table.warnings] == [
        "ignored columns: notes",
        "row 4: url: not an http(s) address, left out",
        "row 5: published: not a date or time: 'not a date'",
        "row 6: reliability: source reliability must be A-F, got 'Z'",
        "row 7: a layer link needs both layer and date",
        "row 8: role: must be one of reports, confirms, claims, disputes, got 'rumours'",
        "row 11: id: 'r2' is already used by row 3 with other values",
        "row 12: 20 cells for 18 columns",
    ]


def test_semicolons_and_json_read_the_same(tmp_path):
    csv_text = "ID;Published;Title;Grade;Change_ID\nr1;2025-06-13;A title;B2;c1;c2\n"
    # c1;c2 in an unquoted cell of a ;-separated file is one cell too many
    table = read_reports_table(write(tmp_path, csv_text.replace("c1;c2", '"c1;c2"')))
    doc = [{"id": "r1", "published": "2025-06-13", "title": "A title", "grade": "B2",
            "change_id": ["c1", "c2"]}]
    from_json = read_reports_table(write(tmp_path, json.dumps(doc), "reports.json"))
    wrapped = read_reports_table(write(tmp_path, json.dumps({"reports": doc}), "r.data"))
    for t in (table, from_json, wrapped):
        assert t.reports == [Report("r1", parse_time("2025-06-13"), "", "A title",
                                    reliability=Reliability("B", 2))]
        assert [s.change_id for s in t.link_specs] == ["c1", "c2"] and t.warnings == []


def test_json_items_are_counted_from_one(tmp_path):
    doc = [{"id": "a", "published": "2025-06-13", "credibility": 2, "reliability": "A"},
           "nonsense", {"id": "b", "published": "2025-06-13", "title": {"x": 1}},
           {"id": "c", "published": "2025-06-13", "credibility": "two"}]
    table = read_reports_table(write(tmp_path, json.dumps(doc), "r.json"))
    assert [r.id for r in table.reports] == ["a"]
    assert table.reports[0].reliability == Reliability("A", 2)
    assert [str(w) for w in table.warnings] == [
        "item 2: not a JSON object", "item 3: title: not text or a number",
        "item 4: reliability: information credibility must be 1-6, got 'two'"]


@pytest.mark.parametrize("text, problem", [
    ("id,title\nr1,x\n", "not a reports table: no published column (columns: id, title)"),
    ("id,published\nr1,yesterday\n",
     "no usable report rows (row 2: published: not a date or time: 'yesterday')"),
    ("id,published\n", "no usable report rows"),
    ('id,published\nr1,"2025-06-13\n', "not a readable CSV table (line 2: unexpected end of data)"),
    ("[1, 2", "not valid JSON: Expecting ',' delimiter (line 1, column 6)"),
    ('{"a": 1}', "not a reports table: expected a JSON list of objects"),
    ("[" * 100000, "not usable JSON: nested too deeply"),
])
def test_unusable_tables_are_refused(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(SituationError) as err:
        read_reports_table(path)
    assert str(err.value) == f"{path}: {problem}"


def test_non_utf8_and_missing_file(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("id,published,title\nr1,2025-06-13,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(SituationError, match="not UTF-8 text"):
        read_reports_table(path)
    with pytest.raises(SituationError, match="no such file"):
        read_reports_table(tmp_path / "none.csv")
