"""When an autosaving editor saves what is typed: after a pause in typing, and at least every
SAVE_DELAY_MS while typing goes on (the note editor and the report's texts)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

SAVE_DELAY_MS = 700  # well inside the promise of losing at most the last second


class SavePacing(QObject):
    """``due`` is emitted when what was typed since the last save should be saved."""

    due = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.due.emit)
        self.unsaved_since: float | None = None
        """When the first edit not yet saved was made (None: none since the last save)."""

    def edited(self) -> None:
        """An edit: due after SAVE_DELAY_MS without another one, or now if the first unsaved
        edit is that old."""
        now = time.monotonic()
        if self.unsaved_since is None:
            self.unsaved_since = now
        if now - self.unsaved_since >= SAVE_DELAY_MS / 1000:
            self.timer.stop()
            self.due.emit()
        else:
            self.timer.start()

    def saved(self) -> None:
        """What was typed is saved, or its save refused: the next edit starts afresh."""
        self.unsaved_since = None

    def saving_now(self) -> None:
        """The editor saves now: no save is due later for what is typed so far."""
        self.timer.stop()

    def forget(self) -> None:
        """The editor shows another record: nothing typed is due to be saved."""
        self.timer.stop()
        self.unsaved_since = None
