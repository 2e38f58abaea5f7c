"""The main window's navigation between visits, and how it shows a change: the visit list and
the visit on screen re-read what a change names; switching visits saves the open editor first;
while views re-read nothing is written (``UndoStack.showing_change``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMainWindow

from fieldvisit import APP_NAME
from fieldvisit.services.changes import Area, Change

if TYPE_CHECKING:
    from uuid import UUID

    from PySide6.QtWidgets import QStackedWidget, QTableView, QWidget

    from fieldvisit.persistence.db import Database
    from fieldvisit.services.views import VisitSummary
    from fieldvisit.ui.models.table_model import RecordTableModel
    from fieldvisit.ui.undo_stack import UndoStack
    from fieldvisit.ui.views.visit_workspace import VisitWorkspace


class VisitNavigation(QMainWindow):
    """Mixed into the main window, which provides the list (``visits_model``,
    ``visits_view``), ``workspace``, ``undo_stack``, ``pages``/``splitter`` and the hooks
    below."""

    database: Database | None
    visits_model: RecordTableModel[VisitSummary]
    visits_view: QTableView
    workspace: VisitWorkspace
    undo_stack: UndoStack
    pages: QStackedWidget
    splitter: QWidget
    _selecting: bool

    # -- state -------------------------------------------------------------------------------
    def current_visit_id(self) -> UUID | None:
        if self.database is None:
            return None
        index = self.visits_view.currentIndex()
        return self.visits_model.row_at(index.row()).id if index.isValid() else None

    def refresh(self, select: UUID | None = None, first_load: bool = False) -> None:
        """Re-read the visit list and the shown visit in full; with ``select``, show that
        visit (what is typed in the visit being left is saved first). On first load with
        nothing chosen, the first visit. No visit: the welcome page. A refresh writes
        nothing."""
        target = select or self.current_visit_id()
        if target != self.workspace.visit_id and not self.undo_stack.flush():
            return  # typed text could not be saved: stay where it is
        with self._showing_change():
            summaries = self._reload_list(target)
            if target not in {s.id for s in summaries} and first_load and summaries:
                target = summaries[0].id
                self._select_silently(target)
            self._show_visit(self.current_visit_id())

    def announce(self, change: Change, reveal: bool = False) -> None:
        """Show ``change``: the views showing what it names re-read it; with ``reveal``
        (an undo or redo), its visit comes on screen."""
        if self.database is None:
            return
        with self._showing_change():
            shown = self.workspace.visit_id
            target = change.visit_id if reveal and change.visit_id else shown
            if change.touches(Area.VISIT_LIST) or target != shown:
                summaries = self._reload_list(target)
                if target not in {s.id for s in summaries}:
                    target = shown if shown in {s.id for s in summaries} else None
                    self._select_silently(target)
            if target != shown or (change.visit_id == shown and
                                   change.areas == frozenset(Area) and shown is not None):
                self._show_visit(target)
            else:
                self.workspace.apply(change)
            directory = getattr(self, "_directory", None)
            if directory is not None and change.touches(Area.DIRECTORY):
                directory.reload()
            self._show_title()

    def _reload_list(self, select: UUID | None) -> list[VisitSummary]:
        from fieldvisit.services import visits

        summaries = visits.list_visits(self._database().unit_of_work())
        self.visits_model.set_rows(summaries)
        self._select_silently(select)
        if summaries:
            self.pages.setCurrentWidget(self.splitter)
        else:
            self._show_welcome()
        return summaries

    def _select_silently(self, visit_id: UUID | None) -> None:
        """Highlight ``visit_id`` in the list without it counting as the user's choice."""
        self._selecting = True
        try:
            row = self.visits_model.row_of(visit_id) if visit_id else -1
            if row >= 0:
                self.visits_view.selectRow(row)
            else:
                self.visits_view.selectionModel().clear()
        finally:
            self._selecting = False

    @contextmanager
    def _showing_change(self) -> Iterator[None]:
        """While views re-read, nothing may be written (the undo stack refuses a push)."""
        before = self.undo_stack.showing_change
        self.undo_stack.showing_change = True
        try:
            yield
        finally:
            self.undo_stack.showing_change = before

    def _visit_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        """The user chose another visit: save what is typed in the one being left, then show
        the chosen one (if the text cannot be saved, the list goes back)."""
        if self._selecting or self.current_visit_id() == self.workspace.visit_id:
            return
        if not self.undo_stack.flush():
            self._select_silently(self.workspace.visit_id)
            return
        with self._showing_change():
            self._show_visit(self.current_visit_id())

    def _show_visit(self, visit_id: UUID | None) -> None:
        self.workspace.show_visit(visit_id)
        self._show_title()

    def _show_title(self) -> None:
        self._enable_actions()
        index = self.visits_view.currentIndex()
        title = self.visits_model.row_at(index.row()).title if index.isValid() else None
        self.setWindowTitle(f"{title} — {APP_NAME}" if title else APP_NAME)

    # provided by the main window (_database by VisitTransfer)
    _database: Callable[[], Database]

    def _show_welcome(self) -> None:
        raise NotImplementedError

    def _enable_actions(self) -> None:
        raise NotImplementedError
