"""A team server: what one client writes, another sees without restarting (issue 12)."""

from __future__ import annotations

import pytest

from fieldvisit.services import live_changes, notes
from fieldvisit.services.changes import Area
from fieldvisit.services.sample import load_reference_visit
from tests.pg import fresh_postgres, needs_postgres

pytestmark = needs_postgres


@pytest.fixture
def two_clients():
    from fieldvisit.persistence.db import open_database

    with fresh_postgres() as url:
        first = open_database(url)
        second = open_database(url)
        yield first, second
        first.dispose()
        second.dispose()


def test_a_client_sees_what_another_wrote_and_not_its_own(two_clients):
    first, second = two_clients
    visit_id = load_reference_visit(first.unit_of_work()).visit_id
    start = live_changes.latest(second.unit_of_work())
    note = notes.list_notes(first.unit_of_work(), visit_id)[0]
    notes.update_note(first.unit_of_work(), note.id, text="队友改过的文字")
    added = notes.add_note(first.unit_of_work(), visit_id, "队友新写的记录")
    notes.delete_note(first.unit_of_work(), added.id)
    seen = live_changes.changes_since(second.unit_of_work(), start, second.client)
    assert [(c.visit_id, c.areas, c.ids) for c in seen.changes] == [
        (visit_id, frozenset({Area.NOTES}), frozenset({note.id, added.id}))]
    again = live_changes.changes_since(second.unit_of_work(), seen.last, second.client)
    assert again.changes == () and again.last == seen.last
    own = live_changes.changes_since(first.unit_of_work(), start, first.client)
    assert own.changes == ()  # a client's own writes are already on its screen


def test_directory_and_visit_changes_are_named(two_clients):
    from fieldvisit.services import directory, visits

    first, second = two_clients
    visit_id = load_reference_visit(first.unit_of_work()).visit_id
    start = live_changes.latest(second.unit_of_work())
    visits.update_visit(first.unit_of_work(), visit_id, region="朝阳区")
    directory.create_organization(first.unit_of_work(), "市总工会法律服务中心")
    seen = live_changes.changes_since(second.unit_of_work(), start, second.client)
    by_visit = {c.visit_id: c.areas for c in seen.changes}
    assert by_visit[visit_id] == frozenset({Area.VISIT, Area.VISIT_LIST})
    assert by_visit[None] == frozenset({Area.DIRECTORY})


def test_far_behind_means_everything(two_clients, monkeypatch):
    first, second = two_clients
    monkeypatch.setattr(live_changes, "BATCH", 3)
    start = live_changes.latest(second.unit_of_work())
    load_reference_visit(first.unit_of_work())
    seen = live_changes.changes_since(second.unit_of_work(), start, second.client)
    assert len(seen.changes) == 1 and seen.changes[0].visit_id is None
    assert seen.changes[0].areas == frozenset(Area)
    assert seen.last == live_changes.latest(second.unit_of_work())


def test_a_sqlite_file_has_no_log(uow):
    assert live_changes.latest(uow) == 0
    assert live_changes.changes_since(uow, 0, "me").changes == ()
