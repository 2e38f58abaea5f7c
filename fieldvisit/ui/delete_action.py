"""Edit ▸ Delete (the Delete key) acts on the item that has focus: in the visit list it deletes
the visit, in the delegation it removes the member, in the notes list it deletes the note, and
so on. A view says what Delete means in it with ``on_delete``; where nothing is registered
(a text field, a button) the action is off, and text fields keep the key for themselves."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

translate = QCoreApplication.translate
_TARGET = "_delete_target"


def on_delete(widget: QWidget, text: Callable[[], str], delete: Callable[[], None]) -> None:
    """Make Delete in ``widget`` (and its children) call ``delete``; ``text`` names it for
    the Edit menu (e.g. "&Delete Note")."""
    setattr(widget, _TARGET, (text, delete))


def delete_target(widget: QWidget | None) -> tuple[Callable[[], str], Callable[[], None]] | None:
    """What Delete means for ``widget``: its own registration or its nearest parent's."""
    while widget is not None:
        target = getattr(widget, _TARGET, None)
        if target is not None:
            return target
        widget = widget.parentWidget()
    return None


class FocusedDelete(QObject):
    """Keeps ``action`` (the window's Delete) pointed at the focused view."""

    def __init__(self, action: QAction, window: QWidget) -> None:
        super().__init__(action)  # gone with the action: no call into a deleted one
        self.action, self.window = action, window
        action.triggered.connect(self.trigger)
        QApplication.instance().focusChanged.connect(self.follow_focus)
        self.follow_focus()

    def _target(self) -> tuple[Callable[[], str], Callable[[], None]] | None:
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not self.window:
            return None
        return delete_target(focused)

    def follow_focus(self, *_widgets: object) -> None:
        target = self._target()
        self.action.setEnabled(target is not None)
        self.action.setText(target[0]() if target else translate("Actions", "&Delete"))

    def trigger(self) -> None:
        target = self._target()
        if target is not None:
            target[1]()
