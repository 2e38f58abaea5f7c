"""What the Delegation tab shows: members in protocol order, participating organizations with
their contacts, attendance per stop, and the live checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.delegation_rules import Problem, find_problems
from fieldvisit.domain.enums import DelegationRole

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class MemberLine:
    member_id: UUID
    person_id: UUID
    name: str
    title: str
    organization_id: UUID | None
    organization: str
    role: DelegationRole
    protocol_order: int
    is_contact: bool
    version: int = 0
    """Of the delegation member record (edits name it: see ``records.edit``)."""


@dataclass(frozen=True)
class OrganizationLine:
    participation_id: UUID
    organization_id: UUID
    name: str
    contact_person_id: UUID | None
    contact_name: str
    members: tuple[str, ...]
    version: int = 0
    """Of the participation record (edits name it: see ``records.edit``)."""


@dataclass(frozen=True)
class StopColumn:
    stop_id: UUID
    position: int
    label: str


@dataclass(frozen=True)
class DelegationDetails:
    visit_id: UUID
    delegation: tuple[MemberLine, ...]
    accompanying: tuple[MemberLine, ...]
    organizations: tuple[OrganizationLine, ...]
    stops: tuple[StopColumn, ...]
    absences: frozenset[tuple[UUID, UUID]]
    problems: tuple[Problem, ...]

    @property
    def members(self) -> tuple[MemberLine, ...]:
        return self.delegation + self.accompanying


def delegation_details(uow: UnitOfWork, visit_id: UUID) -> DelegationDetails:
    with uow:
        uow.visits.get(visit_id)
        members = uow.delegation.all(order_by=("protocol_order",), visit_id=visit_id)
        participations = uow.participations.all(visit_id=visit_id)
        people = {p.id: p for p in uow.people.all(
            id=[m.person_id for m in members]
            + [p.contact_person_id for p in participations if p.contact_person_id])}
        organizations = {o.id: o for o in uow.organizations.all(
            id=[p.organization_id for p in people.values() if p.organization_id]
            + [p.organization_id for p in participations])}
        stops = uow.stops.all(order_by=("position",), visit_id=visit_id)
        sites = {s.id: s for s in uow.sites.all(id=[s.site_id for s in stops])}
        absences = uow.absences.all(visit_id=visit_id)
    contacts = {p.contact_person_id for p in participations if p.contact_person_id}
    lines = []
    for member in members:
        person = people[member.person_id]
        organization = organizations.get(person.organization_id) if person.organization_id \
            else None
        lines.append(MemberLine(
            member.id, person.id, person.name, person.title, person.organization_id,
            organization.name if organization else "", member.role, member.protocol_order,
            person.id in contacts, member.version))
    columns = tuple(StopColumn(s.id, s.position, f"{s.position}. {sites[s.site_id].name}")
                    for s in stops)
    problems = find_problems(
        members, {i: p.name for i, p in people.items()},
        {i: p.organization_id for i, p in people.items()}, participations,
        {i: o.name for i, o in organizations.items()},
        [(c.stop_id, c.label) for c in columns], absences)
    return DelegationDetails(
        visit_id=visit_id,
        delegation=tuple(m for m in lines if m.role is not DelegationRole.ACCOMPANYING_OFFICIAL),
        accompanying=tuple(m for m in lines if m.role is DelegationRole.ACCOMPANYING_OFFICIAL),
        organizations=tuple(_organization_lines(participations, organizations, people, lines)),
        stops=columns,
        absences=frozenset((a.member_id, a.stop_id) for a in absences),
        problems=tuple(problems),
    )


def _organization_lines(participations, organizations, people, lines) -> list[OrganizationLine]:
    """Participating organizations in the order their first member stands in protocol."""
    first_place: dict[UUID | None, int] = {}
    for line in lines:
        first_place.setdefault(line.organization_id, line.protocol_order)
    ordered = sorted(participations,
                     key=lambda p: (first_place.get(p.organization_id, 10**9),
                                    organizations[p.organization_id].name))
    return [OrganizationLine(
        p.id, p.organization_id, organizations[p.organization_id].name, p.contact_person_id,
        people[p.contact_person_id].name if p.contact_person_id else "",
        tuple(line.name for line in lines if line.organization_id == p.organization_id),
        p.version) for p in ordered]


@dataclass(frozen=True)
class RosterLine:
    name: str
    title: str
    organization: str
    role: DelegationRole


def roster(uow: UnitOfWork, visit_id: UUID) -> tuple[RosterLine, ...]:
    """The delegation in protocol order grouped by organization, then the accompanying
    officials: the list printed by ``fieldvisit roster`` and copied by the GUI."""
    from fieldvisit.services.visits import visit_overview

    overview = visit_overview(uow, visit_id)
    return tuple(RosterLine(m.name, m.title, g.organization.name if g.organization else "",
                            m.role)
                 for g in overview.delegation + overview.accompanying for m in g.members)
