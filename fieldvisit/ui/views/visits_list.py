"""The list of visits on the left of the main window: title, status and dates."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fieldvisit.services.views import VisitSummary
from fieldvisit.ui import formats
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, RecordTableModel
from fieldvisit.ui.views.tables import make_table


class VisitsList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[VisitSummary] = RecordTableModel([
            Column(lambda: self.tr("Visit"), lambda v: v.title),
            Column(lambda: self.tr("Status"), lambda v: label(v.status)),
            Column(lambda: self.tr("Dates"),
                   lambda v: formats.date_range(v.start_date, v.end_date)),
        ], self)
        self.view: QTableView = make_table(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Visits"))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        title = QLabel(self.tr("&Visits"))
        title.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view)
