"""What only a server database does: refusing another application's tables and upgrading a
team's database written by an older FieldVisit. (Everything else runs on PostgreSQL too through
the shared fixtures: see tests/conftest.py.) Runs when FIELDVISIT_TEST_POSTGRES_URL is set."""

from __future__ import annotations

from datetime import datetime, time
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import column, create_engine, insert, table, text

from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.persistence.db import open_database
from fieldvisit.persistence.migrations import alembic_config, head_revision
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


def test_the_itinerary_migrations_convert_a_team_database(empty_url):
    """0003 turns planned arrival and departure into an appointment and a stay, and the day's
    start; 0006 drops a day end not after the start."""
    old.create_at_0001(empty_url)
    stamps = {"created_at": old.STAMP.replace(tzinfo=None),
              "updated_at": old.STAMP.replace(tzinfo=None)}
    site_id, stop_id, note_id, late_id = uuid4(), uuid4(), uuid4(), uuid4()
    engine = create_engine(empty_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        sites = table("sites", *(column(name) for name in (
            "id", "created_at", "updated_at", "name", "address", "kind", "datum",
            "opening_hours", "contact", "description", "facts")))
        connection.execute(insert(sites).values(
            id=site_id, name="驿站", address="", kind="other", datum="WGS-84",
            opening_hours=text("'[]'"), contact="", description="", facts=text("'[]'"),
            **stamps))
        stops = table("stops", *(column(name) for name in (
            "id", "created_at", "updated_at", "visit_id", "site_id", "position",
            "planned_arrival", "planned_departure", "activities", "travel_notes",
            "times_illustrative")))
        connection.execute(insert(stops).values(
            id=stop_id, visit_id=old.VISIT_ID, site_id=site_id, position=1,
            planned_arrival=datetime(2023, 5, 26, 14, 0),
            planned_departure=datetime(2023, 5, 26, 15, 10), activities="座谈", travel_notes="",
            times_illustrative=True, **stamps))
        notes = table("notes", *(column(name) for name in (
            "id", "created_at", "updated_at", "visit_id", "stop_id", "kind", "interviewee_group",
            "speaker", "text", "tags", "confidential", "position")))
        connection.execute(insert(notes).values(
            id=note_id, visit_id=old.VISIT_ID, stop_id=stop_id, kind="observation",
            interviewee_group="", speaker="", text="驿站情况", tags=text("'[]'"),
            confidential=False, position=1, **stamps))
        command.upgrade(alembic_config(connection), "0005")
        visits = table("visits", *(column(name) for name in (
            "id", "created_at", "updated_at", "title", "theme", "purpose", "region", "timezone",
            "status", "methods", "summary", "conclusions", "source", "remarks", "day_start",
            "day_end", "travel")))
        connection.execute(insert(visits).values(
            id=late_id, title="夜间", theme="", purpose="", region="", timezone="Asia/Shanghai",
            status="draft", methods=text("'[]'"), summary="", conclusions="", source="",
            remarks="", day_start=time(19, 0), day_end=time(18, 0), travel=text("'{}'"),
            **stamps))
    engine.dispose()
    database = open_database(empty_url)
    try:
        with database.unit_of_work() as uow:
            (stop,) = uow.stops.all()
            visit, late = uow.visits.get(old.VISIT_ID), uow.visits.get(late_id)
            assert (stop.fixed_arrival, stop.dwell_minutes, stop.day) == \
                (datetime(2023, 5, 26, 14, 0), 70, 2)
            assert (visit.day_start, visit.day_end) == (time(14, 0), time(18, 0))
            assert (late.day_start, late.day_end) == (time(19, 0), None)
            assert uow.notes.get(note_id).stop_id == stop_id
    finally:
        database.dispose()
