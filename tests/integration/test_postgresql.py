"""What only a server database does: refusing another application's tables and upgrading a
team's database written by an older FieldVisit. (Everything else runs on PostgreSQL too through
the shared fixtures: see tests/conftest.py.) Runs when FIELDVISIT_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.persistence.db import open_database
from fieldvisit.persistence.migrations import head_revision
from tests.integration import test_migrations as old


@pytest.fixture
def empty_url(postgres_databases):
    """A database without any table."""
    url = postgres_databases.take_empty()
    yield url
    postgres_databases.give_back_empty(url)


def query(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def test_an_empty_database_is_migrated_on_open(empty_url):
    open_database(empty_url).dispose()
    assert query(empty_url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_tables_of_another_application_are_refused(empty_url):
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer)"))
    engine.dispose()
    with pytest.raises(DatabaseRefusedError, match="another application"):
        open_database(empty_url)
    assert query(empty_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") \
        == [("invoices",)]


def test_a_team_database_of_an_older_fieldvisit_is_upgraded_keeping_its_data(empty_url):
    old.create_at_0001(empty_url)
    old.check_upgraded(open_database(empty_url))
    assert query(empty_url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
