"""Edit ▸ Preferences: show the dialog, keep what changed, and carry out what follows from it
(restart for a new language, copy the database to a new data folder)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldvisit import APP_NAME
from fieldvisit.ui import preferences
from fieldvisit.ui.dialogs.preferences_dialog import PreferencesDialog, current_values
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.i18n import set_language_preference

if TYPE_CHECKING:
    from fieldvisit.ui.main_window import MainWindow

translate = QCoreApplication.translate


def edit_preferences(window: MainWindow) -> PreferencesDialog:
    before = current_values()
    dialog = PreferencesDialog(before, window)
    if not dialog.exec():
        return dialog
    after = dialog.values()
    preferences.set_report_defaults(after.paper, after.font)
    preferences.set_travel_settings(after.travel)
    if after.user_name != before.user_name:
        preferences.set_user_name(after.user_name)
    if window.database is not None:
        window.workspace.report_tab.options.reload_defaults()
    if after.data_folder != before.data_folder:
        _change_data_folder(window, after.data_folder)
    if after.language != before.language:
        set_language_preference(after.language)
        _offer_restart(window)
    return dialog


def _change_data_folder(window: MainWindow, folder: Path) -> None:
    from fieldvisit.services.data_folder import copy_data

    target = folder / preferences.DATABASE_FILE
    database = window.database
    if database is not None and database.file_path is not None and not target.exists():
        answer = QMessageBox.question(
            window, APP_NAME, translate(
                "Preferences", "Copy the current database and its photos to %1? FieldVisit "
                "opens the database in the new folder the next time it starts; without a copy "
                "it starts there with an empty one.").replace("%1", str(folder)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        if answer == QMessageBox.StandardButton.Yes:
            try:
                copy_data(database, target)
            except Exception as error:  # noqa: BLE001 - shown; the folder stays unchanged
                show_error(window, error)
                return
    preferences.set_data_folder(folder)
    window.statusBar().showMessage(translate(
        "Preferences", "The data folder is now %1; it is used from the next start.")
        .replace("%1", str(folder)), 10000)


def _offer_restart(window: MainWindow) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, translate(
        "Preferences", "The language changes the next time FieldVisit starts."),
        QMessageBox.StandardButton.NoButton, window)
    restart = box.addButton(translate("Preferences", "&Restart Now"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Preferences", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restart and window.close():
        restart_application()


def restart_application() -> None:
    """Start FieldVisit again with the same arguments, then quit this instance."""
    frozen = getattr(sys, "frozen", False)
    program = sys.executable
    arguments = sys.argv[1:] if frozen else [*sys.orig_argv[1:]]
    QProcess.startDetached(program, arguments)
    QApplication.quit()
