"""Undo commands of the shared directory (people, organizations, sites), and ``DirectoryEdits``:
where the directory window and the "New Person…/New Organization…/New Site…" buttons of other
dialogs send a change, so that every one is a step of the window's undo stack.

Undoing a creation deletes the record again, only if nothing uses it yet (else the step is
refused, saying what uses it); undoing a deletion puts the records back as they were stored.
Merging duplicates is not undoable (see ``DirectoryWindow.merge_people``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from fieldvisit.domain.entities import Organization, Person, Site
from fieldvisit.services import directory, itinerary, merge
from fieldvisit.services.changes import Area, Change
from fieldvisit.ui.commands import CommandContext, ServiceCommand, SetValuesCommand, update_with
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.undo_stack import UndoStack

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

translate = QCoreApplication.translate
DirectoryRecord = Organization | Person | Site
AREAS = frozenset({Area.DIRECTORY})


@dataclass(frozen=True)
class _Kind:
    create: Callable[..., DirectoryRecord]
    update: Callable[..., DirectoryRecord]
    delete: Callable[..., DirectoryRecord]
    created: Callable[[], str]  # the texts of the steps, "%1": the name(s)
    edited: Callable[[], str]
    deleted: Callable[[], str]


_KINDS: dict[type, _Kind] = {
    Person: _Kind(directory.create_person, directory.update_person, directory.delete_person,
                  lambda: translate("DirectoryCommands", "Add %1 to the directory"),
                  lambda: translate("DirectoryCommands", "Edit %1"),
                  lambda: translate("DirectoryCommands", "Delete %1 from the directory")),
    Organization: _Kind(
        directory.create_organization, directory.update_organization,
        directory.delete_organization,
        lambda: translate("DirectoryCommands", "Add the organization %1"),
        lambda: translate("DirectoryCommands", "Edit the organization %1"),
        lambda: translate("DirectoryCommands", "Delete the organization %1")),
    Site: _Kind(itinerary.create_site, itinerary.update_site, itinerary.delete_site,
                lambda: translate("DirectoryCommands", "Add the site %1"),
                lambda: translate("DirectoryCommands", "Edit the site %1"),
                lambda: translate("DirectoryCommands", "Delete the site %1")),
}


class CreateDirectoryRecordCommand(ServiceCommand):
    """A new person, organization or site; undo deletes it (refused while something uses
    it), redo brings back the same record."""
    AREAS = AREAS

    def __init__(self, context: CommandContext, kind: type[DirectoryRecord],
                 values: dict[str, Any]) -> None:
        super().__init__(context, _KINDS[kind].created().replace("%1", values["name"]))
        self.kind, self.values = kind, values
        self.record: DirectoryRecord | None = None
        self._deleted: DirectoryRecord | None = None

    def apply(self) -> None:
        if self._deleted is None:
            self.record = _KINDS[self.kind].create(self.uow(), **self.values)
        else:
            directory.restore_records(self.uow(), [self._deleted])
        self.changed(None, (self.record.id,) if self.record else ())

    def revert(self) -> None:
        assert self.record is not None
        self._deleted = _KINDS[self.kind].delete(self.uow(), self.record.id)
        self.changed(None, (self.record.id,))


class DeleteDirectoryRecordsCommand(ServiceCommand):
    """Deletes records of one kind nothing uses, as one step; undo puts them all back."""
    AREAS = AREAS

    def __init__(self, context: CommandContext, records: Sequence[DirectoryRecord]) -> None:
        super().__init__(context, _KINDS[type(records[0])].deleted().replace(
            "%1", join_list(r.name for r in records)))
        self.ids = [r.id for r in records]
        self.kind = type(records[0])
        self.deleted: list[DirectoryRecord] = []

    def apply(self) -> None:
        self.deleted = [_KINDS[self.kind].delete(self.uow(), record_id)
                        for record_id in self.ids]
        self.changed(None, tuple(self.ids))

    def revert(self) -> None:
        directory.restore_records(self.uow(), self.deleted)
        self.changed(None, tuple(self.ids))


def edit_command(context: CommandContext, record: DirectoryRecord,
                 values: dict[str, Any]) -> SetValuesCommand:
    """The step changing ``record`` (as its view read it) to ``values``."""
    kind = _KINDS[type(record)]
    return SetValuesCommand(
        context, kind.edited().replace("%1", values.get("name") or record.name), record.id,
        None, {k: getattr(record, k) for k in values}, values, update_with(kind.update),
        record.version, AREAS)


class DirectoryEdits:
    """Changes of the directory, each pushed onto ``undo_stack`` as one step."""

    def __init__(self, undo_stack: QUndoStack, context: Callable[[], CommandContext]) -> None:
        """``undo_stack``: the window's (an ``UndoStack``, which saves open editors first)."""
        self.undo_stack, self.context = undo_stack, context

    @classmethod
    def own(cls, database: Database, parent: QWidget,
            shown: Callable[[], None] = lambda: None) -> DirectoryEdits:
        """Edits with an undo stack of ``parent``'s own (a dialog opened on its own, outside
        the main window); ``shown`` is called after each change."""
        from fieldvisit.ui.errors import show_error

        def announce(_change: Change, _show: bool) -> None:
            shown()

        context = CommandContext(database, announce, lambda error: show_error(parent, error))
        return cls(UndoStack(parent), lambda: context)

    def create(self, kind: type[DirectoryRecord],
               values: dict[str, Any]) -> DirectoryRecord | None:
        """The record created, or None (the failure was shown)."""
        command = CreateDirectoryRecordCommand(self.context(), kind, values)
        self.undo_stack.push(command)
        return command.record if command.error is None else None

    def edit(self, record: DirectoryRecord, values: dict[str, Any]) -> bool:
        """No step when OK was pressed without changing anything."""
        if all(getattr(record, name) == value for name, value in values.items()):
            return True
        command = edit_command(self.context(), record, values)
        self.undo_stack.push(command)
        return command.error is None

    def delete(self, records: Sequence[DirectoryRecord]) -> bool:
        command = DeleteDirectoryRecordsCommand(self.context(), records)
        self.undo_stack.push(command)
        return command.error is None

    def merge(self, kind: type[Person | Organization], keep_id: UUID,
              duplicate_id: UUID) -> bool:
        """Fold a duplicate into the record kept: NOT a step of the undo stack (the merge
        moves every reference, may drop a delegation membership with its absences or a
        participation, and renumbers orders; the dialog says it cannot be undone). Every
        visit may show the kept record now: everything is announced."""
        context = self.context()
        if isinstance(self.undo_stack, UndoStack):
            self.undo_stack.flush()  # open editors saved first, as before any command
        try:
            (merge.merge_people if kind is Person else merge.merge_organizations)(
                context.uow(), keep_id, duplicate_id)
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            context.report(error)
            context.announce(Change.everything(), False)
            return False
        context.announce(Change.everything(), False)
        return True
