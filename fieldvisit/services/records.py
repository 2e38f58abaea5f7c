"""Shared steps of the create/edit/delete use cases."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from fieldvisit.domain.entities import Record, utc_now
from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message
from fieldvisit.domain.plain import from_plain, local_fields, to_plain
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

R = TypeVar("R", bound=Record)

PROTECTED_FIELDS = frozenset({"id", "created_at", "updated_at", "version", "changed_by"})


def normalized(record: R) -> R:
    """The record with every field in its declared type (text enum values become members,
    lists become tuples), validated; a bad value raises ValidationError naming the field.
    Its version (and last writer) stay."""
    plain = to_plain(record)
    plain.update((name, getattr(record, name)) for name in local_fields(type(record)))
    try:
        return from_plain(type(record), plain, strict=False)
    except DocumentError as error:
        field = error.path.removeprefix("$.").split(".")[0].split("[")[0] or None
        problem = Message(QT_TRANSLATE_NOOP("Messages", "{field}: {problem}"),
                          field=FieldName(field), problem=error.problem) \
            if field else error.problem
        raise ValidationError(problem, field) from None


@retried
def add(uow: UnitOfWork, record: R) -> R:
    record = normalized(record)
    with uow:
        record = uow.repository(type(record)).put(record)
        uow.commit()
    return record


@retried
def edit(uow: UnitOfWork, kind: type[R], record_id: UUID, changes: dict[str, Any],
         expected_version: int | None = None) -> R:
    """Apply ``changes`` to a stored record and bump its ``updated_at`` if anything changed.
    ``expected_version``: the version the caller read; StaleEditError (nothing written) if
    the record has another one now."""
    with uow:
        stored = uow.repository(kind).get(record_id, expected_version)
        updated = changed(stored, changes)
        if updated is not stored:
            updated = uow.repository(kind).put(updated)
            uow.commit()
    return updated


def changed(record: R, changes: dict[str, Any]) -> R:
    names = {f.name for f in dataclasses.fields(record)}
    unknown = set(changes) - names
    if unknown or PROTECTED_FIELDS & set(changes):
        bad = sorted(unknown | (PROTECTED_FIELDS & set(changes)))[0]
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{field} cannot be changed here"), field=FieldName(bad)), bad)
    updated = normalized(dataclasses.replace(record, **changes))
    if updated == record:
        return record
    return dataclasses.replace(updated, updated_at=utc_now())


def get(uow: UnitOfWork, kind: type[R], record_id: UUID) -> R:
    with uow:
        return uow.repository(kind).get(record_id)
