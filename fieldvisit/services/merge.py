"""Merging two duplicate people or organizations of the directory into one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from fieldvisit.domain.entities import (
    REFERENCE_FIELDS,
    DelegationMember,
    Organization,
    Participation,
    Person,
    Record,
)
from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import field_types
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

R = TypeVar("R", Person, Organization)


@dataclass(frozen=True)
class MergeResult:
    kept: Person | Organization
    references_moved: int


def merge_people(uow: UnitOfWork, keep_id: UUID, duplicate_id: UUID) -> MergeResult:
    """Fold ``duplicate_id`` into ``keep_id``: every reference moves to the kept person, empty
    fields of the kept person are filled from the duplicate, and the duplicate is deleted.
    Where both are in one delegation, the kept person's membership stays."""
    return _merge(uow, Person, keep_id, duplicate_id)


def merge_organizations(uow: UnitOfWork, keep_id: UUID, duplicate_id: UUID) -> MergeResult:
    """Fold ``duplicate_id`` into ``keep_id`` the same way as ``merge_people``."""
    return _merge(uow, Organization, keep_id, duplicate_id)


@retried
def _merge(uow: UnitOfWork, kind: type[R], keep_id: UUID, duplicate_id: UUID) -> MergeResult:
    if keep_id == duplicate_id:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "choose two different records to merge")))
    with uow:
        repository = uow.repository(kind)
        keep, duplicate = repository.get(keep_id), repository.get(duplicate_id)
        moved = 0
        for referring, fields in REFERENCE_FIELDS.items():
            for field, target in fields.items():
                if target is not kind:
                    continue
                for record in uow.repository(referring).where({field: duplicate_id}):
                    if not _drop_if_duplicate(uow, record, field, keep_id):
                        uow.repository(referring).put(records.changed(record, {field: keep_id}))
                    moved += 1
        # empty: "" or None (a person without an organization gets the duplicate's)
        filled = {name: getattr(duplicate, name) for name in field_types(kind)
                  if getattr(keep, name) in ("", None) and getattr(duplicate, name)}
        kept = records.changed(keep, filled)
        repository.put(kept)
        repository.delete(duplicate_id)
        uow.commit()
    return MergeResult(kept, moved)


def _drop_if_duplicate(uow: UnitOfWork, record: Record, field: str, keep_id: UUID) -> bool:
    """A visit lists a person or an organization once: when the kept one is already there,
    the duplicate's membership or participation is removed instead of moved."""
    if isinstance(record, DelegationMember) and field == "person_id":
        twins = uow.delegation.all(visit_id=record.visit_id, person_id=keep_id)
        if twins:
            uow.delegation.delete(record.id)  # its absences go with it
            remaining = uow.delegation.all(order_by=("protocol_order",),
                                            visit_id=record.visit_id)
            for order, member in enumerate(remaining, start=1):  # no gap in the order
                uow.delegation.put(records.changed(member, {"protocol_order": order}))
            return True
    if isinstance(record, Participation) and field == "organization_id":
        present = uow.participations.all(visit_id=record.visit_id, organization_id=keep_id)
        if present:
            if not present[0].contact_person_id and record.contact_person_id:
                uow.participations.put(records.changed(
                    present[0], {"contact_person_id": record.contact_person_id}))
            uow.participations.delete(record.id)
            return True
    return False
