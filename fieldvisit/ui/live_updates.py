"""On a shared database (a team server), the window looks every two seconds, off the GUI
thread, for what other clients wrote, and announces it like a change of its own: the views
re-read what it names, and an open note editor takes in (or flags) a new version of its note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer

from fieldvisit.services import live_changes
from fieldvisit.services.changes import Change
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.tasks import Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from fieldvisit.persistence.db import Database

INTERVAL_MS = 2000


class LiveUpdates(QObject):
    def __init__(self, window: QMainWindow, database: Database,
                 announce: Callable[[Change], None]) -> None:
        super().__init__(window)
        self._window, self._database, self._announce = window, database, announce
        self._after = live_changes.latest(database.unit_of_work())
        self._task: Task | None = None
        self._unreachable = False
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> Task | None:
        """Look for other clients' changes (once at a time); returns the running look."""
        if self._task is not None:
            return None
        database, after = self._database, self._after

        def work(_token: object) -> live_changes.LiveChanges:
            return live_changes.changes_since(database.unit_of_work(), after, database.client)

        self._task = Task(self._window, None, work, self._arrived, self._failed)
        self._task.finished.connect(self._done)
        return self._task.start()

    def stop(self) -> None:
        """No more looks, and the one running has ended (the database is about to close, and
        a look still using it would fail)."""
        self.timer.stop()
        if self._task is not None:
            self._task.token.cancel()
            self._task.wait(10.0)

    def _done(self) -> None:
        self._task = None

    def _arrived(self, found: live_changes.LiveChanges) -> None:
        if self._unreachable:
            self._unreachable = False
            self._window.statusBar().clearMessage()
        self._after = found.last
        for change in found.changes:
            self._announce(change)

    def _failed(self, error: BaseException) -> None:
        """The server cannot be reached: said once in the status bar; looked for again."""
        self._unreachable = True
        self._window.statusBar().showMessage(self.tr(
            "Cannot see colleagues' changes: %1").replace("%1", error_text(error)))
