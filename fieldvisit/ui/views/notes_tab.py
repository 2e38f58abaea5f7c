"""Notes tab, keyboard-first: the current stop preselected from the plan and the clock, a new
note with one shortcut, saving as you type, figure candidates from the text, follow-ups from
a need, and the visit's figures, follow-ups and themes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import Note
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.figure_extraction import FigureCandidate
from fieldvisit.services import directory, note_taking
from fieldvisit.services.itinerary_view import ItineraryView
from fieldvisit.services.notes import VisitRecords
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui import notes_commands as commands
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.dialogs.follow_up_dialog import FollowUpDialog
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.views.note_editor import NoteEditor
from fieldvisit.ui.views.notes_tables import NotesTables
from fieldvisit.ui.views.photos_panel import PhotosPanel
from fieldvisit.ui.views.tab_actions import tab_action
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

ALL = "__all__"


class NotesTab(QWidget):
    def __init__(self, database: Database, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context, self.clock = \
            database, undo_stack, context, clock
        self.visit_id: UUID | None = None
        self.records: VisitRecords | None = None
        self.plan: ItineraryView | None = None
        self.tables = NotesTables(self, undo_stack, context, lambda: directory.list_organizations(
            database.unit_of_work()))  # the directory, for a follow-up's responsible organization
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
        figures_view, follow_ups_view = self.tables.figures_panel, self.tables.follow_ups_panel
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
        self.notes_view.selectionModel().currentRowChanged.connect(self._note_chosen)
        self.candidates.itemActivated.connect(self.accept_candidate)
        self.follow_up_button.clicked.connect(self.follow_up)
        for box in self.filters.values():
            box.activated.connect(lambda _i: self._apply_filters())
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.setEnabled(False)

    def _layout(self) -> None:
        filters = QGridLayout()  # two by two: each filter wide enough for its "All …" text
        for index, box in enumerate(self.filters.values()):
            filters.addWidget(box, index // 2, index % 2)
        new = QPushButton(self.tr("New Note (Ctrl+Shift+N)"))
        new.clicked.connect(lambda: self.new_note())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.notes_view)
        left_layout.addWidget(new)
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
    def show_records(self, overview: VisitOverview | None, records: VisitRecords | None,
                     plan: ItineraryView | None = None) -> None:
        changed_visit = (overview.visit.id if overview else None) != self.visit_id
        if changed_visit:
            self.save()
        self.visit_id = overview.visit.id if overview else None
        self.records, self.plan = records, plan
        self.setEnabled(overview is not None)
        stops = [(s.stop.id, f"{s.stop.position}. {s.site.name}")
                 for s in (overview.stops if overview else ())]
        stops.append((None, self.tr("Whole visit")))
        self.photos_panel.show_photos(self.visit_id, records.photos if records else (), stops)
        self.tables.show(stops, records, self._themes(stops) if overview else None)
        uow = self.database.unit_of_work()
        self.editor.set_choices(stops, note_taking.interviewee_groups(uow),
                                note_taking.tags_in_use(uow))
        self._fill_filters(stops, records)
        self._apply_filters()
        current = self.editor.note
        stored = next((n for n in records.notes if current and n.id == current.id), None) \
            if records else None
        if changed_visit or (current is not None and stored is None):
            self._select_first()
        elif stored is not None and stored != current and not self.editor.changes():
            self.editor.show_note(stored)  # an undo or another window changed it
        elif stored is not None:
            self.editor.note = stored
        self._show_candidates()

    def _themes(self, stops: list[tuple[UUID | None, str]]) -> note_taking.ThemeTable:
        return note_taking.theme_table(self.records.notes if self.records else (),
                                       [stop for stop, _ in stops if stop is not None])

    def _fill_filters(self, stops, records: VisitRecords | None) -> None:
        notes = records.notes if records else ()
        choices = {
            "stop": [(ALL, self.tr("All stops"))] + [(str(i), t) for i, t in stops],
            "kind": [(ALL, self.tr("All kinds"))] + [(k.value, label(k)) for k in
                                                     dict.fromkeys(n.kind for n in notes)],
            "group": [(ALL, self.tr("All interviewees"))] + [
                (g, g) for g in dict.fromkeys(n.interviewee_group for n in notes) if g],
            "tag": [(ALL, self.tr("All themes"))] + [
                (t, t) for t in dict.fromkeys(t for n in notes for t in n.tags)],
        }
        for name, options in choices.items():
            box = self.filters[name]
            kept = box.currentData()
            box.clear()
            for value, text in options:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(kept)))

    def _apply_filters(self) -> None:
        wanted = {name: box.currentData() for name, box in self.filters.items()}

        def keep(note: Note) -> bool:
            return ((wanted["stop"] in (ALL, None) or wanted["stop"] == str(note.stop_id))
                    and (wanted["kind"] in (ALL, None) or wanted["kind"] == note.kind.value)
                    and (wanted["group"] in (ALL, None)
                         or wanted["group"] == note.interviewee_group)
                    and (wanted["tag"] in (ALL, None) or wanted["tag"] in note.tags))

        selected = self.editor.note.id if self.editor.note else None
        self.notes_model.set_rows([n for n in (self.records.notes if self.records else ())
                                   if keep(n)])
        self.notes_view.resizeColumnsToContents()
        self.notes_view.setColumnWidth(4, 360)
        if selected:
            self.select_note(selected)

    def select_note(self, note_id: UUID) -> None:
        for row in range(self.notes_model.rowCount()):
            if self.notes_model.row_at(row).id == note_id:
                self.notes_view.blockSignals(True)
                self.notes_view.selectRow(row)
                self.notes_view.blockSignals(False)
                return

    def show_note(self, note_id: UUID) -> None:
        """Open a note (e.g. a search hit): filters cleared, the note selected and edited."""
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self._apply_filters()
        for row in range(self.notes_model.rowCount()):
            if self.notes_model.row_at(row).id == note_id:
                self.notes_view.selectRow(row)
                self._note_chosen()
                return

    def _select_first(self) -> None:
        if self.notes_model.rowCount():
            self.notes_view.selectRow(0)
            self._note_chosen()
        else:
            self.editor.show_note(None, self.current_stop())

    def _note_chosen(self) -> None:
        index = self.notes_view.currentIndex()
        note: Note | None = index.data(RowRole) if index.isValid() else None
        if note is not None and (self.editor.note is None or note.id != self.editor.note.id):
            self.save()
            self.editor.show_note(note)
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

    def save(self) -> None:
        """Write what changed in the editor; a new note is created once it has text."""
        self.editor.timer.stop()
        changes = self.editor.changes()
        if not changes or self.visit_id is None:
            return
        if self.editor.note is None:
            command = commands.AddNoteCommand(self._context(), self.visit_id, changes)
            self.undo_stack.push(command)
            if command.note is not None:
                self.editor.note = command.note
                self.select_note(command.note.id)
        else:
            if "text" in changes and not changes["text"].strip():
                self.editor.state.setText(self.tr("A note needs some text; delete it instead "
                                                  "(Ctrl+Shift+Backspace)"))
                return
            command = commands.SaveNoteCommand(self._context(), self.editor.note, changes)
            self.undo_stack.push(command)
        if command.error is None:
            self.editor.mark_saved()
            self._show_candidates()

    def new_note(self) -> None:
        self.save()
        stop = self.current_stop()  # during the visit: where the delegation is now
        if stop is None:
            stop = self.editor.stop_id() if self.editor.note is None else \
                self.editor.note.stop_id
        self.notes_view.clearSelection()
        self.editor.show_note(None, stop)
        self.editor.text.setFocus()
        self._show_candidates()

    def delete_note(self) -> None:
        note = self.editor.note
        if note is not None:
            self.editor.timer.stop()
            self.editor.note = None
            self.undo_stack.push(commands.DeleteNoteCommand(self._context(), note))
            self._select_first()

    # -- figures and follow-ups ----------------------------------------------------------------
    def _show_candidates(self) -> None:
        self.candidates.clear()
        note = self.editor.note
        if note is None:
            return
        for candidate in note_taking.figure_candidates(self.database.unit_of_work(), note.id):
            item = QListWidgetItem(self.tr("➕ %1").replace("%1", candidate.text))
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
