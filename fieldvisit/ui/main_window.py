"""The main window: the list of visits beside the workspace of the selected one, or the welcome
page on an empty database.

The window shows before the database opens (``open_database_later``): the menus are there at
once, the database opens off the GUI thread and the visits fill in when it is ready. The
visit list and workspace modules, and SQLAlchemy with them, load only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from fieldvisit import APP_NAME
from fieldvisit.services.changes import Area, Change
from fieldvisit.ui.actions import build_actions, build_menus
from fieldvisit.ui.delete_action import FocusedDelete, on_delete
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.visit_navigation import VisitNavigation
from fieldvisit.ui.visit_transfer import VisitTransfer

if TYPE_CHECKING:
    from uuid import UUID

    from fieldvisit.persistence.db import Database
    from fieldvisit.ui.commands import CommandContext
    from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog
    from fieldvisit.ui.directory_commands import DirectoryEdits
    from fieldvisit.ui.views.directory_window import DirectoryWindow
    from fieldvisit.ui.views.search_window import SearchWindow
    from fieldvisit.ui.views.welcome_page import WelcomePage


class MainWindow(VisitNavigation, VisitTransfer, QMainWindow):
    database_opened = Signal()  # the database is open; its visits are about to be shown
    database_ready = Signal()  # the database is open and the visits are shown

    def __init__(self, database: Database | None = None) -> None:
        super().__init__()
        self.database = None
        self.live_updates: Any = None  # LiveUpdates on a shared database
        self.setWindowTitle(APP_NAME)
        self.undo_stack = UndoStack(self)
        self._selecting = False
        self.actions = build_actions(self, self.undo_stack)
        build_menus(self, self.actions)
        self.opening = QLabel(self.tr("Opening the database…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.opening)
        self.setCentralWidget(self.pages)
        self.welcome: WelcomePage | None = None
        self._tasks = []
        self._directory: DirectoryWindow | None = None
        self._search: SearchWindow | None = None
        self._connect_actions()
        self._focused_delete = FocusedDelete(self.actions.delete, self)
        self._enable_actions()
        self.resize(1200, 760)
        self._restore_geometry()
        if database is not None:
            self.attach(database)

    # -- opening -----------------------------------------------------------------------------
    def open_database_later(self, locate: Callable[[], str], exclusive: bool = False) -> None:
        """Open the database at ``locate()`` off the GUI thread, then show its visits; if it
        cannot be opened, say why and close. ``exclusive``: see ``open_database``."""

        from fieldvisit.persistence.concurrency import default_identity
        from fieldvisit.ui.preferences import user_name

        identity = default_identity(user_name())  # read here: QSettings on the GUI thread

        def work(_token: object) -> Database:
            from fieldvisit.persistence.db import open_database

            return open_database(locate(), exclusive=exclusive, identity=identity)

        def failed(error: BaseException) -> None:
            from fieldvisit.ui.messages import error_text

            QMessageBox.critical(self, APP_NAME, self.tr(
                "FieldVisit cannot open the database:\n\n%1").replace("%1", error_text(error)))
            self.close()

        self._start(None, work, self.attach, failed)

    def attach(self, database: Database) -> None:
        """Build the visit list and workspace over ``database`` and show the last visit."""
        self.database_opened.emit()
        from fieldvisit.ui.views.visit_workspace import VisitWorkspace
        from fieldvisit.ui.views.visits_list import VisitsList

        self.database = database
        self.visits_list = VisitsList()
        self.visits_model, self.visits_view = self.visits_list.model, self.visits_list.view
        self.visits_view.doubleClicked.connect(lambda _index: self.edit_visit())
        on_delete(self.visits_view, lambda: self.tr("&Delete Visit…"), self.delete_visit)
        self.workspace = VisitWorkspace(database, self.undo_stack, self._command_context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.visits_list)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 920])
        self.pages.addWidget(self.splitter)
        state = QSettings().value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        self.statusBar().showMessage((self.tr(
            "Database: %1 (read-only: it can be read, nothing can be saved)")
            if database.read_only else self.tr("Database: %1")).replace(
            "%1", database.display_name))
        self.visits_view.selectionModel().currentRowChanged.connect(self._visit_chosen)
        self.undo_stack.flush = self.workspace.flush
        self.refresh(self._last_visit_id(), first_load=True)
        if database.shared:  # a team server: colleagues' changes show as they are made
            from fieldvisit.ui.live_updates import LiveUpdates

            self.live_updates = LiveUpdates(self, database, self.announce)
        self.database_ready.emit()

    def _enable_actions(self) -> None:
        opened, chosen = self.database is not None, self.current_visit_id() is not None
        a = self.actions
        for action in (a.new_visit, a.import_visit, a.load_sample, a.directory, a.search,
                       a.conflicts, a.preferences):
            action.setEnabled(opened)
        for action in (a.export_visit, a.edit_visit, a.delete_visit, a.new_note):
            action.setEnabled(chosen)

    def _show_welcome(self) -> None:
        from fieldvisit.ui.views.welcome_page import WelcomePage

        if self.welcome is None:
            self.welcome = WelcomePage()
            self.welcome.open_sample.connect(self.open_sample_visit)
            self.welcome.new_visit.connect(self.new_visit)
            self.welcome.import_package.connect(self.import_visit)
            self.pages.addWidget(self.welcome)
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.focus_first()

    # -- slots -------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        a = self.actions
        a.new_visit.triggered.connect(self.new_visit)
        a.edit_visit.triggered.connect(self.edit_visit)
        a.delete_visit.triggered.connect(self.delete_visit)
        a.import_visit.triggered.connect(self.import_visit)
        a.export_visit.triggered.connect(self.export_visit)
        a.load_sample.triggered.connect(self.open_sample_visit)
        a.quit.triggered.connect(self.close)
        a.directory.triggered.connect(self.show_directory)
        a.new_note.triggered.connect(self.new_note)
        a.search.triggered.connect(self.show_search)
        a.conflicts.triggered.connect(lambda: self.show_conflicts())
        a.preferences.triggered.connect(self.show_preferences)
        a.about.triggered.connect(self.about)

    def _command_context(self) -> CommandContext:
        from fieldvisit.ui.commands import CommandContext
        from fieldvisit.ui.errors import show_error

        return CommandContext(self._database(), self.announce,
                              lambda error: show_error(self, error))

    def new_visit(self) -> None:
        from fieldvisit.ui.commands import CreateVisitCommand
        from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
        from fieldvisit.ui.preferences import travel_settings

        dialog = VisitDialog(self)
        if dialog.exec():
            fields = {**dialog.values(), "travel": travel_settings()}
            self.undo_stack.push(CreateVisitCommand(self._command_context(), fields))

    def edit_visit(self) -> None:
        from fieldvisit.services import visits
        from fieldvisit.ui.commands import EditVisitCommand
        from fieldvisit.ui.dialogs.visit_dialog import EDITABLE_FIELDS, VisitDialog

        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        visit = visits.get_visit(self._database().unit_of_work(), visit_id)
        dialog = VisitDialog(self, visit)
        if dialog.exec():
            before = {name: getattr(visit, name) for name in EDITABLE_FIELDS}
            self.undo_stack.push(EditVisitCommand(self._command_context(), visit_id, before,
                                                  dialog.values(), version=visit.version))

    def delete_visit(self) -> None:
        from fieldvisit.services import visits
        from fieldvisit.ui.commands import DeleteVisitCommand

        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        title = visits.get_visit(self._database().unit_of_work(), visit_id).title
        answer = QMessageBox.question(
            self, self.tr("Delete Visit"),
            self.tr("Delete the visit “%1” with its delegation, stops, notes, figures and "
                    "follow-ups? People, organizations and sites stay in the directory. You can "
                    "undo this with Edit ▸ Undo.").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(DeleteVisitCommand(self._command_context(), visit_id, title))

    def show_conflicts(self, visit_id: UUID | None = None) -> ConflictsDialog:
        from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self._database(), self, visit_id)
        dialog.changed.connect(lambda: self.announce(Change.everything()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_directory(self) -> DirectoryWindow:
        from fieldvisit.ui.views.directory_window import DirectoryWindow

        if self._directory is None:
            self._directory = DirectoryWindow(self._database(), self, self.directory_edits())
            self._directory.changed.connect(
                lambda: self.announce(Change.of(Area.DIRECTORY)))
        self._directory.reload()
        self._show_tool(self._directory)
        return self._directory

    def directory_edits(self) -> DirectoryEdits:
        """Changes of the directory as steps of this window's undo stack."""
        from fieldvisit.ui.directory_commands import DirectoryEdits

        return DirectoryEdits(self.undo_stack, self._command_context)

    def show_search(self) -> SearchWindow:
        from fieldvisit.ui.views.search_window import SearchWindow

        if self._search is None:
            self._search = SearchWindow(self._database(), self.open_note, self,
                                        open_stop=self.open_stop,
                                        open_directory=self.open_in_directory)
        self._show_tool(self._search)
        self._search.focus_query()
        return self._search

    @staticmethod
    def _show_tool(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def open_note(self, visit_id: UUID, note_id: UUID) -> None:
        """Show a search hit: its visit, on the Notes tab, with the note selected."""
        self.refresh(visit_id)
        notes_tab = self.workspace.notes_tab
        self.workspace.tabs.setCurrentWidget(notes_tab)
        notes_tab.show_note(note_id)
        self.raise_()
        self.activateWindow()

    def open_stop(self, visit_id: UUID, stop_id: UUID) -> None:
        """Show a site found by search: the visit, on the Itinerary tab, with its stop."""
        self.refresh(visit_id)
        self.workspace.tabs.setCurrentWidget(self.workspace.itinerary_tab)
        self.workspace.itinerary_tab.select(stop_id)
        self.raise_()
        self.activateWindow()

    def open_in_directory(self, kind: str, record_id: UUID) -> None:
        """Show a person (or a site no visit stops at) found by search in the Directory."""
        self.show_directory().show_record(kind, record_id)

    def new_note(self) -> None:
        """Ctrl+Shift+N from anywhere in the window: the Notes tab, with a new note started."""
        if self.current_visit_id() is None:
            return
        notes_tab = self.workspace.notes_tab
        self.workspace.tabs.setCurrentWidget(notes_tab)
        notes_tab.new_note()

    def open_sample_visit(self) -> None:
        """Load the reference visit (or show it if loaded before), on the Itinerary tab."""
        from fieldvisit.services import sample
        from fieldvisit.ui.errors import show_error

        try:
            summary = sample.load_reference_visit(self._database().unit_of_work())
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self.refresh(summary.visit_id)
        self.workspace.tabs.setCurrentWidget(self.workspace.itinerary_tab)

    def show_preferences(self) -> None:
        from fieldvisit.ui.preferences_flow import edit_preferences

        edit_preferences(self)

    def about(self) -> None:
        from fieldvisit.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.database.display_name if self.database else "", self).exec()

    def unsaved_work(self) -> str:
        """What is typed but not saved, in words ("" when nothing): see errors.show_error."""
        return self.workspace.has_unsaved() if self.database is not None else ""

    def _quit_without_saving(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Quit FieldVisit"),
            self.tr("What you typed (%1) could not be saved, so it is not saved yet. "
                    "Quit anyway and lose what was typed since the last save?").replace(
                "%1", self.unsaved_work() or self.tr("the note you are writing")),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    # -- settings ----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/state", self.restoreState)):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def _last_visit_id(self) -> UUID | None:
        from uuid import UUID

        try:
            return UUID(str(QSettings().value("window/lastVisit", "")))
        except ValueError:
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.database is not None and not self.undo_stack.flush() and \
                not self._quit_without_saving():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self.database is not None:
            settings.setValue("window/splitter", self.splitter.saveState())
            visit_id = self.current_visit_id()
            settings.setValue("window/lastVisit", str(visit_id) if visit_id else "")
        if self.live_updates is not None:
            self.live_updates.stop()
        super().closeEvent(event)
