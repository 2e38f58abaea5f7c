"""Long work off the GUI thread, with a progress dialog and a way to cancel."""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldvisit.domain.errors import FieldVisitError


class Cancelled(FieldVisitError):
    def __init__(self) -> None:
        super().__init__("cancelled")


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self.on_progress: Callable[[int, int], None] = lambda done, total: None

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Call between steps: raises Cancelled once the user asked to stop."""
        if self._event.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        """Report progress from the work (any thread); ``total`` 0 shows a busy indicator."""
        self.on_progress(done, total)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[CancelToken], Any], token: CancelToken) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work, self._token = work, token
        self.ended = threading.Event()
        """Set when the work has returned (or raised), on its own thread."""

    def run(self) -> None:
        try:
            result = self._work(self._token)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            self.ended.set()
            self._emit(self.signals.failed, error)
        else:
            self.ended.set()
            self._emit(self.signals.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window that asked closed meanwhile: nobody to tell
            pass


class Task(QObject):
    """Runs ``work(token)`` in the thread pool; calls back on the GUI thread when done.

    With a ``label`` a progress dialog with Cancel appears if the work takes longer than
    0.4 s; without one (``None``) the work runs quietly, e.g. opening the database at start."""

    finished = Signal()

    def __init__(self, parent: QWidget, label: str | None, work: Callable[[CancelToken], Any],
                 on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._on_success, self._on_failure = on_success, on_failure
        self._progress: QProgressDialog | None = None
        if label is not None:
            self._progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(400)
            self._progress.canceled.connect(self.token.cancel)
        self._job = _Job(work, self.token)
        self._job.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._job.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._job.signals.progressed.connect(self._progressed,
                                             Qt.ConnectionType.QueuedConnection)
        self.token.on_progress = self._job.signals.progressed.emit

    def start(self) -> Task:
        QThreadPool.globalInstance().start(self._job)
        return self

    def wait(self, seconds: float) -> bool:
        """Block until the work has returned (its callbacks may still be queued); False if it
        is still running after ``seconds``."""
        return self._job.ended.wait(seconds)

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is None:
            return
        self._progress.setMaximum(max(total, 0))
        self._progress.setValue(min(done, total) if total else 0)

    def _succeeded(self, result: Any) -> None:
        self._close()
        self._on_success(result)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._close()
        if not isinstance(error, Cancelled):
            self._on_failure(error)
        self.finished.emit()

    def _close(self) -> None:
        self.token.on_progress = lambda done, total: None
        if self._progress is None:
            return
        self._progress.canceled.disconnect(self.token.cancel)
        self._progress.close()
        self._progress.deleteLater()
        self._progress = None
