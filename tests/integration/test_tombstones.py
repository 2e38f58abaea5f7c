"""Tombstones: every deletion of a visit's record leaves one (record id, kind, visit, time and
the content hash of the version deleted) in the same transaction; undoing the deletion removes
it; deleting a whole visit is local and takes the visit's tombstones with it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PIL import Image

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import content_hash
from fieldvisit.domain.errors import NotFoundError
from fieldvisit.services import delegation, itinerary, notes, visits
from fieldvisit.services.photos import delete_photo, import_photo, restore_photo
from fieldvisit.services.tombstones import list_tombstones


def tombstones(uow, visit_id) -> dict:
    return {t.record_id: t for t in list_tombstones(uow, visit_id)}


def check(uow, visit_id, record: e.Record, kind: str) -> None:
    found = tombstones(uow, visit_id)[record.id]
    assert (found.kind, found.visit_id, found.content_hash) == \
        (kind, visit_id, content_hash(record))
    assert found.deleted_at.tzinfo is not None and len(found.deletion) == 64


def test_deleting_a_note_figure_or_follow_up_leaves_a_tombstone(uow, sample_visit_id):
    note = notes.list_notes(uow, sample_visit_id)[0]
    figure = notes.list_figures(uow, sample_visit_id)[0]
    follow_up = notes.list_follow_ups(uow, sample_visit_id)[0]
    assert tombstones(uow, sample_visit_id) == {}
    notes.delete_note(uow, note.id)
    deleted_figure = notes.delete_figure(uow, figure.id)
    deleted_follow_up = notes.delete_follow_up(uow, follow_up.id)
    check(uow, sample_visit_id, note, "notes")
    check(uow, sample_visit_id, deleted_figure, "key_figures")
    check(uow, sample_visit_id, deleted_follow_up, "follow_ups")
    assert len(tombstones(uow, sample_visit_id)) == 3

    notes.restore_note(uow, note)
    notes.put_record(uow, deleted_figure)
    notes.put_record(uow, deleted_follow_up)
    assert tombstones(uow, sample_visit_id) == {}


def test_removing_a_member_leaves_tombstones_for_it_its_absences_and_its_organization(
        uow, sample_visit_id):
    members = delegation.list_members(uow, sample_visit_id)
    stop = itinerary.list_stops(uow, sample_visit_id)[0]
    # the only member of an organization: the organization is withdrawn with them
    by_organization: dict = {}
    with uow:
        for member in members:
            person = uow.people.get(member.person_id)
            by_organization.setdefault(person.organization_id, []).append(member)
    member = next(ms[0] for ms in by_organization.values() if len(ms) == 1)
    delegation.set_attendance(uow, member.id, stop.id, attends=False)
    (absence,) = [a for a in _absences(uow, sample_visit_id) if a.member_id == member.id]

    removed = delegation.remove_member(uow, member.id)

    assert removed.withdrawn is not None
    check(uow, sample_visit_id, member, "delegation")
    check(uow, sample_visit_id, absence, "absences")
    check(uow, sample_visit_id, removed.withdrawn, "participations")
    delegation.restore_member(uow, removed)
    assert tombstones(uow, sample_visit_id) == {}


def _absences(uow, visit_id) -> list[e.Absence]:
    with uow:
        return uow.absences.all(visit_id=visit_id)


def test_attendance_given_back_and_organizations_withdrawn_leave_tombstones(
        uow, sample_visit_id):
    member = delegation.list_members(uow, sample_visit_id)[0]
    stop = itinerary.list_stops(uow, sample_visit_id)[1]
    delegation.set_attendance(uow, member.id, stop.id, attends=False)
    (absence,) = _absences(uow, sample_visit_id)
    delegation.set_attendance(uow, member.id, stop.id, attends=True)
    check(uow, sample_visit_id, absence, "absences")

    participation = delegation.list_participations(uow, sample_visit_id)[0]
    withdrawn = delegation.withdraw_organization(uow, sample_visit_id,
                                                 participation.organization_id)
    check(uow, sample_visit_id, withdrawn.participation, "participations")
    for gone in withdrawn.members:
        check(uow, sample_visit_id, gone, "delegation")
    delegation.restore_organization(uow, withdrawn)
    assert set(tombstones(uow, sample_visit_id)) == {absence.id}


def test_removing_a_stop_leaves_tombstones_for_it_and_its_absences(uow):
    visit = visits.create_visit(uow, "调研")
    site = itinerary.create_site(uow, "驿站")
    from fieldvisit.services import directory

    person = directory.create_person(uow, "冯建国")
    member = delegation.add_member(uow, visit.id, person.id)
    stop = itinerary.add_stop(uow, visit.id, site.id)
    other = itinerary.add_stop(uow, visit.id, site.id)
    delegation.set_attendance(uow, member.id, stop.id, attends=False)
    (absence,) = _absences(uow, visit.id)
    order = [s.id for s in itinerary.list_stops(uow, visit.id)]
    itinerary.remove_stop(uow, stop.id)
    check(uow, visit.id, stop, "stops")
    check(uow, visit.id, absence, "absences")
    itinerary.restore_stop(uow, stop, order)
    assert set(tombstones(uow, visit.id)) == {absence.id}
    assert other.id not in tombstones(uow, visit.id)


def test_deleting_a_photo_leaves_a_tombstone_and_undo_removes_it(uow, sample_visit_id,
                                                                 tmp_path, database):
    from fieldvisit.persistence.db import photo_root

    source = tmp_path / "p.jpg"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(source, "JPEG")
    root = photo_root(database.url)
    photo = import_photo(uow, root, sample_visit_id, source).photo
    deleted = delete_photo(uow, root, photo.id)
    check(uow, sample_visit_id, deleted.photo, "photos")
    restore_photo(uow, root, deleted)
    assert tombstones(uow, sample_visit_id) == {}


def test_a_failed_deletion_leaves_no_tombstone(uow, sample_visit_id):
    stop = itinerary.list_stops(uow, sample_visit_id)[0]
    with pytest.raises(Exception, match="notes"):
        itinerary.remove_stop(uow, stop.id)  # notes belong to it: refused
    with pytest.raises(NotFoundError):
        notes.delete_note(uow, e.Note(visit_id=sample_visit_id, text="x").id)
    assert tombstones(uow, sample_visit_id) == {}


def test_directory_records_leave_no_tombstone(uow):
    from fieldvisit.services import directory

    person = directory.create_person(uow, "刘欣欣")
    directory.delete_person(uow, person.id)
    with uow:
        assert uow.tombstones.all() == []


def test_deleting_a_visit_stays_on_this_laptop_and_takes_its_tombstones(uow, sample_visit_id):
    """A deleted visit is gone from this database only: nothing about it travels (no package
    of it can be made), and its tombstones and conflicts go with it."""
    notes.delete_note(uow, notes.list_notes(uow, sample_visit_id)[0].id)
    other = visits.create_visit(uow, "另一次调研", start_date=datetime(2024, 1, 1).date())
    site = itinerary.create_site(uow, "驿站")
    stop = itinerary.add_stop(uow, other.id, site.id)
    itinerary.remove_stop(uow, stop.id)
    visits.delete_visit(uow, sample_visit_id)
    with uow:
        left = uow.tombstones.all()
    assert [(t.record_id, t.visit_id) for t in left] == [(stop.id, other.id)]
