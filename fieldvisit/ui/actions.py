"""The main window's actions and menus, with standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

translate = QCoreApplication.translate


@dataclass
class Actions:
    new_visit: QAction
    import_visit: QAction
    export_visit: QAction
    load_sample: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    edit_visit: QAction
    delete_visit: QAction
    delete: QAction
    new_note: QAction
    directory: QAction
    search: QAction
    conflicts: QAction
    preferences: QAction
    about: QAction


def build_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
               tip: str = "") -> QAction:
        made = QAction(text, window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            made.setShortcuts(shortcut)  # every binding the platform knows for it
        elif shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
        made.setStatusTip(tip)
        return made

    undo = undo_stack.createUndoAction(window, translate("Actions", "&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)  # every binding: Ctrl+Z, Alt+Backspace…
    redo = undo_stack.createRedoAction(window, translate("Actions", "&Redo"))
    redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z, and Ctrl+Y where usual
    for made, step in ((undo, undo_stack.undo), (redo, undo_stack.redo)):
        made.triggered.disconnect()  # through Python: UndoStack saves open editors first
        made.triggered.connect(step)
    preferences = action(
        translate("Actions", "&Preferences…"), QKeySequence.StandardKey.Preferences,
        translate("Actions", "Language, report defaults, data folder and travel speeds"))
    if preferences.shortcut().isEmpty():
        preferences.setShortcut(QKeySequence("Ctrl+,"))
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    about = action(translate("Actions", "&About FieldVisit"))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return Actions(
        new_visit=action(
            translate("Actions", "&New Visit…"), QKeySequence.StandardKey.New,
            translate("Actions", "Create a new research visit")),
        import_visit=action(
            translate("Actions", "&Import Visit…"), QKeySequence.StandardKey.Open,
            translate("Actions", "Read a visit document (JSON) into this database")),
        export_visit=action(
            translate("Actions", "&Export Visit…"), "Ctrl+E",
            translate("Actions", "Write the selected visit as a visit document (JSON)")),
        load_sample=action(
            translate("Actions", "Load &Reference Visit"), None,
            translate("Actions", "Load the Chaoyang joint research visit as sample data")),
        quit=action(translate("Actions", "&Quit"), QKeySequence.StandardKey.Quit
                    if QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) else "Ctrl+Q"),
        undo=undo,
        redo=redo,
        edit_visit=action(
            translate("Actions", "Visit &Properties…"), "Ctrl+Return",
            translate("Actions", "Edit the selected visit's title, dates, status and methods")),
        delete_visit=action(
            translate("Actions", "Delete &Visit…"), None,
            translate("Actions", "Delete the selected visit")),
        delete=action(
            translate("Actions", "&Delete"), QKeySequence.StandardKey.Delete,
            translate("Actions", "Delete the selected item of the list that has focus")),
        new_note=action(
            translate("Actions", "&New Note"), "Ctrl+Shift+N",
            translate("Actions", "Start a note at the current stop of the selected visit")),
        directory=action(
            translate("Actions", "&Directory…"), "Ctrl+Shift+D",
            translate("Actions", "Organizations, people and sites shared by all visits")),
        search=action(
            translate("Actions", "&Search…"), QKeySequence.StandardKey.Find,
            translate("Actions", "Find text in the notes, key figures and follow-ups of all "
                                 "visits")),
        conflicts=action(
            translate("Actions", "Merge &Conflicts…"), None,
            translate("Actions", "Records changed both here and on another laptop")),
        preferences=preferences,
        about=about,
    )


def build_menus(window: QMainWindow, actions: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    file_menu.addAction(actions.new_visit)
    file_menu.addSeparator()
    file_menu.addAction(actions.import_visit)
    file_menu.addAction(actions.export_visit)
    file_menu.addAction(actions.load_sample)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.delete)
    edit_menu.addAction(actions.new_note)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.edit_visit)
    edit_menu.addAction(actions.delete_visit)
    tools_menu = bar.addMenu(translate("Actions", "&Tools"))
    tools_menu.addAction(actions.directory)
    tools_menu.addAction(actions.search)
    tools_menu.addAction(actions.conflicts)
    settings_menu = bar.addMenu(translate("Actions", "&Settings"))
    settings_menu.addAction(actions.preferences)
    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.addAction(actions.about)
