"""The main window's import and export of visits (documents and packages), off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from fieldvisit.services.changes import Change
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.undo_stack import UndoStack

if TYPE_CHECKING:
    from uuid import UUID

    from fieldvisit.persistence.db import Database
    from fieldvisit.services.package_merge import MergeSummary

PACKAGE_SUFFIX = ".fieldvisit"
translate = QCoreApplication.translate  # not self.tr: PySide takes the context from the
# object's class (MainWindow), lupdate from the class the call is written in


def merge_message(summary: MergeSummary) -> str:
    """What a merged package or visit document changed, for the status bar."""
    return (translate("VisitTransfer", "Merged “%1”: %2 added, %3 updated, %4 deleted, "
                                       "%5 unchanged, %6 in conflict")
            .replace("%1", summary.visit_title)
            .replace("%2", str(sum(summary.added.values())))
            .replace("%3", str(sum(summary.updated.values())))
            .replace("%4", str(sum(summary.deleted.values())))
            .replace("%5", str(sum(summary.unchanged.values())
                               + sum(summary.kept_local.values())))
            .replace("%6", str(len(summary.conflicts)))
            + (translate("VisitTransfer", "; %1 directory records kept: used only by other "
                                          "visits").replace("%1", str(kept)) if (kept := sum(
                summary.kept_directory.values())) else ""))


class VisitTransfer(QMainWindow):
    """Mixed into the main window, which provides ``database``, ``undo_stack``,
    ``announce``, ``current_visit_id`` and ``show_conflicts``."""

    database: Database | None
    _tasks: list[Task]

    def import_visit(self) -> None:
        path = file_dialogs.open_file(
            self, "visit", translate("VisitTransfer", "Import Visit"),
            translate("VisitTransfer",
                      "Visit packages and documents (*.fieldvisit *.json);;All files (*)"))
        if path:
            self.run_import(path)

    def run_import(self, path: Path) -> Task | None:
        from fieldvisit.services import visit_document

        if path.suffix.lower() == PACKAGE_SUFFIX:
            return self.run_unpack(path)
        if not self.undo_stack.flush():  # typed text lands before the import reads the data
            return None
        database = self._database()

        def work(token: CancelToken) -> MergeSummary:
            from fieldvisit.persistence.database_files import refuse_database_file

            refuse_database_file(path)  # before anything reads it
            document = visit_document.read_file(path)  # the strict reader, size first
            token.check()
            return visit_document.import_visit(database.unit_of_work(), document)

        def done(summary: MergeSummary) -> None:  # merged by history, as a package is
            self.announce(Change.everything(summary.visit_id), True)
            self.statusBar().showMessage(merge_message(summary), 10000)
            if summary.conflicts:
                self.show_conflicts(summary.visit_id)

        busy = translate("VisitTransfer", "Importing %1…").replace("%1", path.name)
        return self._start(busy, work, done)

    def run_unpack(self, path: Path) -> Task | None:
        """Merge a note-taker's package; conflicts are shown for the user to resolve."""
        from fieldvisit.services import package

        if not self.undo_stack.flush():
            return None
        database = self._database()
        root = database.photo_root

        def work(token: CancelToken) -> MergeSummary:
            from fieldvisit.persistence.database_files import refuse_database_file

            token.check()
            refuse_database_file(path)  # before anything reads it
            return package.unpack_visit(database.unit_of_work(), root, path)

        def done(summary: MergeSummary) -> None:
            self.announce(Change.everything(summary.visit_id), True)
            self.statusBar().showMessage(merge_message(summary), 10000)
            if summary.conflicts:
                self.show_conflicts(summary.visit_id)

        busy = translate("VisitTransfer", "Importing %1…").replace("%1", path.name)
        return self._start(busy, work, done)

    def export_visit(self) -> None:
        from fieldvisit.services import visits

        visit_id = self.current_visit_id()
        if visit_id is None:
            return
        title = visits.get_visit(self._database().unit_of_work(), visit_id).title
        path = file_dialogs.save_file(
            self, "visit", translate("VisitTransfer", "Export Visit"), f"{title[:60]}.json",
            translate("VisitTransfer", "Visit documents (*.json)"))
        if path:
            self.run_export(visit_id, path)

    def run_export(self, visit_id: UUID, path: Path) -> Task:
        from fieldvisit.files import write_text_atomically
        from fieldvisit.services import visit_document

        database = self._database()

        def work(token: CancelToken) -> Path:
            text = visit_document.dumps(  # merged back later by its exchange history
                visit_document.export_visit(database.unit_of_work(), visit_id, exchange=True))
            token.check()
            write_text_atomically(path, text)
            return path

        def done(written: Path) -> None:
            self.statusBar().showMessage(
                translate("VisitTransfer", "Exported to %1").replace("%1", str(written)), 10000)

        return self._start(translate("VisitTransfer", "Exporting…"), work, done)

    def _start(self, text: str | None, work: Any, done: Any, failed: Any = None) -> Task:
        from fieldvisit.ui.errors import show_error

        task = Task(self, text, work, done, failed or (lambda error: show_error(self, error)))
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def _database(self) -> Database:
        assert self.database is not None, "the database is not open yet"
        return self.database

    # provided by the main window
    undo_stack: UndoStack

    def announce(self, change: Change, reveal: bool = False) -> None:
        raise NotImplementedError

    def current_visit_id(self) -> UUID | None:
        raise NotImplementedError

    def show_conflicts(self, visit_id: UUID | None = None) -> Any:
        raise NotImplementedError
