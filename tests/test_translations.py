"""The Ukrainian interface: the committed .ts holds every text of the code, each one
translated with its placeholders; the committed .qm is what lrelease makes of the .ts;
Ukrainian numbers, dates and plurals; and the window in Ukrainian shows no English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget, QLabel, QMenu, QTableView,
                               QTabWidget, QTreeWidget, QWidget)

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "situation_viewer_uk.ts"
QM = I18N / "situation_viewer_uk.qm"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "packaging"))
import build_translations  # noqa: E402

# Latin words allowed in the Ukrainian interface (all else from the data).
ALLOWED = {
    "PNG", "SVG", "PDF", "GIF", "APNG", "WebP", "MP4", "CSV", "JSON", "HTML", "JPEG",  # formats
    "UTC",                          # the time zone every time is shown in
    "A", "B", "C", "D", "E", "F",   # Admiralty source grades (Latin in Ukrainian too)
    "Situation", "Viewer",          # the program's name
    "GeoPackage", "QGIS", "SQLite", "GeoNames", "http", "https",
    "Ctrl", "Shift", "Alt", "Space", "Left", "Right", "Home", "End", "Esc", "Del",
    "PgUp", "PgDown", "Ins", "Backspace", "Enter", "Return", "Tab", "F1", "F11",  # key names
    "B2", "A1", "F6",               # reliability codes
    "English",                      # View ▸ Language names each language in itself
    "GeoNames",                     # the settlements' source, named as it names itself
    "MGRS",                         # the grid reference system's own abbreviation
    "F",                            # Ctrl+F
}


def messages(path: Path) -> dict[tuple, ET.Element]:
    root = ET.parse(path).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            out[(name, m.findtext("source"), m.findtext("comment") or "")] = m
    return out


def test_the_ts_holds_every_translatable_text_of_the_code(tmp_path):
    """lupdate run on the code now, into a copy of the .ts, finds nothing new and
    nothing gone: a text added to the code without `build_translations.py` fails here."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-silent", *build_translations.sources(), "-ts", str(copy)],
                   cwd=ROOT, check=True)
    now, committed = messages(copy), messages(TS)
    assert sorted(set(now) - set(committed)) == [], "texts missing from the .ts"
    assert sorted(set(committed) - set(now)) == [], "texts in the .ts no longer in the code"
    assert len(now) > 200


def test_every_text_is_translated_with_its_placeholders():
    for (context, source, comment), m in messages(TS).items():
        translation = m.find("translation")
        assert translation.get("type") is None and translation.text, (context, source)
        placeholders = sorted(re.findall(r"%\d|%n", source))
        assert sorted(re.findall(r"%\d|%n", translation.text)) == placeholders, source
        assert source.count("&") - 2 * source.count("&&") <= 1
        if "&" in source and context == "MainWindow":        # menus keep a shortcut letter
            assert "&" in translation.text, source


def test_the_qm_is_built_from_the_committed_ts(tmp_path):
    """mtimes are not kept by git: build the .qm again and compare the bytes."""
    built = tmp_path / QM.name
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(built)],
                   check=True)
    assert built.read_bytes() == QM.read_bytes(), \
        "resources/i18n/*.qm is stale: run python packaging/build_translations.py"


@pytest.fixture
def ukrainian(qapp):
    from viewer.render.language import install_language
    install_language("uk")
    yield
    install_language("en")


def test_ukrainian_numbers_dates_and_plurals(ukrainian):
    from viewer.render.map_texts import highlight_texts
    from viewer.render.language import format_km2, format_long_date, plural_form
    assert format_long_date(datetime(2025, 8, 12, tzinfo=timezone.utc)) == "12 серпня 2025"
    assert format_km2(114508.94) == "114\u00a0508,9\u00a0км²"
    # CLDR's Ukrainian cardinal rules: one (1, 21, 101), few (2-4, 22), many (5-20, 11-14)
    assert [plural_form(n) for n in (1, 21, 101, 2, 4, 22, 5, 11, 12, 14, 20, 25)] == \
        [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2]
    assert highlight_texts(7) == ("Здобуто за останні 7 днів", "Втрачено за останні 7 днів")
    assert highlight_texts(21)[0] == "Здобуто за останній 21 день"
    assert highlight_texts(3)[1] == "Втрачено за останні 3 дні"
    assert highlight_texts(1)[0] == "Здобуто за останню добу"


def test_a_core_error_is_shown_in_ukrainian(ukrainian, tmp_path):
    from viewer.io.errors import SituationError
    from viewer.io.situation_file import read_situation
    from viewer.ui.plain_text import error_text
    missing = tmp_path / "gone.gpkg"
    with pytest.raises(SituationError) as caught:
        read_situation(missing)
    assert str(caught.value) == f"{missing}: no such file"           # the CLI's English
    assert error_text(caught.value) == f"{missing}: немає такого файлу"


def english_words(text: str, data: set[str]) -> list[str]:
    for name in sorted(data, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)       # a plain tooltip's own markup
    text = re.sub(r"\d{4}-\d\d-\d\d\S*|\S+\.(gpkg|png|svg|pdf)\b", " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text.replace("&", ""))
            if w not in ALLOWED]


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) of every menu, action, dock, tab, button, label and tooltip."""
    out = [("window title", window.windowTitle())]

    def walk_menu(menu: QMenu, path: str) -> None:
        out.append((path, menu.title()))
        for action in menu.actions():
            where = f"{path} ▸ {action.text()}"
            out.extend([(where, action.text()), (where + " tip", action.statusTip()),
                        (where + " tooltip", action.toolTip())])
            if action.menu() is not None:
                action.menu().aboutToShow.emit()          # fills Open Recent
                walk_menu(action.menu(), where)
    for action in window.menuBar().actions():
        walk_menu(action.menu(), action.text())
    for dock in window.findChildren(QDockWidget):
        out.append(("dock", dock.windowTitle()))
    for widget in window.findChildren(QWidget):
        name = f"{type(widget).__name__}({widget.objectName()})"
        out.append((name + " tooltip", widget.toolTip()))
        if isinstance(widget, (QAbstractButton, QLabel)):
            out.append((name, widget.text()))
        if isinstance(widget, QTabWidget):
            out += [(name, widget.tabText(i)) for i in range(widget.count())]
        header = getattr(widget, "headerItem", None)
        if callable(header):
            item = header()
            out += [(name + " header", item.text(i)) for i in range(item.columnCount())]
        if isinstance(widget, QComboBox):
            out += [(name + " item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTableView):          # headings, their tips and the first rows
            model = widget.model()
            for c in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    out.append((f"{name} heading {c}",      # (a calendar's cells are day numbers)
                                str(model.headerData(c, Qt.Orientation.Horizontal, role) or "")))
                out += [(f"{name} cell {r},{c}", str(model.index(r, c).data() or ""))
                        for r in range(min(20, model.rowCount()))]
        if isinstance(widget, QTreeWidget) and widget.objectName() == "claims":   # not data
            items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            items += [top.child(k) for top in items for k in range(top.childCount())]
            out += [(f"{name} item", item.text(c)) for item in items[:40]
                    for c in range(widget.columnCount())]
    return out


def test_the_window_in_ukrainian_shows_no_english(ukrainian, qtbot, monkeypatch, tmp_path):
    """Every menu, action, dock title, tab, button, label and tooltip, with the sample
    open: only names from the data and the allowlist may be Latin."""
    from ui_helpers import isolate_settings, open_window
    from viewer.io.situation_file import read_situation
    from viewer.resources import sample_path
    isolate_settings(monkeypatch, tmp_path)
    situation = read_situation(sample_path())
    window = open_window(qtbot, situation)
    window.analytics.dock.raise_()              # the Settlements panel, measured
    qtbot.waitUntil(lambda: window.analytics.panel.analytics is not None, timeout=20000)
    data = {situation.meta.title, *situation.meta.attributions}
    data |= {layer.name for layer in situation.layers}
    data |= {layer.description for layer in situation.layers if layer.description}
    data |= {r.name for r in situation.regions}
    data |= {name for p in situation.places for name in (p.name, *p.names.values())}
    data |= {layer.source for layer in situation.layers if layer.source}
    data |= {report.id for report in situation.reports}
    data |= {report.source for report in situation.reports}     # the filter's sources
    texts = visible_texts(window)
    assert any("Файл" in text for _, text in texts) and len(texts) > 150
    found = [(where, text) for where, text in texts if english_words(text, data)]
    window.close()
    assert found == [], "\n".join(map(repr, found))


def test_the_shortcuts_dialog_lists_every_shortcut_of_the_window(window, qtbot):
    from PySide6.QtGui import QKeySequence

    from viewer.ui.help_windows import ShortcutsDialog
    dialog = ShortcutsDialog(window)
    rows = [(dialog.table.item(i, 0).text(), dialog.table.item(i, 1).text())
            for i in range(dialog.table.rowCount())]
    expected = {a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                for a in window.actions() if not a.shortcut().isEmpty()}
    assert {keys.split(", ")[0] for _, keys in rows} == expected
    assert ("Play", "Space") in rows and ("Export Image…", "Ctrl+E") in rows
    assert ("Keyboard Shortcuts", "F1") in rows
    dialog.close()


def test_the_user_guide_opens_offline_with_its_pictures(window, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from viewer.ui.help_windows import UserGuideDialog
    dialog = UserGuideDialog(window, "en")
    text = dialog.browser.toPlainText()
    assert "Situation Viewer" in text and "Keyboard" in text
    images = re.findall(r"\]\((images/[^)]+)\)", (ROOT / "docs" / "user-guide.md").read_text())
    assert len(images) >= 3
    image = QTextDocument.ResourceType.ImageResource.value
    for name in images:
        picture = dialog.browser.loadResource(image, QUrl(name))
        expected = QImage(str(ROOT / "docs" / name))
        assert not picture.isNull() and picture.width() == min(expected.width(), 680)
        assert picture.height() == round(expected.height() * picture.width() / expected.width())
    assert dialog.browser.loadResource(image, QUrl("http://example.org/x.png")) is None
    assert dialog.browser.loadResource(image, QUrl("images/../../README.md")) is None
    dialog.close()


@pytest.mark.parametrize("lang, expected", [("uk_UA.UTF-8", "uk"), ("en_GB.UTF-8", "en"),
                                            ("de_DE.UTF-8", "en")])
def test_the_language_follows_the_system_locale(lang, expected, tmp_path):
    """A fresh process with that locale and no saved choice (what viewer/app.py installs)."""
    import os
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, LC_ALL=lang, QT_QPA_PLATFORM="offscreen",
               SITUATION_VIEWER_CONFIG_DIR=str(tmp_path))
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from viewer.ui.language_menu import apply_saved_language; "
            "from viewer.render.language import translate; "
            "print(apply_saved_language(), translate('MainWindow', '&File'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == [expected, "&Файл" if expected == "uk" else "&File"]


def test_view_language_is_remembered_for_the_next_start(window, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from viewer.ui.language_menu import SETTING, chosen_language
    from viewer.ui.recent_files import app_settings
    menu = next(a.menu() for a in window.window_actions.view_menu.actions()
                if a.menu() is not None and a.menu().objectName() == "language_menu")
    assert [a.text() for a in menu.actions()] == ["System Language", "English", "Українська"]
    assert menu.actions()[0].isChecked()
    menu.actions()[2].trigger()
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "next start" in box.text()
    box.close()
    assert app_settings().value(SETTING) == "uk" and chosen_language(app_settings()) == "uk"


def test_the_chart_axis_is_wide_enough_for_its_ukrainian_tick_labels(ukrainian, qtbot):
    """pyqtgraph drops tick labels wider than the axis: "116,5 тис." must fit."""
    from PySide6.QtGui import QFontMetrics

    from viewer.model.cursor import TimeCursor
    from viewer.ui.chart_series import tick_strings
    from viewer.ui.timeline_chart import TimelineChart
    start = datetime(2025, 6, 1, tzinfo=timezone.utc)
    chart = TimelineChart(TimeCursor(start, start.replace(month=7)))
    qtbot.addWidget(chart)
    labels = tick_strings([116000, 116500, 117000], 1.0, 500)
    assert labels[1] == "116,5 тис."
    metrics = QFontMetrics(chart.font())
    width = chart.getPlotItem().getAxis("left").maximumWidth()
    assert max(metrics.horizontalAdvance(text) for text in labels) < width
