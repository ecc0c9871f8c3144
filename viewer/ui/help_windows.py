"""Help ▸ Keyboard Shortcuts (a table made from the window's own actions, so it lists
what the keys really do) and Help ▸ User Guide (docs/user-guide.md, shown by Qt's own
markdown reader with its pictures read from the package: no network, no other file), and
Help ▸ About."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

from viewer import __version__
from viewer.model.credits import credit
from viewer.model.text import safe_line
from viewer.render.language import core_text, translate
from viewer.ui.plain_text import Icon, message_box
from viewer.resources import guide_file


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) of every action of ``window`` that has a shortcut, in menu order."""
    rows = []
    for action in window.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                         ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("Help", "Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("Help", "Action"),
                                              translate("Help", "Keys")])
        for i, (what, keys) in enumerate(rows):
            for j, text in enumerate((what, keys)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(i, j, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        _finish(self, self.table, (440, 460))


GUIDE_IMAGE_WIDTH = 680


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that loads only the guide's own pictures, never a URL."""

    def loadResource(self, kind, url: QUrl):
        image = QTextDocument.ResourceType.ImageResource.value
        if getattr(kind, "value", kind) == image and url.isRelative():
            name = url.path()
            if name.startswith("images/") and ".." not in name:
                path = guide_file(name)
                if path.is_file():
                    # a QImage (plain bytes reach Qt as nothing it can show), scaled to
                    # the reading width
                    picture = QImage.fromData(path.read_bytes())
                    if picture.width() > GUIDE_IMAGE_WIDTH:
                        picture = picture.scaledToWidth(
                            GUIDE_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
                    return picture
        return None


class UserGuideDialog(QDialog):
    def __init__(self, window: QWidget, lang: str):
        super().__init__(window)
        self.setObjectName("user_guide_dialog")
        self.setWindowTitle(translate("Help", "User Guide"))
        self.browser = GuideBrowser(self)
        self.browser.setOpenLinks(False)           # links are shown, never followed
        self.browser.setOpenExternalLinks(False)
        path = guide_file(f"user-guide.{lang}.md")
        if not path.is_file():
            path = guide_file("user-guide.md")
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        _finish(self, self.browser, (760, 640))


def _finish(dialog: QDialog, body: QWidget, size: tuple[int, int]) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(size[0], screen.width() - 40), min(size[1], screen.height() - 60))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)





def show_about(window) -> None:
    """Help ▸ About: the version, what the program is, and the shown file's data sources."""
    lines = [translate("MainWindow", "Situation Viewer %1").replace("%1", __version__),
             translate("MainWindow", "An offline viewer for timestamped territorial situations "
                                     "and the reports behind each change.")]
    if window.situation.meta.attributions:
        lines.append(translate("MainWindow", "Data: %1").replace("%1", "; ".join(
            safe_line(core_text(credit(a))) for a in window.situation.meta.attributions)))
    box = message_box(window, Icon.Information,
                      translate("MainWindow", "About Situation Viewer"), "\n\n".join(lines))
    box.exec()
