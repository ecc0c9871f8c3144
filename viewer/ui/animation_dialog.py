"""File ▸ Export Animation…: the dialog asking for the dates, steps, speed and trail of
an animation (the export itself runs in the background: animation_export.py). Frames
are drawn by the shared render routine from the window's own view (what is hidden, the
layers' opacities)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QWidget)

from viewer.render.animation import Animation, parse_every, step_times
from viewer.render.language import QT_TRANSLATE_NOOP, translate
from viewer.ui.qt_utils import accept_buttons, from_qdate, to_qdate

FILTERS = (QT_TRANSLATE_NOOP("Animation", "Animated GIF (*.gif)"),
           QT_TRANSLATE_NOOP("Animation", "Animated PNG (*.png)"),
           QT_TRANSLATE_NOOP("Animation", "WebP animation (*.webp)"),
           QT_TRANSLATE_NOOP("Animation", "MP4 video (*.mp4)"))
STEPS = ((QT_TRANSLATE_NOOP("Animation", "Every change"), "change"),
         (QT_TRANSLATE_NOOP("Animation", "Every day"), "1d"),
         (QT_TRANSLATE_NOOP("Animation", "Every week"), "7d"))


class AnimationDialog(QDialog):
    def __init__(self, start: datetime, end: datetime, a: datetime, b: datetime,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Animation", "Export Animation"))
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        for edit, value in ((self.from_edit, a), (self.to_edit, b)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDateRange(to_qdate(start), to_qdate(end))
            edit.setDate(to_qdate(value))
        self.every = QComboBox(self)
        for label, key in STEPS:
            self.every.addItem(translate("Animation", label), key)
        self.fps = QDoubleSpinBox(self)
        self.fps.setRange(0.5, 50.0)
        self.fps.setValue(4.0)
        self.fps.setSuffix(" " + translate("Animation", "frames/s"))
        self.trail = QCheckBox(translate("Animation", "Draw the ground gained since the first date"),
                               self)
        form = QFormLayout(self)
        form.addRow(translate("Animation", "From:"), self.from_edit)
        form.addRow(translate("Animation", "To:"), self.to_edit)
        form.addRow(translate("Animation", "Steps:"), self.every)
        form.addRow(translate("Animation", "Speed:"), self.fps)
        form.addRow("", self.trail)
        form.addRow(accept_buttons(self, QDialogButtonBox.StandardButton.Save))

    def animation(self, situation) -> Animation:
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        start, end = min(start, end), max(start, end)
        times = step_times(situation, start, end, parse_every(self.every.currentData()))
        return Animation(times, self.fps.value(), self.trail.isChecked())
