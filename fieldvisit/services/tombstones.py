"""Tombstones of a visit's deleted records, and how the visit document writes and reads them
(section ``tombstones``, format version 2; see docs/visit-format.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain import limits
from fieldvisit.domain.content import TOMBSTONED_KINDS, Tombstone, is_hash
from fieldvisit.domain.entities import Timestamp
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import from_plain, to_plain

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

KINDS = tuple(TOMBSTONED_KINDS.values())


def list_tombstones(uow: UnitOfWork, visit_id: UUID) -> list[Tombstone]:
    with uow:
        return uow.tombstones.all(visit_id=visit_id)


@dataclass(frozen=True, kw_only=True)
class _Entry:
    """A tombstone as the document writes it (its visit is the document's)."""

    id: UUID
    kind: str
    deleted_at: Timestamp
    content_hash: str
    deletion: str

    def __post_init__(self) -> None:
        limits.check(self)  # deleted_at within the years a record may have


def to_document(tombstone: Tombstone) -> dict[str, Any]:
    return to_plain(_Entry(id=tombstone.record_id, kind=tombstone.kind,
                           deleted_at=Timestamp(tombstone.deleted_at),
                           content_hash=tombstone.content_hash, deletion=tombstone.deletion))


def from_document(items: Any, visit_id: UUID) -> list[Tombstone]:
    if not isinstance(items, list):
        raise DocumentError("$.tombstones", Message(QT_TRANSLATE_NOOP(
            "Messages", "expected a list")))
    found = []
    for index, item in enumerate(items):
        path = f"$.tombstones[{index}]"
        entry = from_plain(_Entry, item, path)
        if entry.kind not in KINDS:
            raise DocumentError(f"{path}.kind", Message(QT_TRANSLATE_NOOP(
                "Messages", "{value!r} is not one of: {allowed}"), value=entry.kind,
                allowed=", ".join(KINDS)))
        for name in ("content_hash", "deletion"):
            if not is_hash(getattr(entry, name)):
                raise DocumentError(f"{path}.{name}", Message(QT_TRANSLATE_NOOP(
                    "Messages", "expected 64 lowercase hexadecimal digits (a SHA-256)")))
        found.append(Tombstone(record_id=entry.id, kind=entry.kind, visit_id=visit_id,
                               deleted_at=entry.deleted_at, content_hash=entry.content_hash,
                               deletion=entry.deletion))
    return found
