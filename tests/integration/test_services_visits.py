"""Use cases on visits: create/edit/delete, status rules, resolving references, lists and the
overview; and that services hand out frozen dataclasses, never ORM objects."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from types import SimpleNamespace
from uuid import uuid4

import pytest

from fieldvisit.domain.enums import DelegationRole, VisitStatus
from fieldvisit.domain.errors import AmbiguousReferenceError, NotFoundError, ValidationError
from fieldvisit.persistence.models import Base
from fieldvisit.services import delegation, directory, itinerary, notes, visits

COUNTED = ("organizations", "people", "visits", "delegation", "sites", "stops", "notes",
           "figures", "follow_ups", "photos")


def counts(uow) -> dict[str, int]:
    with uow:
        return {name: getattr(uow, name).count() for name in COUNTED}


def full_visit(uow, title: str, orgs=None):
    """A visit with something in every table; returns the records made."""
    if orgs is None:
        orgs = [directory.create_organization(uow, name) for name in ("指导组", "市总工会",
                                                                      "朝阳区")]
    group, union, district = orgs
    people = [directory.create_person(uow, f"{title}-{n}", organization_id=o.id if o else None)
              for n, o in enumerate([group, union, group, None, district, union])]
    visit = visits.create_visit(uow, title, start_date=date(2023, 7, 20))
    roles = [DelegationRole.LEADER, DelegationRole.MEMBER, DelegationRole.DEPUTY_LEADER,
             DelegationRole.PRESS, DelegationRole.ACCOMPANYING_OFFICIAL,
             DelegationRole.MEMBER]
    members = [delegation.add_member(uow, visit.id, p.id, r)
               for p, r in zip(people, roles, strict=True)]
    sites = [itinerary.create_site(uow, f"{title}-站{n}", host_organization_id=union.id)
             for n in range(2)]
    stops = [itinerary.add_stop(uow, visit.id, s.id) for s in sites]
    note = notes.add_note(uow, visit.id, "记录", stop_id=stops[0].id, author_id=people[3].id)
    notes.add_note(uow, visit.id, "总体印象")
    notes.add_figure(uow, visit.id, "人次", "6000", stop_id=stops[0].id, note_id=note.id)
    notes.add_follow_up(uow, visit.id, "跟进", note_id=note.id,
                        responsible_organization_id=union.id)
    notes.add_photo(uow, visit.id, "a.jpg", stop_id=stops[1].id)
    return SimpleNamespace(orgs=orgs, people=people, visit=visit, members=members, stops=stops)


def test_create_get_edit_delete_visit(uow):
    visit = visits.create_visit(uow, "调研", region="朝阳区")
    assert visits.get_visit(uow, visit.id) == visit
    edited = visits.update_visit(uow, visit.id, theme="群团组织")
    assert visits.get_visit(uow, visit.id) == edited and edited.theme == "群团组织"
    visits.delete_visit(uow, visit.id)
    with pytest.raises(NotFoundError):
        visits.get_visit(uow, visit.id)
    with pytest.raises(NotFoundError):
        visits.delete_visit(uow, visit.id)
    with pytest.raises(ValidationError):
        visits.create_visit(uow, " ")


def test_delete_visit_cascades_but_keeps_the_directory(uow):
    doomed = full_visit(uow, "甲")
    kept = full_visit(uow, "乙", doomed.orgs)
    before = counts(uow)
    visits.delete_visit(uow, doomed.visit.id)
    after = counts(uow)
    for name in ("organizations", "people", "sites"):
        assert after[name] == before[name]
    assert after["visits"] == before["visits"] - 1
    with uow:
        for name in ("delegation", "stops", "notes", "figures", "follow_ups", "photos"):
            assert getattr(uow, name).count(visit_id=doomed.visit.id) == 0, name
            assert getattr(uow, name).count(visit_id=kept.visit.id) > 0, name
    overview = visits.visit_overview(uow, kept.visit.id)
    assert overview.counts.notes == 2 and overview.counts.photos == 1


@pytest.mark.parametrize(("current", "new"), [
    (VisitStatus.DRAFT, VisitStatus.PLANNED), (VisitStatus.PLANNED, VisitStatus.UNDER_WAY),
    (VisitStatus.DONE, VisitStatus.REPORTED), (VisitStatus.REPORTED, VisitStatus.DRAFT),
    (VisitStatus.UNDER_WAY, VisitStatus.PLANNED), (VisitStatus.DONE, VisitStatus.DONE)])
def test_status_changes_that_are_allowed(uow, current, new):
    visit = visits.create_visit(uow, "调研", status=current)
    assert visits.update_visit(uow, visit.id, status=new).status is new
    assert visits.get_visit(uow, visit.id).status is new


@pytest.mark.parametrize(("current", "new"), [
    (VisitStatus.DRAFT, VisitStatus.UNDER_WAY), (VisitStatus.DRAFT, VisitStatus.REPORTED),
    (VisitStatus.PLANNED, VisitStatus.DONE)])
def test_status_cannot_skip_steps(uow, current, new):
    visit = visits.create_visit(uow, "调研", status=current)
    with pytest.raises(ValidationError) as info:
        visits.update_visit(uow, visit.id, status=new, theme="不应保存")
    assert info.value.field == "status"
    assert visits.get_visit(uow, visit.id) == visit


def test_update_visit_validates_other_fields(uow):
    visit = visits.create_visit(uow, "调研", start_date=date(2023, 7, 20))
    with pytest.raises(ValidationError) as info:
        visits.update_visit(uow, visit.id, end_date=date(2023, 7, 1))
    assert info.value.field == "end_date"
    with pytest.raises(NotFoundError):
        visits.update_visit(uow, uuid4(), theme="x")


def test_resolve_visit(uow):
    a = visits.create_visit(uow, "市委主题教育联合调研")
    b = visits.create_visit(uow, "市委主题教育联合调研（二）")
    c = visits.create_visit(uow, "东湖街道座谈")
    percent = visits.create_visit(uow, "50%_完成")
    visits.create_visit(uow, "50xx")
    assert visits.resolve_visit(uow, str(a.id)) == a
    assert visits.resolve_visit(uow, f"  {c.id}  ") == c
    assert visits.resolve_visit(uow, str(c.id).upper()) == c
    assert visits.resolve_visit(uow, "东湖") == c
    assert visits.resolve_visit(uow, "市委主题教育联合调研") == a  # exact title among prefixes
    assert visits.resolve_visit(uow, "市委主题教育联合调研（") == b
    assert visits.resolve_visit(uow, "50%") == percent  # LIKE wildcards are taken literally
    with pytest.raises(AmbiguousReferenceError) as info:
        visits.resolve_visit(uow, "市委主题")
    message = str(info.value)
    assert "2 visits" in message
    for visit in (a, b):
        assert visit.title in message and str(visit.id) in message
    for reference in ("西城", str(uuid4()), "", "   ", "%"):
        with pytest.raises(NotFoundError):
            visits.resolve_visit(uow, reference)


def test_list_visits_counts_members_and_stops(uow):
    big = full_visit(uow, "甲")
    empty = visits.create_visit(uow, "空", start_date=date(2023, 1, 1))
    undated = visits.create_visit(uow, "无日期")
    summaries = visits.list_visits(uow)
    assert [s.id for s in summaries] == [empty.id, big.visit.id, undated.id]
    by_id = {s.id: s for s in summaries}
    assert (by_id[big.visit.id].member_count, by_id[big.visit.id].stop_count) == (6, 2)
    assert (by_id[empty.id].member_count, by_id[empty.id].stop_count) == (0, 0)
    assert by_id[big.visit.id].title == "甲" and by_id[big.visit.id].status is VisitStatus.DRAFT
    assert by_id[big.visit.id].start_date == date(2023, 7, 20)


def test_overview_groups_delegation_by_organization_in_protocol_order(uow):
    made = full_visit(uow, "甲")
    group, union, district = made.orgs
    overview = visits.visit_overview(uow, made.visit.id)
    assert overview.visit == made.visit
    assert [g.organization for g in overview.delegation] == [group, union, None]
    assert [[m.name for m in g.members] for g in overview.delegation] == [
        ["甲-0", "甲-2"], ["甲-1", "甲-5"], ["甲-3"]]
    leader = overview.delegation[0].members[0]
    assert leader.role is DelegationRole.LEADER and leader.protocol_order == 1
    assert leader.person_id == made.people[0].id and leader.member_id == made.members[0].id
    assert [g.organization for g in overview.accompanying] == [district]
    assert [m.name for m in overview.accompanying[0].members] == ["甲-4"]
    assert all(m.role is not DelegationRole.ACCOMPANYING_OFFICIAL
               for g in overview.delegation for m in g.members)
    assert [(s.stop.position, s.site.name, s.note_count, s.figure_count)
            for s in overview.stops] == [(1, "甲-站0", 1, 1), (2, "甲-站1", 0, 0)]
    assert dataclasses.astuple(overview.counts) == (2, 1, 1, 1)

    ids = [m.id for m in made.members]
    delegation.reorder_members(uow, made.visit.id, [ids[1], *ids[:1], *ids[2:]])
    reordered = visits.visit_overview(uow, made.visit.id)
    assert [g.organization for g in reordered.delegation] == [union, group, None]


def test_overview_of_unknown_visit(uow):
    with pytest.raises(NotFoundError):
        visits.visit_overview(uow, uuid4())


def assert_frozen_plain_data(value, seen=None) -> None:
    """Every dataclass reachable from ``value`` is frozen; no ORM object anywhere."""
    assert not isinstance(value, Base)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert type(value).__dataclass_params__.frozen, type(value)
        for f in dataclasses.fields(value):
            assert_frozen_plain_data(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            assert_frozen_plain_data(item)


def test_services_return_frozen_dataclasses_not_orm_objects(uow):
    made = full_visit(uow, "甲")
    results = [
        made.visit, made.members[0], made.stops[0], made.people[0], made.orgs[0],
        visits.get_visit(uow, made.visit.id), visits.resolve_visit(uow, "甲"),
        visits.visit_overview(uow, made.visit.id), *visits.list_visits(uow),
        *directory.list_people(uow), *directory.list_organizations(uow),
        *delegation.list_members(uow, made.visit.id), *itinerary.list_sites(uow),
        *itinerary.list_stops(uow, made.visit.id), *notes.list_notes(uow, made.visit.id),
        *notes.list_figures(uow, made.visit.id), *notes.list_follow_ups(uow, made.visit.id),
        *notes.list_photos(uow, made.visit.id),
        visits.update_visit(uow, made.visit.id, summary="总结"),
    ]
    for result in results:
        assert dataclasses.is_dataclass(result) and not isinstance(result, type)
        assert_frozen_plain_data(result)
        name = dataclasses.fields(result)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, name, None)


def test_stop_times_survive_storage(uow):
    visit = visits.create_visit(uow, "调研")
    site = itinerary.create_site(uow, "驿站")
    stop = itinerary.add_stop(uow, visit.id, site.id, fixed_arrival=datetime(2023, 7, 20, 9, 30),
                              dwell_minutes=45, day=2, delay_minutes=5, pinned=True)
    assert itinerary.list_stops(uow, visit.id) == [stop]
