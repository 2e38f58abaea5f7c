"""Errors the domain and services raise. Each carries a message meant for the user: a
``Message`` (see ``messages``) whose English text is ``str(error)`` and whose ``template`` and
``kwargs`` let the interface show it in the user's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message, template_of


class FieldVisitError(Exception):
    """Base class: a problem the user can understand and act on."""

    @property
    def message(self) -> str:
        """The message as raised: a ``Message`` where the raiser made one."""
        return self.args[0] if self.args else ""

    @property
    def template(self) -> str:
        return template_of(self.message)[0]

    @property
    def kwargs(self) -> Mapping[str, Any]:
        return template_of(self.message)[1]


class ValidationError(FieldVisitError):
    """Input that breaks a rule (an impossible time, a missing field...)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(FieldVisitError):
    """A record that does not exist."""


class AmbiguousReferenceError(FieldVisitError):
    """A reference (such as a title prefix) that matches more than one record."""


class ConflictError(FieldVisitError):
    """An operation refused because of other records (e.g. deleting something still in use)."""


class DatabaseRefusedError(FieldVisitError):
    """A database that FieldVisit will not open: newer schema, not ours, or corrupt."""


class DatabaseLostError(FieldVisitError):
    """The open database's files were deleted or replaced by another program: what is written
    from then on is not in the file, so nothing more is saved."""


class DocumentError(FieldVisitError):
    """An invalid visit document. ``path`` is the JSON path of the first problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP("Messages", "{path}: {problem}"),
                                 path=path, problem=problem))
        self.path = path
        self.problem = problem


class StaleEditError(ConflictError):
    """An edit based on values the record no longer has: it was changed elsewhere (an undo,
    an import, another window, another computer on a shared database) since the editor read
    it. Nothing was written. ``changed_by``: who wrote the stored version ("" if unknown)."""

    def __init__(self, message: str, changed_by: str = "") -> None:
        super().__init__(message)
        self.changed_by = changed_by


class ConcurrentWriteError(ConflictError):
    """Another writer got in the way of a step: the database stayed locked too long, or
    records changed or appeared between reading and writing them. Nothing was written, so the
    whole step may run again (``services.concurrency.retried`` does, a few times)."""


class StorageError(FieldVisitError):
    """The database or a file could not be written for a reason outside FieldVisit (a full
    disk, a read-only file): nothing was written; what was typed stays on screen."""


class DiskFullError(StorageError):
    """The disk (or the user's quota) is full. Not damage: the data are intact."""


class ReadOnlyDatabaseError(StorageError):
    """The database may be read but not written (its file or folder is read-only)."""
