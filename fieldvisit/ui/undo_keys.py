"""The platform's Undo and Redo keys (Ctrl+Z, Ctrl+Shift+Z …) reach the window's undo stack
wherever focus is, unless the focused widget has typing of its own to take back.

Qt offers these keys to the focused widget first (a ShortcutOverride event): a line edit, a
spin or time box or a text edit accepts them even with nothing to undo, and Edit ▸ Undo never
runs. This filter, installed once on the application, lets the shortcut through instead:

* spin, date and time boxes: always (one field's typing is not worth an undo of its own);
* combo boxes: unless their line edit has something to undo (redo);
* line edits: unless ``isUndoAvailable()`` (``isRedoAvailable()`` for Redo);
* plain and rich text edits: unless their document has something to undo (redo).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_PROPERTY = "fieldvisitUndoKeys"


def _has_own(widget: QObject, redo: bool) -> bool | None:
    """Whether ``widget`` has something of its own to undo (redo); None when it is not a
    widget that takes these keys."""
    parent = widget.parent()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
        widget = parent  # the editor inside a spin box or combo box
    if isinstance(widget, QAbstractSpinBox):
        return False
    if isinstance(widget, QComboBox):
        edit = widget.lineEdit()
        return edit is not None and _has_own(edit, redo) is True
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class UndoKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo):
            redo = False
        elif event.matches(QKeySequence.StandardKey.Redo):
            redo = True
        else:
            return False
        if _has_own(watched, redo) is False:
            event.ignore()  # not overridden: the window's Undo/Redo shortcut runs
            return True
        return False


def install_undo_keys(app: QApplication | None = None) -> None:
    """Install the filter on ``app`` (the running application) once."""
    app = app or QApplication.instance()
    if app is None or app.property(_PROPERTY):
        return
    keys = UndoKeys(app)
    app.installEventFilter(keys)
    app.setProperty(_PROPERTY, True)
