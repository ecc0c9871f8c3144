"""Edit ▸ Sketch Area… (S): draw an outline on the map (SketchTool), say what it is
(SketchDialog), and apply it as one undoable command: the new layer if one was asked
for, the sketch (the model's SketchArea: an amendment carried forward) and the link to
its report, named in Edit ▸ Undo as one step."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from viewer.model.edits import AddLayer, EditRefused, LinkReport, SketchArea, sketch_polygon
from viewer.model.edits.sketch import empty_layer
from viewer.model.text import safe_line
from viewer.render.language import core_text, fill, format_short_date, translate
from viewer.ui.plain_text import Icon, message_box
from viewer.ui.sketch_dialog import SketchChoice, SketchDialog
from viewer.ui.sketch_tool import SketchTool

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

MESSAGE_MS = 10000


class SketchActions:
    def __init__(self, window: "MainWindow"):
        self.window = window
        self.tool = SketchTool(window.canvas)
        self.dialog: SketchDialog | None = None
        self.area = None                    # the closed outline's area (lon/lat)
        self.action = QAction(translate("Edit", "S&ketch Area…"), window)
        self.action.setShortcut(QKeySequence("S"))
        self.action.setStatusTip(translate("Edit", "Draw an area on the map and add it to a "
                                                   "layer as a gain or a loss"))
        self.action.triggered.connect(lambda *_: self.start())
        window.addAction(self.action)
        edit_menu = window.menus["edit"]
        first = window.edit_actions.unlink
        after = edit_menu.actions()[edit_menu.actions().index(first) + 1]
        edit_menu.insertAction(after, self.action)
        self.tool.closed.connect(self._on_closed)
        self.tool.too_few.connect(lambda: self._say(translate(
            "Sketch", "A sketch needs at least three vertices")))
        self.tool.cancelled.connect(lambda: self._say(translate("Sketch", "Sketch cancelled")))
        window.situation_loaded.connect(lambda *_: self.tool.stop())

    def _say(self, text: str) -> None:
        self.window.status.show_message(text, MESSAGE_MS)

    def start(self) -> None:
        if self.tool.active or self.window.canvas.scene is None:
            return
        self.tool.start()
        self._say(translate("Sketch", "Sketch: click the vertices; drag one to move it; "
                                      "Backspace removes the last; double-click, Enter or "
                                      "a click on the first vertex closes; Esc cancels"))

    # -- a closed outline -----------------------------------------------------------------
    def _on_closed(self) -> None:
        try:
            self.area, repaired = sketch_polygon(self.tool.vertices())
        except EditRefused as exc:
            box = message_box(self.window, Icon.Warning, translate("Sketch", "Can't use this "
                                                                            "sketch"),
                              fill(translate("Sketch", "%1. Move or remove vertices, or "
                                                       "press Esc to cancel."),
                                   core_text(exc.args[0])))
            box.setObjectName("sketch_refused")
            box.finished.connect(lambda *_: self.tool.resume())
            box.open()
            return
        if repaired:
            self._say(translate("Sketch", "The outline crossed itself and was repaired"))
        self.dialog = SketchDialog(self.window.situation, self.area, repaired,
                                   self.window.cursor_model.time, self.window)
        self.dialog.finished.connect(self._on_dialog)
        self.dialog.open()

    def _on_dialog(self, _code: int) -> None:
        dialog, self.dialog = self.dialog, None
        dialog.deleteLater()
        if dialog.choice is None:           # cancelled: back to the outline
            self.tool.resume()
            self._say(translate("Sketch", "Edit the outline, then close it again; "
                                          "Esc cancels"))
            return
        self.tool.stop()
        self.apply(dialog.choice)

    def apply(self, choice: SketchChoice) -> bool:
        """Apply the sketch as ``choice`` says, as one undo step."""
        s, stack = self.window.situation, self.window.edits.stack
        layer_name = choice.new_name if choice.layer_id is None else \
            s.layer(choice.layer_id).name
        what = (translate("Sketch", "Sketch a gain on “%1”, %2") if choice.op == "add"
                else translate("Sketch", "Sketch a loss on “%1”, %2"))
        stack.beginMacro(fill(what, safe_line(layer_name, 40), format_short_date(choice.at)))
        try:
            reason = None
            layer_id = choice.layer_id
            if layer_id is None:
                layer_id = _new_layer_id(s)
                reason = stack.perform(AddLayer(empty_layer(layer_id, choice.new_name,
                                                            choice.new_kind, choice.new_style)))
            if reason is None:
                sketch = SketchArea(s, layer_id, choice.at, choice.op, self.area)
                reason = stack.perform(sketch)
            if reason is None and choice.report_id is not None:
                reason = stack.perform(LinkReport(s, choice.report_id, [sketch.change_id],
                                                  choice.role))
        finally:
            stack.endMacro()
        if reason is not None:
            stack.undo()                    # what of the macro was applied, reverted
            message_box(self.window, Icon.Warning, translate("Sketch", "Can't use this sketch"),
                        reason).open()
            return False
        self._say(translate("Sketch", "Sketch applied: Edit ▸ Undo takes it back"))
        return True


def _new_layer_id(situation) -> str:
    taken = {layer.id for layer in situation.layers}
    return next(f"sketch-{n}" for n in itertools.count(1) if f"sketch-{n}" not in taken)
