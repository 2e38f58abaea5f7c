"""Notes tab, keyboard-first: the current stop preselected from the plan and the clock, a new
note with one shortcut, saving as you type, figure candidates from the text, follow-ups from
a need, and the visit's figures, follow-ups and themes.

The tab shows one visit (``show_visit``) and takes in changes (``apply``) by re-reading only
the records they name. It never writes while it shows data: the only writes are the user's
(saving the editor, deleting, recording a figure), each one undo command."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
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
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.icons import icon
from fieldvisit.ui.labels import label
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.tasks import Task
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.views.note_editor import NoteEditor
from fieldvisit.ui.views.notes_tables import NotesTables
from fieldvisit.ui.views.photos_panel import PhotosPanel
from fieldvisit.ui.views.tab_actions import tab_action
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.persistence.uow import UnitOfWork

ALL = "__all__"


def _shape(note: Note) -> tuple[Any, ...]:
    """What the themes table and the filters show of a note."""
    return note.stop_id, note.kind, note.interviewee_group, note.tags


def _order(note: Note) -> tuple[int, Any, str]:
    """The order of the notes list (as the repository lists them)."""
    return note.position, note.created_at, str(note.id)


class NotesTab(QWidget):
    def __init__(self, database: Database, undo_stack: UndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context, self.clock = \
            database, undo_stack, context, clock
        self.visit_id: UUID | None = None
        self.plan: ItineraryView | None = None
        self.notes: list[Note] = []  # the visit's notes, in list order
        self.figures: list[KeyFigure] = []
        self.follow_ups: list[FollowUp] = []
        self.organizations: dict[UUID, Organization] = {}
        self.photos: list[Photo] = []
        self._suggestions: tuple[list[str], list[str]] | None = None
        self._syncing = 0
        self._tasks: list[Task] = []
        self._last_failure = ""
        self._saving = False
        self.tables = NotesTables(self)
        self.notes_model = self.tables.notes_model
        self.figures_model = self.tables.figures_model
        self.follow_ups_model = self.tables.follow_ups_model
        self.notes_view = make_table(self.notes_model)
        self.notes_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.filters = {name: QComboBox() for name in ("stop", "kind", "group", "tag")}
        for name, text in (("stop", self.tr("Filter by stop")),
                           ("kind", self.tr("Filter by kind")),
                           ("group", self.tr("Filter by interviewees")),
                           ("tag", self.tr("Filter by theme"))):
            self.filters[name].setAccessibleName(text)
        self.editor = NoteEditor()
        self.note_text = self.editor.text
        self.candidates = QListWidget()
        self.candidates.setToolTip(self.tr("Figures found in the text: double-click or press "
                                           "Enter to record one as a key figure"))
        self.follow_up_button = QPushButton(self.tr("&Follow-up from This Note…"))
        self.photos_panel = PhotosPanel(database, undo_stack, context)
        self.lower_tabs = QTabWidget()
        figures_view, follow_ups_view = make_table(self.figures_model), make_table(
            self.follow_ups_model)
        for widget, name in ((self.notes_view, self.tr("Notes")),
                             (self.candidates, self.tr("Figures found in the text")),
                             (figures_view, self.tr("Key figures")),
                             (follow_ups_view, self.tr("Follow-ups")),
                             (self.tables.themes_view, self.tr("Themes"))):
            widget.setAccessibleName(name)
        self.lower_tabs.addTab(figures_view, self.tr("Key figures"))
        self.lower_tabs.addTab(follow_ups_view, self.tr("Follow-ups"))
        self.lower_tabs.addTab(self.tables.themes_view, self.tr("Themes"))
        self.lower_tabs.addTab(self.photos_panel, self.photos_panel.windowTitle())
        self.clashes = self.tables.clashes
        self._layout()
        self.new_action = tab_action(self, None, self.tr("&New Note"), "Ctrl+Shift+N",
                                     self.new_note)
        self.delete_action = tab_action(self, None, self.tr("&Delete Note"),
                                        "Ctrl+Shift+Backspace", self.delete_note)
        self.editor.changed.connect(self.save)
        self.editor.keep_mine.connect(self._keep_mine)
        self.editor.take_stored.connect(self._take_stored)
        self.notes_view.selectionModel().currentRowChanged.connect(self._note_chosen)
        self.candidates.itemActivated.connect(self.accept_candidate)
        self.follow_up_button.clicked.connect(self.follow_up)
        for box in self.filters.values():
            box.activated.connect(lambda _i: self._apply_filters())
        QApplication.instance().focusChanged.connect(self._focus_changed)
        on_delete(self.notes_view, lambda: self.tr("&Delete Note"), self.delete_note)
        self.setEnabled(False)

    def _layout(self) -> None:
        filters = QGridLayout()  # two by two: each filter wide enough for its "All …" text
        for index, box in enumerate(self.filters.values()):
            filters.addWidget(box, index // 2, index % 2)
        new = QPushButton(self.tr("New Note (Ctrl+Shift+N)"))
        new.clicked.connect(lambda: self.new_note())
        self.delete_button = QPushButton(self.tr("Delete Note"))
        self.delete_button.setToolTip(self.tr("Delete the highlighted note (Del in the list, "
                                              "Ctrl+Shift+Backspace); Edit ▸ Undo brings it "
                                              "back"))
        self.delete_button.clicked.connect(lambda: self.delete_note())
        buttons = QHBoxLayout()
        buttons.addWidget(new, 1)
        buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.notes_view)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 3)
        right_layout.addWidget(QLabel(self.tr("Figures in this note — Enter records one:")))
        right_layout.addWidget(self.candidates, 1)
        right_layout.addWidget(self.follow_up_button)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
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
    def show_visit(self, visit_id: UUID | None, records: VisitRecords | None,
                   plan: ItineraryView | None) -> None:
        """Show ``visit_id`` from fresh data (None: nothing). Writes nothing: the window saved
        the editor before it switched. Shown again, the same visit keeps the editor."""
        same = visit_id is not None and visit_id == self.visit_id
        self.visit_id, self.plan = visit_id, plan
        self.notes = list(records.notes) if records else []
        self.figures = list(records.figures) if records else []
        self.follow_ups = list(records.follow_ups) if records else []
        self.organizations = dict(records.organizations) if records else {}
        self.photos = list(records.photos) if records else []
        self.setEnabled(visit_id is not None)
        with self._updating():
            self._load_suggestions()
            if same:
                self.editor.set_stops(self._stops())
            else:
                self.editor.set_visit(visit_id, self._stops(), self.current_stop())
            self._show_tables()
            self._fill_filters()
            self._fill_notes()
            self.photos_panel.show_photos(visit_id, self.photos, self._stops())
            shown = self.editor.note
            stored = self._note(shown.id) if shown else None
            if stored is not None:
                self.editor.adopt(stored)
                self.select_note(stored.id)
            elif not (same and shown is None):  # else: a new note being written stays
                self._select_first()
        self._show_candidates()

    def apply(self, change: Change, plan: ItineraryView | None = None) -> None:
        """Re-read what ``change`` names of this visit; ``plan`` comes when the stops or the
        visit's times changed. Writes nothing; an edited note is never replaced (see
        NoteEditor.adopt)."""
        if self.visit_id is None or change.visit_id not in (None, self.visit_id):
            return
        uow = self.database.unit_of_work()
        with self._updating():
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
                self._fill_filters()
        self._show_candidates()

    def _reload_notes(self, uow: UnitOfWork, change: Change) -> bool:
        """Re-read the notes ``change`` names (all of them if it names none). True if the
        themes table and the filters must follow: notes came or went, or a note's stop,
        kind, interviewees or themes changed (typing text changes none of that)."""
        if not change.ids:
            self.notes = notes.list_notes(uow, self.visit_id)
            self._fill_notes()
            self._keep_editor_on_a_note()
            return True
        found = {n.id: n for n in notes.find_notes(uow, self.visit_id, change.ids)}
        reshaped = False
        for note_id in change.ids:
            old = self._note(note_id)
            if note_id in found:
                reshaped = reshaped or old is None or _shape(old) != _shape(found[note_id])
                self._put_note(found[note_id])
            elif old is not None:
                reshaped = True
                self._drop_note(note_id)
        return reshaped

    def _put_note(self, note: Note) -> None:
        """A note added or changed: into the list, in order; the editor adopts it."""
        old = self._note(note.id)
        if old is not None:
            self.notes[self.notes.index(old)] = note
        else:
            self.notes.insert(bisect.bisect(self.notes, _order(note), key=_order), note)
        row = self.notes_model.row_of(note.id)
        editing = self.editor.note is not None and self.editor.note.id == note.id
        if not self._keep(note) and not editing:
            if row >= 0:
                self.notes_model.remove_row(row)
        elif row >= 0:
            self.notes_model.replace_row(row, note)
        else:
            shown = [n for n in self.notes if self._keep(n) or n.id == note.id]
            self.notes_model.insert_row(shown.index(note), note)
        if editing:
            self.editor.adopt(note)

    def _drop_note(self, note_id: UUID) -> None:
        """A note deleted: out of the list; an editor showing it moves to the next note."""
        self.notes = [n for n in self.notes if n.id != note_id]
        row = self.notes_model.row_of(note_id)
        if row >= 0:
            self.notes_model.remove_row(row)
        if self.editor.note is not None and self.editor.note.id == note_id:
            self.editor.note = None
            self._keep_editor_on_a_note(max(0, row))

    def _keep_editor_on_a_note(self, row: int = 0) -> None:
        """After notes went away: the editor shows its note if it still exists, else the
        note at ``row`` (or the one before), else an empty new note."""
        shown = self.editor.note
        if shown is not None and self._note(shown.id) is not None:
            self.editor.adopt(self._note(shown.id))
            self.select_note(shown.id)
            return
        if self.notes_model.rowCount():
            note = self.notes_model.row_at(min(row, self.notes_model.rowCount() - 1))
            self.editor.show_note(note)
            self.select_note(note.id)
        elif shown is not None or not self.editor.changes():
            self.editor.show_note(None, self.current_stop())

    def _note(self, note_id: UUID) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def _stops(self) -> list[tuple[UUID | None, str]]:
        stops: list[tuple[UUID | None, str]] = [
            (line.stop.id, f"{line.stop.position}. {line.site.name}")
            for line in (self.plan.lines if self.plan else ())]
        return [*stops, (None, self.tr("Whole visit"))]

    def _records(self) -> VisitRecords:
        return VisitRecords(tuple(self.notes), tuple(self.figures), tuple(self.follow_ups),
                            tuple(self.photos), self.organizations)

    def _show_tables(self) -> None:
        stops = self._stops()
        themes = note_taking.theme_table(self.notes, [s for s, _ in stops if s is not None])
        self.tables.show(stops, self._records() if self.visit_id else None,
                         themes if self.visit_id else None)

    def _load_suggestions(self) -> None:
        """The interviewee groups and themes used anywhere, read once, off the GUI thread
        (they scan every note); kept up to date from what is saved here."""
        if self._suggestions is not None or self.visit_id is None:
            return
        self._suggestions = ([], [])
        database = self.database

        def work(_token: object) -> tuple[list[str], list[str]]:
            uow = database.unit_of_work()
            return note_taking.interviewee_groups(uow), note_taking.tags_in_use(uow)

        def done(found: tuple[list[str], list[str]]) -> None:
            self._suggestions = found
            self.editor.set_suggestions(*found)

        self._tasks.append(Task(self, None, work, done, lambda _error: None).start())

    def _remember_suggestions(self, saved: dict[str, Any]) -> None:
        groups, tags = self._suggestions or ([], [])
        group = saved.get("interviewee_group")
        new_tags = [t for t in saved.get("tags", ()) if t not in tags]
        if (group and group not in groups) or new_tags:
            self._suggestions = ([group, *groups] if group and group not in groups
                                 else groups, [*tags, *new_tags])
            self.editor.set_suggestions(*self._suggestions)

    @contextmanager
    def _updating(self) -> Iterator[None]:
        """While the tab shows new data, selection changes are not the user's choices."""
        self._syncing += 1
        try:
            yield
        finally:
            self._syncing -= 1

    def _fill_filters(self) -> None:
        notes_ = self.notes
        choices = {
            "stop": [(ALL, self.tr("All stops"))] + [(str(i), t) for i, t in self._stops()],
            "kind": [(ALL, self.tr("All kinds"))] + [(k.value, label(k)) for k in
                                                     dict.fromkeys(n.kind for n in notes_)],
            "group": [(ALL, self.tr("All interviewees"))] + [
                (g, g) for g in dict.fromkeys(n.interviewee_group for n in notes_) if g],
            "tag": [(ALL, self.tr("All themes"))] + [
                (t, t) for t in dict.fromkeys(t for n in notes_ for t in n.tags)],
        }
        for name, options in choices.items():
            box = self.filters[name]
            if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == options:
                continue
            kept = box.currentData()
            box.clear()
            for value, text in options:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(kept)))

    def _keep(self, note: Note) -> bool:
        wanted = {name: box.currentData() for name, box in self.filters.items()}
        return ((wanted["stop"] in (ALL, None) or wanted["stop"] == str(note.stop_id))
                and (wanted["kind"] in (ALL, None) or wanted["kind"] == note.kind.value)
                and (wanted["group"] in (ALL, None)
                     or wanted["group"] == note.interviewee_group)
                and (wanted["tag"] in (ALL, None) or wanted["tag"] in note.tags))

    def _apply_filters(self) -> None:
        with self._updating():
            self._fill_notes()
            if self.editor.note is not None:
                self.select_note(self.editor.note.id)

    def _fill_notes(self) -> None:
        first_fill = self.notes_model.rowCount() == 0
        self.notes_model.set_rows([n for n in self.notes if self._keep(n)])
        if first_fill and self.notes_model.rowCount():
            self.notes_view.resizeColumnsToContents()  # from the first rows only (make_table)
            self.notes_view.setColumnWidth(4, 360)

    def select_note(self, note_id: UUID) -> None:
        """Highlight ``note_id`` in the list (nothing, if the filters hide it)."""
        row = self.notes_model.row_of(note_id)
        with self._updating():
            if row >= 0:
                self.notes_view.setCurrentIndex(self.notes_model.index(row, 0))
            else:
                self.notes_view.selectionModel().clear()

    def show_note(self, note_id: UUID) -> None:
        """Open a note (e.g. a search hit): filters cleared, the note selected and edited."""
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self._apply_filters()
        row = self.notes_model.row_of(note_id)
        if row >= 0:
            self.notes_view.setCurrentIndex(self.notes_model.index(row, 0))
            self._note_chosen()

    def _select_first(self) -> None:
        if self.notes_model.rowCount():
            note = self.notes_model.row_at(0)
            self.editor.show_note(note)
            self.select_note(note.id)
        else:
            self.editor.show_note(None, self.current_stop())

    def _note_chosen(self) -> None:
        """The user highlighted a note: save the editor, then show that note."""
        if self._syncing:
            return
        index = self.notes_view.currentIndex()
        note: Note | None = index.data(RowRole) if index.isValid() else None
        if note is None or (self.editor.note is not None and note.id == self.editor.note.id):
            return
        if not self.save():  # the typed text stays on screen; so does its note
            if self.editor.note is not None:
                self.select_note(self.editor.note.id)
            return
        self.editor.show_note(self._note(note.id) or note)
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
        if not self.editor.changes():
            return ""
        return self.tr("the note you are writing")

    def save(self) -> bool:
        """Write what changed in the editor into its own note (a new note: into the editor's
        visit). True when nothing typed is left unsaved."""
        editor = self.editor
        editor.timer.stop()
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
                self.select_note(command.note.id)
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
        self._remember_suggestions(changes)
        self._show_candidates()
        return True

    def _save_failed(self, error: Exception) -> None:
        """Say where the user looks that the note is not saved; a dialog once per cause."""
        if isinstance(error, StaleEditError):
            self.editor.mark_conflict()
            return
        text = error_text(error)
        self.editor.mark_failed(text)
        if text != self._last_failure:
            self._last_failure = text
            show_error(self, error)

    def _keep_mine(self) -> None:
        """After a conflict: the typed version replaces the stored one (one undoable step)."""
        note = self.editor.note
        stored = self._note(note.id) if note else None
        if note is None or stored is None:
            self.editor.note = None  # deleted elsewhere: saved again as a new note
        else:
            self.editor.note = stored
        self.editor.conflict.hide()
        self.save()

    def _take_stored(self) -> None:
        note = self.editor.note
        stored = self._note(note.id) if note else None
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
        self.select_note(None)
        self.editor.show_note(None, stop)
        self.editor.text.setFocus()
        self._show_candidates()

    def delete_note(self) -> None:
        """Delete the note highlighted in the list (the one in the editor when the list has
        none); an empty new note is just dropped."""
        index = self.notes_view.currentIndex()
        note: Note | None = index.data(RowRole) if index.isValid() else self.editor.note
        if note is None:
            self.editor.show_note(None, self.editor.stop_id())
            return
        self.undo_stack.push(commands.DeleteNoteCommand(self._context(), note))

    # -- figures and follow-ups ----------------------------------------------------------------
    def _show_candidates(self) -> None:
        self.candidates.clear()
        note = self.editor.note
        if note is None:
            return
        for candidate in note_taking.unrecorded_figures(note, self.figures):
            item = QListWidgetItem(icon("add"), candidate.text)
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            self.candidates.addItem(item)

    def accept_candidate(self, item: QListWidgetItem) -> None:
        candidate: FigureCandidate = item.data(Qt.ItemDataRole.UserRole)
        note = self.editor.note
        if note is None:
            return
        from fieldvisit.domain.entities import KeyFigure

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
        from fieldvisit.domain.entities import FollowUp

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
