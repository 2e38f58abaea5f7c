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

    with postgres.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_reference_visit_round_trips_through_postgresql(postgres):
    from fieldvisit.services.sample import load_reference_visit, reference_document
    from fieldvisit.services.visit_document import export_visit

    summary = load_reference_visit(postgres.unit_of_work())
    assert export_visit(postgres.unit_of_work(), summary.visit_id) == reference_document()
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
