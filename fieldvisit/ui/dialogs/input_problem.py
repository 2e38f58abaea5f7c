"""The line under a dialog's fields that says what is wrong with the input.

It appears when OK is refused, and from then on the input is checked again at every change:
the line goes as soon as the input is valid, or says what is still wrong, so it never describes
input that has been corrected."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.errors import ValidationError
from fieldvisit.ui.messages import error_text


class InputProblem(QLabel):
    """``validate`` raises ValidationError for invalid input (e.g. builds the record from the
    dialog's values); ``watch(dialog)`` rechecks on every change of the dialog's fields."""

    def __init__(self, validate: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._validate = validate
        self.setStyleSheet("color: #b00020")
        self.setWordWrap(True)

    def check(self) -> bool:
        """Validate now: show what is wrong and return False, or clear and return True."""
        try:
            self._validate()
        except ValidationError as error:
            self.setText(error_text(error))
            return False
        self.clear()
        return True

    def watch(self, fields: QWidget) -> None:
        """Recheck after every change of the input widgets inside ``fields``, while a problem
        is shown (before OK is first pressed, typing is not interrupted by complaints)."""
        for widget in fields.findChildren(QWidget):
            signal = _changed_signal(widget)
            if signal is not None:
                signal.connect(self._recheck)

    def _recheck(self, *_args: object) -> None:
        if self.text():
            self.check()


def _changed_signal(widget: QWidget):
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.toggled
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    return None
