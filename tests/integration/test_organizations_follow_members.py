"""Organizations follow their members: the last member's removal withdraws the organization
(with its contact person), undo brings both back; an organization can be withdrawn with the
members it still has; a withdrawn organization is not counted, warned about or printed."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace
from uuid import uuid4

import pytest

from fieldvisit.domain.delegation_rules import ProblemKind
from fieldvisit.domain.enums import DelegationRole as R
from fieldvisit.domain.errors import NotFoundError
from fieldvisit.services import delegation, directory, itinerary, visits
from fieldvisit.services.delegation_view import delegation_details, roster
from fieldvisit.services.report_data import ReportOptions, report_data


@pytest.fixture
def world(uow):
    org = {name: directory.create_organization(uow, name)
           for name in ("北京市总工会", "共青团北京市委", "东湖街道工委")}
    person = {name: directory.create_person(uow, name, organization_id=org[o].id)
              for name, o in (("潘建新", "北京市总工会"), ("刘记", "北京市总工会"),
                              ("钟棉棉", "共青团北京市委"))}
    person["韦江"] = directory.create_person(uow, "韦江")  # no organization
    visit = visits.create_visit(uow, "联合调研")
    stop = itinerary.add_stop(uow, visit.id, itinerary.create_site(uow, "骑士驿站").id)
    return SimpleNamespace(org=org, person=person, visit=visit, stop=stop)


def add(uow, world, name, role=R.MEMBER):
    return delegation.add_member(uow, world.visit.id, world.person[name].id, role)


def taking_part(uow, world) -> dict[str, object]:
    """Organization name → contact person id of every organization taking part."""
    names = {o.id: name for name, o in world.org.items()}
    return {names[p.organization_id]: p.contact_person_id
            for p in delegation.list_participations(uow, world.visit.id)}


def nobody_there(uow, visit_id) -> list[str]:
    """Organizations the checks warn about: taking part with nobody in the delegation."""
    return [p.subject for p in delegation_details(uow, visit_id).problems
            if p.kind is ProblemKind.ORGANIZATION_WITHOUT_MEMBERS]


def member_names(uow, world) -> list[str]:
    return [m.name for m in delegation_details(uow, world.visit.id).members]


def test_removing_the_last_member_withdraws_the_organization_and_undo_restores_it(uow, world):
    pan, liu, zhong = add(uow, world, "潘建新"), add(uow, world, "刘记"), add(uow, world, "钟棉棉")
    union = world.org["北京市总工会"].id
    delegation.set_contact(uow, world.visit.id, union, liu.person_id)

    first = delegation.remove_member(uow, pan.id)  # 刘记 is still there for the union
    assert first.withdrawn is None
    assert taking_part(uow, world) == {"北京市总工会": liu.person_id, "共青团北京市委": None}

    last = delegation.remove_member(uow, liu.id)  # nobody of the union is left
    assert last.withdrawn is not None and last.withdrawn.contact_person_id == liu.person_id
    assert taking_part(uow, world) == {"共青团北京市委": None}
    details = delegation_details(uow, world.visit.id)
    assert [o.name for o in details.organizations] == ["共青团北京市委"]
    assert nobody_there(uow, world.visit.id) == []  # no warning about the union

    delegation.restore_member(uow, last)  # undo: the member and the union with its contact
    assert taking_part(uow, world) == {"北京市总工会": liu.person_id, "共青团北京市委": None}
    delegation.restore_member(uow, first)
    assert member_names(uow, world) == ["潘建新", "刘记", "钟棉棉"]
    assert zhong.id in {m.member_id for m in delegation_details(uow, world.visit.id).members}


def test_removing_someone_without_an_organization_withdraws_nothing(uow, world):
    add(uow, world, "钟棉棉")
    wei = add(uow, world, "韦江")
    assert delegation.remove_member(uow, wei.id).withdrawn is None
    assert taking_part(uow, world) == {"共青团北京市委": None}


def test_adding_a_member_brings_the_organization_back(uow, world):
    zhong = add(uow, world, "钟棉棉")
    delegation.remove_member(uow, zhong.id)
    assert taking_part(uow, world) == {}
    add(uow, world, "钟棉棉")
    assert taking_part(uow, world) == {"共青团北京市委": None}


def test_restoring_does_not_list_an_organization_twice(uow, world):
    pan = add(uow, world, "潘建新")
    removed = delegation.remove_member(uow, pan.id)
    add(uow, world, "刘记")  # the union takes part again before the undo
    delegation.restore_member(uow, removed)
    assert len(delegation.list_participations(uow, world.visit.id)) == 1


def test_an_organization_added_without_members_stays_until_withdrawn(uow, world):
    streets = world.org["东湖街道工委"].id
    delegation.add_participation(uow, world.visit.id, streets)  # as a visit document may do
    add(uow, world, "钟棉棉")
    assert nobody_there(uow, world.visit.id) == ["东湖街道工委"]

    withdrawn = delegation.withdraw_organization(uow, world.visit.id, streets)
    assert withdrawn.members == () and taking_part(uow, world) == {"共青团北京市委": None}
    assert nobody_there(uow, world.visit.id) == []
    delegation.restore_organization(uow, withdrawn)
    assert "东湖街道工委" in taking_part(uow, world)


def test_withdrawing_an_organization_takes_its_members_and_undo_puts_them_back(uow, world):
    zhong, pan = add(uow, world, "钟棉棉", R.LEADER), add(uow, world, "潘建新")
    wei, liu = add(uow, world, "韦江"), add(uow, world, "刘记", R.NOTE_TAKER)
    union = world.org["北京市总工会"].id
    delegation.set_contact(uow, world.visit.id, union, pan.person_id)
    delegation.set_attendance(uow, liu.id, world.stop.id, False)

    withdrawn = delegation.withdraw_organization(uow, world.visit.id, union)
    assert [m.id for m in withdrawn.members] == [pan.id, liu.id]
    assert member_names(uow, world) == ["钟棉棉", "韦江"]
    assert [m.protocol_order for m in delegation.list_members(uow, world.visit.id)] == [1, 2]
    assert taking_part(uow, world) == {"共青团北京市委": None}
    assert delegation.absences(uow, world.visit.id) == frozenset()

    delegation.restore_organization(uow, withdrawn)
    back = delegation.list_members(uow, world.visit.id)
    assert [(m.id, m.protocol_order) for m in back] == \
        [(zhong.id, 1), (pan.id, 2), (wei.id, 3), (liu.id, 4)]
    assert taking_part(uow, world) == {"共青团北京市委": None, "北京市总工会": pan.person_id}
    assert delegation.absences(uow, world.visit.id) == {(liu.id, world.stop.id)}


def test_withdrawing_an_organization_not_taking_part_is_refused(uow, world):
    add(uow, world, "潘建新")
    with pytest.raises(NotFoundError, match="does not take part"):
        delegation.withdraw_organization(uow, world.visit.id, world.org["东湖街道工委"].id)
    with pytest.raises(NotFoundError):
        delegation.withdraw_organization(uow, world.visit.id, uuid4())
    assert member_names(uow, world) == ["潘建新"]


def test_a_withdrawn_organization_is_not_printed(uow, sample_visit_id, run_cli, tmp_path):
    details = delegation_details(uow, sample_visit_id)
    official = details.accompanying[0]  # 朝阳区有关负责同志 of 朝阳区有关部门
    league = next(o for o in details.organizations if o.name == "共青团北京市委")
    delegation.remove_member(uow, official.member_id)
    delegation.withdraw_organization(uow, sample_visit_id, league.organization_id)

    data = report_data(uow, sample_visit_id, ReportOptions(), None)
    assert "朝阳区有关部门" not in data.organizations and "共青团北京市委" not in data.organizations
    assert "北京市总工会" in data.organizations
    assert {line.organization for line in roster(uow, sample_visit_id)}.isdisjoint(
        {"朝阳区有关部门", "共青团北京市委"})
    status, shown, _ = run_cli("show", str(sample_visit_id))
    assert status == 0 and "北京市总工会" in shown
    assert "朝阳区有关部门" not in shown and "共青团北京市委" not in shown

    pdf = tmp_path / "report.pdf"
    assert run_cli("report", str(sample_visit_id), "-o", str(pdf))[0] == 0
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # the cover
    assert "北京市总工会" in text and "共青团北京市委" not in text
    assert "朝阳区有关部门" not in text
