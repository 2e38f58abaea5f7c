"""Create or edit an organization of the directory."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.entities import Organization
from fieldvisit.domain.enums import OrganizationKind
from fieldvisit.ui.dialogs.input_problem import InputProblem
from fieldvisit.ui.labels import label


class OrganizationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None,
                 organization: Organization | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Organization") if organization
                            else self.tr("New Organization"))
        self.setMinimumWidth(440)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 北京市总工会"))
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText(self.tr("e.g. 市总工会"))
        self.kind = QComboBox()
        for kind in OrganizationKind:
            self.kind.addItem(label(kind), kind)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problem = InputProblem(lambda: Organization(**self.values()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Short name:"), self.short_name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("N&otes:"), self.notes)
        form.addRow(self.problem)
        form.addRow(buttons)
        if organization:
            self.name.setText(organization.name)
            self.short_name.setText(organization.short_name)
            self.kind.setCurrentIndex(self.kind.findData(organization.kind))
            self.notes.setPlainText(organization.notes)
        else:
            self.kind.setCurrentIndex(self.kind.findData(OrganizationKind.OTHER))
        self.problem.watch(self)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "short_name": self.short_name.text().strip(),
                "kind": OrganizationKind(self.kind.currentData()),
                "notes": self.notes.toPlainText().strip()}

    def accept(self) -> None:
        if self.problem.check():
            super().accept()
