"""The desktop application around the workspace: start-up, Preferences, About, formats."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from fieldvisit import __version__
from fieldvisit.cli import _gui_arguments
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import visits
from fieldvisit.ui import formats, preferences
from fieldvisit.ui.dialogs.about_dialog import AboutDialog
from fieldvisit.ui.dialogs.preferences_dialog import PreferencesDialog, current_values
from fieldvisit.ui.main_window import MainWindow


def test_window_shows_before_the_database_opens(qtbot, db_path, sample_visit_id):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.database is None and window.pages.currentWidget() is window.opening
    assert not window.actions.new_visit.isEnabled()  # nothing to act on yet
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    with qtbot.waitSignal(window.database_ready, timeout=20000):
        window.open_database_later(lambda: sqlite_url(db_path))
    assert window.current_visit_id() == sample_visit_id
    assert window.actions.new_visit.isEnabled() and window.actions.edit_visit.isEnabled()
    window.close()
    window.database.dispose()


def test_a_database_that_cannot_open_is_explained(qtbot, tmp_path, monkeypatch):
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("plain text, not a database")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_database_later(lambda: sqlite_url(not_ours))
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "notes.txt" in shown[0]
    assert not_ours.read_text() == "plain text, not a database"  # untouched


def test_only_gui_arguments_take_the_quick_path():
    assert _gui_arguments([]).db is None
    assert _gui_arguments(["--db", "x.sqlite3", "gui"]).db == "x.sqlite3"
    for argv in (["sample"], ["--version"], ["--help"], ["--db", "x", "visits"], ["bogus"]):
        assert _gui_arguments(argv) is None, argv


def test_preferences_are_kept_and_used(window, qtbot, monkeypatch, uow, tmp_path):
    dialog = PreferencesDialog(current_values(), window)
    qtbot.addWidget(dialog)
    assert dialog.values().paper == "a4" and dialog.values().language == ""
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.travel.minibus.setValue(12.5)
    values = dialog.values()
    assert values.travel.minibus_kmh == 12.5 and values.language == "zh_CN"
    dialog.restore_defaults()
    assert dialog.values().travel == TravelSettings() and dialog.values().paper == "a4"

    from fieldvisit.ui import preferences_flow

    def accept(self):
        self.paper.setCurrentIndex(self.paper.findData("letter"))
        self.travel.minibus.setValue(12.5)
        self.language.setCurrentIndex(self.language.findData("zh_CN"))
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept)
    asked = []
    monkeypatch.setattr(preferences_flow, "_offer_restart", lambda w: asked.append(w))
    window.actions.preferences.trigger()
    assert asked == [window]  # a new language needs a restart, offered
    assert QSettings().value("ui/language") == "zh_CN"
    assert preferences.report_paper() == "letter"
    assert preferences.travel_settings().minibus_kmh == 12.5

    from tests.ui.test_main_window import _fill_dialog

    _fill_dialog(monkeypatch, title="环卫工人驿站调研")
    window.actions.new_visit.trigger()
    created = visits.get_visit(uow, visits.list_visits(uow)[0].id)
    assert created.travel.minibus_kmh == 12.5  # new visits start with the preferred speeds
    assert window.workspace.report_tab.options.value().paper == "letter"


def test_changing_the_data_folder_copies_the_database(window, monkeypatch, tmp_path, uow,
                                                      sample_visit_id):
    from fieldvisit.ui import preferences_flow
    from fieldvisit.ui.dialogs import preferences_dialog

    new_folder = tmp_path / "elsewhere"

    def accept(self):
        self.folder.setText(str(new_folder))
        return 1

    monkeypatch.setattr(preferences_dialog.PreferencesDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    preferences_flow.edit_preferences(window)
    assert preferences.data_folder() == new_folder
    copied = open_database(sqlite_url(new_folder / "fieldvisit.sqlite3"))
    try:
        assert [v.id for v in visits.list_visits(copied.unit_of_work())] == [sample_visit_id]
    finally:
        copied.dispose()
    assert [v.id for v in visits.list_visits(uow)] == [sample_visit_id]  # the old one stays


def test_about_names_the_version_and_the_licences(qtbot, database):
    dialog = AboutDialog(database.display_name)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.about_text.text()
    pages = [dialog.tabs.widget(i) for i in range(dialog.tabs.count())]
    assert "MIT License" in pages[1].toPlainText()
    assert "Apache License" in pages[2].toPlainText()  # the bundled font's
    assert "SQLAlchemy" in pages[3].toPlainText() and "ReportLab".lower() in \
        pages[3].toPlainText().lower()


def test_standard_shortcuts_and_accessible_names(window):
    a = window.actions
    assert a.new_visit.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert a.import_visit.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert a.search.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert not a.quit.shortcut().isEmpty() and not a.preferences.shortcut().isEmpty()
    assert window.visits_view.accessibleName() == "Visits"


def test_formats_follow_the_locale():
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert formats.date_range(date(2023, 5, 25), date(2023, 5, 25)) == "2023/5/25"
        assert formats.clock(datetime(2023, 5, 25, 9, 30)) == "09:30"
        assert formats.number("6000") == "6,000" and formats.number("6000余") == "6000余"
        QLocale.setDefault(QLocale("en_US"))
        assert formats.date_text(date(2023, 5, 25)) == "5/25/2023"
        assert formats.clock(datetime(2023, 5, 25, 14, 5)).replace("\u202f", " ") == "2:05 PM"
        assert formats.parse_clock("2:05 PM").hour == 14
        assert formats.parse_clock("14：05").minute == 5
        with pytest.raises(ValueError):
            formats.parse_clock("noon")
    finally:
        QLocale.setDefault(before)


def test_data_folder_preference_moves_the_default_database(tmp_path: Path):
    assert preferences.database_path() == preferences.default_data_folder() / "fieldvisit.sqlite3"
    preferences.set_data_folder(tmp_path)
    assert preferences.database_path() == tmp_path / "fieldvisit.sqlite3"
    preferences.set_data_folder(None)
    assert preferences.data_folder() == preferences.default_data_folder()


def _focus_chain(start):
    """The widgets Tab visits from ``start``, in order (visible, enabled, taking Tab focus)."""
    from PySide6.QtCore import Qt

    found, widget = [], start
    while True:
        if widget.isVisible() and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start or len(found) > 200:
            return found


def _labelled(widget) -> bool:
    from PySide6.QtWidgets import QLabel

    buddies = [label for label in widget.window().findChildren(QLabel) if label.buddy() is widget]
    return bool(widget.accessibleName() or buddies)


def test_main_controls_have_accessible_names(sample_window, qtbot):
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (QAbstractItemView, QLineEdit, QComboBox, QPlainTextEdit, QTextEdit,
             QAbstractSpinBox)
    tabs = sample_window.workspace.tabs
    unnamed = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        for widget in _focus_chain(sample_window.visits_view):
            inner = isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))
            if isinstance(widget, kinds) and not inner and not _labelled(widget):
                unnamed.append(f"{tabs.tabText(index)}: {type(widget).__name__}")
    assert unnamed == []


def test_focus_moves_in_reading_order(sample_window):
    tabs = sample_window.workspace.tabs
    chain = _focus_chain(sample_window.visits_view)
    assert chain[0] is sample_window.visits_view and chain[1] is tabs
    tabs.setCurrentWidget(sample_window.workspace.itinerary_tab)
    chain = _focus_chain(sample_window.visits_view)
    itinerary = sample_window.workspace.itinerary_tab
    order = [chain.index(w) for w in (itinerary.day_start, itinerary.day_end, itinerary.view,
                                      itinerary.details)]
    assert order == sorted(order)
    tabs.setCurrentWidget(sample_window.workspace.notes_tab)
    notes = sample_window.workspace.notes_tab
    chain = _focus_chain(sample_window.visits_view)
    order = [chain.index(w) for w in (notes.filters["stop"], notes.notes_view,
                                      notes.editor.stop, notes.note_text, notes.editor.tags)]
    assert order == sorted(order)


def test_welcome_page_focus_order(window):
    welcome = window.welcome
    chain = _focus_chain(welcome.sample_button)
    assert chain[:3] == [welcome.sample_button, welcome.new_button, welcome.import_button]


def test_command_line_uses_the_data_folder_from_preferences(tmp_path, monkeypatch):
    from fieldvisit.cli import build_parser, database_url

    monkeypatch.delenv("FIELDVISIT_DATABASE_URL", raising=False)
    preferences.set_data_folder(tmp_path / "data")
    url = database_url(build_parser().parse_args(["visits"]))
    assert url == sqlite_url(tmp_path / "data" / "fieldvisit.sqlite3")
    assert (tmp_path / "data").is_dir()


def test_restart_starts_the_same_program_again(monkeypatch):
    import sys

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    from fieldvisit.ui import preferences_flow

    started, quit_ = [], []
    monkeypatch.setattr(QProcess, "startDetached", lambda *a: started.append(a) or True)
    monkeypatch.setattr(QApplication, "quit", lambda: quit_.append(True))
    preferences_flow.restart_application()
    assert started == [(sys.executable, sys.orig_argv[1:])] and quit_ == [True]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # a PyInstaller bundle
    preferences_flow.restart_application()
    assert started[-1] == (sys.executable, sys.argv[1:])
