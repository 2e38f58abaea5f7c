"""Upgrading a database written by an older FieldVisit: data kept, new tables added, and a
backup of the old file made once, before the migration."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import create_engine, event, insert

from fieldvisit.domain.entities import DelegationMember, Organization, Person, Visit
from fieldvisit.persistence import db
from fieldvisit.persistence.migrations import alembic_config, head_revision, known_revisions
from fieldvisit.persistence.models import Base
from fieldvisit.services import delegation

VISIT_ID, ORGANIZATION_ID, PERSON_ID, MEMBER_ID = (uuid4() for _ in range(4))
STAMP = datetime(2023, 5, 25, 0, 30, tzinfo=UTC)


def stamps() -> dict:
    return {"created_at": STAMP, "updated_at": STAMP}


def create_at_0001(where: Path | str) -> None:
    """A database as FieldVisit 0001 left it, with a visit, a person and a delegation: a SQLite
    file, or the (empty) database at a URL."""
    engine = create_engine(db.sqlite_url(where) if isinstance(where, Path) else where)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", db._sqlite_pragmas)
    tables = Base.metadata.tables
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.execute(insert(tables["visits"]).values(
                id=VISIT_ID, title="联合调研", theme="新就业形态劳动者", purpose="",
                region="朝阳区",
                start_date=date(2023, 5, 25), end_date=date(2023, 5, 25),
                timezone="Asia/Shanghai", status="done", methods=["symposium"], summary="",
                conclusions="", source="", remarks="", **stamps()))
            connection.execute(insert(tables["organizations"]).values(
                id=ORGANIZATION_ID, name="北京市总工会", short_name="市总工会",
                kind="trade_union_federation", notes="", **stamps()))
            connection.execute(insert(tables["people"]).values(
                id=PERSON_ID, name="潘建新", title="副主席", organization_id=ORGANIZATION_ID,
                phone="", email="", notes="", **stamps()))
            connection.execute(insert(tables["delegation_members"]).values(
                id=MEMBER_ID, visit_id=VISIT_ID, person_id=PERSON_ID, role="leader",
                protocol_order=1, **stamps()))
    finally:
        engine.dispose()


def read(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def table_names(path: Path) -> set[str]:
    return {name for (name,) in read(path, "SELECT name FROM sqlite_master WHERE type='table'")}


@pytest.fixture
def old_db(tmp_path) -> Path:
    path = tmp_path / "old.sqlite3"
    create_at_0001(path)
    return path


def test_the_old_database_is_really_at_0001(old_db):
    assert known_revisions()["0001"] is None and head_revision() != "0001"
    assert read(old_db, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert read(old_db, "PRAGMA application_id") == [(db.APPLICATION_ID,)]
    assert not {"participations", "absences"} & table_names(old_db)


def check_upgraded(database: db.Database) -> None:
    """The data of ``create_at_0001`` read back from ``database`` (disposed of after), and the
    tables added since working with it."""
    try:
        uow = database.unit_of_work()
        with uow:
            visit = uow.visits.get(VISIT_ID)
            person = uow.people.get(PERSON_ID)
            organization = uow.organizations.get(ORGANIZATION_ID)
            member = uow.delegation.get(MEMBER_ID)
            assert uow.participations.count() == 0 and uow.absences.count() == 0
        assert isinstance(visit, Visit)
        assert (visit.title, visit.region, visit.start_date, visit.methods) == \
            ("联合调研", "朝阳区", date(2023, 5, 25), ("symposium",))
        assert visit.created_at == STAMP and person.updated_at == STAMP
        assert isinstance(person, Person) and person.organization_id == ORGANIZATION_ID
        assert isinstance(organization, Organization) and organization.short_name == "市总工会"
        assert isinstance(member, DelegationMember) and member.role == "leader"
        # the new tables work with the old rows
        delegation.add_participation(uow, VISIT_ID, ORGANIZATION_ID)
        assert len(delegation.list_participations(uow, VISIT_ID)) == 1
    finally:
        database.dispose()


def test_opening_upgrades_to_head_and_keeps_the_data(old_db):
    check_upgraded(db.open_database(db.sqlite_url(old_db)))
    assert read(old_db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert {"participations", "absences"} <= table_names(old_db)


def test_a_backup_at_0001_is_made_before_migrating(old_db):
    db.open_database(db.sqlite_url(old_db)).dispose()
    backup = old_db.with_name("old.sqlite3.before-0001.bak")
    assert [p.name for p in old_db.parent.glob("*.bak")] == [backup.name]
    assert read(backup, "PRAGMA quick_check") == [("ok",)]
    assert read(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert read(backup, "SELECT title FROM visits") == [("联合调研",)]
    assert not {"participations", "absences"} & table_names(backup)


def test_the_backup_opens_and_upgrades_as_a_database_of_its_own(old_db, tmp_path):
    db.open_database(db.sqlite_url(old_db)).dispose()
    copy = tmp_path / "restored.sqlite3"
    copy.write_bytes(old_db.with_name("old.sqlite3.before-0001.bak").read_bytes())
    database = db.open_database(db.sqlite_url(copy))
    try:
        with database.unit_of_work() as uow:
            assert uow.visits.get(VISIT_ID).title == "联合调研"
    finally:
        database.dispose()


def test_opening_a_database_at_head_makes_no_new_backup(old_db):
    db.open_database(db.sqlite_url(old_db)).dispose()
    backup = old_db.with_name("old.sqlite3.before-0001.bak")
    before = (backup.read_bytes(), backup.stat().st_mtime_ns)
    for _ in range(2):
        db.open_database(db.sqlite_url(old_db)).dispose()
    assert [p.name for p in old_db.parent.glob("*.bak")] == [backup.name]
    assert (backup.read_bytes(), backup.stat().st_mtime_ns) == before


def test_the_command_line_says_it_is_updating_an_older_database(old_db, capsys):
    """Issue 15: upgrading a large database takes minutes (0014 indexes every text); the
    command line says so first, and says nothing when the database is already at head."""
    from fieldvisit.cli import main

    assert main(["--db", str(old_db), "visits"]) == 0
    assert capsys.readouterr().err == "fieldvisit: Updating the database…\n"
    assert main(["--db", str(old_db), "visits"]) == 0
    assert capsys.readouterr().err == ""


def test_a_fresh_database_gets_no_backup(db_path):
    db.open_database(db.sqlite_url(db_path)).dispose()
    assert not list(db_path.parent.glob("*.bak"))


def test_stops_keep_their_times_and_children_survive_the_itinerary_migration(tmp_path):
    """0003 rebuilds the stops and visits tables: planned arrival/departure become an appointment
    and a dwell time, and no child row is lost to a cascade while the parent is rebuilt."""
    from sqlalchemy import text

    path = tmp_path / "old.sqlite3"
    create_at_0001(path)
    engine = create_engine(db.sqlite_url(path))
    event.listen(engine, "connect", db._sqlite_pragmas)
    site_id, stop_id, note_id = uuid4().hex, uuid4().hex, uuid4().hex
    now = "2023-05-25 00:30:00.000000"
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(text(
            "INSERT INTO sites (id, created_at, updated_at, name, address, kind, datum, "
            "opening_hours, contact, description, facts) VALUES (:id, :now, :now, '驿站', '', "
            "'other', 'WGS-84', '[]', '', '', '[]')"), {"id": site_id, "now": now})
        connection.execute(text(
            "INSERT INTO stops (id, created_at, updated_at, visit_id, site_id, position, "
            "planned_arrival, planned_departure, activities, travel_notes, times_illustrative) "
            "VALUES (:id, :now, :now, :visit, :site, 1, '2023-05-26 14:00:00.000000', "
            "'2023-05-26 15:10:00.000000', '座谈', '', 1)"),
            {"id": stop_id, "now": now, "visit": VISIT_ID.hex, "site": site_id})
        connection.execute(text(
            "INSERT INTO notes (id, created_at, updated_at, visit_id, stop_id, kind, "
            "interviewee_group, speaker, text, tags, confidential, position) VALUES (:id, :now, "
            ":now, :visit, :stop, 'observation', '', '', '驿站情况', '[]', 0, 1)"),
            {"id": note_id, "now": now, "visit": VISIT_ID.hex, "stop": stop_id})
    engine.dispose()

    database = db.open_database(db.sqlite_url(path))
    try:
        uow = database.unit_of_work()
        with uow:
            (stop,) = uow.stops.all()
            visit = uow.visits.get(VISIT_ID)
            assert (stop.fixed_arrival, stop.dwell_minutes, stop.day) == \
                (datetime(2023, 5, 26, 14, 0), 70, 2)
            assert visit.day_start.hour == 14 and visit.day_end.hour == 18
            assert uow.notes.count() == 1 and uow.delegation.count() == 1
        assert read(path, "PRAGMA foreign_key_check") == []
    finally:
        database.dispose()


def test_exchange_state_is_kept_by_migration_0008(tmp_path):
    """0008 adds tombstones, generations and contents of exchanged versions, and conflict
    kinds: hashes and conflicts stored before stay valid, the new table works at once."""
    from fieldvisit.services.package_merge import list_conflicts

    path = tmp_path / "old.sqlite3"
    create_at_0001(path)
    engine = create_engine(db.sqlite_url(path))
    event.listen(engine, "connect", db._sqlite_pragmas)
    conflict_id = uuid4()
    try:
        with engine.connect() as connection:  # as db._migrate does: no cascade while
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # tables are rebuilt
            connection.commit()
            with connection.begin():
                command.upgrade(alembic_config(connection), "0006")
        with engine.begin() as connection:
            connection.execute(_insert_sync_state(MEMBER_ID, "a" * 64))
            connection.execute(_insert_conflict(conflict_id))
    finally:
        engine.dispose()
    assert "tombstones" not in table_names(path)

    database = db.open_database(db.sqlite_url(path))
    try:
        uow = database.unit_of_work()
        with uow:
            assert uow.merge_state.history([MEMBER_ID]) == {MEMBER_ID: {"a" * 64: 0}}
        [conflict] = list_conflicts(uow)
        assert (conflict.id, conflict.kind, conflict.fields) == (conflict_id, "edit", ())
        assert conflict.mine == "role: \"leader\"" and conflict.theirs == "role: \"member\""
        delegation.remove_member(uow, MEMBER_ID)
        with uow:
            (tombstone,) = uow.tombstones.all(visit_id=VISIT_ID)
            assert (tombstone.record_id, tombstone.kind) == (MEMBER_ID, "delegation")
            assert set(uow.merge_state.history([MEMBER_ID])[MEMBER_ID]) == \
                {"a" * 64, tombstone.content_hash, tombstone.deletion}
    finally:
        database.dispose()
    assert read(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert read(path, "SELECT kind, fields FROM merge_conflicts") == [("edit", None)]


def _insert_sync_state(record_id, content_hash):
    from sqlalchemy import text

    return text("INSERT INTO sync_states (record_id, content_hash) VALUES (:id, :hash)").bindparams(
        id=record_id.hex, hash=content_hash)


def _insert_conflict(conflict_id):
    from sqlalchemy import text

    incoming = json.dumps({"id": str(MEMBER_ID), "created_at": "2023-05-25T00:30:00Z",
                           "updated_at": "2023-05-25T00:30:00Z", "visit_id": str(VISIT_ID),
                           "person_id": str(PERSON_ID), "role": "member",
                           "protocol_order": 1})
    return text(
        "INSERT INTO merge_conflicts (id, created_at, visit_id, record_type, record_id, "
        "incoming, incoming_hash, resolved) VALUES (:id, '2023-05-26 00:00:00.000000', :visit, "
        "'delegation', :record, :incoming, :hash, 0)").bindparams(
        id=conflict_id.hex, visit=VISIT_ID.hex, record=MEMBER_ID.hex, incoming=incoming,
        hash="c" * 64)
