"""Choose someone from the directory (or create them) to join the delegation."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import Person
from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services import directory
from fieldvisit.services.directory import PersonEntry
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.name_filter import NameFilterProxy
from fieldvisit.ui.models.table_model import Column, RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

translate = QCoreApplication.translate


def people_model(parent: QObject) -> RecordTableModel[PersonEntry]:
    return RecordTableModel([
        Column(lambda: translate("People", "Name"), lambda e: e.person.name),
        Column(lambda: translate("People", "Title"), lambda e: e.person.title),
        Column(lambda: translate("People", "Organization"),  # the short name saves space
               lambda e: e.organization.display_name if e.organization else "",
               lambda e: e.organization.name if e.organization else ""),
    ], parent)


class AddMemberDialog(QDialog):
    """Type to search (characters or pinyin: 潘建新 by "pjx"), pick with the arrow keys, Enter
    adds; Ctrl- or Shift-click picks several, added in the list's order with the same role.
    "New Person…" creates someone who is not in the directory yet."""

    def __init__(self, database: Database, present: frozenset[UUID],
                 parent: QWidget | None = None, edits: DirectoryEdits | None = None) -> None:
        """``edits``: where "New Person…" sends who it creates (an undoable step)."""
        super().__init__(parent)
        self.database = database
        self.edits = edits or DirectoryEdits.own(database, self)
        self.setWindowTitle(self.tr("Add to Delegation"))
        self.resize(620, 460)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, title or organization — "
                                               "pinyin works: pjx finds 潘建新"))
        self.search.setClearButtonEnabled(True)
        self.model = people_model(self)
        self.proxy = NameFilterProxy(lambda entry: entry.search_texts, self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_hidden(present, lambda entry: entry.person.id)
        self.view = make_table(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.role = QComboBox()
        for role in DelegationRole:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(DelegationRole.MEMBER))
        self.new_person = QPushButton(self.tr("&New Person…"))
        self.empty = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        self.buttons.addButton(self.new_person, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        form = QFormLayout()
        form.addRow(self.tr("&Role:"), self.role)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.new_person.clicked.connect(self.create_person)
        self.created_person_id: UUID | None = None
        self._reload()

    def _reload(self, select: UUID | None = None) -> None:
        self.model.set_rows(directory.directory_people(self.database.unit_of_work()))
        self.view.resizeColumnsToContents()
        self._filter(select=select)

    def _filter(self, _text: str = "", select: UUID | None = None) -> None:
        self.proxy.set_query(self.search.text())
        rows = self.proxy.rowCount()
        self.empty.setText("" if rows else self.tr("Nobody matches. Use “New Person…” to add "
                                                   "someone to the directory."))
        target = 0
        for row in range(rows):
            if select and self.proxy.index(row, 0).data(RowRole).person.id == select:
                target = row
        if rows:
            self.view.selectRow(target)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(rows > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the results."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.proxy.rowCount() - 1, self.view.currentIndex().row() + step))
                self.view.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> PersonEntry | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def chosen_people(self) -> list[PersonEntry]:
        """Everyone selected, in the list's order (the current row when nothing is)."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows:
            current = self.chosen()
            return [current] if current is not None else []
        return [self.proxy.index(row, 0).data(RowRole) for row in rows]

    def chosen_role(self) -> DelegationRole:
        return DelegationRole(self.role.currentData())

    def create_person(self) -> None:
        dialog = PersonDialog(self.database, self, edits=self.edits)
        dialog.name.setText(self.search.text().strip() if not self.search.text().isascii()
                            else "")
        if not dialog.exec():
            return
        person = self.edits.create(Person, dialog.values())
        if person is None:
            return
        self.created_person_id = person.id
        self.search.clear()
        self._reload(select=person.id)
