"""Shared steps of the create/edit/delete use cases."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from fieldvisit.domain.entities import Record, utc_now
from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message
from fieldvisit.domain.plain import from_plain, to_plain

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

R = TypeVar("R", bound=Record)

PROTECTED_FIELDS = frozenset({"id", "created_at", "updated_at"})


def normalized(record: R) -> R:
    """The record with every field in its declared type (text enum values become members,
    lists become tuples), validated; a bad value raises ValidationError naming the field."""
    try:
        return from_plain(type(record), to_plain(record), strict=False)
    except DocumentError as error:
        field = error.path.removeprefix("$.").split(".")[0].split("[")[0] or None
        problem = Message(QT_TRANSLATE_NOOP("Messages", "{field}: {problem}"),
                          field=FieldName(field), problem=error.problem) \
            if field else error.problem
        raise ValidationError(problem, field) from None


def add(uow: UnitOfWork, record: R) -> R:
    record = normalized(record)
    with uow:
        uow.repository(type(record)).put(record)
        uow.commit()
    return record


def edit(uow: UnitOfWork, kind: type[R], record_id: UUID, changes: dict[str, Any]) -> R:
    """Apply ``changes`` to a stored record and bump its ``updated_at`` if anything changed."""
    with uow:
        updated = changed(uow.repository(kind).get(record_id), changes)
        uow.repository(kind).put(updated)
        uow.commit()
    return updated  # type: ignore[return-value]


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
        return uow.repository(kind).get(record_id)  # type: ignore[return-value]
