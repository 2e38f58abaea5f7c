"""GUI fixtures: settings kept in a temporary folder, and a main window over a test database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from fieldvisit.ui.app import create_application
from fieldvisit.ui.main_window import MainWindow
from fieldvisit.ui.views.delegation_panels import release_clipboard

TEST_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    create_application()
    QCoreApplication.setOrganizationName("FieldVisitTests")
    QSettings().clear()
    QLocale.setDefault(TEST_LOCALE)  # fixed formats: 24-hour times, day/month/year dates
    yield
    QSettings().clear()
    release_clipboard()  # else PySide crashes at exit over clipboard data made in Python


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(qapp):
    """A modal dialog that no test step answers would block the whole run: one still open at
    two checks in a row (10 s) is closed and the test fails, naming it."""
    seen: list[object] = []
    stuck: list[str] = []

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal in seen:
            text = getattr(modal, "text", lambda: "")()
            stuck.append(f"{type(modal).__name__} {modal.windowTitle()!r}: {text}")
            modal.close()
        seen[:] = [modal] if modal is not None else []

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(5000)
    yield
    timer.stop()
    assert not stuck, f"a dialog nobody answered was left open: {stuck}"


@pytest.fixture
def database(database):
    """The test's database. Windows still open at the end of the test are closed before it is
    disposed of, as the application closes its window first: what they hold is saved while the
    database is there (a PostgreSQL test database is emptied right after)."""
    yield database
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            widget._quit_without_saving = lambda: True  # never ask while tearing down
            widget.close()


@pytest.fixture
def window(qtbot, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def sample_window(qtbot, database, sample_visit_id):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.refresh(sample_visit_id)
    window.show()
    return window
