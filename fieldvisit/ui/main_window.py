"""The main window: the list of visits beside the workspace of the selected one."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from uuid import UUID

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit import APP_NAME, __version__
from fieldvisit.files import write_text_atomically
from fieldvisit.persistence.db import Database, photo_root
from fieldvisit.services import package, sample, visit_document, visits
from fieldvisit.services.delegation_view import delegation_details
from fieldvisit.services.itinerary_view import itinerary
from fieldvisit.services.notes import visit_records
from fieldvisit.services.package_merge import MergeSummary
from fieldvisit.services.views import VisitSummary
from fieldvisit.ui.actions import build_actions, build_menus
from fieldvisit.ui.commands import (
    CommandContext,
    CreateVisitCommand,
    DeleteVisitCommand,
    EditVisitCommand,
)
from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog
from fieldvisit.ui.dialogs.visit_dialog import EDITABLE_FIELDS, VisitDialog
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.i18n import chosen_language, set_language_preference
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, RecordTableModel
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.views.directory_window import DirectoryWindow
from fieldvisit.ui.views.search_window import SearchWindow
from fieldvisit.ui.views.tables import make_table
from fieldvisit.ui.views.visit_workspace import VisitWorkspace

OFFER_SAMPLE_KEY = "start/offerReferenceVisit"


def _dates(summary: VisitSummary) -> str:
    return " – ".join(str(d) for d in dict.fromkeys((summary.start_date, summary.end_date)) if d)


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(APP_NAME)
        self.undo_stack = QUndoStack(self)
        self.visits_model: RecordTableModel[VisitSummary] = RecordTableModel([
            Column(lambda: self.tr("Visit"), lambda v: v.title),
            Column(lambda: self.tr("Status"), lambda v: label(v.status)),
            Column(lambda: self.tr("Dates"), _dates),
        ], self)
        self.visits_view: QTableView = make_table(self.visits_model)
        self.visits_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.visits_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.visits_view.doubleClicked.connect(lambda _index: self.edit_visit())
        self.workspace = VisitWorkspace(database, self.undo_stack, self._command_context)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Visits")))
        left_layout.addWidget(self.visits_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 920])
        self.setCentralWidget(self.splitter)
        self.actions = build_actions(self, self.undo_stack)
        build_menus(self, self.actions)
        self._connect_actions()
        self.statusBar().showMessage(self.tr("Database: %1").replace(
            "%1", database.display_name))
        self.visits_view.selectionModel().currentRowChanged.connect(self._visit_selected)
        self._tasks: list[Task] = []
        self._directory: DirectoryWindow | None = None
        self._search: SearchWindow | None = None
        self.resize(1200, 760)
        self._restore_settings()
        self.refresh(self._last_visit_id(), first_load=True)

    # -- state -------------------------------------------------------------------------------
    def current_visit_id(self) -> UUID | None:
        index = self.visits_view.currentIndex()
        return self.visits_model.row_at(index.row()).id if index.isValid() else None

    def refresh(self, select: UUID | None = None, first_load: bool = False) -> None:
        """Reload the visit list and show ``select`` (or the current visit) in the workspace;
        on first load with nothing chosen, the first visit."""
        select = select or self.current_visit_id()
        summaries = visits.list_visits(self.database.unit_of_work())
        self.visits_model.set_rows(summaries)
        rows = [i for i, s in enumerate(summaries) if s.id == select]
        selection = self.visits_view.selectionModel()
        selection.blockSignals(True)  # one reload below, not a second one from the signal
        if rows:
            self.visits_view.selectRow(rows[0])
        elif select is None and summaries and first_load:
            self.visits_view.selectRow(0)
        selection.blockSignals(False)
        self._visit_selected()

    def _visit_selected(self) -> None:
        visit_id = self.current_visit_id()
        uow = self.database.unit_of_work()
        overview = visits.visit_overview(uow, visit_id) if visit_id else None
        records = visit_records(uow, visit_id) if visit_id else None
        details = delegation_details(uow, visit_id) if visit_id else None
        plan = itinerary(uow, visit_id) if visit_id else None
        self.workspace.show_visit(overview, records, details, plan)
        for action in (self.actions.export_visit, self.actions.edit_visit,
                       self.actions.delete_visit):
            action.setEnabled(visit_id is not None)
        self.setWindowTitle(f"{overview.visit.title} — {APP_NAME}" if overview else APP_NAME)

    # -- slots -------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        a = self.actions
        a.new_visit.triggered.connect(self.new_visit)
        a.edit_visit.triggered.connect(self.edit_visit)
        a.delete_visit.triggered.connect(self.delete_visit)
        a.import_visit.triggered.connect(self.import_visit)
        a.export_visit.triggered.connect(self.export_visit)
        a.load_sample.triggered.connect(self.load_reference_visit)
        a.quit.triggered.connect(self.close)
        a.directory.triggered.connect(self.show_directory)
        a.search.triggered.connect(self.show_search)
        a.conflicts.triggered.connect(lambda: self.show_conflicts())
        a.about.triggered.connect(self.about)
        language = str(QSettings().value("ui/language", "") or "")
        for choice in a.languages.actions():
            choice.setChecked(choice.data() == language)
        a.languages.triggered.connect(self._language_chosen)

    def _command_context(self) -> CommandContext:
        return CommandContext(self.database, self.refresh, lambda error: show_error(self, error))

    def new_visit(self) -> None:
        dialog = VisitDialog(self)
        if dialog.exec():
            self.undo_stack.push(CreateVisitCommand(self._command_context(), dialog.values()))

    def edit_visit(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        visit = visits.get_visit(self.database.unit_of_work(), visit_id)
        dialog = VisitDialog(self, visit)
        if dialog.exec():
            before = {name: getattr(visit, name) for name in EDITABLE_FIELDS}
            self.undo_stack.push(EditVisitCommand(self._command_context(), visit_id, before,
                                                  dialog.values()))

    def delete_visit(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        title = visits.get_visit(self.database.unit_of_work(), visit_id).title
        answer = QMessageBox.question(
            self, self.tr("Delete Visit"),
            self.tr("Delete the visit “%1” with its delegation, stops, notes, figures and "
                    "follow-ups? People, organizations and sites stay in the directory. You can "
                    "undo this with Edit ▸ Undo.").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(DeleteVisitCommand(self._command_context(), visit_id, title))

    def import_visit(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Visit"), "",
            self.tr("Visit packages and documents (*.fieldvisit *.json);;All files (*)"))
        if path:
            self.run_import(Path(path))

    def run_unpack(self, path: Path) -> Task:
        """Merge a note-taker's package; conflicts are shown for the user to resolve."""
        root = photo_root(self.database.url)

        def work(token: CancelToken) -> MergeSummary:
            token.check()
            return package.unpack_visit(self.database.unit_of_work(), root, path)

        def done(summary: MergeSummary) -> None:
            self.refresh(summary.visit_id)
            self.statusBar().showMessage(
                self.tr("Merged “%1”: %2 added, %3 updated, %4 unchanged, %5 in conflict")
                .replace("%1", summary.visit_title)
                .replace("%2", str(sum(summary.added.values())))
                .replace("%3", str(sum(summary.updated.values())))
                .replace("%4", str(sum(summary.unchanged.values())
                                   + sum(summary.kept_local.values())))
                .replace("%5", str(len(summary.conflicts))), 10000)
            if summary.conflicts:
                self.show_conflicts(summary.visit_id)

        return self._start(self.tr("Importing %1…").replace("%1", path.name), work, done)

    def show_conflicts(self, visit_id: UUID | None = None) -> ConflictsDialog:
        dialog = ConflictsDialog(self.database, self, visit_id)
        dialog.changed.connect(lambda: self.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def run_import(self, path: Path) -> Task:
        if path.suffix.lower() == package.SUFFIX:
            return self.run_unpack(path)
        def work(token: CancelToken) -> visit_document.ImportSummary:
            document = visit_document.loads(path.read_bytes())
            token.check()
            return visit_document.import_visit(self.database.unit_of_work(), document)

        def done(summary: visit_document.ImportSummary) -> None:
            self.refresh(summary.visit_id)
            added, updated = sum(summary.added.values()), sum(summary.updated.values())
            self.statusBar().showMessage(
                self.tr("Imported “%1”: %2 records added, %3 updated, %4 unchanged")
                .replace("%1", summary.visit_title).replace("%2", str(added))
                .replace("%3", str(updated))
                .replace("%4", str(sum(summary.unchanged.values()))), 10000)

        return self._start(self.tr("Importing %1…").replace("%1", path.name), work, done)

    def export_visit(self) -> None:
        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        title = visits.get_visit(self.database.unit_of_work(), visit_id).title
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Visit"), f"{title[:60]}.json",
            self.tr("Visit documents (*.json)"))
        if path:
            self.run_export(visit_id, Path(path))

    def run_export(self, visit_id: UUID, path: Path) -> Task:
        def work(token: CancelToken) -> Path:
            text = visit_document.dumps(
                visit_document.export_visit(self.database.unit_of_work(), visit_id))
            token.check()
            write_text_atomically(path, text)
            return path

        def done(written: Path) -> None:
            self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(written)),
                                         10000)

        return self._start(self.tr("Exporting…"), work, done)

    def _start(self, text: str, work: Any, done: Any) -> Task:
        task = Task(self, text, work, done, lambda error: show_error(self, error))
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def show_directory(self) -> DirectoryWindow:
        if self._directory is None:
            self._directory = DirectoryWindow(self.database, self)
            self._directory.changed.connect(lambda: self.refresh())
        self._directory.reload()
        self._directory.show()
        self._directory.raise_()
        self._directory.activateWindow()
        return self._directory

    def show_search(self) -> SearchWindow:
        if self._search is None:
            self._search = SearchWindow(self.database, self.open_note, self)
        self._search.show()
        self._search.raise_()
        self._search.activateWindow()
        self._search.focus_query()
        return self._search

    def open_note(self, visit_id: UUID, note_id: UUID) -> None:
        """Show a search hit: its visit, on the Notes tab, with the note selected."""
        self.refresh(visit_id)
        notes_tab = self.workspace.notes_tab
        self.workspace.tabs.setCurrentWidget(notes_tab)
        notes_tab.show_note(note_id)
        self.raise_()
        self.activateWindow()

    def load_reference_visit(self) -> None:
        try:
            summary = sample.load_reference_visit(self.database.unit_of_work())
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self.refresh(summary.visit_id)

    def offer_reference_visit_if_empty(self) -> None:
        settings = QSettings()
        if not sample.database_is_empty(self.database.unit_of_work()) \
                or settings.value(OFFER_SAMPLE_KEY, True, type=bool) is False:
            return
        answer = QMessageBox.question(
            self, APP_NAME,
            self.tr("This database is empty. Load the reference visit (the joint research visit "
                    "of four organizations to Chaoyang district) to see how FieldVisit works?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.load_reference_visit()
        else:
            settings.setValue(OFFER_SAMPLE_KEY, False)

    def _language_chosen(self, choice: QAction) -> None:
        set_language_preference(str(choice.data()))
        if chosen_language() != str(choice.data() or chosen_language()):
            return
        QMessageBox.information(self, APP_NAME, self.tr(
            "The language changes the next time FieldVisit starts."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About FieldVisit"), self.tr(
            "<h3>FieldVisit %1</h3><p>Plan joint field research visits, take notes on site and "
            "publish the research report.</p><p>Database: %2</p>")
            .replace("%1", __version__).replace("%2", html.escape(self.database.display_name)))

    # -- settings ----------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        for key, restore in (("window/geometry", self.restoreGeometry),
                             ("window/state", self.restoreState),
                             ("window/splitter", self.splitter.restoreState)):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def _last_visit_id(self) -> UUID | None:
        try:
            return UUID(str(QSettings().value("window/lastVisit", "")))
        except ValueError:
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        visit_id = self.current_visit_id()
        settings.setValue("window/lastVisit", str(visit_id) if visit_id else "")
        super().closeEvent(event)
