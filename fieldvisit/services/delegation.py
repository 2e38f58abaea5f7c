"""Use cases on a visit's delegation: members, roles, protocol order, participating
organizations with their contact persons, and who goes to which stop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from fieldvisit.domain.delegation_rules import protocol_sorted
from fieldvisit.domain.entities import Absence, DelegationMember, Participation
from fieldvisit.domain.enums import DelegationRole
from fieldvisit.domain.errors import ConflictError, NotFoundError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class RemovedMember:
    """What removing a member took away, so that it can be put back exactly: with the last
    member of an organization, the organization's participation (and its contact) goes too."""

    member: DelegationMember
    absences: tuple[Absence, ...]
    order: tuple[UUID, ...]  # the protocol order before removal
    withdrawn: Participation | None = None


@dataclass(frozen=True)
class WithdrawnOrganization:
    """An organization withdrawn from a visit with the members it still had there."""

    participation: Participation
    members: tuple[DelegationMember, ...]
    absences: tuple[Absence, ...]
    order: tuple[UUID, ...]  # the protocol order before withdrawal


def list_members(uow: UnitOfWork, visit_id: UUID) -> list[DelegationMember]:
    with uow:
        return uow.delegation.all(order_by=("protocol_order",), visit_id=visit_id)


@retried
def add_member(uow: UnitOfWork, visit_id: UUID, person_id: UUID,
               role: DelegationRole = DelegationRole.MEMBER,
               member_id: UUID | None = None) -> DelegationMember:
    """Add a person at the end of the protocol order; their organization joins the visit's
    participating organizations if it is not there yet."""
    with uow:
        uow.visits.get(visit_id)
        person = uow.people.get(person_id)
        members = uow.delegation.all(visit_id=visit_id)
        if any(m.person_id == person_id for m in members):
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} is already in this delegation"), name=person.name))
        member = records.normalized(DelegationMember(
            visit_id=visit_id, person_id=person_id, role=role,
            protocol_order=max((m.protocol_order for m in members), default=0) + 1,
            id=member_id or uuid4()))
        member = uow.delegation.put(member)
        if person.organization_id and not uow.participations.count(
                visit_id=visit_id, organization_id=person.organization_id):
            uow.participations.put(Participation(visit_id=visit_id,
                                                 organization_id=person.organization_id))
        uow.commit()
    return member


def set_role(uow: UnitOfWork, member_id: UUID, role: DelegationRole,
             expected_version: int | None = None) -> DelegationMember:
    return records.edit(uow, DelegationMember, member_id, {"role": role}, expected_version)


@retried
def remove_member(uow: UnitOfWork, member_id: UUID,
                  withdraw_organization: bool = True) -> RemovedMember:
    """Take a member out of the delegation. Organizations follow their members: when nobody of
    the member's organization is left in the visit, the organization is withdrawn too (unless
    ``withdraw_organization`` is false)."""
    with uow:
        member = uow.delegation.get(member_id)
        order = uow.delegation.all(order_by=("protocol_order",), visit_id=member.visit_id)
        absences = tuple(uow.absences.all(member_id=member_id))
        uow.delegation.delete(member_id)
        remaining = [m for m in order if m.id != member_id]
        _renumber(uow, remaining)
        withdrawn = None
        organization_id = uow.people.get(member.person_id).organization_id
        if withdraw_organization and organization_id is not None and not _members_of(
                uow, remaining, organization_id):
            found = uow.participations.all(visit_id=member.visit_id,
                                            organization_id=organization_id)
            for participation in found:
                uow.participations.delete(participation.id)
            withdrawn = found[0] if found else None
        uow.commit()
    return RemovedMember(member, absences, tuple(m.id for m in order), withdrawn)


@retried
def restore_member(uow: UnitOfWork, removed: RemovedMember) -> None:
    """Undo ``remove_member``: the member comes back in their place with their absences, and
    their organization with its contact if it was withdrawn with them."""
    with uow:
        if removed.withdrawn is not None:
            _rejoin(uow, removed.withdrawn)
        _put_back(uow, removed.member.visit_id, (removed.member,), removed.absences,
                  removed.order)
        uow.commit()


@retried
def withdraw_organization(uow: UnitOfWork, visit_id: UUID,
                          organization_id: UUID) -> WithdrawnOrganization:
    """Withdraw an organization from a visit, with its contact person and every member of the
    delegation who belongs to it (and their absences)."""
    with uow:
        found = uow.participations.all(visit_id=visit_id, organization_id=organization_id)
        if not found:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "that organization does not take part in this visit")))
        order = uow.delegation.all(order_by=("protocol_order",), visit_id=visit_id)
        leaving = _members_of(uow, order, organization_id)
        absences = tuple(a for m in leaving for a in uow.absences.all(member_id=m.id))
        for member in leaving:
            uow.delegation.delete(member.id)
        _renumber(uow, [m for m in order if m not in leaving])
        for participation in found:
            uow.participations.delete(participation.id)
        uow.commit()
    return WithdrawnOrganization(found[0], tuple(leaving), absences, tuple(m.id for m in order))


@retried
def restore_organization(uow: UnitOfWork, withdrawn: WithdrawnOrganization) -> None:
    """Undo ``withdraw_organization``: the organization, its contact and its members come back,
    the members in their places."""
    with uow:
        _rejoin(uow, withdrawn.participation)
        _put_back(uow, withdrawn.participation.visit_id, withdrawn.members, withdrawn.absences,
                  withdrawn.order)
        uow.commit()


def _rejoin(uow: UnitOfWork, participation: Participation) -> None:
    """Put a withdrawn participation back, unless the organization has taken part again since."""
    if not uow.participations.count(visit_id=participation.visit_id,
                                    organization_id=participation.organization_id):
        uow.participations.put(participation)


def _members_of(uow: UnitOfWork, members: list[DelegationMember],
                organization_id: UUID) -> list[DelegationMember]:
    """Those of ``members`` who belong to the organization, by their directory entry."""
    people = {p.id: p for p in uow.people.all(id=[m.person_id for m in members])}
    return [m for m in members if people[m.person_id].organization_id == organization_id]


def _put_back(uow: UnitOfWork, visit_id: UUID, members: tuple[DelegationMember, ...],
              absences: tuple[Absence, ...], order: tuple[UUID, ...]) -> None:
    for member in members:
        uow.delegation.put(member)
    for absence in absences:
        uow.absences.put(absence)
    present = {m.id: m for m in uow.delegation.all(visit_id=visit_id)}
    _renumber(uow, [present[i] for i in order if i in present]
              + [m for i, m in present.items() if i not in order])


@retried
def reorder_members(uow: UnitOfWork, visit_id: UUID, member_ids: list[UUID]) -> None:
    """Set the protocol order to ``member_ids`` (all the visit's members, first to last)."""
    with uow:
        members = {m.id: m for m in uow.delegation.all(visit_id=visit_id)}
        if sorted(map(str, member_ids)) != sorted(map(str, members)):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the new order must list every member of the delegation once")))
        _renumber(uow, [members[i] for i in member_ids])
        uow.commit()


def _renumber(uow: UnitOfWork, ordered: list[DelegationMember]) -> None:
    for order, member in enumerate(ordered, start=1):
        uow.delegation.put(records.changed(member, {"protocol_order": order}))


def protocol_order(uow: UnitOfWork, visit_id: UUID) -> list[UUID]:
    """The members sorted by protocol: leaders first, then by the rank of their role."""
    return [m.id for m in protocol_sorted(list_members(uow, visit_id))]


def list_participations(uow: UnitOfWork, visit_id: UUID) -> list[Participation]:
    with uow:
        return uow.participations.all(visit_id=visit_id)


@retried
def add_participation(uow: UnitOfWork, visit_id: UUID, organization_id: UUID) -> Participation:
    with uow:
        uow.visits.get(visit_id)
        organization = uow.organizations.get(organization_id)
        if uow.participations.count(visit_id=visit_id, organization_id=organization_id):
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} already takes part in this visit"), name=organization.name))
        participation = Participation(visit_id=visit_id, organization_id=organization_id)
        uow.participations.put(participation)
        uow.commit()
    return participation


@retried
def remove_participation(uow: UnitOfWork, participation_id: UUID) -> Participation:
    with uow:
        participation = uow.participations.get(participation_id)
        uow.participations.delete(participation_id)
        uow.commit()
    return participation


@retried
def restore_participation(uow: UnitOfWork, participation: Participation) -> None:
    with uow:
        uow.participations.put(participation)
        uow.commit()


@retried
def set_contact(uow: UnitOfWork, visit_id: UUID, organization_id: UUID,
                person_id: UUID | None, expected_version: int | None = None) -> Participation:
    """Make ``person_id`` (or nobody) the organization's contact person for the visit.
    ``expected_version``: of the participation, as the caller read it (see ``records.edit``)."""
    with uow:
        found = uow.participations.all(visit_id=visit_id, organization_id=organization_id)
        if not found:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "that organization does not take part in this visit")))
        if expected_version is not None and found[0].version != expected_version:
            raise uow.participations.stale(found[0].changed_by)
        if person_id is not None:
            uow.people.get(person_id)
        updated = records.changed(found[0], {"contact_person_id": person_id})
        if updated is not found[0]:
            updated = uow.participations.put(updated)
            uow.commit()
    return updated


def absences(uow: UnitOfWork, visit_id: UUID) -> frozenset[tuple[UUID, UUID]]:
    """(member id, stop id) of everyone who skips a stop."""
    with uow:
        return frozenset((a.member_id, a.stop_id) for a in uow.absences.all(visit_id=visit_id))


@retried
def set_attendance(uow: UnitOfWork, member_id: UUID, stop_id: UUID, attends: bool) -> None:
    with uow:
        member = uow.delegation.get(member_id)
        stop = uow.stops.get(stop_id)
        if stop.visit_id != member.visit_id:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the stop and the member belong to different visits")))
        existing = uow.absences.all(member_id=member_id, stop_id=stop_id)
        if attends:
            for absence in existing:
                uow.absences.delete(absence.id)
        elif not existing:
            uow.absences.put(Absence(visit_id=member.visit_id, member_id=member_id,
                                     stop_id=stop_id))
        uow.commit()
