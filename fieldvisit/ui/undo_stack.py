"""The window's undo stack: every change the user makes goes through it.

Two rules hold here, for every command: open editors are saved before a command runs (their
typed text lands in their own record before anything else changes), and nothing runs while the
window is showing a change (a refresh never writes): a command pushed then (say, a field that
loses focus as its view is refilled) runs right after the refresh, not inside it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget


class UndoStack(QUndoStack):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.showing_change = False  # set by the window while views re-read a change
        self.flush: Callable[[], bool] = lambda: True  # save the open editors
        self._flushing = False

    def push(self, command: QUndoCommand) -> None:
        if self.showing_change:
            QTimer.singleShot(0, lambda: self.push(command))
            return
        self._flush()
        super().push(command)

    def undo(self) -> None:
        if self._flush():
            super().undo()

    def redo(self) -> None:
        if self._flush():
            super().redo()

    def _flush(self) -> bool:
        """Save the open editors (not again while they are saving: their own commands)."""
        if self._flushing:
            return True
        self._flushing = True
        try:
            return self.flush()
        finally:
            self._flushing = False
