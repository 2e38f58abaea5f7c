"""Notes tab, keyboard-first: the current stop preselected from the plan and the clock, a new
note with one shortcut, saving as you type, figure candidates from the text, follow-ups from
a need, and the visit's figures, follow-ups and themes.

The tab shows one visit (``show_visit``) and takes in changes (``apply``) by re-reading only
the records they name. It never writes while it shows data: the only writes are the user's
(saving the editor, deleting, recording a figure), each one undo command."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import FollowUp, KeyFigure, Note, Organization, Photo
from fieldvisit.domain.errors import StaleEditError, ValidationError
from fieldvisit.domain.figure_extraction import FigureCandidate
from fieldvisit.services import directory, note_taking, notes
from fieldvisit.services.changes import Area, Change
from fieldvisit.services.itinerary_view import ItineraryView
from fieldvisit.services.notes import VisitRecords
from fieldvisit.ui import notes_commands as commands
from fieldvisit.ui.commands import CommandContext, ServiceCommand
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.dialogs.follow_up_dialog import FollowUpDialog
from fieldvisit.ui.errors import short_reason, show_error
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.views.figure_candidates import FigureCandidates
from fieldvisit.ui.views.note_editor import NoteEditor
from fieldvisit.ui.views.note_suggestions import NoteSuggestions
from fieldvisit.ui.views.notes_list import NotesList
from fieldvisit.ui.views.notes_tables import NotesTables
from fieldvisit.ui.views.photos_panel import PhotosPanel
from fieldvisit.ui.views.tab_actions import tab_action

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.persistence.uow import UnitOfWork


class NotesTab(QWidget):
    def __init__(self, database: Database, undo_stack: UndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context, self.clock = \
            database, undo_stack, context, clock
        self.visit_id: UUID | None = None
        self.plan: ItineraryView | None = None
        self.figures: list[KeyFigure] = []
        self.follow_ups: list[FollowUp] = []
        self.organizations: dict[UUID, Organization] = {}
        self.photos: list[Photo] = []
        self._last_failure = ""
        self._saving = False
        self.tables = NotesTables(self, undo_stack, context, lambda: directory.list_organizations(
            database.unit_of_work()))  # the directory, for a follow-up's responsible organization
        self.notes_model = self.tables.notes_model
        self.figures_model = self.tables.figures_model
        self.follow_ups_model = self.tables.follow_ups_model
        self.list = NotesList(self.notes_model)
        self.notes_view, self.filters = self.list.view, self.list.filters
        self.delete_button = self.list.delete_button
        self.editor = NoteEditor()
        self.editor.identity = database.identity
        self.note_text = self.editor.text
        self.suggestions = NoteSuggestions(self, database, self.editor)
        self.list.pinned = lambda: self.editor.note.id if self.editor.note else None
        self.candidates = FigureCandidates()
        self.follow_up_button = QPushButton(self.tr("&Follow-up from This Note…"))
        self.photos_panel = PhotosPanel(database, undo_stack, context)
        self.lower_tabs = QTabWidget()
        figures_view, follow_ups_view = self.tables.figures_panel, self.tables.follow_ups_panel
        for widget, name in ((figures_view, self.tr("Key figures")),
                             (follow_ups_view, self.tr("Follow-ups")),
                             (self.tables.themes_view, self.tr("Themes"))):
            widget.setAccessibleName(name)
        self.lower_tabs.addTab(figures_view, self.tr("Key figures"))
        self.lower_tabs.addTab(follow_ups_view, self.tr("Follow-ups"))
        self.lower_tabs.addTab(self.tables.themes_view, self.tr("Themes"))
        self.lower_tabs.addTab(self.photos_panel, self.photos_panel.windowTitle())
        self.clashes = self.tables.clashes
        self._layout()
        # New Note (Ctrl+Shift+N) is the window's action: it works from every tab
        self.delete_action = tab_action(self, None, self.tr("&Delete Note"),
                                        "Ctrl+Shift+Backspace", self.delete_note)
        self.editor.changed.connect(self.save)
        self.editor.keep_mine.connect(self._keep_mine)
        self.editor.take_stored.connect(self._take_stored)
        self.list.chosen.connect(self._note_chosen)
        self.list.new_requested.connect(self.new_note)
        self.list.delete_requested.connect(self.delete_note)
        self.candidates.chosen.connect(self.record_figure)
        self.follow_up_button.clicked.connect(self.follow_up)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        on_delete(self.notes_view, lambda: self.tr("&Delete Note"), self.delete_note)
        self.setEnabled(False)

    def _layout(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 3)
        right_layout.addWidget(QLabel(self.tr("Figures in this note — Enter records one:")))
        right_layout.addWidget(self.candidates, 1)
        right_layout.addWidget(self.follow_up_button)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.list)
        top.addWidget(right)
        top.setSizes([520, 420])
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.clashes)
        bottom_layout.addWidget(self.lower_tabs)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([430, 200])
        QVBoxLayout(self).addWidget(split)

    # -- showing ---------------------------------------------------------------------------
    @property
    def notes(self) -> list[Note]:
        return self.list.notes

    def show_visit(self, visit_id: UUID | None, records: VisitRecords | None,
                   plan: ItineraryView | None) -> None:
        """Show ``visit_id`` from fresh data (None: nothing). Writes nothing: the window saved
        the editor before it switched. Shown again, the same visit keeps the editor."""
        same = visit_id is not None and visit_id == self.visit_id
        self.visit_id, self.plan = visit_id, plan
        self.figures = list(records.figures) if records else []
        self.follow_ups = list(records.follow_ups) if records else []
        self.organizations = dict(records.organizations) if records else {}
        self.photos = list(records.photos) if records else []
        self.setEnabled(visit_id is not None)
        if visit_id is not None:
            self.suggestions.load()
        if same:
            self.editor.set_stops(self._stops())
        else:
            self.editor.set_visit(visit_id, self._stops(), self.current_stop())
        self.list.set_notes(list(records.notes) if records else [], self._stops())
        self._show_tables()
        self.photos_panel.show_photos(visit_id, self.photos, self._stops())
        shown = self.editor.note
        stored = self.list.note(shown.id) if shown else None
        if stored is not None:
            self.editor.adopt(stored)
            self.list.select(stored.id)
        elif not (same and shown is None):  # else: a new note being written stays
            self._show_row(0)
        self._show_candidates()

    def apply(self, change: Change, plan: ItineraryView | None = None) -> None:
        """Re-read what ``change`` names of this visit; ``plan`` comes when the stops or the
        visit's times changed. Writes nothing; an edited note is never replaced (see
        NoteEditor.adopt)."""
        if self.visit_id is None or change.visit_id not in (None, self.visit_id):
            return
        uow = self.database.unit_of_work()
        if plan is not None:
            self.plan = plan
            self.editor.set_stops(self._stops())
        reshaped = change.touches(Area.NOTES) and self._reload_notes(uow, change)
        if change.touches(Area.FIGURES, Area.FOLLOW_UPS, Area.DIRECTORY):
            captured = notes.captured_records(uow, self.visit_id)
            self.figures, self.follow_ups = list(captured.figures), list(captured.follow_ups)
            self.organizations = dict(captured.organizations)
        if change.touches(Area.PHOTOS):
            self.photos = notes.list_photos(uow, self.visit_id)
        if change.touches(Area.PHOTOS, Area.STOPS, Area.DIRECTORY):
            self.photos_panel.show_photos(self.visit_id, self.photos, self._stops())
        if reshaped or change.touches(Area.FIGURES, Area.FOLLOW_UPS, Area.STOPS,
                                      Area.DIRECTORY):
            self._show_tables()
        if reshaped or change.touches(Area.STOPS, Area.DIRECTORY):
            self.list.fill_filters(self._stops())
        self._show_candidates()

    def _reload_notes(self, uow: UnitOfWork, change: Change) -> bool:
        """Re-read the notes ``change`` names (all of them if it names none); the editor
        takes in its note's new version. True if the themes and filters must follow."""
        if not change.ids:
            self.list.set_notes(notes.list_notes(uow, self.visit_id), self._stops())
            self._keep_editor_on_a_note()
            return True
        found = {n.id: n for n in notes.find_notes(uow, self.visit_id, change.ids)}
        reshaped = False
        for note_id in change.ids:
            if note_id in found:
                reshaped = self.list.put(found[note_id]) or reshaped
                if self.editor.note is not None and self.editor.note.id == note_id:
                    self.editor.adopt(found[note_id])
            elif self.list.note(note_id) is not None:
                reshaped = True
                row = self.list.drop(note_id)
                if self.editor.note is not None and self.editor.note.id == note_id:
                    self.editor.note = None  # deleted: the editor moves to the next note
                    self._keep_editor_on_a_note(max(0, row))
        return reshaped

    def _keep_editor_on_a_note(self, row: int = 0) -> None:
        """After notes went away: the editor shows its note if it still exists, else the
        note at ``row`` (or the one before), else an empty new note."""
        shown = self.editor.note
        stored = self.list.note(shown.id) if shown is not None else None
        if stored is not None:
            self.editor.adopt(stored)
            self.list.select(stored.id)
        elif self.notes_model.rowCount() or shown is not None or not self.editor.changes():
            self._show_row(row)

    def _show_row(self, row: int) -> None:
        """Show the note at ``row`` of the list (or the last one), else an empty new note."""
        if self.notes_model.rowCount():
            note = self.notes_model.row_at(min(row, self.notes_model.rowCount() - 1))
            self.editor.show_note(note)
            self.list.select(note.id)
        else:
            self.editor.show_note(None, self.current_stop())

    def _stops(self) -> list[tuple[UUID | None, str]]:
        stops: list[tuple[UUID | None, str]] = [
            (line.stop.id, f"{line.stop.position}. {line.site.name}")
            for line in (self.plan.lines if self.plan else ())]
        return [*stops, (None, self.tr("Whole visit"))]

    def _show_tables(self) -> None:
        if self.visit_id is None:
            self.tables.show(self._stops(), None, None)
            return
        stops = self._stops()
        records = VisitRecords(tuple(self.notes), tuple(self.figures), tuple(self.follow_ups),
                               tuple(self.photos), self.organizations)
        themes = note_taking.theme_table(self.notes, [s for s, _ in stops if s is not None])
        self.tables.show(stops, records, themes)

    def _apply_filters(self) -> None:
        self.list.apply_filters()

    def select_note(self, note_id: UUID | None) -> None:
        """Highlight ``note_id`` in the list (nothing, if the filters hide it)."""
        self.list.select(note_id)

    def show_note(self, note_id: UUID) -> None:
        """Open a note (e.g. a search hit): filters cleared, the note highlighted and edited."""
        self.list.clear_filters()
        note = self.list.note(note_id)
        if note is not None:
            self.list.select(note_id)
            self._note_chosen(note)

    def _note_chosen(self, note: Note) -> None:
        """The user highlighted a note: save the editor, then show that note."""
        if self.editor.note is not None and note.id == self.editor.note.id:
            return
        if not self.save():  # the typed text stays on screen; so does its note
            self.list.select(self.editor.note.id if self.editor.note else None)
            return
        self.editor.show_note(self.list.note(note.id) or note)
        self._show_candidates()

    def current_stop(self) -> UUID | None:
        """The stop happening now by the plan (the first one before the visit starts)."""
        if self.plan is None:
            return None
        return note_taking.current_stop(self.plan, self.clock())

    # -- saving ----------------------------------------------------------------------------
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and self.editor.isAncestorOf(old) and \
                (new is None or not self.editor.isAncestorOf(new)):
            self.save()

    def has_unsaved(self) -> str:
        """What is typed but not saved, in words ("" when nothing)."""
        return self.tr("the note you are writing") if self.editor.changes() else ""

    def save(self) -> bool:
        """Write what changed in the editor into its own note (a new note: into the editor's
        visit). True when nothing typed is left unsaved."""
        editor = self.editor
        editor.pacing.saving_now()
        changes = editor.changes()
        if not changes or editor.visit_id is None or self._saving:
            return True
        if self.undo_stack.showing_change:  # a refresh never writes: save right after it
            QTimer.singleShot(0, self.save)
            return False
        self._saving = True  # the push below saves open editors first: not this one again
        try:
            return self._write(changes)
        finally:
            self._saving = False

    def _write(self, changes: dict[str, Any]) -> bool:
        editor = self.editor
        context = replace(self._context(), report=self._save_failed)
        if editor.note is None:
            command: ServiceCommand = commands.AddNoteCommand(context, editor.visit_id, changes)
            self.undo_stack.push(command)
            if command.error is None:
                editor.note = command.note
                self.list.select(command.note.id)
        else:
            if "text" in changes and not changes["text"].strip():
                editor.hint(self.tr("A note needs some text; delete it instead "
                                    "(Ctrl+Shift+Backspace)"))
                return False
            command = commands.SaveNoteCommand(context, editor.note, changes)
            self.undo_stack.push(command)
        if command.error is not None:
            return False
        editor.mark_saved()
        self.suggestions.remember(changes)
        self._show_candidates()
        return True

    def _save_failed(self, error: Exception) -> None:
        """Say where the user looks that the note is not saved; a dialog once per cause."""
        if isinstance(error, StaleEditError):
            if self.editor.changes():  # typed text meets a newer note: the user chooses
                self.editor.mark_conflict(error.changed_by)
            else:  # an undo or redo refused; the editor shows the stored note
                show_error(self, error)
            return
        text = error_text(error)
        self.editor.mark_failed(short_reason(error) or text)
        if text != self._last_failure:
            self._last_failure = text
            show_error(self, error)

    def _keep_mine(self) -> None:
        """After a conflict: the typed version replaces the stored one (one undoable step)."""
        note = self.editor.note
        stored = self.list.note(note.id) if note else None
        self.editor.note = stored  # None (deleted elsewhere): saved again as a new note
        self.editor.conflict.hide()
        self.save()

    def _take_stored(self) -> None:
        note = self.editor.note
        stored = self.list.note(note.id) if note else None
        if stored is not None:
            self.editor.show_note(stored)
        else:
            self._keep_editor_on_a_note()
        self._show_candidates()

    def new_note(self) -> None:
        self.save()
        stop = self.current_stop()  # during the visit: where the delegation is now
        if stop is None:
            stop = self.editor.stop_id() if self.editor.note is None else \
                self.editor.note.stop_id
        self.list.select(None)
        self.editor.show_note(None, stop)
        self.editor.text.setFocus()
        self._show_candidates()

    def delete_note(self) -> None:
        """Delete the note highlighted in the list (the one in the editor when the list has
        none); an empty new note is just dropped."""
        note = self.list.highlighted() or self.editor.note
        if note is None:
            self.editor.show_note(None, self.editor.stop_id())
            return
        self.undo_stack.push(commands.DeleteNoteCommand(self._context(), note))

    # -- figures and follow-ups ----------------------------------------------------------------
    def _show_candidates(self) -> None:
        self.candidates.show_for(self.editor.note, self.figures)

    def accept_candidate(self, item: QListWidgetItem) -> None:
        self.record_figure(self.candidates.candidate(item))

    def record_figure(self, candidate: FigureCandidate) -> None:
        """A figure found in the note's text becomes a key figure of the note's stop."""
        note = self.editor.note
        if note is None:
            return
        figure = KeyFigure(visit_id=note.visit_id, stop_id=note.stop_id, note_id=note.id,
                           label=candidate.label or candidate.value, value=candidate.value,
                           unit=candidate.unit, qualifier=candidate.qualifier)
        self.undo_stack.push(commands.AddRecordCommand(
            self._context(), self.tr("Record the figure %1").replace("%1", candidate.text),
            figure))

    def follow_up(self) -> None:
        note = self.editor.note
        if note is None:
            return
        organizations = directory.list_organizations(self.database.unit_of_work())
        dialog = FollowUpDialog(organizations, note.text[:80], self)
        if not dialog.exec():
            return
        try:
            record = FollowUp(visit_id=note.visit_id, note_id=note.id, **dialog.values())
        except ValidationError as error:
            show_error(self, error)
            return
        self.undo_stack.push(commands.AddRecordCommand(
            self._context(), self.tr("Add a follow-up"), record))
        self.lower_tabs.setCurrentIndex(1)
