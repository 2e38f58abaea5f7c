"""Protocol rank of roles and the live checks of a delegation (pure functions, no database)."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from fieldvisit.domain.delegation_rules import (
    ROLE_RANK,
    Problem,
    ProblemKind,
    find_problems,
    protocol_sorted,
)
from fieldvisit.domain.entities import Absence, DelegationMember, Participation
from fieldvisit.domain.enums import DelegationRole as R

VISIT = uuid4()
UNION, LEAGUE, WOMEN, GROUP, CHAOYANG = (uuid4() for _ in range(5))
ORGANIZATION_NAMES = {UNION: "北京市总工会", LEAGUE: "共青团北京市委", WOMEN: "北京市妇女联合会",
                      GROUP: "第六巡回指导组", CHAOYANG: "朝阳区有关部门"}
STOPS = [(uuid4(), "1. 骑士驿站"), (uuid4(), "2. 党群服务中心"), (uuid4(), "3. 青年汇")]


class Delegation:
    """Builds the arguments of ``find_problems`` one member at a time."""

    def __init__(self) -> None:
        self.members: list[DelegationMember] = []
        self.names: dict[UUID, str] = {}
        self.organization_of: dict[UUID, UUID | None] = {}
        self.participations: list[Participation] = []
        self.absences: list[Absence] = []

    def add(self, name: str, role: R, organization: UUID | None = None,
            person_id: UUID | None = None) -> DelegationMember:
        person_id = person_id or uuid4()
        self.names[person_id] = name
        self.organization_of[person_id] = organization
        member = DelegationMember(visit_id=VISIT, person_id=person_id, role=role,
                                  protocol_order=len(self.members) + 1)
        self.members.append(member)
        if organization and not any(p.organization_id == organization
                                    for p in self.participations):
            self.participate(organization)
        return member

    def participate(self, organization: UUID) -> None:
        self.participations.append(Participation(visit_id=VISIT, organization_id=organization))

    def skip(self, member: DelegationMember, stop_index: int) -> None:
        self.absences.append(Absence(visit_id=VISIT, member_id=member.id,
                                     stop_id=STOPS[stop_index][0]))

    def problems(self, stops=STOPS) -> list[Problem]:
        return find_problems(self.members, self.names, self.organization_of,
                             self.participations, ORGANIZATION_NAMES, list(stops), self.absences)

    def kinds(self, stops=STOPS) -> list[ProblemKind]:
        return [p.kind for p in self.problems(stops)]


def clean() -> Delegation:
    d = Delegation()
    d.add("冯建国", R.LEADER, GROUP)
    d.add("潘建新", R.MEMBER, UNION)
    d.add("钟棉棉", R.MEMBER, LEAGUE)
    d.add("韦江", R.DEPUTY_LEADER, WOMEN)
    d.add("记录员", R.NOTE_TAKER, UNION)
    d.add("朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL, CHAOYANG)
    return d


# --- protocol rank --------------------------------------------------------------------------

def test_every_role_has_a_rank_in_protocol_order():
    assert set(ROLE_RANK) == set(R)
    assert sorted(ROLE_RANK, key=ROLE_RANK.get) == [
        R.LEADER, R.DEPUTY_LEADER, R.MEMBER, R.LIAISON, R.NOTE_TAKER, R.PRESS,
        R.ACCOMPANYING_OFFICIAL]
    assert len(set(ROLE_RANK.values())) == len(ROLE_RANK)


def member(role: R, order: int) -> DelegationMember:
    return DelegationMember(visit_id=VISIT, person_id=uuid4(), role=role, protocol_order=order)


def test_protocol_sorted_puts_leaders_first_then_by_rank():
    members = [member(R.ACCOMPANYING_OFFICIAL, 1), member(R.PRESS, 2), member(R.NOTE_TAKER, 3),
               member(R.LIAISON, 4), member(R.MEMBER, 5), member(R.DEPUTY_LEADER, 6),
               member(R.LEADER, 7)]
    assert protocol_sorted(members) == members[::-1]


def test_protocol_sorted_keeps_the_present_order_among_equal_roles():
    a, b, c = member(R.MEMBER, 3), member(R.MEMBER, 1), member(R.MEMBER, 2)
    leader = member(R.LEADER, 4)
    assert protocol_sorted([a, leader, b, c]) == [leader, b, c, a]


def test_protocol_sorted_returns_a_new_list_and_handles_empty():
    members = [member(R.MEMBER, 1), member(R.LEADER, 2)]
    assert protocol_sorted(members) == [members[1], members[0]]
    assert [m.role for m in members] == [R.MEMBER, R.LEADER]
    assert protocol_sorted([]) == []


# --- checks -----------------------------------------------------------------------------------

def test_a_clean_delegation_has_no_problems():
    assert clean().problems() == []


def test_an_empty_delegation_without_stops_has_no_problems():
    assert Delegation().problems(stops=[]) == []


def test_no_leader():
    d = Delegation()
    d.add("潘建新", R.DEPUTY_LEADER, UNION)
    d.add("记录员", R.NOTE_TAKER, UNION)
    assert d.problems() == [Problem(ProblemKind.NO_LEADER)]


def test_several_leaders_lists_both_names():
    d = clean()
    d.add("钟二", R.LEADER, LEAGUE)
    problems = d.problems()
    assert [p.kind for p in problems] == [ProblemKind.SEVERAL_LEADERS]
    assert "冯建国" in problems[0].subject and "钟二" in problems[0].subject
    assert problems[0].subject == "冯建国、钟二"


def test_accompanying_officials_are_left_out_of_the_leader_checks():
    only_accompanying = Delegation()
    only_accompanying.add("朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL, CHAOYANG)
    assert ProblemKind.NO_LEADER not in only_accompanying.kinds(stops=[])

    no_leader = Delegation()
    no_leader.add("潘建新", R.MEMBER, UNION)
    no_leader.add("朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL, CHAOYANG)
    assert no_leader.kinds(stops=[]) == [ProblemKind.NO_LEADER]


def test_listed_twice_names_the_person():
    d = clean()
    pan = d.members[1]
    d.add("潘建新", R.NOTE_TAKER, UNION, person_id=pan.person_id)
    problems = d.problems()
    assert problems == [Problem(ProblemKind.LISTED_TWICE, "潘建新", pan.person_id)]


def test_listed_three_times_is_reported_for_each_repeat():
    d = clean()
    pan = d.members[1]
    for _ in range(2):
        d.add("潘建新", R.MEMBER, UNION, person_id=pan.person_id)
    assert d.kinds() == [ProblemKind.LISTED_TWICE] * 2


def test_every_stop_is_flagged_without_any_note_taker():
    d = Delegation()
    d.add("冯建国", R.LEADER, GROUP)
    problems = d.problems()
    assert problems == [Problem(ProblemKind.STOP_WITHOUT_NOTE_TAKER, label, stop_id)
                        for stop_id, label in STOPS]


def test_a_note_taker_absent_at_one_stop_flags_only_that_stop():
    d = clean()
    note_taker = d.members[4]
    d.skip(note_taker, 1)
    assert d.problems() == [Problem(ProblemKind.STOP_WITHOUT_NOTE_TAKER, STOPS[1][1],
                                    STOPS[1][0])]


def test_a_second_note_taker_covers_the_stop_the_first_one_skips():
    d = clean()
    d.skip(d.members[4], 1)
    second = d.add("第二记录员", R.NOTE_TAKER, LEAGUE)
    assert d.problems() == []
    d.skip(second, 1)
    assert [p.subject for p in d.problems()] == ["2. 党群服务中心"]


def test_absence_of_other_members_does_not_matter_for_note_taking():
    d = clean()
    for index in range(3):
        d.skip(d.members[1], index)
    assert d.problems() == []


def test_without_stops_no_note_taker_is_needed():
    d = Delegation()
    d.add("冯建国", R.LEADER, GROUP)
    assert d.problems(stops=[]) == []


def test_organization_without_members():
    d = clean()
    extra = uuid4()
    names = {**ORGANIZATION_NAMES, extra: "东湖街道工委"}
    d.participations.append(Participation(visit_id=VISIT, organization_id=extra))
    problems = find_problems(d.members, d.names, d.organization_of, d.participations, names,
                             STOPS, d.absences)
    assert problems == [Problem(ProblemKind.ORGANIZATION_WITHOUT_MEMBERS, "东湖街道工委", extra)]


def test_a_member_without_organization_represents_nobody():
    d = Delegation()
    d.add("冯建国", R.LEADER)
    d.participate(UNION)
    assert d.problems(stops=[]) == [
        Problem(ProblemKind.ORGANIZATION_WITHOUT_MEMBERS, "北京市总工会", UNION)]


def test_an_accompanying_official_represents_their_organization():
    d = Delegation()
    d.add("冯建国", R.LEADER, GROUP)
    d.add("朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL, CHAOYANG)
    assert ProblemKind.ORGANIZATION_WITHOUT_MEMBERS not in d.kinds(stops=[])


def test_problems_come_in_a_fixed_order():
    d = Delegation()
    pan = d.add("潘建新", R.MEMBER, UNION)
    d.add("潘建新", R.MEMBER, UNION, person_id=pan.person_id)
    d.participate(WOMEN)
    assert d.kinds(stops=STOPS[:1]) == [
        ProblemKind.NO_LEADER, ProblemKind.LISTED_TWICE, ProblemKind.STOP_WITHOUT_NOTE_TAKER,
        ProblemKind.ORGANIZATION_WITHOUT_MEMBERS]


@pytest.mark.parametrize("kind", list(ProblemKind))
def test_problem_kinds_are_stable_identifiers(kind):
    assert kind.value == kind.name.lower()
