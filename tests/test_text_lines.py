"""The compare window's figures are rewritten line by line (ui/text_lines.py): the text
shown is what setting it whole shows, and a reader scrolled down stays where they were."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from viewer.ui.text_lines import BREAKS, show_lines

LINE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@pytest.fixture
def edit(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.setReadOnly(True)
    return widget


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])   # (one edit,
@given(st.lists(LINE, max_size=8), st.lists(LINE, max_size=8))           # cleared each time)
def test_the_text_is_the_lines_whatever_was_shown_before(edit, old, new):
    edit.clear()
    show_lines(edit, old)
    show_lines(edit, new)
    whole = QTextDocument()                     # (shows a no-break space as a space)
    whole.setPlainText("\n".join(new))
    assert edit.toPlainText() == whole.toPlainText()
    if not any(b in line for line in new for b in BREAKS):
        assert [edit.document().findBlockByNumber(i).text() for i in range(len(new))] == new
        assert edit.document().blockCount() == max(1, len(new))
    assert not edit.document().isUndoAvailable()


def test_a_reader_scrolled_down_stays_there_as_a_line_changes(qtbot, edit):
    edit.resize(300, 80)
    edit.show()
    qtbot.waitExposed(edit)
    lines = [f"Region {i}: +{i}.0 km²" for i in range(40)]
    show_lines(edit, lines)
    bar = edit.verticalScrollBar()
    bar.setValue(bar.maximum())
    at = bar.value()
    assert at > 0
    lines[0] = "Between A (1 Jun 2025) and B (2 Sep 2025):"
    lines[39] = "Region 39: +39.5 km²"
    show_lines(edit, lines)
    assert edit.toPlainText() == "\n".join(lines)
    assert bar.value() == at
    assert edit.firstVisibleBlock().blockNumber() > 0
