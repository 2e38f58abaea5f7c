"""The workspace of one visit: a header and the Delegation, Itinerary, Notes and Report tabs."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from fieldvisit.services.delegation_view import DelegationDetails
from fieldvisit.services.itinerary_view import ItineraryView
from fieldvisit.services.notes import VisitRecords
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui import formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.labels import label
from fieldvisit.ui.views.delegation_tab import DelegationTab
from fieldvisit.ui.views.itinerary_tab import ItineraryTab
from fieldvisit.ui.views.notes_tab import NotesTab
from fieldvisit.ui.views.report_tab import ReportTab

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class VisitWorkspace(QStackedWidget):
    def __init__(self, database: Database, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(self.tr("Select a visit on the left, or create one with "
                                          "File ▸ New Visit."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        page = QWidget()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = QTabWidget()
        self.delegation_tab = DelegationTab(database, undo_stack, context)
        self.itinerary_tab = ItineraryTab(database, undo_stack, context)
        self.notes_tab = NotesTab(database, undo_stack, context)
        self.report_tab = ReportTab(database)
        self.tabs.addTab(self.delegation_tab, self.tr("&Delegation"))
        self.tabs.addTab(self.itinerary_tab, self.tr("&Itinerary"))
        self.tabs.addTab(self.notes_tab, self.tr("&Notes"))
        self.tabs.addTab(self.report_tab, self.tr("&Report"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs)
        self.addWidget(self.placeholder)
        self.addWidget(page)

    def show_visit(self, overview: VisitOverview | None, records: VisitRecords | None,
                   details: DelegationDetails | None, itinerary: ItineraryView | None) -> None:
        self.setCurrentIndex(0 if overview is None else 1)
        if overview is not None:
            visit = overview.visit
            dates = formats.date_range(visit.start_date, visit.end_date)
            facts = " · ".join(filter(None, [label(visit.status), dates, visit.region]))
            self.header.setText(f"<h2 style='margin:0'>{html.escape(visit.title)}</h2>"
                                f"<p style='margin:2px'>{html.escape(facts)}</p>")
        self.delegation_tab.show_details(details)
        self.itinerary_tab.show_itinerary(itinerary)
        self.notes_tab.show_records(overview, records, itinerary)
        self.report_tab.show_overview(overview)
