"""Merging duplicate people and organizations: every reference moves to the kept record, empty
fields are filled, a visit keeps listing each person and organization once."""

from __future__ import annotations

from types import SimpleNamespace
from uuid import uuid4

import pytest

from fieldvisit.domain.entities import Organization, Person
from fieldvisit.domain.enums import DelegationRole as R
from fieldvisit.domain.errors import NotFoundError, ValidationError
from fieldvisit.services import delegation, directory, itinerary, notes, records, visits
from fieldvisit.services.delegation_view import delegation_details
from fieldvisit.services.merge import merge_organizations, merge_people


@pytest.fixture
def world(uow):
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会")
    union_dup = directory.create_organization(uow, "市总工会", notes="导入时重复建立")
    league = directory.create_organization(uow, "共青团北京市委")
    pan = directory.create_person(uow, "潘建新", title="市总工会党组书记、副主席",
                                  phone="010-1", organization_id=union.id)
    pan_dup = directory.create_person(uow, "潘建新", title="副主席", phone="010-2",
                                      email="pan@example.org", notes="名单导入",
                                      organization_id=union_dup.id)
    zhong = directory.create_person(uow, "钟棉棉", organization_id=league.id)
    first = visits.create_visit(uow, "第一次调研")
    second = visits.create_visit(uow, "第二次调研")
    site = itinerary.create_site(uow, "骑士驿站", host_organization_id=union_dup.id)
    stops = [itinerary.add_stop(uow, second.id, site.id) for _ in range(2)]
    return SimpleNamespace(union=union, union_dup=union_dup, league=league, pan=pan,
                           pan_dup=pan_dup, zhong=zhong, first=first, second=second, site=site,
                           stops=stops)


def get(uow, kind, record_id):
    return records.get(uow, kind, record_id)


def table(uow, name):
    with uow:
        return getattr(uow, name).all()


# --- people -----------------------------------------------------------------------------------

def test_merge_people_moves_every_reference_to_the_kept_person(uow, world):
    member = delegation.add_member(uow, world.first.id, world.pan_dup.id, R.NOTE_TAKER)
    note = notes.add_note(uow, world.first.id, "记录", author_id=world.pan_dup.id)
    delegation.add_member(uow, world.second.id, world.zhong.id)
    delegation.set_contact(uow, world.second.id, world.league.id, world.pan_dup.id)

    result = merge_people(uow, world.pan.id, world.pan_dup.id)

    assert result.references_moved == 3
    assert result.kept.id == world.pan.id
    assert [(m.id, m.person_id, m.role) for m in delegation.list_members(uow, world.first.id)] \
        == [(member.id, world.pan.id, R.NOTE_TAKER)]
    assert notes.list_notes(uow, world.first.id)[0].author_id == world.pan.id
    assert notes.list_notes(uow, world.first.id)[0].id == note.id
    contacts = {p.organization_id: p.contact_person_id
                for p in delegation.list_participations(uow, world.second.id)}
    assert contacts[world.league.id] == world.pan.id
    with pytest.raises(NotFoundError):
        get(uow, Person, world.pan_dup.id)
    assert [p.name for p in directory.list_people(uow)] == ["潘建新", "钟棉棉"]


def test_merge_people_fills_only_the_empty_fields_of_the_kept_person(uow, world):
    kept = merge_people(uow, world.pan.id, world.pan_dup.id).kept
    assert (kept.name, kept.title, kept.phone, kept.organization_id) == \
        ("潘建新", "市总工会党组书记、副主席", "010-1", world.union.id)  # not overwritten
    assert (kept.email, kept.notes) == ("pan@example.org", "名单导入")  # filled
    assert get(uow, Person, world.pan.id) == kept


def test_merge_people_fills_a_missing_organization(uow, world):
    loose = directory.create_person(uow, "潘建新")
    kept = merge_people(uow, loose.id, world.pan.id).kept
    assert kept.organization_id == world.union.id
    assert (kept.title, kept.phone) == ("市总工会党组书记、副主席", "010-1")


def test_merge_people_in_the_same_delegation_keeps_one_membership(uow, world):
    visit = world.second.id
    pan = delegation.add_member(uow, visit, world.pan.id, R.LEADER)
    dup = delegation.add_member(uow, visit, world.pan_dup.id, R.NOTE_TAKER)
    zhong = delegation.add_member(uow, visit, world.zhong.id)
    delegation.set_attendance(uow, pan.id, world.stops[0].id, False)
    delegation.set_attendance(uow, dup.id, world.stops[1].id, False)

    merge_people(uow, world.pan.id, world.pan_dup.id)

    members = delegation.list_members(uow, visit)
    assert [(m.id, m.person_id, m.role) for m in members] == \
        [(pan.id, world.pan.id, R.LEADER), (zhong.id, world.zhong.id, R.MEMBER)]
    assert delegation.absences(uow, visit) == {(pan.id, world.stops[0].id)}
    kinds = {p.kind for p in delegation_details(uow, visit).problems}
    assert "listed_twice" not in kinds


def test_merging_a_person_with_themselves_is_refused(uow, world):
    with pytest.raises(ValidationError, match="two different"):
        merge_people(uow, world.pan.id, world.pan.id)
    assert get(uow, Person, world.pan.id) == world.pan


@pytest.mark.parametrize("which", ["keep", "duplicate", "both"])
def test_merging_unknown_people_changes_nothing(uow, world, which):
    delegation.add_member(uow, world.first.id, world.pan_dup.id)
    before = (table(uow, "people"), table(uow, "delegation"), table(uow, "participations"))
    keep = uuid4() if which in ("keep", "both") else world.pan.id
    duplicate = uuid4() if which in ("duplicate", "both") else world.pan_dup.id
    with pytest.raises(NotFoundError):
        merge_people(uow, keep, duplicate)
    assert (table(uow, "people"), table(uow, "delegation"), table(uow, "participations")) \
        == before


# --- organizations ----------------------------------------------------------------------------

def test_merge_organizations_moves_people_sites_follow_ups_and_participations(uow, world):
    follow_up = notes.add_follow_up(uow, world.first.id, "跟进",
                                    responsible_organization_id=world.union_dup.id)
    delegation.add_member(uow, world.first.id, world.pan_dup.id)  # union_dup takes part

    result = merge_organizations(uow, world.union.id, world.union_dup.id)

    assert result.references_moved == 4
    assert get(uow, Person, world.pan_dup.id).organization_id == world.union.id
    assert get(uow, type(world.site), world.site.id).host_organization_id == world.union.id
    assert notes.list_follow_ups(uow, world.first.id)[0].responsible_organization_id == \
        world.union.id
    assert follow_up.id == notes.list_follow_ups(uow, world.first.id)[0].id
    assert [p.organization_id for p in delegation.list_participations(uow, world.first.id)] \
        == [world.union.id]
    with pytest.raises(NotFoundError):
        get(uow, Organization, world.union_dup.id)
    kept = get(uow, Organization, world.union.id)
    assert (kept.name, kept.short_name, kept.notes) == \
        ("北京市总工会", "市总工会", "导入时重复建立")


def test_merged_organizations_in_one_visit_take_part_once_keeping_a_contact(uow, world):
    visit = world.second.id
    delegation.add_member(uow, visit, world.pan.id)
    delegation.add_member(uow, visit, world.pan_dup.id)
    delegation.set_contact(uow, visit, world.union_dup.id, world.pan_dup.id)
    assert len(delegation.list_participations(uow, visit)) == 2

    merge_organizations(uow, world.union.id, world.union_dup.id)

    (participation,) = delegation.list_participations(uow, visit)
    assert participation.organization_id == world.union.id
    assert participation.contact_person_id == world.pan_dup.id
    details = delegation_details(uow, visit)
    assert [(o.name, o.members, o.contact_name) for o in details.organizations] == \
        [("北京市总工会", ("潘建新", "潘建新"), "潘建新")]


def test_merged_organizations_keep_the_kept_ones_contact(uow, world):
    visit = world.second.id
    delegation.add_member(uow, visit, world.pan.id)
    delegation.add_member(uow, visit, world.pan_dup.id)
    delegation.set_contact(uow, visit, world.union.id, world.pan.id)
    delegation.set_contact(uow, visit, world.union_dup.id, world.pan_dup.id)
    merge_organizations(uow, world.union.id, world.union_dup.id)
    assert [p.contact_person_id for p in delegation.list_participations(uow, visit)] == \
        [world.pan.id]


def test_merging_an_organization_with_itself_or_an_unknown_one_is_refused(uow, world):
    with pytest.raises(ValidationError):
        merge_organizations(uow, world.union.id, world.union.id)
    before = (table(uow, "organizations"), table(uow, "people"), table(uow, "sites"))
    with pytest.raises(NotFoundError):
        merge_organizations(uow, uuid4(), world.union_dup.id)
    with pytest.raises(NotFoundError):
        merge_organizations(uow, world.union.id, uuid4())
    assert (table(uow, "organizations"), table(uow, "people"), table(uow, "sites")) == before


def test_merging_two_members_of_one_delegation_leaves_no_gap_in_the_order(uow):
    from fieldvisit.services import delegation, directory, visits
    from fieldvisit.services.merge import merge_people

    visit = visits.create_visit(uow, "调研")
    first = directory.create_person(uow, "冯建国")
    twin = directory.create_person(uow, "冯建国")
    last = directory.create_person(uow, "刘欣欣")
    for person in (first, twin, last):
        delegation.add_member(uow, visit.id, person.id)
    merge_people(uow, first.id, twin.id)
    members = delegation.list_members(uow, visit.id)
    assert [(m.person_id, m.protocol_order) for m in members] == [(first.id, 1), (last.id, 2)]
