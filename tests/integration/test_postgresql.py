"""The same store on PostgreSQL, for teams. Runs when FIELDVISIT_TEST_POSTGRES_URL names an
empty database that the test may fill and empty, e.g.
``postgresql+psycopg://fv:fv@127.0.0.1/fv_test`` (needs ``pip install 'psycopg[binary]'``)."""

from __future__ import annotations

import os

import pytest

URL = os.environ.get("FIELDVISIT_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set FIELDVISIT_TEST_POSTGRES_URL to run")


@pytest.fixture
def postgres():
    from sqlalchemy import create_engine, text

    from fieldvisit.persistence.db import open_database

    def wipe() -> None:
        engine = create_engine(URL)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()

    wipe()
    database = open_database(URL)
    yield database
    database.dispose()
    wipe()


def test_migrations_agree_with_models_on_postgresql(postgres):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from fieldvisit.persistence.models import Base
    from fieldvisit.persistence.search_index import include_name

    with postgres.engine.connect() as connection:  # the change log is made by hand
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []


def test_reference_visit_round_trips_through_postgresql(postgres):
    from fieldvisit.services.sample import load_reference_visit, reference_document
    from fieldvisit.services.visit_document import export_visit

    summary = load_reference_visit(postgres.unit_of_work())
    exported = export_visit(postgres.unit_of_work(), summary.visit_id)
    exchange_sections = ("version", "tombstones", "history")  # format 2 adds them
    assert {k: v for k, v in exported.items() if k not in exchange_sections} == \
        {k: v for k, v in reference_document().items() if k not in exchange_sections}
    again = load_reference_visit(postgres.unit_of_work())
    assert not again.changed_anything


def test_tables_of_another_application_are_refused(postgres):
    from sqlalchemy import text

    from fieldvisit.domain.errors import DatabaseRefusedError
    from fieldvisit.persistence.db import open_database

    with postgres.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        connection.execute(text("CREATE TABLE invoices (id integer)"))
    with pytest.raises(DatabaseRefusedError, match="another application"):
        open_database(URL)


def test_note_editing_and_suggestions_on_postgresql(postgres):
    """What the Notes tab relies on: themes counted by the database, notes re-read by id, an
    edit refused when the note changed since it was read."""
    from fieldvisit.domain.errors import StaleEditError
    from fieldvisit.services import note_taking, notes
    from fieldvisit.services.sample import load_reference_visit

    uow = postgres.unit_of_work()
    visit_id = load_reference_visit(uow).visit_id
    tags = note_taking.tags_in_use(uow)
    assert set(tags[:2]) == {"权益保障", "需求"} and "驿站建设" in tags  # 3 notes each
    listed = notes.list_notes(uow, visit_id)
    note = listed[1]
    assert notes.find_notes(uow, visit_id, [note.id, listed[2].id]) == sorted(
        [note, listed[2]], key=lambda n: (n.position, n.created_at, n.id))
    notes.update_note(uow, note.id, expected={"text": note.text}, text="改过")
    with pytest.raises(StaleEditError):
        notes.update_note(uow, note.id, expected={"text": note.text}, text="覆盖")
    assert notes.get_note(uow, note.id).text == "改过"
