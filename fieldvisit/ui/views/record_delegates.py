"""In-place editors for table cells: a list to choose from, and a date that may be left
empty."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyledItemDelegate, QWidget

from fieldvisit.ui import formats
from fieldvisit.ui.models.table_model import ModelIndex, find_data

NO_DATE = QDate(1900, 1, 1)
"""The lowest date of an OptionalDateEdit stands for "no date"."""
SEPARATORS = frozenset("/.-年月 ")


def fit_editor(editor: QWidget, option: Any) -> None:
    """Place an editor over its cell, widened to show its whole text in a narrow column
    (towards the left where the table ends)."""
    rect = option.rect
    width = max(rect.width(), editor.sizeHint().width())
    parent = editor.parentWidget()
    space = parent.width() if parent is not None else rect.right()
    left = max(0, min(rect.x(), space - width))
    editor.setGeometry(left, rect.y(), width, rect.height())


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a list of (value, text) choices; the model gets the value."""

    def __init__(self, choices: Callable[[], Sequence[tuple[Any, str]]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: ModelIndex) -> QWidget:
        editor = QComboBox(parent)
        for value, text in self.choices():
            editor.addItem(text, value)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, find_data(editor, index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: Any, index: ModelIndex) -> None:
        fit_editor(editor, option)


class OptionalDateEdit(QDateEdit):
    """A date, or none (shown as ``empty_text``). Delete empties it; the arrow keys, a digit
    or the calendar start from ``start`` when it is empty. A date can be typed whole in the
    locale's format ("30/06/2023", "2023/6/30"), separators included."""

    def __init__(self, empty_text: str, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QDate(start.year, start.month, start.day)
        self.setCalendarPopup(True)
        self.setDisplayFormat(formats.date_edit_format())
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)
        self.setDate(NO_DATE)
        self._advanced = False  # the last digit typed completed a part of the date
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        day = self.date()
        return None if self.is_empty() else date(day.year(), day.month(), day.day())

    def set_value(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def is_empty(self) -> bool:
        return self.date() == NO_DATE

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self.setDate(self.start)
        else:
            super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.clear_date()
            return
        if typed.isdigit() and (self.is_empty() or self.lineEdit().selectedText()
                                == self.lineEdit().text()):  # typing over it: from the start
            if self.is_empty():
                self.setDate(self.start)
            self.setSelectedSection(self.sectionAt(0))
        elif self._advanced and typed in SEPARATORS:
            self._advanced = False  # "30/06/2023": "30" already moved on to the month
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._advanced = typed.isdigit() and self.currentSection() != section

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show \
                and self.is_empty():  # the calendar opens at the start, not in 1900
            self.calendarWidget().setCurrentPage(self.start.year(), self.start.month())
        return super().eventFilter(watched, event)


class OptionalDateDelegate(QStyledItemDelegate):
    """Edits a date that may be empty (None in the model)."""

    def __init__(self, empty_text: Callable[[], str], hint: Callable[[], str],
                 today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.empty_text, self.hint, self.today = empty_text, hint, today

    def createEditor(self, parent: QWidget, option: Any, index: ModelIndex) -> QWidget:
        editor = OptionalDateEdit(self.empty_text(), self.today(), parent)
        editor.setToolTip(self.hint())
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, OptionalDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_value(value if isinstance(value, date) else None)

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:
        assert isinstance(editor, OptionalDateEdit)
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: Any, index: ModelIndex) -> None:
        fit_editor(editor, option)
