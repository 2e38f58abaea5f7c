"""Turn a need raised in a note into a follow-up action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.entities import Organization
from fieldvisit.ui import formats


class FollowUpDialog(QDialog):
    def __init__(self, organizations: list[Organization], suggestion: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Follow-up"))
        self.setMinimumWidth(460)
        self.action = QPlainTextEdit(suggestion)
        self.action.setTabChangesFocus(True)
        self.action.setFixedHeight(70)
        self.responsible = QComboBox()
        self.responsible.addItem(self.tr("(not decided)"), None)
        for organization in organizations:
            self.responsible.addItem(organization.name, organization.id)
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit(QDate.currentDate().addMonths(1), calendarPopup=True,
                             displayFormat=formats.date_edit_format())
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        due = QHBoxLayout()
        due.addWidget(self.has_due)
        due.addWidget(self.due)
        form = QFormLayout(self)
        form.addRow(self.tr("&Action:"), self.action)
        form.addRow(self.tr("&Responsible:"), self.responsible)
        form.addRow(self.tr("Due:"), due)
        form.addRow(self.buttons)
        self.action.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.action.toPlainText().strip()))

    def values(self) -> dict[str, Any]:
        return {"action": self.action.toPlainText().strip(),
                "responsible_organization_id": self.responsible.currentData(),
                "due_date": self.due.date().toPython() if self.has_due.isChecked() else None}
