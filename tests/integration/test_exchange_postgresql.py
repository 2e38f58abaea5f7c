"""Tombstones, exchange histories and field-by-field merges on a shared PostgreSQL database,
exchanging with a laptop on SQLite; and migration 0008 on a PostgreSQL database of the previous
schema. Runs when FIELDVISIT_TEST_POSTGRES_URL names an empty database the test may empty."""

from __future__ import annotations

from uuid import uuid4

import pytest

from fieldvisit.domain import entities as e
from fieldvisit.services import notes
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from fieldvisit.services.sample import load_reference_visit
from fieldvisit.services.visit_document import export_visit, import_visit
from tests.integration.laptops import Laptop, same_visit
from tests.pg import URL, needs_postgres, wipe

pytestmark = needs_postgres


@pytest.fixture
def server_and_laptop(make_db_path, tmp_path):
    from fieldvisit.persistence.db import open_database

    wipe()
    server = Laptop("server", open_database(URL), tmp_path)
    laptop = Laptop.on_sqlite("laptop", make_db_path("laptop.sqlite3"))
    yield server, laptop
    server.dispose()
    laptop.dispose()
    wipe()


def test_deletions_and_field_merges_between_postgresql_and_a_laptop(server_and_laptop):
    server, laptop = server_and_laptop
    visit_id = load_reference_visit(server.uow()).visit_id
    server.send(laptop, visit_id)
    gone, edited, both = notes.list_notes(server.uow(), visit_id)[:3]
    notes.delete_note(server.uow(), gone.id)
    notes.delete_note(server.uow(), edited.id)
    laptop.edit(e.Note, edited.id, text="笔记本上改的")
    server.edit(e.Note, both.id, text="服务器上改的")
    laptop.edit(e.Note, both.id, tags=("笔记本的主题",))

    into_server = laptop.send(server, visit_id)
    assert server.find(e.Note, gone.id) is None  # not brought back
    [conflict] = into_server.conflicts
    assert (conflict.kind, conflict.record_id) == ("deleted_here", edited.id)
    merged = server.get(e.Note, both.id)
    assert (merged.text, merged.tags) == ("服务器上改的", ("笔记本的主题",))

    resolve_conflict(server.uow(), conflict.id, keep=True)
    into_laptop = server.send(laptop, visit_id)
    assert into_laptop.deleted == {"notes": 1} and not into_laptop.conflicts
    assert list_conflicts(laptop.uow()) == [] == list_conflicts(server.uow())
    left, right = same_visit(server, laptop, visit_id=visit_id)
    assert left == right


def test_a_document_imported_into_postgresql_merges_by_history(server_and_laptop):
    server, laptop = server_and_laptop
    visit_id = load_reference_visit(server.uow()).visit_id
    document = export_visit(server.uow(), visit_id, exchange=True)
    note_id = notes.list_notes(server.uow(), visit_id)[0].id
    notes.update_note(server.uow(), note_id, text="后来改的")
    assert import_visit(server.uow(), document).kept_local == {"notes": 1}
    with server.uow() as uow:
        assert uow.notes.get(note_id).text == "后来改的"


def test_migration_0008_on_postgresql_keeps_exchange_state():
    from alembic import command
    from sqlalchemy import create_engine, text

    from fieldvisit.persistence.db import open_database
    from fieldvisit.persistence.migrations import alembic_config

    wipe()
    record_id = uuid4()
    engine = create_engine(URL)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0006")
            connection.execute(text(
                "INSERT INTO sync_states (record_id, content_hash) VALUES (:id, :hash)"),
                {"id": record_id, "hash": "a" * 64})
    finally:
        engine.dispose()
    database = open_database(URL)
    try:
        with database.unit_of_work() as uow:
            assert uow.merge_state.history([record_id]) == {record_id: {"a" * 64: 0}}
            assert uow.tombstones.all() == []
    finally:
        database.dispose()
        wipe()
