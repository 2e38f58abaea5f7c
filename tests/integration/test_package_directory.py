"""Which directory records (organizations, people, sites) a package may change (issue 12,
item 5): it may add new ones, and update existing ones only if its visit uses them in this
database; the others stay as they are and the summary says so."""

from __future__ import annotations

import dataclasses
import json
import uuid

import pytest

from fieldvisit.cli_package import summary_text
from fieldvisit.domain import entities as e
from fieldvisit.persistence.db import photo_root, sqlite_url
from fieldvisit.services import delegation, directory, itinerary, notes, package
from fieldvisit.services.package_checks import directory_in_use, kept_directory_records
from fieldvisit.services.sample import load_reference_visit
from fieldvisit.services.visit_document import export_visit
from fieldvisit.services.visits import create_visit
from tests.integration.package_tools import (
    Store,
    build,
    document_of,
    members_of,
    with_document,
)
from tests.integration.package_tools import store as store  # noqa: F401 - a fixture


def _other_visit(uow, visit_id):
    """Another visit "W" with a person, an organization, a site and a follow-up of its own
    (its organization responsible), plus a note by a member of the reference visit."""
    organization = directory.create_organization(uow, "区司法局")
    responsible = directory.create_organization(uow, "区人社局")
    person = directory.create_person(uow, "王小明", title="科长",
                                     organization_id=organization.id)
    site = itinerary.create_site(uow, "某街道综治中心", host_organization_id=organization.id)
    other = create_visit(uow, "另一次调研")
    delegation.add_member(uow, other.id, person.id)
    itinerary.add_stop(uow, other.id, site.id)
    notes.add_follow_up(uow, other.id, "回访", responsible_organization_id=responsible.id)
    return other, organization, responsible, person, site


def test_directory_in_use_is_what_the_visit_refers_to(uow, sample_visit_id):
    other, organization, responsible, person, site = _other_visit(uow, sample_visit_id)
    for visit_id in (sample_visit_id, other.id):
        document = export_visit(uow, visit_id)
        exported = {uuid.UUID(r["id"]) for section in ("organizations", "people", "sites")
                    for r in document[section]}
        assert directory_in_use(uow, visit_id) == exported
    used = directory_in_use(uow, other.id)
    assert {organization.id, responsible.id, person.id, site.id} <= used
    assert not used & directory_in_use(uow, sample_visit_id)
    assert directory_in_use(uow, uuid.uuid4()) == frozenset()  # a visit not in the database


def test_a_contact_person_and_a_note_author_are_in_use(uow, sample_visit_id):
    other, organization, _, person, _ = _other_visit(uow, sample_visit_id)
    contact = directory.create_person(uow, "联络员")
    author = directory.create_person(uow, "记录员")
    delegation.set_contact(uow, other.id, organization.id, contact.id)
    notes.add_note(uow, other.id, "座谈记录", author_id=author.id)
    assert {contact.id, author.id} <= directory_in_use(uow, other.id)
    assert not {contact.id, author.id} & directory_in_use(uow, sample_visit_id)


def test_kept_directory_records(uow, sample_visit_id):
    other, organization, responsible, person, site = _other_visit(uow, sample_visit_id)
    with uow:
        leader = uow.people.get(uow.delegation.all(visit_id=sample_visit_id)[0].person_id)
    new_person = e.Person(name="新来的人")
    incoming = [dataclasses.replace(person, title="被改了"),  # used only by W: kept
                dataclasses.replace(site, name="被改了"),
                dataclasses.replace(organization, name="被改了"),
                person,  # unchanged: not kept (nothing to keep)
                dataclasses.replace(leader, title="副主席"),  # used by this visit: may change
                new_person]  # new: may be added
    kept = kept_directory_records(uow, sample_visit_id, incoming)
    assert kept == {person.id, site.id, organization.id}
    assert kept_directory_records(uow, other.id, incoming) == {leader.id}


@pytest.fixture
def laptops(store: Store, make_db_path, tmp_path):
    """Laptop A (SQLite) has the reference visit and W; the target has both, from A's
    packages."""
    url = sqlite_url(make_db_path("a.sqlite3"))
    a = Store(url, photo_root(url), None)

    def prepare(database):
        uow = database.unit_of_work()
        visit_id = load_reference_visit(uow).visit_id
        return visit_id, _other_visit(uow, visit_id)

    visit_id, (other, organization, responsible, person, site) = a.run(prepare)
    packages = {}
    for name, packed in (("w", other.id), ("v", visit_id)):
        packages[name] = members_of(a.run(lambda db, v=packed, n=name: package.pack_visit(
            db.unit_of_work(), a.root, v, tmp_path / f"{n}.fieldvisit").path))
        store.run(lambda db, n=name: package.unpack_visit(
            db.unit_of_work(), store.root, build(tmp_path / f"{n}.fieldvisit", packages[n])))
    return a, visit_id, other, (organization, person, site), packages


def _directory(store, ids):
    def read(database):
        uow = database.unit_of_work()
        with uow:
            return {i: (uow.organizations.find(i) or uow.people.find(i) or uow.sites.find(i))
                    for i in ids}

    return store.run(read)


def test_a_package_cannot_overwrite_records_used_only_by_other_visits(
        store, laptops, tmp_path, capsys):
    a, visit_id, other, (organization, person, site), packages = laptops
    ids = [organization.id, person.id, site.id]
    before = _directory(store, ids)
    members = packages["v"]
    document = document_of(members)
    document["organizations"].append({**json.loads(json.dumps(
        next(r for r in document_of(packages["w"])["organizations"]
             if r["id"] == str(organization.id)))), "name": "被篡改的单位"})
    document["people"].append({**next(r for r in document_of(packages["w"])["people"]
                                      if r["id"] == str(person.id)), "title": "被篡改"})
    document["sites"].append({**next(r for r in document_of(packages["w"])["sites"]
                                     if r["id"] == str(site.id)), "name": "被篡改的地点"})
    w_history = document_of(packages["w"])["history"]  # format 2: the history is in the document
    for record_id in ids:  # claims to have had our version: an update, were it allowed
        document["history"][str(record_id)] = w_history[str(record_id)]
    hostile = build(tmp_path / "hostile.fieldvisit", with_document(members, document))

    summary = store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root,
                                                        hostile))
    assert summary.kept_directory == {"organizations": 1, "people": 1, "sites": 1}
    assert not summary.updated and not summary.added and not summary.conflicts
    assert _directory(store, ids) == before
    assert "kept: used only by other visits: 1 organizations, 1 people, 1 sites" in \
        summary_text(summary)
    assert "nothing changed" in summary_text(summary)

    from fieldvisit import cli

    assert cli.main([*store.cli_database, "unpack", str(hostile)]) == 0
    assert "kept: used only by other visits" in capsys.readouterr().out
    assert _directory(store, ids) == before


def test_records_the_visit_uses_are_updated_and_new_ones_added(store, laptops,
                                                               tmp_path):
    a, visit_id, other, (organization, person, site), _ = laptops

    def edit(database):
        uow = database.unit_of_work()
        with uow:
            leader = uow.people.get(uow.delegation.all(visit_id=visit_id)[0].person_id)
        directory.update_person(uow, leader.id, title="新的职务")
        newcomer = directory.create_person(uow, "新成员")
        delegation.add_member(uow, visit_id, newcomer.id)
        # W's person joins this visit on A and is edited there
        delegation.add_member(uow, visit_id, person.id)
        directory.update_person(uow, person.id, title="在本次调研中更新")
        return leader.id, newcomer.id

    leader_id, newcomer_id = a.run(edit)
    members = members_of(a.run(lambda db: package.pack_visit(
        db.unit_of_work(), a.root, visit_id, tmp_path / "v2.fieldvisit").path))
    path = build(tmp_path / "v2.fieldvisit", members)
    first = store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root, path))
    assert (first.added["people"], first.added["delegation"]) == (1, 2)
    assert first.updated == {"people": 1}  # the leader
    assert first.kept_directory == {"people": 1}  # W's person: not yet used by this visit here
    assert _directory(store, [leader_id])[leader_id].title == "新的职务"
    assert _directory(store, [person.id])[person.id].title == "科长"
    # now the visit uses W's person here too: the same package may update it
    second = store.run(lambda db: package.unpack_visit(db.unit_of_work(), store.root, path))
    assert second.updated == {"people": 1} and not second.kept_directory
    assert _directory(store, [person.id])[person.id].title == "在本次调研中更新"
    assert _directory(store, [newcomer_id])[newcomer_id].name == "新成员"
