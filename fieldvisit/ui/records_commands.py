"""Undo commands for the key figures and follow-ups tables: edit one record, delete one record.
Each calls one service; ``focus`` is told which record to show after a step (so undo and redo
keep the table on the record they changed)."""

from __future__ import annotations

from typing import Any, Callable
from uuid import UUID

from fieldvisit.domain.entities import FollowUp, KeyFigure
from fieldvisit.services import notes
from fieldvisit.services.changes import Area
from fieldvisit.ui.commands import (
    CommandContext,
    ServiceCommand,
    SetValuesCommand,
    update_with,
)

EditableRecord = KeyFigure | FollowUp
Focus = Callable[[UUID | None], None]

_UPDATE: dict[type, Callable[..., EditableRecord]] = {
    KeyFigure: notes.update_figure, FollowUp: notes.update_follow_up}
_DELETE: dict[type, Callable[..., EditableRecord]] = {
    KeyFigure: notes.delete_figure, FollowUp: notes.delete_follow_up}
_AREAS = {KeyFigure: frozenset({Area.FIGURES}), FollowUp: frozenset({Area.FOLLOW_UPS})}


class EditRecordCommand(SetValuesCommand):
    """Changes some fields of a key figure or follow-up; undo puts the old values back."""

    def __init__(self, context: CommandContext, text: str, record: EditableRecord,
                 changes: dict[str, Any], focus: Focus) -> None:
        super().__init__(context, text, record.id, record.visit_id,
                         {name: getattr(record, name) for name in changes}, changes,
                         update_with(_UPDATE[type(record)]), record.version,
                         _AREAS[type(record)], focus)


class DeleteRecordCommand(ServiceCommand):
    """Deletes a key figure or follow-up; undo brings back the record as it was stored."""

    def __init__(self, context: CommandContext, text: str, record: EditableRecord,
                 focus: Focus) -> None:
        super().__init__(context, text)
        self.kind, self.record_id, self.visit_id = type(record), record.id, record.visit_id
        self.AREAS = _AREAS[self.kind]
        self.deleted: EditableRecord | None = None
        self.focus = focus

    def apply(self) -> None:
        self.deleted = _DELETE[self.kind](self.uow(), self.record_id)
        self.changed(self.visit_id, (self.record_id,))
        self.after_step(lambda: self.focus(None))

    def revert(self) -> None:
        assert self.deleted is not None
        notes.put_record(self.uow(), self.deleted)
        self.changed(self.visit_id, (self.record_id,))
        self.after_step(lambda: self.focus(self.record_id))
