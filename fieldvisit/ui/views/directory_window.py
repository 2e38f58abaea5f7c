"""The directory of organizations and people shared by all visits: find (by characters or
pinyin), add, edit, delete, merge duplicates, import a roster."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import Organization, Person, Site
from fieldvisit.services import directory, itinerary
from fieldvisit.services.directory import PersonEntry
from fieldvisit.ui.dialogs.add_member_dialog import people_model
from fieldvisit.ui.dialogs.organization_dialog import OrganizationDialog
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.dialogs.site_dialog import SiteDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.name_filter import NameFilterProxy
from fieldvisit.ui.models.table_model import Column, RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class DirectoryPage(QWidget):
    """A filter box, a table and the buttons that act on the selected row."""

    def __init__(self, model: RecordTableModel, texts: Callable[[Any], tuple[str, ...]],
                 placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.proxy = NameFilterProxy(texts, self)
        self.proxy.setSourceModel(model)
        self.view: QTableView = make_table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        layout.addLayout(self.buttons)
        self.filter.textChanged.connect(self.proxy.set_query)

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def selected(self) -> list[Any]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [self.proxy.index(row, 0).data(RowRole) for row in sorted(rows)]

    def select_record(self, record_id: Any) -> bool:
        """Select the record with ``record_id`` (the filter cleared first); False if absent."""
        self.filter.clear()
        row = next((i for i, entry in enumerate(self.model.rows())
                    if getattr(getattr(entry, "person", entry), "id", None) == record_id), -1)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True


class DirectoryWindow(QDialog):
    changed = Signal()  # something in the directory changed: views showing people reload

    def __init__(self, database: Database, parent: QWidget | None = None,
                 edits: DirectoryEdits | None = None) -> None:
        """``edits``: where changes go (the main window's undo stack); by default an undo
        stack of this window's own."""
        super().__init__(parent)
        self.database = database
        self.edits = edits or DirectoryEdits.own(database, self, self._after_change)
        self.setWindowTitle(self.tr("Directory"))
        self.resize(820, 560)
        self.people = DirectoryPage(
            people_model(self), lambda entry: entry.search_texts,
            self.tr("Find people by name, title or organization (pinyin works: pjx)"))
        self.organizations = DirectoryPage(
            RecordTableModel([
                Column(lambda: self.tr("Name"), lambda o: o.name),
                Column(lambda: self.tr("Short name"), lambda o: o.short_name),
                Column(lambda: self.tr("Kind"), lambda o: label(o.kind)),
            ], self), lambda o: (o.name, o.short_name),
            self.tr("Find organizations (pinyin works: szgh finds 市总工会)"))
        self.people.button(self.tr("&New Person…"), self.new_person)
        self.people.button(self.tr("&Edit…"), self.edit_person)
        self.people.button(self.tr("&Delete"), self.delete_people)
        self.people.button(self.tr("&Merge…"), self.merge_people)
        self.people.buttons.addStretch()
        self.people.button(self.tr("&Import Roster…"), self.import_roster)
        self.sites = DirectoryPage(
            RecordTableModel([
                Column(lambda: self.tr("Name"), lambda site: site.name),
                Column(lambda: self.tr("Address"), lambda site: site.address),
                Column(lambda: self.tr("Coordinates"), lambda site: "" if site.latitude is None
                       else f"{site.latitude:.5f}, {site.longitude:.5f} ({site.datum.value})"),
            ], self), lambda site: (site.name, site.address),
            self.tr("Find sites by name or address"))
        self.sites.button(self.tr("&New Site…"), self.new_site)
        self.sites.button(self.tr("&Edit…"), self.edit_site)
        self.sites.button(self.tr("&Delete"), self.delete_sites)
        self.sites.buttons.addStretch()
        self.organizations.button(self.tr("&New Organization…"), self.new_organization)
        self.organizations.button(self.tr("&Edit…"), self.edit_organization)
        self.organizations.button(self.tr("&Delete"), self.delete_organizations)
        self.organizations.button(self.tr("&Merge…"), self.merge_organizations)
        self.organizations.buttons.addStretch()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.addTab(self.organizations, self.tr("&Organizations"))
        self.tabs.addTab(self.sites, self.tr("&Sites"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.people.view.doubleClicked.connect(lambda _i: self.edit_person())
        self.organizations.view.doubleClicked.connect(lambda _i: self.edit_organization())
        self.sites.view.doubleClicked.connect(lambda _i: self.edit_site())
        self.people.view.addAction(self._shortcut(QKeySequence.StandardKey.Delete,
                                                  self.delete_people))
        self.organizations.view.addAction(self._shortcut(QKeySequence.StandardKey.Delete,
                                                         self.delete_organizations))
        for key, step in ((QKeySequence.StandardKey.Undo, self.edits.undo_stack.undo),
                          (QKeySequence.StandardKey.Redo, self.edits.undo_stack.redo)):
            action = QAction(self)  # Ctrl+Z, Ctrl+Shift+Z here too: the window's undo stack
            action.setShortcuts(key)
            action.triggered.connect(step)
            self.addAction(action)
        self.reload()

    def show_record(self, kind: str, record_id: Any) -> bool:
        """The person's or site's tab, with that record selected (a search hit)."""
        page = self.people if kind == "person" else self.sites
        self.tabs.setCurrentWidget(page)
        page.view.setFocus()
        return page.select_record(record_id)

    def _shortcut(self, key: QKeySequence.StandardKey, slot: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def reload(self) -> None:
        uow = self.database.unit_of_work()
        self.people.model.set_rows(directory.directory_people(uow))
        self.organizations.model.set_rows(directory.list_organizations(uow))
        self.sites.model.set_rows(itinerary.list_sites(uow))
        for page in (self.people, self.organizations, self.sites):
            page.view.resizeColumnsToContents()

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    # -- people ------------------------------------------------------------------------------
    def new_person(self) -> None:
        dialog = PersonDialog(self.database, self, edits=self.edits)
        if dialog.exec():
            self.edits.create(Person, dialog.values())

    def edit_person(self) -> None:
        chosen: list[PersonEntry] = self.people.selected()
        if not chosen:
            return
        dialog = PersonDialog(self.database, self, chosen[0].person, self.edits)
        if dialog.exec():
            self.edits.edit(chosen[0].person, dialog.values())

    def delete_people(self) -> None:
        chosen: list[PersonEntry] = self.people.selected()
        if chosen and self._deletable(lambda: directory.check_people_deletable(
                self.database.unit_of_work(), [e.person.id for e in chosen])) and self._confirm(
                self.tr("Delete %1 from the directory?").replace(
                "%1", join_list(e.person.name for e in chosen))):
            self.edits.delete([e.person for e in chosen])

    def merge_people(self) -> None:
        chosen: list[PersonEntry] = self.people.selected()
        describe = lambda e: " · ".join(filter(None, [  # noqa: E731
            e.person.name, e.person.title, e.organization.name if e.organization else ""]))
        pair = self._choose_pair(chosen, describe)
        if pair:
            keep, duplicate = pair
            self.edits.merge(Person, keep.person.id, duplicate.person.id)

    def import_roster(self) -> None:
        from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog

        dialog = RosterImportDialog(self.database, self)
        if dialog.exec():
            self._after_change()

    # -- organizations -------------------------------------------------------------------------
    def new_organization(self) -> None:
        dialog = OrganizationDialog(self)
        if dialog.exec():
            self.edits.create(Organization, dialog.values())

    def edit_organization(self) -> None:
        chosen: list[Organization] = self.organizations.selected()
        if not chosen:
            return
        dialog = OrganizationDialog(self, chosen[0])
        if dialog.exec():
            self.edits.edit(chosen[0], dialog.values())

    def delete_organizations(self) -> None:
        chosen: list[Organization] = self.organizations.selected()
        if chosen and self._deletable(lambda: directory.check_organizations_deletable(
                self.database.unit_of_work(), [o.id for o in chosen])) and self._confirm(
                self.tr("Delete %1 from the directory?").replace(
                "%1", join_list(o.name for o in chosen))):
            self.edits.delete(chosen)

    def merge_organizations(self) -> None:
        chosen: list[Organization] = self.organizations.selected()
        pair = self._choose_pair(chosen, lambda o: o.name + (f"（{o.short_name}）"
                                                             if o.short_name else ""))
        if pair:
            self.edits.merge(Organization, pair[0].id, pair[1].id)

    # -- sites ---------------------------------------------------------------------------------
    def new_site(self) -> None:
        dialog = SiteDialog(self.database, self)
        if dialog.exec():
            self.edits.create(Site, dialog.values())

    def edit_site(self) -> None:
        chosen: list[Site] = self.sites.selected()
        if not chosen:
            return
        dialog = SiteDialog(self.database, self, chosen[0])
        if dialog.exec():
            self.edits.edit(chosen[0], dialog.values())

    def delete_sites(self) -> None:
        chosen: list[Site] = self.sites.selected()
        if chosen and self._deletable(lambda: itinerary.check_sites_deletable(
                self.database.unit_of_work(), [site.id for site in chosen])) and self._confirm(
                self.tr("Delete %1 from the directory?").replace(
                "%1", join_list(site.name for site in chosen))):
            self.edits.delete(chosen)

    # -- helpers -------------------------------------------------------------------------------
    def _deletable(self, check: Callable[[], Any]) -> bool:
        """Whether the chosen records may be deleted, asked before "Delete?": a refusal is
        shown instead of the question."""
        try:
            check()
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return False
        return True

    def _confirm(self, question: str) -> bool:
        return QMessageBox.question(
            self, self.tr("Directory"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Yes

    def _choose_pair(self, chosen: list[Any], describe: Callable[[Any], str]):
        """Ask which of two selected duplicates to keep; returns (keep, duplicate)."""
        if len(chosen) != 2:
            QMessageBox.information(self, self.tr("Merge"), self.tr(
                "Select the two duplicates to merge (Ctrl+click), then choose Merge."))
            return None
        dialog = MergeDialog([describe(c) for c in chosen], self)
        if not dialog.exec():
            return None
        keep = dialog.kept_index()
        return chosen[keep], chosen[1 - keep]


class MergeDialog(QDialog):
    def __init__(self, descriptions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Duplicates"))
        self.choices = QListWidget()
        for text in descriptions:
            self.choices.addItem(QListWidgetItem(text))
        self.choices.setCurrentRow(0)
        self.choices.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        explanation = QLabel(self.tr(
            "Keep which one? Every visit, note and contact of the other moves to it, its empty "
            "fields are filled from the other, and the other is deleted. A merge cannot be "
            "undone."))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)

    def kept_index(self) -> int:
        return max(0, self.choices.currentRow())
