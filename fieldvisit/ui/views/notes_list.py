"""The left pane of the Notes tab: the visit's notes, filtered by stop, kind, interviewees and
theme, with New Note and Delete Note. It keeps the notes in list order and changes rows one
at a time as notes are saved, so typing never resets the list or its selection."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable
from uuid import UUID

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import Note
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table

ALL = "__all__"
TEXT_COLUMN = 2  # number, kind, text, themes


def shape(note: Note) -> tuple[Any, ...]:
    """What the themes table and the filters show of a note."""
    return note.stop_id, note.kind, note.interviewee_group, note.tags


def _order(note: Note) -> tuple[int, Any, str]:
    """The order of the list (as the repository lists notes)."""
    return note.position, note.created_at, str(note.id)


class NotesList(QWidget):
    chosen = Signal(object)  # the Note the user highlighted
    new_requested = Signal()
    delete_requested = Signal()

    def __init__(self, model: RecordTableModel[Note], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = make_table(model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Notes"))
        self.notes: list[Note] = []  # the visit's notes, in list order
        self.pinned: Callable[[], UUID | None] = lambda: None
        """The note in the editor: listed even when the filters would hide it."""
        self._syncing = 0
        self.filters = {name: QComboBox() for name in ("stop", "kind", "group", "tag")}
        for name, text in (("stop", self.tr("Filter by stop")),
                           ("kind", self.tr("Filter by kind")),
                           ("group", self.tr("Filter by interviewees")),
                           ("tag", self.tr("Filter by theme"))):
            self.filters[name].setAccessibleName(text)
            self.filters[name].activated.connect(lambda _i: self.apply_filters())
        self.new_button = QPushButton(self.tr("New Note (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.delete_button = QPushButton(self.tr("Delete Note"))
        self.delete_button.setToolTip(self.tr("Delete the highlighted note (Del in the list, "
                                              "Ctrl+Shift+Backspace); Edit ▸ Undo brings it "
                                              "back"))
        self.delete_button.clicked.connect(self.delete_requested.emit)
        self._layout()
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def _layout(self) -> None:
        filters = QGridLayout()  # two by two: each filter wide enough for its "All …" text
        for index, box in enumerate(self.filters.values()):
            filters.addWidget(box, index // 2, index % 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button, 1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    # -- the notes -------------------------------------------------------------------------
    def set_notes(self, notes: list[Note], stops: list[tuple[UUID | None, str]]) -> None:
        """All the notes of a visit (in list order) and its stops."""
        self.notes = list(notes)
        with self.updating():
            self.fill_filters(stops)
            first_fill = self.model.rowCount() == 0
            self.model.set_rows([n for n in self.notes if self._keep(n)])
            if first_fill and self.model.rowCount():
                self._fit_columns()

    def _fit_columns(self) -> None:
        """Number, kind and themes as wide as their first rows need (themes at most a third of
        the list); the text takes the rest."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        self.view.resizeColumnsToContents()  # from the first rows only (make_table)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        tags = TEXT_COLUMN + 1
        self.view.setColumnWidth(tags, min(self.view.columnWidth(tags),
                                           max(80, self.view.viewport().width() // 3)))

    def note(self, note_id: UUID) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def put(self, note: Note) -> bool:
        """A note added or changed: into the list in its place. True if the themes and the
        filters must follow (a note came, or its stop, kind, interviewees or themes
        changed: typing text changes none of that)."""
        old = self.note(note.id)
        if old is not None:
            self.notes[self.notes.index(old)] = note
        else:
            self.notes.insert(bisect.bisect(self.notes, _order(note), key=_order), note)
        row = self.model.row_of(note.id)
        with self.updating():
            if not self._keep(note) and note.id != self.pinned():
                if row >= 0:
                    self.model.remove_row(row)
            elif row >= 0:
                self.model.replace_row(row, note)
            else:
                shown = [n for n in self.notes if self._keep(n) or n.id == note.id]
                self.model.insert_row(shown.index(note), note)
        return old is None or shape(old) != shape(note)

    def drop(self, note_id: UUID) -> int:
        """A note deleted: out of the list. Returns the row it had (-1: not listed)."""
        self.notes = [n for n in self.notes if n.id != note_id]
        row = self.model.row_of(note_id)
        if row >= 0:
            with self.updating():
                self.model.remove_row(row)
        return row

    # -- filters ---------------------------------------------------------------------------
    def fill_filters(self, stops: list[tuple[UUID | None, str]]) -> None:
        notes = self.notes
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

    def apply_filters(self) -> None:
        with self.updating():
            self.model.set_rows([n for n in self.notes if self._keep(n)])
            self.select(self.pinned())

    def clear_filters(self) -> None:
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self.apply_filters()

    # -- selection -------------------------------------------------------------------------
    def select(self, note_id: UUID | None) -> None:
        """Highlight ``note_id`` (nothing if it is None or the filters hide it)."""
        row = self.model.row_of(note_id) if note_id else -1
        with self.updating():
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, 0))
            else:
                self.view.selectionModel().clear()

    def highlighted(self) -> Note | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    @contextmanager
    def updating(self) -> Iterator[None]:
        """While the list changes, selection changes are not the user's choices."""
        self._syncing += 1
        try:
            yield
        finally:
            self._syncing -= 1

    def _row_changed(self) -> None:
        note = self.highlighted()
        if not self._syncing and note is not None:
            self.chosen.emit(note)
