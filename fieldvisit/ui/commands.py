"""Undo commands. Each redo()/undo() calls services; nothing copies widget state."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from fieldvisit.domain.errors import (
    ConcurrentWriteError,
    ConflictError,
    NotFoundError,
    StaleEditError,
)
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.rules import STATUS_ORDER
from fieldvisit.services import concurrency, visit_document, visits
from fieldvisit.services.changes import ALL_AREAS, Area, Change

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.persistence.uow import UnitOfWork

translate = QCoreApplication.translate


@dataclass(frozen=True)
class CommandContext:
    database: Database
    announce: Callable[[Change, bool], None]
    """Tell the window what changed; True: bring the change's visit on screen (undo, redo)."""
    report: Callable[[Exception], None]  # show a failure to the user

    def uow(self) -> UnitOfWork:
        return self.database.unit_of_work()


class ServiceCommand(QUndoCommand):
    """A step that calls services and announces what it changed (``changed``): ``AREAS`` of
    one visit. A failing step is reported and the window re-reads everything; a command that
    fails on its first redo marks itself obsolete, so the undo stack drops it instead of
    keeping a lie.

    Edits name the version of the record they replace (``version_to_replace``), so that a
    record someone else changed meanwhile is never overwritten: the step is refused
    (StaleEditError) — on undo and redo too.

    Each step (redo, undo) is one transaction: the services it calls with ``self.uow()``
    commit once, together, when the step ends, and what it announces is shown only then. A
    step that fails leaves nothing of its first services behind. When another writer got in
    the way, the whole step runs again (the command's own state as before the attempt).
    ``ONE_TRANSACTION = False``: a command whose services also move files (photos), which a
    rollback could not put back; each of its services commits on its own."""

    AREAS: frozenset[Area] = ALL_AREAS
    ONE_TRANSACTION = True

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.error: Exception | None = None
        self._done_once = False  # undo and a later redo show where they happened
        self._step_uow: UnitOfWork | None = None
        self._announced: list[Callable[[], None]] = []  # after_step, till the commit

    def uow(self) -> UnitOfWork:
        """The unit of work of the running step (one transaction); outside a step, or in a
        command that is not ONE_TRANSACTION, a new one."""
        return self._step_uow if self._step_uow is not None else self.context.uow()

    def announce(self, change: Change, show: bool) -> None:
        """Tell the window what changed, once the step's transaction is committed."""
        self.after_step(lambda: self.context.announce(change, show))

    def after_step(self, action: Callable[[], None]) -> None:
        """Run ``action`` (which shows the step: announce, select) once the step's
        transaction is committed, in the order asked; at once outside a step."""
        if self._step_uow is not None:
            self._announced.append(action)
        else:
            action()

    def redo(self) -> None:
        self._guard(self.apply, QT_TRANSLATE_NOOP(
            "Messages", "“{step}” cannot be redone: {reason}") if self._done_once else None)
        self._done_once = True

    def undo(self) -> None:
        self._guard(self.revert, QT_TRANSLATE_NOOP(
            "Messages", "“{step}” cannot be undone: {reason}"))

    def version_to_replace(self, record_id: UUID, read: int) -> int | None:
        """The version of ``record_id`` this step may overwrite: on its first run, ``read``
        (the one its view showed; 0: unknown, nothing checked); on undo and redo, the one
        this window's last write left. If the record has another one, someone else changed
        it since, and the step is refused."""
        if self._done_once:
            written = self.context.database.write_log.version_of(record_id)
            if written is not None:
                return written
        return read or None

    def changed(self, visit_id: UUID | None, ids: tuple[UUID | None, ...] = (),
                areas: frozenset[Area] | None = None) -> None:
        """Announce that ``areas`` (by default the command's AREAS) of ``visit_id`` changed,
        naming the records ``ids`` when known."""
        change = Change.of(*(areas if areas is not None else self.AREAS), visit_id=visit_id,
                           ids=ids)
        self.announce(change, self._done_once)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _guard(self, step: Callable[[], None], stale: str | None = None) -> None:
        """Run ``step``; ``stale``: the template saying which step a StaleEditError stopped
        (undo, redo)."""
        self.error = None
        try:
            if self.ONE_TRANSACTION:
                self._in_one_transaction(step)
            else:
                step()
        except Exception as error:  # noqa: BLE001 - reported through the context
            if stale is not None and isinstance(error, StaleEditError):
                error = StaleEditError(Message(stale, step=self.text(), reason=error.message),
                                       error.changed_by)
            elif stale is not None and type(error) in (ConflictError, NotFoundError):
                # e.g. the record is in use now, or gone (merged into another)
                error = type(error)(Message(stale, step=self.text(), reason=error.message))
            self.error = error
            self.setObsolete(True)
            self.context.announce(Change.everything(), False)
            self.context.report(error)

    def _in_one_transaction(self, step: Callable[[], None]) -> None:
        """Run ``step`` in one transaction, again as a whole when another writer got in the
        way (``concurrency.retried``), then announce what it changed."""
        state = {k: v for k, v in vars(self).items() if k != "context"}

        @concurrency.retried
        def attempt() -> None:
            vars(self).update({k: copy.copy(v) if isinstance(v, (list, dict, set)) else v
                              for k, v in state.items()})
            self._step_uow, self._announced = self.context.uow(), []
            try:
                with self._step_uow.one_transaction():
                    step()
            finally:
                self._step_uow = None

        try:
            attempt()
        except ConcurrentWriteError:
            vars(self).update(state)
            raise
        shown, self._announced = self._announced, []
        for action in shown:
            action()


Write = Callable[["UnitOfWork", UUID, dict[str, Any], "int | None"], object]
"""A service call writing ``values`` to the record ``record_id`` (``expected_version``)."""


class SetValuesCommand(ServiceCommand):
    """The one command for an edit of some fields of one record: it holds the values before
    and after and the service call that writes either (redo: after, undo: before), each over
    the version its view read or this window last wrote (see ``version_to_replace``).
    ``focus``: told the record after each step (a table keeps showing it)."""

    def __init__(self, context: CommandContext, text: str, record_id: UUID,
                 visit_id: UUID | None, before: dict[str, Any], after: dict[str, Any],
                 write: Write, version: int = 0, areas: frozenset[Area] | None = None,
                 focus: Callable[[UUID], None] | None = None) -> None:
        super().__init__(context, text)
        if areas is not None:
            self.AREAS = areas
        self.record_id, self.visit_id = record_id, visit_id
        changed = [k for k in after if after[k] != before.get(k)] or list(after)
        self.before = {k: before[k] for k in changed}
        self.after = {k: after[k] for k in changed}
        self.write, self.read_version, self.focus = write, version, focus

    def apply(self) -> None:
        self._set(self.after)

    def revert(self) -> None:
        self._set(self.before)

    def _set(self, values: dict[str, Any]) -> None:
        self.write(self.uow(), self.record_id, values,
                   self.version_to_replace(self.record_id, self.read_version))
        self.changed(self.visit_id, (self.record_id,))
        focus = self.focus
        if focus is not None:
            self.after_step(lambda: focus(self.record_id))


def update_with(service: Callable[..., object]) -> Write:
    """The ``Write`` of a service taking ``(uow, record_id, expected_version=…, **values)``."""
    return lambda uow, record_id, values, version: service(
        uow, record_id, expected_version=version, **values)


class CreateVisitCommand(ServiceCommand):
    def __init__(self, context: CommandContext, fields: dict[str, Any]) -> None:
        text = translate("Commands", "Create visit “%1”").replace("%1", fields["title"])
        super().__init__(context, text)
        self._fields = fields
        self._document: dict[str, Any] | None = None
        self.visit_id: UUID | None = None

    def apply(self) -> None:
        if self._document is None:
            self.visit_id = visits.create_visit(self.uow(), **self._fields).id
        else:
            visit_document.import_visit(self.uow(), self._document)
        self.announce(Change.everything(self.visit_id), True)  # show the new visit

    def revert(self) -> None:
        assert self.visit_id is not None
        self._document = visit_document.export_visit(self.uow(), self.visit_id)
        visits.delete_visit(self.uow(), self.visit_id)
        self.changed(self.visit_id)


class EditVisitCommand(ServiceCommand):
    AREAS = frozenset({Area.VISIT, Area.VISIT_LIST})

    def __init__(self, context: CommandContext, visit_id: UUID, before: dict[str, Any],
                 after: dict[str, Any], text: str | None = None, version: int = 0) -> None:
        """``version``: of the visit ``before`` was read from (0: not known)."""
        super().__init__(context, text or translate("Commands", "Edit visit “%1”").replace(
            "%1", after.get("title") or before.get("title", "")))
        self._visit_id = visit_id
        changed = {k for k in after if after[k] != before.get(k)}
        self._before = {k: before[k] for k in changed}
        self._after = {k: after[k] for k in changed}
        self._read_version = version

    def apply(self) -> None:
        self._set(self._after)

    def revert(self) -> None:
        self._set(self._before)

    def _set(self, values: dict[str, Any]) -> None:
        uow = self.uow()
        version = self.version_to_replace(self._visit_id, self._read_version)
        fields = {k: v for k, v in values.items() if k != "status"}
        if fields:
            version = visits.update_visit(uow, self._visit_id, expected_version=version,
                                          **fields).version
        if "status" in values:
            _walk_status(uow, self._visit_id, values["status"], version)
        self.changed(self._visit_id)


def _walk_status(uow: UnitOfWork, visit_id: UUID, target: Any, version: int | None) -> None:
    """Reach ``target`` the way the rules allow: back in one go, forward one step at a time;
    ``version``: the one the visit must have (None: any)."""
    current = visits.get_visit(uow, visit_id).status  # the first step checks the version
    while current != target:
        if STATUS_ORDER.index(target) < STATUS_ORDER.index(current):
            current = target
        else:
            current = STATUS_ORDER[STATUS_ORDER.index(current) + 1]
        version = visits.update_visit(uow, visit_id, expected_version=version,
                                      status=current).version


class DeleteVisitCommand(ServiceCommand):
    """Deleting keeps the whole visit as a visit document, so undo restores every record."""

    def __init__(self, context: CommandContext, visit_id: UUID, title: str) -> None:
        text = translate("Commands", "Delete visit “%1”").replace("%1", title)
        super().__init__(context, text)
        self._visit_id = visit_id
        self._document: dict[str, Any] | None = None

    def apply(self) -> None:
        self._document = visit_document.export_visit(self.uow(), self._visit_id)
        visits.delete_visit(self.uow(), self._visit_id)
        self.changed(self._visit_id)

    def revert(self) -> None:
        assert self._document is not None
        visit_document.import_visit(self.uow(), self._document)
        self.announce(Change.everything(self._visit_id), True)
