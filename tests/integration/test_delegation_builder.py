"""Assembling a delegation on a real database: participating organizations and their contacts,
attendance per stop, removal and undo, protocol order, what the Delegation tab shows, and the
directory refusing to delete what a visit still uses. (Merging duplicates: test_merge.py.)"""

from __future__ import annotations

from types import SimpleNamespace
from uuid import uuid4

import pytest

from fieldvisit.domain.delegation_rules import Problem, ProblemKind
from fieldvisit.domain.enums import DelegationRole as R
from fieldvisit.domain.errors import ConflictError, NotFoundError, ValidationError
from fieldvisit.services import delegation, directory, itinerary, visits
from fieldvisit.services.delegation_view import delegation_details


@pytest.fixture
def world(uow):
    org = {short or name: directory.create_organization(uow, name, short_name=short)
           for name, short in (
        ("市委主题教育第六巡回指导组", "第六巡回指导组"), ("北京市总工会", "市总工会"),
        ("共青团北京市委", "团市委"), ("朝阳区有关部门", "朝阳区"), ("东湖街道工委", ""))}
    person = {name: directory.create_person(uow, name, organization_id=org[short].id)
              for name, short in (("冯建国", "第六巡回指导组"), ("潘建新", "市总工会"),
                                  ("钟棉棉", "团市委"), ("刘记", "市总工会"),
                                  ("朝阳区有关负责同志", "朝阳区"))}
    person["韦江"] = directory.create_person(uow, "韦江")  # no organization
    visit = visits.create_visit(uow, "联合调研")
    sites = [itinerary.create_site(uow, name) for name in ("骑士驿站", "党群服务中心", "青年汇")]
    stops = [itinerary.add_stop(uow, visit.id, site.id) for site in sites]
    return SimpleNamespace(org=org, person=person, visit=visit, stops=stops)


def add(uow, world, name, role=R.MEMBER):
    return delegation.add_member(uow, world.visit.id, world.person[name].id, role)


def participating(uow, world) -> list:
    return [p.organization_id for p in delegation.list_participations(uow, world.visit.id)]


# --- participations -------------------------------------------------------------------------

def test_adding_a_member_makes_their_organization_take_part_once(uow, world):
    add(uow, world, "潘建新")
    add(uow, world, "刘记", R.NOTE_TAKER)  # same organization
    add(uow, world, "钟棉棉")
    add(uow, world, "韦江")  # no organization: nothing joins
    assert participating(uow, world) == [world.org["市总工会"].id, world.org["团市委"].id]


def test_set_contact_sets_and_clears(uow, world):
    add(uow, world, "潘建新")
    union = world.org["市总工会"].id
    updated = delegation.set_contact(uow, world.visit.id, union, world.person["刘记"].id)
    assert updated.contact_person_id == world.person["刘记"].id
    assert delegation.list_participations(uow, world.visit.id) == [updated]
    cleared = delegation.set_contact(uow, world.visit.id, union, None)
    assert cleared.contact_person_id is None
    assert delegation.list_participations(uow, world.visit.id)[0].contact_person_id is None


def test_set_contact_refuses_an_organization_not_taking_part_or_an_unknown_person(uow, world):
    add(uow, world, "潘建新")
    with pytest.raises(NotFoundError, match="does not take part"):
        delegation.set_contact(uow, world.visit.id, world.org["团市委"].id,
                               world.person["钟棉棉"].id)
    with pytest.raises(NotFoundError):
        delegation.set_contact(uow, world.visit.id, world.org["市总工会"].id, uuid4())
    assert delegation.list_participations(uow, world.visit.id)[0].contact_person_id is None


def test_add_participation_refuses_duplicates(uow, world):
    added = delegation.add_participation(uow, world.visit.id, world.org["东湖街道工委"].id)
    assert added.contact_person_id is None
    with pytest.raises(ConflictError, match="东湖街道工委"):
        delegation.add_participation(uow, world.visit.id, world.org["东湖街道工委"].id)
    with pytest.raises(NotFoundError):
        delegation.add_participation(uow, world.visit.id, uuid4())
    assert delegation.list_participations(uow, world.visit.id) == [added]


def test_remove_and_restore_participation(uow, world):
    add(uow, world, "潘建新")
    contact = delegation.set_contact(uow, world.visit.id, world.org["市总工会"].id,
                                     world.person["潘建新"].id)
    removed = delegation.remove_participation(uow, contact.id)
    assert removed == contact
    assert delegation.list_participations(uow, world.visit.id) == []
    delegation.restore_participation(uow, removed)
    assert delegation.list_participations(uow, world.visit.id) == [contact]


# --- attendance ---------------------------------------------------------------------------------

def stored_absences(uow):
    with uow:
        return uow.absences.all()


def test_set_attendance_stores_one_absence_per_member_and_stop(uow, world):
    pan = add(uow, world, "潘建新")
    stop = world.stops[1]
    delegation.set_attendance(uow, pan.id, stop.id, False)
    delegation.set_attendance(uow, pan.id, stop.id, False)
    assert [(a.member_id, a.stop_id, a.visit_id) for a in stored_absences(uow)] == \
        [(pan.id, stop.id, world.visit.id)]
    assert delegation.absences(uow, world.visit.id) == frozenset({(pan.id, stop.id)})
    delegation.set_attendance(uow, pan.id, stop.id, True)
    delegation.set_attendance(uow, pan.id, stop.id, True)
    assert stored_absences(uow) == []


def test_set_attendance_refuses_a_stop_of_another_visit(uow, world):
    pan = add(uow, world, "潘建新")
    other = visits.create_visit(uow, "另一次调研")
    foreign = itinerary.add_stop(uow, other.id, world.stops[0].site_id)
    with pytest.raises(ValidationError, match="different visits"):
        delegation.set_attendance(uow, pan.id, foreign.id, False)
    with pytest.raises(NotFoundError):
        delegation.set_attendance(uow, pan.id, uuid4(), False)
    assert stored_absences(uow) == []


def test_absences_go_with_a_removed_member_and_come_back_with_undo(uow, world):
    feng, pan, zhong = (add(uow, world, n) for n in ("冯建国", "潘建新", "钟棉棉"))
    for stop in world.stops[:2]:
        delegation.set_attendance(uow, pan.id, stop.id, False)
    delegation.set_attendance(uow, zhong.id, world.stops[2].id, False)
    removed = delegation.remove_member(uow, pan.id)
    assert len(removed.absences) == 2
    assert delegation.absences(uow, world.visit.id) == {(zhong.id, world.stops[2].id)}
    assert [(m.id, m.protocol_order) for m in delegation.list_members(uow, world.visit.id)] == \
        [(feng.id, 1), (zhong.id, 2)]
    delegation.restore_member(uow, removed)
    assert [(m.id, m.protocol_order) for m in delegation.list_members(uow, world.visit.id)] == \
        [(feng.id, 1), (pan.id, 2), (zhong.id, 3)]
    assert delegation.absences(uow, world.visit.id) == {
        (pan.id, world.stops[0].id), (pan.id, world.stops[1].id), (zhong.id, world.stops[2].id)}


def test_a_member_added_after_a_removal_stays_after_the_restored_one(uow, world):
    feng, pan = add(uow, world, "冯建国"), add(uow, world, "潘建新")
    removed = delegation.remove_member(uow, feng.id)
    zhong = add(uow, world, "钟棉棉")
    delegation.restore_member(uow, removed)
    assert [m.id for m in delegation.list_members(uow, world.visit.id)] == \
        [feng.id, pan.id, zhong.id]


# --- protocol order -----------------------------------------------------------------------------

def test_protocol_order_puts_the_leader_first_then_by_rank(uow, world):
    roles = [("朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL), ("刘记", R.PRESS),
             ("韦江", R.NOTE_TAKER), ("钟棉棉", R.LIAISON), ("潘建新", R.MEMBER),
             ("冯建国", R.DEPUTY_LEADER)]
    members = [add(uow, world, name, role) for name, role in roles]
    other = visits.create_visit(uow, "另一次调研")
    leader = delegation.add_member(uow, other.id, world.person["冯建国"].id, R.LEADER)
    assert delegation.protocol_order(uow, world.visit.id) == [m.id for m in members[::-1]]
    delegation.set_role(uow, members[4].id, R.LEADER)
    assert delegation.protocol_order(uow, world.visit.id)[:2] == [members[4].id, members[5].id]
    assert delegation.protocol_order(uow, other.id) == [leader.id]


# --- what the Delegation tab shows ----------------------------------------------------------

def test_delegation_details(uow, world):
    zhong = add(uow, world, "钟棉棉")
    feng = add(uow, world, "冯建国", R.LEADER)
    pan = add(uow, world, "潘建新")
    note_taker = add(uow, world, "刘记", R.NOTE_TAKER)
    official = add(uow, world, "朝阳区有关负责同志", R.ACCOMPANYING_OFFICIAL)
    delegation.add_participation(uow, world.visit.id, world.org["东湖街道工委"].id)
    delegation.set_contact(uow, world.visit.id, world.org["市总工会"].id, pan.person_id)
    delegation.set_attendance(uow, note_taker.id, world.stops[2].id, False)

    details = delegation_details(uow, world.visit.id)
    assert [m.member_id for m in details.delegation] == [zhong.id, feng.id, pan.id, note_taker.id]
    assert [m.member_id for m in details.accompanying] == [official.id]
    assert details.members == details.delegation + details.accompanying
    assert [m.name for m in details.members if m.is_contact] == ["潘建新"]
    line = details.delegation[2]
    assert (line.name, line.organization, line.role, line.protocol_order) == \
        ("潘建新", "北京市总工会", R.MEMBER, 3)
    assert [(o.name, o.members, o.contact_name) for o in details.organizations] == [
        ("共青团北京市委", ("钟棉棉",), ""),
        ("市委主题教育第六巡回指导组", ("冯建国",), ""),
        ("北京市总工会", ("潘建新", "刘记"), "潘建新"),
        ("朝阳区有关部门", ("朝阳区有关负责同志",), ""),
        ("东湖街道工委", (), ""),
    ]
    assert details.organizations[2].contact_person_id == pan.person_id
    assert [s.label for s in details.stops] == ["1. 骑士驿站", "2. 党群服务中心", "3. 青年汇"]
    assert [s.stop_id for s in details.stops] == [s.id for s in world.stops]
    assert details.absences == {(note_taker.id, world.stops[2].id)}
    assert details.problems == (
        Problem(ProblemKind.STOP_WITHOUT_NOTE_TAKER, "3. 青年汇", world.stops[2].id),
        Problem(ProblemKind.ORGANIZATION_WITHOUT_MEMBERS, "东湖街道工委",
                world.org["东湖街道工委"].id),
    )

    delegation.reorder_members(uow, world.visit.id,
                               [feng.id, pan.id, zhong.id, note_taker.id, official.id])
    delegation.set_attendance(uow, note_taker.id, world.stops[2].id, True)
    details = delegation_details(uow, world.visit.id)
    assert [o.name for o in details.organizations][:3] == \
        ["市委主题教育第六巡回指导组", "北京市总工会", "共青团北京市委"]
    assert [p.kind for p in details.problems] == [ProblemKind.ORGANIZATION_WITHOUT_MEMBERS]


def test_details_of_an_empty_visit_and_of_an_unknown_one(uow, world):
    details = delegation_details(uow, world.visit.id)
    assert details.members == () and details.organizations == ()
    assert len(details.stops) == 3
    # an empty delegation is not yet worth a warning: no leader, no note-takers asked for
    assert details.problems == ()
    with pytest.raises(NotFoundError):
        delegation_details(uow, uuid4())


# --- the directory protects what visits use -------------------------------------------------

def test_an_organization_taking_part_in_a_visit_cannot_be_deleted(uow, world):
    streets = world.org["东湖街道工委"]
    participation = delegation.add_participation(uow, world.visit.id, streets.id)
    with pytest.raises(ConflictError, match="used by 1 visit$"):
        directory.delete_organization(uow, streets.id)
    delegation.remove_participation(uow, participation.id)
    directory.delete_organization(uow, streets.id)
    assert streets.id not in {o.id for o in directory.list_organizations(uow)}


def test_a_contact_person_cannot_be_deleted(uow, world):
    add(uow, world, "潘建新")
    liu = world.person["刘记"]  # not a member, only the contact
    delegation.set_contact(uow, world.visit.id, world.org["市总工会"].id, liu.id)
    with pytest.raises(ConflictError, match="contact person"):
        directory.delete_person(uow, liu.id)
    delegation.set_contact(uow, world.visit.id, world.org["市总工会"].id, None)
    directory.delete_person(uow, liu.id)
    assert "刘记" not in {p.name for p in directory.list_people(uow)}
