"""Use cases on a visit's delegation: members, roles and protocol order."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.entities import DelegationMember
from fieldvisit.domain.enums import DelegationRole
from fieldvisit.domain.errors import ConflictError, ValidationError
from fieldvisit.services import records

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def list_members(uow: UnitOfWork, visit_id: UUID) -> list[DelegationMember]:
    with uow:
        return uow.delegation.list(order_by=("protocol_order",), visit_id=visit_id)


def add_member(uow: UnitOfWork, visit_id: UUID, person_id: UUID,
               role: DelegationRole = DelegationRole.MEMBER) -> DelegationMember:
    """Add a person at the end of the protocol order."""
    with uow:
        uow.visits.get(visit_id)
        person = uow.people.get(person_id)
        members = uow.delegation.list(visit_id=visit_id)
        if any(m.person_id == person_id for m in members):
            raise ConflictError(f"{person.name} is already in this delegation")
        member = records.normalized(DelegationMember(
            visit_id=visit_id, person_id=person_id, role=role,
            protocol_order=max((m.protocol_order for m in members), default=0) + 1))
        uow.delegation.put(member)
        uow.commit()
    return member


def set_role(uow: UnitOfWork, member_id: UUID, role: DelegationRole) -> DelegationMember:
    return records.edit(uow, DelegationMember, member_id, {"role": role})


def remove_member(uow: UnitOfWork, member_id: UUID) -> None:
    with uow:
        uow.delegation.delete(member_id)
        uow.commit()


def reorder_members(uow: UnitOfWork, visit_id: UUID, member_ids: list[UUID]) -> None:
    """Set the protocol order to ``member_ids`` (all the visit's members, first to last)."""
    with uow:
        members = {m.id: m for m in uow.delegation.list(visit_id=visit_id)}
        if sorted(map(str, member_ids)) != sorted(map(str, members)):
            raise ValidationError("the new order must list every member of the delegation once")
        for order, member_id in enumerate(member_ids, start=1):
            uow.delegation.put(records.changed(members[member_id], {"protocol_order": order}))
        uow.commit()
