"""Undo commands of the Notes tab. Saving a note while typing merges into one step per note,
so Edit ▸ Undo takes back the last burst of writing, not every keystroke."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar
from uuid import UUID

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from fieldvisit.domain.entities import FollowUp, KeyFigure, Note
from fieldvisit.services import notes
from fieldvisit.services.changes import Area
from fieldvisit.ui.commands import CommandContext, ServiceCommand

R = TypeVar("R", KeyFigure, FollowUp)

translate = QCoreApplication.translate
SAVE_NOTE_ID = 5101


class AddNoteCommand(ServiceCommand):
    AREAS = frozenset({Area.NOTES})

    def __init__(self, context: CommandContext, visit_id: UUID, fields: dict[str, Any]) -> None:
        super().__init__(context, translate("NotesCommands", "Add a note"))
        self.visit_id, self.fields = visit_id, fields
        self.note: Note | None = None

    def apply(self) -> None:
        uow = self.uow()
        if self.note is None:
            self.note = notes.add_note(uow, self.visit_id, **self.fields)
        else:
            notes.restore_note(uow, self.note)
        self.changed(self.visit_id, (self.note.id,))

    def revert(self) -> None:
        assert self.note is not None
        self.note = notes.get_note(self.uow(), self.note.id)
        notes.delete_note(self.uow(), self.note.id)
        self.changed(self.visit_id, (self.note.id,))


class SaveNoteCommand(ServiceCommand):
    """Changes typed into one note; consecutive saves of the same note merge. Each step
    writes only if the stored note is still the version it replaces and has the values it
    replaces (else StaleEditError): an edit never overwrites a change made elsewhere."""

    AREAS = frozenset({Area.NOTES})

    def __init__(self, context: CommandContext, note: Note, changes: dict[str, Any]) -> None:
        super().__init__(context, translate("NotesCommands", "Edit a note"))
        self.visit_id, self.note_id = note.visit_id, note.id
        self.before = {k: getattr(note, k) for k in changes}
        self.after = dict(changes)
        self.read_version = note.version

    def id(self) -> int:
        return SAVE_NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SaveNoteCommand) or other.note_id != self.note_id \
                or other.error is not None:
            return False
        for key, value in other.before.items():
            self.before.setdefault(key, value)
        self.after.update(other.after)
        return True

    def apply(self) -> None:
        notes.update_note(self.uow(), self.note_id, expected=self.before,
                          expected_version=self._version(), **self.after)
        self.changed(self.visit_id, (self.note_id,))

    def revert(self) -> None:
        notes.update_note(self.uow(), self.note_id, expected=self.after,
                          expected_version=self._version(), **self.before)
        self.changed(self.visit_id, (self.note_id,))

    def _version(self) -> int | None:
        return self.version_to_replace(self.note_id, self.read_version)


class DeleteNoteCommand(ServiceCommand):
    AREAS = frozenset({Area.NOTES, Area.FIGURES, Area.FOLLOW_UPS})

    def __init__(self, context: CommandContext, note: Note) -> None:
        super().__init__(context, translate("NotesCommands", "Delete a note"))
        self.note = note
        self.figures: list[KeyFigure] = []
        self.follow_ups: list[FollowUp] = []

    def apply(self) -> None:
        uow = self.uow()
        self.note = notes.get_note(uow, self.note.id)  # as stored: undo puts back this
        self.figures = [f for f in notes.list_figures(uow, self.note.visit_id)
                        if f.note_id == self.note.id]
        self.follow_ups = [f for f in notes.list_follow_ups(uow, self.note.visit_id)
                           if f.note_id == self.note.id]
        notes.delete_note(uow, self.note.id)
        self._changed()

    def revert(self) -> None:
        # the deletion detached them (a new version each): put back over that version
        figures = [self._over_detached(f) for f in self.figures]
        follow_ups = [self._over_detached(f) for f in self.follow_ups]
        notes.restore_note(self.uow(), self.note, figures, follow_ups)
        self._changed()

    def _over_detached(self, record: R) -> R:
        return dataclasses.replace(record, version=self.version_to_replace(
            record.id, record.version) or 0)

    def _changed(self) -> None:
        self.changed(self.note.visit_id, (self.note.id, *(f.id for f in self.figures),
                                          *(f.id for f in self.follow_ups)))


class AddRecordCommand(ServiceCommand):
    """A key figure or follow-up taken from a note (undo removes it again)."""

    def __init__(self, context: CommandContext, text: str, record: KeyFigure | FollowUp) -> None:
        super().__init__(context, text)
        self.record = record
        self.AREAS = frozenset({Area.FIGURES if isinstance(record, KeyFigure)
                                else Area.FOLLOW_UPS})

    def apply(self) -> None:
        notes.put_record(self.uow(), self.record)
        self.changed(self.record.visit_id, (self.record.id,))

    def revert(self) -> None:
        notes.remove_record(self.uow(), self.record)
        self.changed(self.record.visit_id, (self.record.id,))
