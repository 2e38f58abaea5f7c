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


def test_a_site_with_such_values_is_refused_in_its_dialog(qtbot, database):
    from fieldvisit.ui.dialogs.site_dialog import SiteDialog

    before = contents(database)
    site = SiteDialog(database)
    qtbot.addWidget(site)
    site.name.setText("骑士驿站")
    site.latitude.setText("NaN")  # float() reads it
    site.longitude.setText("116.46")
    site.accept()
    assert site.problem.text() == "latitude must be a finite number, not nan"
    site.latitude.setText("39.91")
    site.name.setText("骑士\x00驿站")
    site.accept()
    assert site.result() != SiteDialog.DialogCode.Accepted
    assert site.problem.text() == "name must not contain the NUL character (U+0000)"
    site.name.setText("骑士驿站")
    assert site.problem.text() == ""
    assert contents(database) == before


def test_an_infinite_speed_in_the_settings_file_is_ignored():
    from PySide6.QtCore import QSettings

    from fieldvisit.domain.timeline import TravelSettings
    from fieldvisit.ui import preferences

    settings = QSettings()
    settings.setValue(f"{preferences.TRAVEL_GROUP}/car_kmh", "inf")
    settings.setValue(f"{preferences.TRAVEL_GROUP}/walk_kmh", "nan")
    settings.setValue(f"{preferences.TRAVEL_GROUP}/minibus_kmh", "40")
    assert preferences.travel_settings() == TravelSettings(minibus_kmh=40.0)
