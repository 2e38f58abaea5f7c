"""Opening databases: creation, pragmas, refusal of unfit files (left untouched), migrations."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from pathlib import Path
from uuid import uuid4

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from fieldvisit.domain.entities import DelegationMember, Stop, Visit
from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.persistence.db import APPLICATION_ID, open_database, sqlite_url
from fieldvisit.persistence.migrations import head_revision, known_revisions
from fieldvisit.persistence.models import Base
from fieldvisit.services import directory, visits


def pragma(database, name: str):
    with database.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def stored_revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def snapshot(path: Path) -> tuple[str, list[str]]:
    """The file's sha256 and the names in its folder."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in path.parent.iterdir())


def assert_refused(path: Path, *words: str) -> None:
    before = snapshot(path)
    with pytest.raises(DatabaseRefusedError) as info:
        open_database(sqlite_url(path))
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message
    assert snapshot(path) == before
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{path}{suffix}").exists()
    assert not list(path.parent.glob("*.bak"))


def test_a_new_file_is_created_with_wal_application_id_and_foreign_keys(tmp_path):
    path = tmp_path / "new.sqlite3"
    database = open_database(sqlite_url(path))
    try:
        assert path.is_file()
        assert pragma(database, "journal_mode") == "wal"
        assert pragma(database, "application_id") == APPLICATION_ID == 0x46564953
        assert pragma(database, "foreign_keys") == 1
        assert stored_revision(path) == head_revision()
    finally:
        database.dispose()


def test_foreign_keys_are_enforced(uow):
    visit = visits.create_visit(uow, "调研")
    with uow:
        with pytest.raises(IntegrityError):
            uow.stops.put(Stop(visit_id=visit.id, site_id=uuid4()))
    with uow:
        with pytest.raises(IntegrityError):
            uow.delegation.put(DelegationMember(visit_id=visit.id, person_id=uuid4()))
    with uow:
        assert uow.stops.count() == 0 and uow.delegation.count() == 0


def test_head_revision_is_what_a_fresh_database_stores(db_path, tmp_path):
    assert head_revision() in known_revisions()
    assert stored_revision(db_path) == head_revision()
    fresh = tmp_path / "fresh.sqlite3"
    open_database(sqlite_url(fresh)).dispose()
    assert stored_revision(fresh) == head_revision()


def test_models_and_migrations_agree(database):
    from fieldvisit.persistence.search_index import include_name  # search tables: not ORM

    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_reopening_keeps_data_and_does_not_migrate_again(db_path, monkeypatch):
    database = open_database(sqlite_url(db_path))
    visit = visits.create_visit(database.unit_of_work(), "再次打开")
    database.dispose()

    def no_migration(*args, **kwargs):
        raise AssertionError("an up-to-date database must not be migrated again")

    monkeypatch.setattr("alembic.command.upgrade", no_migration)
    again = open_database(sqlite_url(db_path))
    try:
        assert visits.get_visit(again.unit_of_work(), visit.id) == visit
        assert stored_revision(db_path) == head_revision()
    finally:
        again.dispose()
    assert not list(db_path.parent.glob("*.bak"))


def test_an_empty_file_is_initialised(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    database = open_database(sqlite_url(path))
    try:
        assert pragma(database, "application_id") == APPLICATION_ID
        assert stored_revision(path) == head_revision()
        assert directory.list_people(database.unit_of_work()) == []
    finally:
        database.dispose()


def test_an_sqlite_file_without_tables_is_initialised(tmp_path):
    path = tmp_path / "blank.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    database = open_database(sqlite_url(path))
    try:
        assert pragma(database, "application_id") == APPLICATION_ID
        assert stored_revision(path) == head_revision()
    finally:
        database.dispose()


def test_a_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库\nnot a database either\n" * 200, encoding="utf-8")
    assert_refused(path, "not a FieldVisit database", "untouched")


def test_a_short_binary_file_is_refused_untouched(tmp_path):
    path = tmp_path / "short.bin"
    path.write_bytes(b"SQLite")
    assert_refused(path, "not a FieldVisit database")


def test_another_applications_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('x')")
    connection.commit()
    connection.close()
    assert_refused(path, "another application", "untouched")


def test_another_application_in_wal_mode_is_refused_untouched(tmp_path):
    path = tmp_path / "other-wal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert_refused(path, "another application")


def test_a_database_of_a_newer_fieldvisit_is_refused_untouched(db_path):
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    assert stored_revision(db_path) == "9999_from_the_future"
    assert_refused(db_path, "newer version of FieldVisit", "9999_from_the_future")


def test_a_corrupt_database_is_refused_untouched(tmp_path):
    path = tmp_path / "corrupt.sqlite3"
    database = open_database(sqlite_url(path))
    uow = database.unit_of_work()
    for i in range(30):
        directory.create_person(uow, f"人员 {i}", notes="备注" * 200)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.exec_driver_sql("PRAGMA page_size").scalar()
    database.dispose()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    Path(f"{path}-wal").unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)

    data = bytearray(path.read_bytes())
    header = bytes(data[:100])
    assert len(data) >= 4 * page_size
    garbage = random.Random(7)
    for start in range(page_size, len(data), page_size):  # pages 2, 3, ...
        middle = start + page_size // 4
        data[middle:middle + page_size // 2] = bytes(garbage.randrange(256)
                                                     for _ in range(page_size // 2))
    path.write_bytes(bytes(data))
    assert path.read_bytes()[:100] == header
    assert_refused(path, "damaged", "untouched")


def test_a_missing_parent_folder_is_refused(tmp_path):
    path = tmp_path / "missing" / "folder" / "db.sqlite3"
    with pytest.raises(DatabaseRefusedError) as info:
        open_database(sqlite_url(path))
    assert "does not exist" in str(info.value)
    assert not (tmp_path / "missing").exists()


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseRefusedError) as info:
        open_database(sqlite_url(tmp_path))
    assert "folder" in str(info.value)


def test_a_malformed_url_is_refused():
    with pytest.raises(DatabaseRefusedError) as info:
        open_database("this is not a url")
    assert "not a database URL" in str(info.value)


def test_in_memory_database_is_migrated():
    database = open_database("sqlite://")
    try:
        with database.engine.connect() as connection:
            revision = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
        assert revision == head_revision()
    finally:
        database.dispose()


def test_a_copy_of_a_fieldvisit_database_opens(db_path, tmp_path):
    database = open_database(sqlite_url(db_path))
    visit = visits.create_visit(database.unit_of_work(), "复制")
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db_path, copy)
    reopened = open_database(sqlite_url(copy))
    try:
        assert visits.get_visit(reopened.unit_of_work(), visit.id).title == "复制"
        assert visits.get_visit(reopened.unit_of_work(), visit.id) == visit
        assert isinstance(visit, Visit)
    finally:
        reopened.dispose()


def test_a_database_open_elsewhere_can_be_opened_again(db_path):
    """While another connection has the file open, its -wal file holds the newest data; the
    checks before opening must read it (and must not refuse the file)."""
    first = open_database(sqlite_url(db_path))
    try:
        visit = visits.create_visit(first.unit_of_work(), "进行中")
        assert Path(f"{db_path}-wal").exists()
        second = open_database(sqlite_url(db_path))
        try:
            assert visits.get_visit(second.unit_of_work(), visit.id) == visit
        finally:
            second.dispose()
    finally:
        first.dispose()
