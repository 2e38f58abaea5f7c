"""The workspace of one visit: a header and the Delegation, Itinerary, Notes and Report tabs."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from fieldvisit.domain.entities import Visit
from fieldvisit.services import visits
from fieldvisit.services.changes import Area, Change
from fieldvisit.services.delegation_view import DelegationDetails, delegation_details
from fieldvisit.services.itinerary_view import ItineraryView, itinerary
from fieldvisit.services.notes import VisitRecords
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui import formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.labels import label
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.views.delegation_tab import DelegationTab
from fieldvisit.ui.views.itinerary_tab import ItineraryTab
from fieldvisit.ui.views.notes_tab import NotesTab
from fieldvisit.ui.views.report_tab import ReportTab

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class VisitWorkspace(QStackedWidget):
    def __init__(self, database: Database, undo_stack: UndoStack,
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
        self.database = database
        self.visit_id: UUID | None = None  # the visit shown
        self._report_stale = False
        self.tabs.currentChanged.connect(lambda _index: self._show_report_if_current())

    def show_visit(self, overview: VisitOverview | None, records: VisitRecords | None,
                   details: DelegationDetails | None, itinerary: ItineraryView | None) -> None:
        """Show a visit in full from fresh data (None: no visit). Writes nothing."""
        self.visit_id = overview.visit.id if overview else None
        self.setCurrentIndex(0 if overview is None else 1)
        self._show_header(overview.visit if overview else None)
        self.delegation_tab.show_details(details)
        self.itinerary_tab.show_itinerary(itinerary)
        self.notes_tab.show_visit(self.visit_id, records, itinerary)
        self.report_tab.show_overview(overview)
        self._report_stale = False

    def apply(self, change: Change) -> None:
        """Each tab re-reads what it shows of ``change`` (a change of this visit, or of data
        shared by every visit). Writes nothing."""
        if self.visit_id is None or change.visit_id not in (None, self.visit_id):
            return
        uow = self.database.unit_of_work()
        if change.touches(Area.VISIT, Area.VISIT_LIST):
            self._show_header(visits.get_visit(uow, self.visit_id))
        if change.touches(Area.DELEGATION, Area.STOPS, Area.DIRECTORY):
            self.delegation_tab.show_details(delegation_details(uow, self.visit_id))
        plan = None
        if change.touches(Area.STOPS, Area.VISIT, Area.DIRECTORY):
            plan = itinerary(uow, self.visit_id)
            self.itinerary_tab.show_itinerary(plan)
        self.notes_tab.apply(change, plan)
        self._report_stale = True
        self._show_report_if_current()

    def flush(self) -> bool:
        """Save what is typed in the open editors; False if something could not be saved."""
        return self.notes_tab.save()

    def _show_header(self, visit: Visit | None) -> None:
        if visit is None:
            return
        dates = formats.date_range(visit.start_date, visit.end_date)
        facts = " · ".join(filter(None, [label(visit.status), dates, visit.region]))
        self.header.setText(f"<h2 style='margin:0'>{html.escape(visit.title)}</h2>"
                            f"<p style='margin:2px'>{html.escape(facts)}</p>")

    def _show_report_if_current(self) -> None:
        """The report tab's summary counts everything: re-read only when it is looked at."""
        if self._report_stale and self.visit_id is not None and \
                self.tabs.currentWidget() is self.report_tab:
            self._report_stale = False
            self.report_tab.show_overview(
                visits.visit_overview(self.database.unit_of_work(), self.visit_id))
