"""Create or edit a person of the directory; a missing organization can be created here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from fieldvisit.domain.entities import Organization, Person
from fieldvisit.services import directory
from fieldvisit.ui.dialogs.input_problem import InputProblem
from fieldvisit.ui.dialogs.organization_dialog import OrganizationDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.models.table_model import find_data

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class PersonDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None,
                 person: Person | None = None, edits: DirectoryEdits | None = None) -> None:
        """``edits``: where "New…" sends the organization it creates (an undoable step)."""
        super().__init__(parent)
        self.database = database
        self.edits = edits or DirectoryEdits.own(database, self)
        self.setWindowTitle(self.tr("Edit Person") if person else self.tr("New Person"))
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 市总工会党组书记、副主席"))
        self.organization = QComboBox()
        self.organization.setEditable(False)
        self.new_organization = QPushButton(self.tr("New…"))
        self.new_organization.setToolTip(self.tr("Create an organization that is not listed"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.problem = InputProblem(lambda: Person(**self.values()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        organization_row = QHBoxLayout()
        organization_row.addWidget(self.organization, 1)
        organization_row.addWidget(self.new_organization)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Title:"), self.title)
        organization_label = QLabel(self.tr("&Organization:"))  # a row of a layout gets no
        organization_label.setBuddy(self.organization)  # buddy: the "&" would show as it is
        form.addRow(organization_label, organization_row)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("Note&s:"), self.notes)  # Alt+O is the organization
        form.addRow(self.problem)
        form.addRow(buttons)
        self.new_organization.clicked.connect(self.create_organization)
        self._load_organizations(person.organization_id if person else None)
        if person:
            self.name.setText(person.name)
            self.title.setText(person.title)
            self.phone.setText(person.phone)
            self.email.setText(person.email)
            self.notes.setPlainText(person.notes)
        self.problem.watch(self)

    def _load_organizations(self, selected: UUID | None) -> None:
        self.organization.clear()
        self.organization.addItem(self.tr("(none)"), None)
        organizations: list[Organization] = directory.list_organizations(
            self.database.unit_of_work())
        for organization in organizations:
            text = organization.name + (f"（{organization.short_name}）"
                                        if organization.short_name else "")
            self.organization.addItem(text, organization.id)
        self.organization.setCurrentIndex(max(0, find_data(self.organization, selected)))

    def create_organization(self) -> None:
        dialog = OrganizationDialog(self)
        if not dialog.exec():
            return
        created = self.edits.create(Organization, dialog.values())
        if created is not None:
            self._load_organizations(created.id)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "title": self.title.text().strip(),
                "organization_id": self.organization.currentData(),
                "phone": self.phone.text().strip(), "email": self.email.text().strip(),
                "notes": self.notes.toPlainText().strip()}

    def accept(self) -> None:
        if self.problem.check():
            super().accept()
