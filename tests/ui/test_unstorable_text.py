"""Text no database stores the same way, pasted into the window, is not saved: the note says
why, naming the field, and the database keeps what it had (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.database_state import contents
from tests.ui.scenario_steps import notes_tab, type_text, wait_for_save

pytestmark = pytest.mark.both_databases


def test_a_note_with_a_nul_character_is_not_saved_and_says_why(sample_window, qtbot, monkeypatch,
                                                              database):
    """Qt keeps a NUL character pasted from another program. (Half a surrogate pair never
    reaches the window: PySide drops it; the records refuse it anyway.)"""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *args: shown.append(text))
    tab = notes_tab(sample_window)
    before = contents(database)
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "，补充")
    tab.editor.text.insertPlainText("骑手\x00驿站")  # as a paste from another program would
    wait_for_save(qtbot)
    expected = "text must not contain the NUL character (U+0000)"
    assert shown == [expected]
    assert tab.editor.state.text() == f"Not saved: {expected}"
    assert tab.editor.text.toPlainText().endswith("，补充骑手\x00驿站")  # kept on screen
    assert contents(database) == before
