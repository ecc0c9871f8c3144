"""An ElidedLine paints its text as Qt's elidedText gives it, whether the text fits or
not: a text narrower than the line is drawn as it is without eliding it
(viewer/ui/elided_line.py), in the same pixels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from viewer.ui.elided_line import ElidedLine


class QtElided(ElidedLine):
    """The line painted by eliding every text with Qt (as it was)."""

    def paintEvent(self, event) -> None:        # noqa: N802
        painter = QPainter(self)
        rect = self.rect().adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                         | Qt.TextFlag.TextSingleLine, shown)
        painter.end()


def image(line: ElidedLine) -> QImage:
    return line.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_line_shows_its_text_as_qt_elides_it_fitting_or_not(qtbot):
    ours, qts = ElidedLine(), QtElided()
    for line in (ours, qts):
        qtbot.addWidget(line)
        line.resize(160, line.height())
    room = ours.width() - 2 * ours.MARGIN
    metrics = ours.fontMetrics()
    base = "5 changes in the 7 days up to 13 Jun 2025 · Donetsk Oblast"
    texts = [base[:n] for n in range(1, len(base) + 1)] + ["a\x9cb", "x" * 40 + "\x9cshort"]
    fitted = elided = 0
    for text in texts:
        for line in (ours, qts):
            line.setText(text)
        if metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text:
            fitted += 1
        else:
            elided += 1
        assert image(ours) == image(qts), (text, metrics.horizontalAdvance(text), room)
    assert fitted > 5 and elided > 5, (fitted, elided)
