"""Use cases of the directory, delegation, itinerary and notes services on a real database.
(Visits are covered in test_services_visits.py.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from uuid import uuid4

import pytest

from fieldvisit.domain.entities import Organization, Person, Site
from fieldvisit.domain.enums import DelegationRole, NoteKind, OrganizationKind
from fieldvisit.domain.errors import ConflictError, NotFoundError, ValidationError
from fieldvisit.services import delegation, directory, itinerary, notes, records, visits

LATER = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def later(monkeypatch):
    """Make edits stamp updated_at with a fixed later time, so a bump is visible."""
    monkeypatch.setattr(records, "utc_now", lambda: LATER)
    return LATER


@pytest.fixture
def world(uow):
    union = directory.create_organization(uow, "北京市总工会", short_name="市总工会",
                                          kind=OrganizationKind.TRADE_UNION_FEDERATION)
    league = directory.create_organization(uow, "共青团北京市委", short_name="团市委")
    pan = directory.create_person(uow, "潘建新", organization_id=union.id)
    zhong = directory.create_person(uow, "钟棉棉", organization_id=league.id)
    wei = directory.create_person(uow, "韦江")
    visit = visits.create_visit(uow, "联合调研")
    sites = [itinerary.create_site(uow, name) for name in ("驿站", "党群服务中心", "青年汇")]
    return SimpleNamespace(union=union, league=league, pan=pan, zhong=zhong, wei=wei,
                           visit=visit, sites=sites)


# --- directory --------------------------------------------------------------------------------

def test_create_edit_delete_organization(uow, later):
    organization = directory.create_organization(uow, "北京市妇女联合会", short_name="市妇联")
    assert directory.list_organizations(uow) == [organization]
    edited = directory.update_organization(uow, organization.id, notes="群团组织")
    assert edited.notes == "群团组织" and edited.updated_at == later
    assert edited.created_at == organization.created_at
    assert records.get(uow, Organization, organization.id) == edited
    directory.delete_organization(uow, organization.id)
    assert directory.list_organizations(uow) == []
    with pytest.raises(NotFoundError):
        directory.delete_organization(uow, organization.id)


def test_updated_at_bumps_only_when_something_changed(uow, later):
    person = directory.create_person(uow, "冯建国", title="副组长")
    same = directory.update_person(uow, person.id, title="副组长")
    assert same == person and same.updated_at == person.updated_at
    assert records.get(uow, Person, person.id).updated_at == person.updated_at
    changed = directory.update_person(uow, person.id, title="组长")
    assert changed.updated_at == later and changed.created_at == person.created_at
    assert records.get(uow, Person, person.id) == changed


@pytest.mark.parametrize("field", ["id", "created_at", "updated_at", "nickname"])
def test_protected_and_unknown_fields_cannot_be_edited(uow, field):
    person = directory.create_person(uow, "温宇")
    with pytest.raises(ValidationError) as info:
        directory.update_person(uow, person.id, **{field: None})
    assert info.value.field == field
    assert records.get(uow, Person, person.id) == person


def test_edits_are_validated_and_not_stored_when_invalid(uow):
    person = directory.create_person(uow, "温宇")
    with pytest.raises(ValidationError):
        directory.update_person(uow, person.id, name="  ")
    assert records.get(uow, Person, person.id).name == "温宇"


def test_lists_are_sorted_by_name(uow, world):
    names = [p.name for p in directory.list_people(uow)]
    assert names == ["潘建新", "韦江", "钟棉棉"]  # by pinyin: pan, wei, zhong
    assert directory.list_people(uow, world.union.id) == [world.pan]


def test_delete_organization_refused_while_people_reference_it(uow, world):
    with pytest.raises(ConflictError) as info:
        directory.delete_organization(uow, world.union.id)
    assert str(info.value).endswith("北京市总工会 cannot be deleted: it is still used by 1 person")
    directory.update_person(uow, world.pan.id, organization_id=None)
    directory.delete_organization(uow, world.union.id)
    assert world.union.id not in {o.id for o in directory.list_organizations(uow)}


def test_delete_organization_refused_while_hosting_sites_or_follow_ups(uow, world):
    itinerary.update_site(uow, world.sites[0].id, host_organization_id=world.league.id)
    notes.add_follow_up(uow, world.visit.id, "跟进", responsible_organization_id=world.league.id)
    directory.update_person(uow, world.zhong.id, organization_id=None)
    with pytest.raises(ConflictError) as info:
        directory.delete_organization(uow, world.league.id)
    assert str(info.value).endswith("still used by 1 site, 1 follow-up")


def test_delete_person_refused_while_in_a_delegation(uow, world):
    delegation.add_member(uow, world.visit.id, world.wei.id)
    with pytest.raises(ConflictError) as info:
        directory.delete_person(uow, world.wei.id)
    assert "韦江" in str(info.value) and "联合调研" in str(info.value)
    assert world.wei in directory.list_people(uow)


def test_delete_person_refused_while_author_of_notes(uow, world):
    notes.add_note(uow, world.visit.id, "记录", author_id=world.wei.id)
    with pytest.raises(ConflictError, match="notes"):
        directory.delete_person(uow, world.wei.id)


def test_delete_person(uow, world):
    directory.delete_person(uow, world.wei.id)
    assert world.wei not in directory.list_people(uow)
    with pytest.raises(NotFoundError):
        directory.delete_person(uow, world.wei.id)


# --- delegation -------------------------------------------------------------------------------

def test_add_members_in_protocol_order_and_change_roles(uow, world):
    first = delegation.add_member(uow, world.visit.id, world.pan.id, DelegationRole.LEADER)
    second = delegation.add_member(uow, world.visit.id, world.zhong.id)
    assert (first.protocol_order, second.protocol_order) == (1, 2)
    assert second.role is DelegationRole.MEMBER
    changed = delegation.set_role(uow, second.id, "note_taker")
    assert changed.role is DelegationRole.NOTE_TAKER
    assert delegation.list_members(uow, world.visit.id) == [first, changed]
    removed = delegation.remove_member(uow, first.id)
    remaining = delegation.list_members(uow, world.visit.id)
    assert [(m.id, m.protocol_order) for m in remaining] == [(changed.id, 1)]  # renumbered
    third = delegation.add_member(uow, world.visit.id, world.wei.id)
    assert third.protocol_order == 2
    delegation.restore_member(uow, removed)  # undo puts the leader back in first place
    assert [m.id for m in delegation.list_members(uow, world.visit.id)] == \
        [first.id, changed.id, third.id]


def test_add_member_twice_is_refused(uow, world):
    delegation.add_member(uow, world.visit.id, world.pan.id)
    with pytest.raises(ConflictError, match="潘建新"):
        delegation.add_member(uow, world.visit.id, world.pan.id, DelegationRole.LEADER)
    assert len(delegation.list_members(uow, world.visit.id)) == 1


def test_add_member_needs_existing_visit_and_person(uow, world):
    with pytest.raises(NotFoundError):
        delegation.add_member(uow, uuid4(), world.pan.id)
    with pytest.raises(NotFoundError):
        delegation.add_member(uow, world.visit.id, uuid4())


def test_reorder_members(uow, world):
    ids = [delegation.add_member(uow, world.visit.id, p.id).id
           for p in (world.pan, world.zhong, world.wei)]
    for bad in ([ids[0], ids[1]], [ids[0], ids[1], ids[1]], ids + [uuid4()],
                [ids[0], ids[1], uuid4()], []):
        with pytest.raises(ValidationError, match="every member"):
            delegation.reorder_members(uow, world.visit.id, bad)
    assert [m.id for m in delegation.list_members(uow, world.visit.id)] == ids
    delegation.reorder_members(uow, world.visit.id, [ids[2], ids[0], ids[1]])
    members = delegation.list_members(uow, world.visit.id)
    assert [(m.id, m.protocol_order) for m in members] == [(ids[2], 1), (ids[0], 2), (ids[1], 3)]


# --- itinerary --------------------------------------------------------------------------------

def test_stops_are_added_at_the_end(uow, world):
    stops = [itinerary.add_stop(uow, world.visit.id, site.id) for site in world.sites]
    assert [s.position for s in stops] == [1, 2, 3]
    assert itinerary.list_stops(uow, world.visit.id) == stops
    with pytest.raises(NotFoundError):
        itinerary.add_stop(uow, world.visit.id, uuid4())
    with pytest.raises(NotFoundError):
        itinerary.add_stop(uow, uuid4(), world.sites[0].id)


def test_reorder_stops_requires_every_stop_once_and_persists(uow, world):
    ids = [itinerary.add_stop(uow, world.visit.id, site.id).id for site in world.sites]
    for bad in ([ids[0], ids[1]], [ids[0], ids[0], ids[1]], ids + [uuid4()]):
        with pytest.raises(ValidationError, match="every stop"):
            itinerary.reorder_stops(uow, world.visit.id, bad)
    assert [s.id for s in itinerary.list_stops(uow, world.visit.id)] == ids
    result = itinerary.reorder_stops(uow, world.visit.id, [ids[1], ids[2], ids[0]])
    stored = itinerary.list_stops(uow, world.visit.id)
    assert stored == result
    assert [(s.id, s.position) for s in stored] == [(ids[1], 1), (ids[2], 2), (ids[0], 3)]


def test_remove_stop_renumbers_the_rest(uow, world):
    ids = [itinerary.add_stop(uow, world.visit.id, site.id).id for site in world.sites]
    itinerary.remove_stop(uow, ids[0])
    stored = itinerary.list_stops(uow, world.visit.id)
    assert [(s.id, s.position) for s in stored] == [(ids[1], 1), (ids[2], 2)]


def test_remove_stop_refused_while_notes_or_figures_belong_to_it(uow, world):
    first, second = (itinerary.add_stop(uow, world.visit.id, s.id) for s in world.sites[:2])
    note = notes.add_note(uow, world.visit.id, "驿站情况", stop_id=first.id)
    notes.add_figure(uow, world.visit.id, "面积", "800", stop_id=second.id)
    for stop in (first, second):
        with pytest.raises(ConflictError, match="move or delete"):
            itinerary.remove_stop(uow, stop.id)
    assert len(itinerary.list_stops(uow, world.visit.id)) == 2
    notes.delete_note(uow, note.id)
    itinerary.remove_stop(uow, first.id)
    assert [s.position for s in itinerary.list_stops(uow, world.visit.id)] == [1]


def test_sites(uow, world):
    itinerary.add_stop(uow, world.visit.id, world.sites[0].id)
    with pytest.raises(ConflictError, match="驿站"):
        itinerary.delete_site(uow, world.sites[0].id)
    itinerary.delete_site(uow, world.sites[2].id)
    assert [s.name for s in itinerary.list_sites(uow)] == sorted(["驿站", "党群服务中心"])
    edited = itinerary.update_site(uow, world.sites[1].id, latitude=39.9, longitude=116.5)
    assert records.get(uow, Site, edited.id).latitude == 39.9
    with pytest.raises(ValidationError):
        itinerary.update_site(uow, world.sites[1].id, latitude=None)


def test_stop_edits_are_validated(uow, world):
    stop = itinerary.add_stop(uow, world.visit.id, world.sites[0].id,
                              fixed_arrival=datetime(2023, 7, 20, 9, 0))
    with pytest.raises(ValidationError):
        itinerary.update_stop(uow, stop.id, dwell_minutes=-5)
    with pytest.raises(ValidationError):
        itinerary.update_stop(uow, stop.id, day=0)
    edited = itinerary.update_stop(uow, stop.id, activities="座谈")
    assert itinerary.list_stops(uow, world.visit.id) == [edited]


# --- notes, figures, follow-ups, photos -------------------------------------------------------

def test_notes(uow, world, later):
    stop = itinerary.add_stop(uow, world.visit.id, world.sites[0].id)
    first = notes.add_note(uow, world.visit.id, "一", stop_id=stop.id)
    second = notes.add_note(uow, world.visit.id, "二", kind=NoteKind.QUOTE)
    assert (first.position, second.position) == (1, 2)
    assert notes.list_notes(uow, world.visit.id) == [first, second]
    assert notes.list_notes(uow, world.visit.id, stop.id) == [first]
    edited = notes.update_note(uow, second.id, position=0)
    assert edited.updated_at == later
    assert notes.list_notes(uow, world.visit.id) == [edited, first]
    notes.delete_note(uow, first.id)
    assert notes.list_notes(uow, world.visit.id) == [edited]
    with pytest.raises(NotFoundError):
        notes.add_note(uow, uuid4(), "无")


def test_figures_follow_ups_and_photos(uow, world):
    visit_id = world.visit.id
    figure = notes.add_figure(uow, visit_id, "服务人次", "6000", unit="人次")
    assert notes.update_figure(uow, figure.id, value="6001").value == "6001"
    assert [f.value for f in notes.list_figures(uow, visit_id)] == ["6001"]
    notes.delete_figure(uow, figure.id)
    assert notes.list_figures(uow, visit_id) == []

    late = notes.add_follow_up(uow, visit_id, "二", due_date=date(2023, 9, 1))
    soon = notes.add_follow_up(uow, visit_id, "一", due_date=date(2023, 8, 1))
    assert notes.list_follow_ups(uow, visit_id) == [soon, late]
    notes.delete_follow_up(uow, soon.id)
    assert notes.list_follow_ups(uow, visit_id) == [late]

    photo = notes.add_photo(uow, visit_id, "photos/a.jpg")
    assert notes.update_photo(uow, photo.id, caption="驿站").caption == "驿站"
    with pytest.raises(ValidationError):
        notes.add_photo(uow, visit_id, "../a.jpg")
    assert [p.caption for p in notes.list_photos(uow, visit_id)] == ["驿站"]

