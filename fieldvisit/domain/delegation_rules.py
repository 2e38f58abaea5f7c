"""Rules of a delegation: protocol rank of roles and the checks shown while it is assembled."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from fieldvisit.domain.entities import Absence, DelegationMember, Participation
from fieldvisit.domain.enums import DelegationRole

ROLE_RANK: dict[DelegationRole, int] = {
    DelegationRole.LEADER: 0,
    DelegationRole.DEPUTY_LEADER: 1,
    DelegationRole.MEMBER: 2,
    DelegationRole.LIAISON: 3,
    DelegationRole.NOTE_TAKER: 4,
    DelegationRole.PRESS: 5,
    DelegationRole.ACCOMPANYING_OFFICIAL: 6,
}


def protocol_sorted(members: list[DelegationMember]) -> list[DelegationMember]:
    """Leaders first, then by the rank of the role; the present order breaks ties."""
    return sorted(members, key=lambda m: (ROLE_RANK[m.role], m.protocol_order))


class ProblemKind(StrEnum):
    NO_LEADER = "no_leader"
    SEVERAL_LEADERS = "several_leaders"
    LISTED_TWICE = "listed_twice"
    STOP_WITHOUT_NOTE_TAKER = "stop_without_note_taker"
    ORGANIZATION_WITHOUT_MEMBERS = "organization_without_members"


@dataclass(frozen=True)
class Problem:
    """A check that failed; ``subject`` names what it is about (people, a stop, an
    organization) and ``subject_id`` points at it where there is one record; ``names`` lists
    the people when there are several (the interface joins them in its own language)."""

    kind: ProblemKind
    subject: str = ""
    subject_id: UUID | None = None
    names: tuple[str, ...] = ()  # when it is about several people: their names, to be listed


def find_problems(members: list[DelegationMember], names: dict[UUID, str],
                  organization_of: dict[UUID, UUID | None],
                  participations: list[Participation], organization_names: dict[UUID, str],
                  stops: list[tuple[UUID, str]], absences: list[Absence]) -> list[Problem]:
    """Everything worth a warning about a delegation. ``names`` and ``organization_of`` are
    keyed by person id; ``stops`` are (stop id, label) in itinerary order."""
    problems: list[Problem] = []
    delegation = [m for m in members if m.role is not DelegationRole.ACCOMPANYING_OFFICIAL]
    leaders = [m for m in delegation if m.role is DelegationRole.LEADER]
    if delegation and not leaders:
        problems.append(Problem(ProblemKind.NO_LEADER))
    if len(leaders) > 1:
        leader_names = tuple(names[m.person_id] for m in leaders)
        problems.append(Problem(ProblemKind.SEVERAL_LEADERS, "、".join(leader_names),
                                names=leader_names))
    seen: set[UUID] = set()
    for member in members:
        if member.person_id in seen:
            problems.append(Problem(ProblemKind.LISTED_TWICE, names[member.person_id],
                                    member.person_id))
        seen.add(member.person_id)
    absent = {(a.member_id, a.stop_id) for a in absences}
    note_takers = [m for m in members if m.role is DelegationRole.NOTE_TAKER]
    for stop_id, label in stops if members else ():
        if not any((m.id, stop_id) not in absent for m in note_takers):
            problems.append(Problem(ProblemKind.STOP_WITHOUT_NOTE_TAKER, label, stop_id))
    represented = {organization_of.get(m.person_id) for m in members}
    for participation in participations:
        if participation.organization_id not in represented:
            problems.append(Problem(ProblemKind.ORGANIZATION_WITHOUT_MEMBERS,
                                    organization_names[participation.organization_id],
                                    participation.organization_id))
    return problems
