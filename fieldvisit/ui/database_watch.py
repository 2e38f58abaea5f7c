"""Says at once when another program deleted or replaced the open database's files.

Once a second the window asks the database whether its file and ``-wal`` file are still those
it opened (``Database.files_problem``, a stat of each). If not, what the window writes from then
on would be lost at the next start, so: every save already fails (the unit of work refuses
commits), the window stops taking edits, what the window's connection still sees is written to
a copy beside the database (``VACUUM INTO``, in the background), and one message says what
happened and where the copy is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from fieldvisit import APP_NAME
from fieldvisit.ui.messages import error_text, message_text
from fieldvisit.ui.tasks import CancelToken, Task

if TYPE_CHECKING:
    from fieldvisit.domain.messages import Message
    from fieldvisit.persistence.db import Database
    from fieldvisit.ui.main_window import MainWindow

POLL_MS = 1000


class DatabaseWatch(QObject):
    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.recovered: Path | None = None
        self.task: Task | None = None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> bool:
        """True once the database's files were found lost (then the watch stops)."""
        database = self.window.database
        problem = database.files_problem() if database is not None else None
        if problem is None:
            return False
        self.timer.stop()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)
        self.window.statusBar().addPermanentWidget(QLabel(self.tr(
            "Not saving: the database's files were changed by another program")))
        self._recover(database, problem)
        return True

    def _recover(self, database: Database, problem: Message) -> None:
        from fieldvisit.persistence.database_files import recovered_copy_path
        from fieldvisit.persistence.db import copy_database_file

        assert database.file_path is not None
        target = recovered_copy_path(database.file_path)

        def work(_token: CancelToken) -> Path:
            copy_database_file(database, target)
            return target

        def done(path: Path) -> None:
            self.recovered = path
            QMessageBox.critical(self.window, APP_NAME, self.tr(
                "%1.\n\nEverything this window still shows was written to:\n%2\n\nQuit "
                "FieldVisit and keep both files. To go on from your latest changes, start "
                "FieldVisit on the copy (fieldvisit --db and its name), or move %3 aside and "
                "give the copy its name.").replace("%1", _sentence(problem))
                .replace("%2", str(path)).replace("%3", str(database.file_path)))

        def failed(error: BaseException) -> None:
            QMessageBox.critical(self.window, APP_NAME, self.tr(
                "%1.\n\nFieldVisit could not write a copy of what this window still shows: %2")
                .replace("%1", _sentence(problem)).replace("%2", error_text(error)))

        self.task = Task(self.window, self.tr("Saving what this window still shows…"), work,
                         done, failed).start()


def _sentence(problem: Message) -> str:
    text = str(message_text(problem))
    return text[:1].upper() + text[1:]
