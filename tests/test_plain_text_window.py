"""Every string from a file is plain text everywhere in the window.

A situation whose every text field (and its file name) holds markup, an ``<img>`` that
points at a real image file, bidi overrides, control characters and ``&`` is opened in
the real window, with the About box, an error dialog and the export dialog open. Then
every widget, action, item-view cell, tab, graphics-scene text, the window title and the
status bar are read: whatever Qt would render as rich text (a tooltip, a label left at
AutoText that looks like HTML, ...) must be our own escaped wrapper and load nothing, and
every shown text must be free of raw bidi and control characters.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QMouseEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
                               QGraphicsTextItem, QGraphicsView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QTabBar, QTextEdit)
from shapely.geometry import box

from factories import D
from ui_helpers import isolate_settings, pixel_point
from viewer.io.situation_file import write_situation
from viewer.model import (History, Layer, Link, Place, Region, Report, Situation,
                          SituationMeta)
from viewer.ui.export_dialog import ExportDialog

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)
RICH_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)
MARKUP = re.compile(r"<\s*(img|b|i|a|script|font|table|span)\b", re.IGNORECASE)


def hostile(image_url: str, what: str) -> str:
    """Markup first (Qt::mightBeRichText looks at the first tag), then the rest."""
    return (f'<img src="{image_url}"><b>{what}</b> R&D \u202eevil\u202c \u2066iso\u2069 '
            f'nul\x00 esc\x1b[31m bell\x07 c1\x85\x9b <a href="javascript:alert(1)">x</a>')


def hostile_situation(url: str) -> Situation:
    h = lambda what: hostile(url, what)             # noqa: E731
    west = Region("W", {"en": h("west"), "uk": h("захід")}, box(30, 48, 31, 49))
    east = Region("E", {"en": h("east")}, box(31, 48, 32, 49))
    history = History.from_states("front", [(D[1], box(30.2, 48.2, 30.4, 48.4)),
                                            (D[5], box(30.2, 48.2, 31.2, 48.4))])
    layer = Layer("front", h("layer"), "assessed-control", history,
                  description=h("layer description"), source=h("layer source"),
                  extra={"note": h("layer extra")})
    report = Report("r1", D[5], h("source"), h("report title"), h("url"), h("summary"),
                    h("language"))
    meta = SituationMeta(title=h("title"), description=h("description"),
                         attributions=[h("attribution one"), h("attribution two")],
                         default_bbox=(29.5, 47.5, 32.5, 49.5), default_time=D[5])
    places = [Place("p", {"en": h("place"), "uk": h("місто")}, 30.5, 48.5, 100000,
                    source=h("place source"), extra={"note": h("place extra")})]
    links = [Link("front@2025-06-05T00:00:00Z", "r1", "reports")]
    return Situation(meta, [west, east], places, [layer], [report], links)


class RecordingDocument(QTextDocument):
    """Renders rich text as a tooltip would and records every resource it asks for."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []

    def loadResource(self, kind, name: QUrl):
        self.loaded.append(name.toString())
        return super().loadResource(kind, name)


def images_in(doc: QTextDocument) -> int:
    count, block = 0, doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            count += fmt.isImageFormat() or fmt.isAnchor()
            it += 1
        block = block.next()
    return count


class Seen:
    """Every text the window shows, with where it was found and how Qt renders it."""

    def __init__(self):
        self.plain: list[tuple[str, str]] = []      # (where, text as shown)
        self.rich: list[tuple[str, str]] = []       # (where, raw rich text)

    def add(self, where: str, text, rich_if_it_looks_so: bool = False,
            rich: bool = False) -> None:
        if not isinstance(text, str) or not text:
            return
        if rich or (rich_if_it_looks_so and GuiQt.mightBeRichText(text)):
            self.rich.append((where, text))
        else:
            self.plain.append((where, text))

    def shown(self) -> list[tuple[str, str]]:
        """Each text as a person sees it (rich ones rendered)."""
        out = list(self.plain)
        for where, raw in self.rich:
            doc = QTextDocument()
            doc.setHtml(raw)
            out.append((where, doc.toPlainText()))
        return out


def collect(window) -> Seen:
    seen = Seen()
    seen.add("window title", window.windowTitle())
    seen.add("status bar", window.statusBar().currentMessage())
    for w in QApplication.allWidgets():
        name = f"{type(w).__name__}({w.objectName()})"
        seen.add(f"{name} tooltip", w.toolTip(), rich_if_it_looks_so=True)
        seen.add(f"{name} what's this", w.whatsThis(), rich_if_it_looks_so=True)
        seen.add(f"{name} status tip", w.statusTip())
        seen.add(f"{name} title", w.windowTitle())
        if isinstance(w, QLabel):
            fmt = w.textFormat()
            seen.add(f"{name} text", w.text(), rich=fmt == Qt.TextFormat.RichText,
                     rich_if_it_looks_so=fmt == Qt.TextFormat.AutoText)
        elif isinstance(w, (QAbstractButton, QLineEdit)):
            seen.add(f"{name} text", w.text())
        elif isinstance(w, QPlainTextEdit):
            seen.add(f"{name} text", w.toPlainText())
        elif isinstance(w, QTextEdit):
            seen.add(f"{name} html", w.toHtml(), rich=True)
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                seen.add(f"{name} tab", w.tabText(i))
                seen.add(f"{name} tab tooltip", w.tabToolTip(i), rich_if_it_looks_so=True)
        if isinstance(w, (QAbstractItemView, QComboBox)):
            _model_texts(seen, name, w.model())
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                seen.add(f"{name} item tooltip", item.toolTip(), rich_if_it_looks_so=True)
                if isinstance(item, QGraphicsTextItem):
                    seen.add(f"{name} text item", item.toHtml(), rich=True)
        for action in w.actions():
            _action_texts(seen, f"{name} action", action)
    return seen


def _action_texts(seen: Seen, where: str, action: QAction) -> None:
    seen.add(f"{where} text", action.text())
    seen.add(f"{where} tooltip", action.toolTip(), rich_if_it_looks_so=True)
    seen.add(f"{where} status tip", action.statusTip())
    seen.add(f"{where} what's this", action.whatsThis(), rich_if_it_looks_so=True)
    if action.menu() is not None:
        for sub in action.menu().actions():
            _action_texts(seen, f"{where} ▸", sub)


def _columns(model, parent=QModelIndex()) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:           # a list model: one column (Qt keeps columnCount private)
        return 1


def _model_texts(seen: Seen, where: str, model, parent=QModelIndex()) -> None:
    if model is None:
        return
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = _columns(model) if orientation == Qt.Orientation.Horizontal \
            else model.rowCount(QModelIndex())
        for section in range(min(count, 50) if parent == QModelIndex() else 0):
            for role in ROLES:
                seen.add(f"{where} header", model.headerData(section, orientation, role),
                         rich_if_it_looks_so=role in RICH_ROLES)
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in ROLES:
                seen.add(f"{where} cell", model.data(index, role),
                         rich_if_it_looks_so=role in RICH_ROLES)
            if column == 0 and _has_children(model, index):
                _model_texts(seen, where, model, index)


def _has_children(model, index) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:           # a table model (a date field's calendar): keeps it private
        return False


@pytest.fixture
def hostile_window(qtbot, monkeypatch, tmp_path):
    from viewer.ui.main_window import MainWindow
    isolate_settings(monkeypatch, tmp_path)
    probe = tmp_path / "probe.png"
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(probe))
    url = QUrl.fromLocalFile(str(probe)).toString()
    path = tmp_path / "<img src=probe.png>R&D\u202eevil\x1b.gpkg"      # no "/" in a name
    write_situation(hostile_situation(url), path)
    # Dialogs open without blocking, so that they can be read while shown.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.show())
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: dialog.show() or 0)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.situation_loaded, timeout=20000):
        window.files.open_file(path)
    yield window, url, path
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()
    window.close()


def test_file_text_is_plain_everywhere_in_the_window(hostile_window, qtbot, tmp_path):
    window, url, path = hostile_window
    window.regions_dock.raise_()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None, timeout=20000)
    point = pixel_point(window.canvas, 30.5, 48.7)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(point),
                       QPointF(window.canvas.mapToGlobal(point)), Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.canvas, move)
    region_under_pointer = window.status.region.text()          # West, before dialogs open
    reports = window.reports_panel
    change = reports.window_tree.topLevelItem(0)
    reports.window_tree.setCurrentItem(change.child(0))                     # the report
    window.show_about()
    window.images.ask()
    missing = tmp_path / "<img src=probe.png>gone\u202e.gpkg"
    opened = window.statusBar().currentMessage()
    with qtbot.waitSignal(window.files.load_failed, timeout=20000):
        window.files.open_file(missing)                                     # an error dialog
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert {b.windowTitle() for b in boxes} == {"About Situation Viewer", "Can't open file"}
    assert any(isinstance(w, ExportDialog) and w.isVisible()
               for w in QApplication.topLevelWidgets())

    seen = collect(window)
    seen.add("status bar after opening", opened)
    seen.add("status bar region", region_under_pointer)
    assert opened.startswith("Opened <img src=probe.png>R&D")

    # Whatever Qt renders as rich text is our escaped wrapper: no markup, nothing loaded.
    for where, raw in seen.rich:
        assert not MARKUP.search(raw), f"{where} is rich text with markup: {raw[:200]!r}"
        doc = RecordingDocument()
        doc.setHtml(raw)
        doc.setTextWidth(400)
        doc.documentLayout().documentSize()         # lays it out: images would load now
        assert doc.loaded == [] and images_in(doc) == 0, where
    # Every text is shown without raw bidi or control characters.
    for where, text in seen.shown():
        bad = [c for c in text if c in BIDI or (ord(c) < 32 and c not in "\n\t")
               or 0x7F <= ord(c) <= 0x9F]
        assert not bad, f"{where} shows raw {bad!r}: {text[:200]!r}"
        is_action_text = "action" in where and where.endswith(" text")
        assert not is_action_text or "R&D" not in text.replace("R&&D", ""), \
            f"{where}: a single '&' from the file becomes a shortcut letter: {text[:120]!r}"

    # The file's text is really there, shown as written, in each kind of place.
    literal = f'<img src="{url}">'
    places = {where.split(" ")[0] for where, text in seen.shown() if literal in text}
    where_shown = " | ".join(sorted(places))
    for expected in ("window", "QCheckBox(", "QLabel(", "QLabel(qt_msgbox_label)", "QMenu(",
                     "ReportsTree(", "RegionTable(", "QComboBox(", "QPlainTextEdit(",
                     "QLineEdit("):
        assert any(p.startswith(expected) for p in places), (expected, where_shown)
    tooltips = [where for where, text in seen.shown() if "tooltip" in where and literal in text]
    assert any(w.startswith("QLabel(") for w in tooltips), tooltips    # the Layers panel's
    about = next(b for b in boxes if b.windowTitle() == "About Situation Viewer")
    assert about.textFormat() == Qt.TextFormat.PlainText
    assert "attribution one" in about.text() and literal in about.text()
    assert literal in window.windowTitle() and "[U+202E]" in window.windowTitle()
    assert region_under_pointer.startswith(literal)
