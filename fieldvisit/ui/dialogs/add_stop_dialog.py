"""Choose a site from the catalog (or create it) for a new stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain import limits
from fieldvisit.domain.entities import Site
from fieldvisit.services import itinerary
from fieldvisit.ui.dialogs.site_dialog import SiteDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.models.name_filter import NameFilterProxy
from fieldvisit.ui.models.table_model import Column, RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class AddStopDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None,
                 day: int = 1, edits: DirectoryEdits | None = None) -> None:
        """``edits``: where "New Site…" sends the site it creates (an undoable step)."""
        super().__init__(parent)
        self.database = database
        self.edits = edits or DirectoryEdits.own(database, self)
        self.setWindowTitle(self.tr("Add Stop"))
        self.resize(600, 440)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search sites by name or address (pinyin works)"))
        self.search.setClearButtonEnabled(True)
        self.model: RecordTableModel[Site] = RecordTableModel([
            Column(lambda: self.tr("Site"), lambda s: s.name),
            Column(lambda: self.tr("Address"), lambda s: s.address),
        ], self)
        self.proxy = NameFilterProxy(lambda site: (site.name, site.address), self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day = QSpinBox(minimum=1, maximum=limits.MAX_DAY, value=day)  # as stops may hold
        self.dwell = QSpinBox(minimum=0, maximum=limits.RANGES["dwell_minutes"][1], value=45,
                              suffix=self.tr(" min"))
        self.new_site = QPushButton(self.tr("&New Site…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.new_site, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.day)
        form.addRow(self.tr("&Stay:"), self.dwell)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.new_site.clicked.connect(self.create_site)
        self._reload()

    def _reload(self, select: Site | None = None) -> None:
        self.model.set_rows(itinerary.list_sites(self.database.unit_of_work()))
        self.view.resizeColumnsToContents()
        self._filter()
        if select is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(RowRole).id == select.id:
                    self.view.selectRow(row)

    def _filter(self) -> None:
        self.proxy.set_query(self.search.text())
        if self.proxy.rowCount():
            self.view.selectRow(0)

    def chosen(self) -> Site | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def create_site(self) -> None:
        dialog = SiteDialog(self.database, self)
        if not dialog.exec():
            return
        site = self.edits.create(Site, dialog.values())
        if site is None:
            return
        self.search.clear()
        self._reload(select=site)
