"""Errors the domain and services raise. Each carries a message meant for the user."""

from __future__ import annotations


class FieldVisitError(Exception):
    """Base class: a problem the user can understand and act on."""


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


class DocumentError(FieldVisitError):
    """An invalid visit document. ``path`` is the JSON path of the first problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
