"""Hostile report text in the real reports panel and in exported maps: markup stays
literal and inert, only http(s) links open and only on the user's click, huge text is
cut, bidi overrides and control characters are made visible.

The rules are in docs/fuzzing.md ("Rules the hostile-input tests pin down").
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QWidget
from shapely.geometry import box

from fuzz_harness import keep_hypothesis_out_of_the_tree
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import (History, Layer, Link, Region, Report, Situation, SituationMeta,
                          parse_time)
from viewer.model.cursor import TimeCursor
from viewer.model.selection import Selection
from viewer.model.text import BLOCK_LIMIT, LINE_LIMIT, TITLE_LIMIT
from viewer.ui import report_items as ri
from viewer.ui.reports_panel import ReportsPanel

keep_hypothesis_out_of_the_tree()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1"))
T = parse_time
CHANGE = "front@2025-06-05T00:00:00Z"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=http://example.org/x.png>"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
MB = 1_000_000


def hostile_situation(title=SCRIPT, source=IMG, url="https://example.org/ok",
                      summary="<b>bold</b> <a href='javascript:alert(1)'>x</a>",
                      name=f"<i>{SCRIPT}</i>") -> Situation:
    front = History.from_states("front", [(T("2025-06-01"), box(0, 0, 0.5, 1)),
                                          (T("2025-06-05"), box(0, 0, 0.8, 1))])
    reports = [Report("r1", T("2025-06-05T18:00"), source, title, url, summary),
               Report("r2", T("2025-06-06"), "Plain", "Plain", "")]
    links = [Link(CHANGE, "r1", "reports"), Link(CHANGE, "r2", "confirms"),
             Link("front@1999-01-01T00:00:00Z", "r1", "claims"),      # dangling
             Link(CHANGE, "gone", "disputes")]                        # dangling
    return Situation(SituationMeta(title=title, attributions=[source]),
                     [Region("W", {"en": name, "uk": name}, box(0, 0, 1, 1))], [],
                     [Layer("front", name, "assessed-control", front)], reports, links)


@pytest.fixture
def panel_for(qtbot):
    hosts = []

    def make(situation: Situation) -> ReportsPanel:
        cursor = TimeCursor(situation.start, T("2025-06-25"), [c.at for c in situation.changes])
        cursor.set_time(T("2025-06-07"))
        host = QWidget()            # no layout: see tests/test_ui_reports.py
        qtbot.addWidget(host)
        panel = ReportsPanel(situation, cursor, Selection(),
                             RegionAttribution(situation).measure_all(), host)
        panel.resize(520, 700)
        host.resize(520, 700)
        host.show()
        qtbot.waitExposed(host)
        hosts.append(host)
        return panel
    yield make
    for host in hosts:
        host.close()
        host.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class UrlRecorder(QObject):
    """Receives every QDesktopServices.openUrl call for the schemes it is set up for."""

    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


SCHEMES = ("http", "https", "javascript", "file", "data", "ftp", "vbscript")


@pytest.fixture
def opened():
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder.opened
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def report_rows(panel):
    change = panel.window_tree.topLevelItem(0)
    return change, [change.child(i) for i in range(change.childCount())]


def click(tree, item, qtbot, double=False):
    tree.scrollToItem(item)
    pos = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def tooltip_document(tip: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(tip) if GuiQt.mightBeRichText(tip) else doc.setPlainText(tip)
    return doc


def images_in(doc: QTextDocument) -> int:
    count, block = 0, doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            count += it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    return count


# -- markup is literal and inert -------------------------------------------------------------
def test_markup_is_shown_literally_in_items_tooltips_and_details(panel_for, qtbot, opened):
    panel = panel_for(hostile_situation())
    change, (r1, _) = report_rows(panel)
    assert r1.text(0) == f"{IMG} · 5 Jun 2025\n{SCRIPT}"
    assert f"<i>{SCRIPT}</i>" in change.text(0)                 # the layer name
    for item in (change, r1):
        doc = tooltip_document(item.toolTip(0))
        assert SCRIPT in doc.toPlainText() and images_in(doc) == 0
    click(panel.window_tree, r1, qtbot)
    details = panel.details.text.toPlainText()
    assert details.startswith(f"{SCRIPT}\n{IMG} · published")
    assert "<b>bold</b> <a href='javascript:alert(1)'>x</a>" in details
    assert panel.details.link.textFormat() == Qt.TextFormat.PlainText
    assert images_in(tooltip_document(panel.details.link.toolTip())) == 0
    all_row = panel.all_tree.topLevelItem(0)
    assert SCRIPT in all_row.text(0) and images_in(tooltip_document(all_row.toolTip(0))) == 0
    assert opened == []


def test_an_img_pointing_at_a_local_file_is_never_loaded(panel_for, tmp_path):
    from PySide6.QtGui import QImage
    picture = tmp_path / "probe.png"
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(picture))
    tag = f'<img src="{QUrl.fromLocalFile(str(picture)).toString()}">'
    panel = panel_for(hostile_situation(title=tag, source=tag))
    _, (r1, _) = report_rows(panel)
    doc = tooltip_document(r1.toolTip(0))
    assert images_in(doc) == 0 and doc.toPlainText() == f"{tag}\n{tag}"


def test_exported_svg_keeps_text_literal_and_valid(qapp, tmp_path):
    from viewer.render.headless import render_headless
    evil = f"{SCRIPT} {IMG} a\x00b\x1bc \ufffe {BIDI}"
    situation = hostile_situation(title=evil, source=evil, name=evil)
    out = tmp_path / "map.svg"
    render_headless(situation, out, at=T("2025-06-07"), size=(500, 400))
    root = ET.parse(out).getroot()                    # well-formed: no raw control chars
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert not tags & {"script", "image", "foreignObject", "a", "iframe"}
    text = " ".join(el.text or "" for el in root.iter())
    assert SCRIPT in text and "a␀b␛c" in text and "[U+202E]" in text
    assert not set(BIDI) & set(text)


# -- links -----------------------------------------------------------------------------
NOT_WEB = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
           "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
           "https:javascript:alert(1)", "http:///etc/passwd", "ftp://example.org/x",
           "//example.org/x", "example.org", "vbscript:msgbox(1)",
           "https://example.org/\u202egpj.exe", "https://exa mple.org",
           "http://example.org\n.evil", "https://example.org/" + "a" * LINE_LIMIT]


@pytest.mark.parametrize("url", NOT_WEB)
def test_links_other_than_http_are_never_offered(panel_for, qtbot, opened, url):
    panel = panel_for(hostile_situation(url=url))
    _, (r1, _) = report_rows(panel)
    click(panel.window_tree, r1, qtbot)
    view = panel.details
    assert not view.open_button.isEnabled() and view.copy_button.isEnabled()
    menu = panel.menu_for(panel.window_tree, panel.window_tree.visualItemRect(r1).center())
    copy, open_link = menu.actions()
    assert copy.isEnabled() and not open_link.isEnabled()
    assert "not a web link" in view.text.toPlainText()
    assert view.link.textFormat() == Qt.TextFormat.PlainText
    assert not set(BIDI) & set(view.link.text()) and "\n" not in view.link.text()
    view.open_link()                         # even called directly: refused
    open_link.trigger()
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened == []
    copy.trigger()                           # copying the text is allowed
    assert QGuiApplication.clipboard().text() == view.link.text()


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=%3Cx%3E#top",
                                 "HTTP://EXAMPLE.ORG/", "http://[::1]:8080/x"])
def test_web_links_open_only_on_the_users_click(panel_for, qtbot, opened, url):
    panel = panel_for(hostile_situation(url=url))
    change, (r1, _) = report_rows(panel)
    click(panel.window_tree, r1, qtbot, double=True)          # select, then double-click
    qtbot.keyClick(panel.window_tree, Qt.Key.Key_Return)      # activate
    panel.tabs.setCurrentWidget(panel.all_tree)
    click(panel.all_tree, panel.all_tree.topLevelItem(0), qtbot, double=True)
    assert opened == [] and panel.details.open_button.isEnabled()
    assert "not a web link" not in panel.details.text.toPlainText()
    qtbot.mouseClick(panel.details.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and QUrl(opened[0]) == QUrl(url)


# -- size, bidi, controls ------------------------------------------------------------------
def test_megabyte_text_is_cut_and_the_panel_stays_quick(panel_for, qtbot):
    started = time.perf_counter()
    panel = panel_for(hostile_situation(title="T" * MB, source="S " * MB, summary="x" * 5 * MB,
                                        url="https://example.org/" + "u" * MB, name="N" * MB))
    change, (r1, _) = report_rows(panel)
    click(panel.window_tree, r1, qtbot)
    assert time.perf_counter() - started < 10          # (about 0.1 s here)
    assert len(r1.text(0)) <= 2 * TITLE_LIMIT + 20 and r1.text(0).endswith("…")
    assert len(change.text(0)) <= 2 * TITLE_LIMIT + 60
    assert len(r1.toolTip(0)) <= 2 * TITLE_LIMIT + 60
    assert len(panel.details.text.toPlainText()) <= BLOCK_LIMIT + 3 * LINE_LIMIT + 500
    assert len(panel.details.link.text()) <= LINE_LIMIT
    assert not panel.details.open_button.isEnabled()    # a megabyte URL is not opened


def test_bidi_overrides_and_controls_are_made_visible(panel_for, qtbot):
    title = "invoice\u202efdp.exe \u2066isolated\u2069"
    source = "tab\there nul\x00 esc\x1b[31m bell\x07 del\x7f c1\x85\x9b end"
    panel = panel_for(hostile_situation(title=title, source=source, summary=f"{title}\n{source}"))
    _, (r1, _) = report_rows(panel)
    assert r1.text(0) == ("tab here nul␀ esc␛[31m bell␇ del␡ c1 [U+009B] end · 5 Jun 2025\n"
                          "invoice[U+202E]fdp.exe [U+2066]isolated[U+2069]")
    click(panel.window_tree, r1, qtbot)
    for text in (r1.toolTip(0), panel.details.text.toPlainText()):
        assert not set(BIDI) & set(text)
        assert not any(ord(c) < 32 and c != "\n" for c in text)


def test_dangling_links_are_counted_in_the_details(panel_for, qtbot):
    panel = panel_for(hostile_situation())
    change, (r1, _) = report_rows(panel)
    assert [i.data(0, ri.REPORT_ID) for i in (r1, change.child(1))] == ["r1", "r2"]
    click(panel.window_tree, r1, qtbot)
    assert "1 link to a change not in this file (ignored)." in panel.details.text.toPlainText()
    click(panel.window_tree, change, qtbot)
    assert "1 link to a report not in this file (ignored)." in panel.details.text.toPlainText()


# -- random text through the panel's text builders -----------------------------------------
any_text = st.text(st.characters(), max_size=3000)


@settings(max_examples=150 * EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=any_text, source=any_text, summary=any_text, url=any_text)
def test_any_report_text_comes_out_bounded_visible_and_plain(qapp, title, source, summary,
                                                             url):
    report = Report("r", T("2025-06-05"), source, title, url, summary)
    item = ri.report_item(report, ["claims"], "c")
    details = ri.report_details(report, [])
    for text in (item.text(0), details):
        assert not set(BIDI) & set(text)
        assert all(c == "\n" or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) for c in text)
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert len(item.text(0)) <= 2 * TITLE_LIMIT + 20
    assert len(details) <= BLOCK_LIMIT + LINE_LIMIT * 2 + 300
    doc = tooltip_document(item.toolTip(0))
    assert images_in(doc) == 0
    assert doc.toPlainText().replace("\u2029", "\n") == \
        f"{ri.one_line(source)}\n{ri.one_line(title)}"
