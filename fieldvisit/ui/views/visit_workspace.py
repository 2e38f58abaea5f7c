"""The workspace of one visit: a header and the Delegation, Itinerary, Notes and Report tabs.

Only the tab on screen reads its data: a hidden tab is marked stale when its visit is shown or
changed, and reads what it shows when the user turns to it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from fieldvisit.domain.entities import Visit
from fieldvisit.services import visits
from fieldvisit.services.changes import Area, Change
from fieldvisit.services.delegation_view import delegation_details
from fieldvisit.services.itinerary_view import itinerary
from fieldvisit.services.notes import visit_records
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
        self.report_tab = ReportTab(database, undo_stack, context)
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
        self._stale: set[QWidget] = set()  # tabs to read in full when they are next shown
        self.tabs.currentChanged.connect(lambda _index: self._load_current())

    def show_visit(self, visit_id: UUID | None) -> None:
        """Show ``visit_id`` (None: no visit): the header and the current tab now, the other
        tabs when they are shown. Writes nothing."""
        self.visit_id = visit_id
        uow = self.database.unit_of_work()
        visit = visits.get_visit(uow, visit_id) if visit_id else None
        self.setCurrentIndex(0 if visit is None else 1)
        self._show_header(visit)
        self._stale = set(self._tabs())
        self._load_current()

    def apply(self, change: Change) -> None:
        """The current tab re-reads what it shows of ``change`` (a change of this visit, or of
        data shared by every visit); the others, when next shown. Writes nothing."""
        if self.visit_id is None or change.visit_id not in (None, self.visit_id):
            return
        uow = self.database.unit_of_work()
        if change.touches(Area.VISIT, Area.VISIT_LIST):
            self._show_header(visits.get_visit(uow, self.visit_id))
        current = self.tabs.currentWidget()
        self._stale |= {tab for tab in self._tabs() if tab is not current}
        if current in self._stale:
            return
        if current is self.delegation_tab and change.touches(
                Area.DELEGATION, Area.STOPS, Area.DIRECTORY):
            self.delegation_tab.show_details(delegation_details(uow, self.visit_id))
        elif current is self.itinerary_tab and change.touches(
                Area.STOPS, Area.VISIT, Area.DIRECTORY):
            self.itinerary_tab.show_itinerary(itinerary(uow, self.visit_id))
        elif current is self.notes_tab:
            plan = itinerary(uow, self.visit_id) if change.touches(
                Area.STOPS, Area.VISIT, Area.DIRECTORY) else None
            self.notes_tab.apply(change, plan)
        elif current is self.report_tab:
            self.report_tab.apply(change, visits.visit_overview(uow, self.visit_id))

    def flush(self) -> bool:
        """Save what is typed in the open editors; False if something could not be saved."""
        return self.notes_tab.save() and self.report_tab.save()

    def has_unsaved(self) -> str:
        """What is typed but not saved, in words ("" when nothing)."""
        return self.notes_tab.has_unsaved() or self.report_tab.writing.has_unsaved()

    def _tabs(self) -> tuple[QWidget, ...]:
        return self.delegation_tab, self.itinerary_tab, self.notes_tab, self.report_tab

    def _load_current(self) -> None:
        """Read the current tab in full if something changed since it was last shown."""
        tab = self.tabs.currentWidget()
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        uow, visit_id = self.database.unit_of_work(), self.visit_id
        if tab is self.delegation_tab:
            self.delegation_tab.show_details(delegation_details(uow, visit_id)
                                             if visit_id else None)
        elif tab is self.itinerary_tab:
            self.itinerary_tab.show_itinerary(itinerary(uow, visit_id) if visit_id else None)
        elif tab is self.notes_tab:
            self.notes_tab.show_visit(visit_id, visit_records(uow, visit_id) if visit_id else None,
                                      itinerary(uow, visit_id) if visit_id else None)
        elif tab is self.report_tab:
            self.report_tab.show_overview(visits.visit_overview(uow, visit_id)
                                          if visit_id else None)

    def _show_header(self, visit: Visit | None) -> None:
        if visit is None:
            return
        dates = formats.date_range(visit.start_date, visit.end_date)
        facts = " · ".join(filter(None, [label(visit.status), dates, visit.region]))
        self.header.setText(f"<h2 style='margin:0'>{html.escape(visit.title)}</h2>"
                            f"<p style='margin:2px'>{html.escape(facts)}</p>")
