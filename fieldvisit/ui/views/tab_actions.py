"""Actions that belong to one tab: their shortcuts work while focus is inside the tab."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def tab_action(owner: QWidget, toolbar: QToolBar | None, text: str,
               shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], None],
               tip: str = "") -> QAction:
    """An action of ``owner`` (on ``toolbar`` when given) with a tab-wide shortcut; the tooltip
    names the shortcut."""
    action = QAction(text, owner)
    plain = tip or text.replace("&", "")
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        plain = f"{plain} ({action.shortcut().toString()})"
    action.setToolTip(plain)
    action.triggered.connect(slot)
    owner.addAction(action)
    if toolbar is not None:
        toolbar.addAction(action)
    return action
