"""Another writer in the way: a database locked for too long, a serialization failure, two
inserts of the same record. The use case runs again a few times (``services.concurrency``);
if the other writer is still in the way, one clear line says so and nothing is written."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from fieldvisit.domain.errors import ConcurrentWriteError
from fieldvisit.persistence import db
from fieldvisit.persistence.concurrency import contention_error, default_identity
from fieldvisit.services import concurrency, visit_document, visits


def test_a_use_case_runs_again_until_the_other_writer_is_gone(monkeypatch):
    monkeypatch.setattr(concurrency, "PAUSE", 0)
    calls = []

    @concurrency.retried
    def work(fail: int) -> str:
        calls.append(1)
        if len(calls) <= fail:
            raise ConcurrentWriteError("in the way")
        return "done"

    assert work(2) == "done" and len(calls) == 3
    calls.clear()
    with pytest.raises(ConcurrentWriteError):
        work(99)
    assert len(calls) == concurrency.ATTEMPTS


def test_nested_use_cases_run_again_as_a_whole(monkeypatch):
    monkeypatch.setattr(concurrency, "PAUSE", 0)
    inner_calls, outer_calls = [], []

    @concurrency.retried
    def inner() -> None:
        inner_calls.append(1)
        raise ConcurrentWriteError("in the way")

    @concurrency.retried
    def outer() -> None:
        outer_calls.append(1)
        inner()

    with pytest.raises(ConcurrentWriteError):
        outer()
    assert len(outer_calls) == len(inner_calls) == concurrency.ATTEMPTS


def _error(kind, text: str, sqlstate: str | None = None):
    """A DBAPI error as SQLAlchemy raises it; ``sqlstate`` as psycopg gives it."""
    orig = type("DriverError", (Exception,), {"sqlstate": sqlstate})(text)
    return kind("UPDATE ...", {}, orig)


@pytest.mark.parametrize(("error", "words"), [
    (_error(OperationalError, "database is locked"), "busy with another writer (database is "
                                                     "locked)"),
    (_error(OperationalError, "could not serialize access due to concurrent update",
            "40001"), "busy with another writer"),
    (_error(OperationalError, "deadlock detected", "40P01"), "busy with another writer"),
    (_error(IntegrityError, "UNIQUE constraint failed: visits.id"), "at the same moment"),
    (_error(IntegrityError, 'duplicate key value violates unique constraint "pk_visits"',
            "23505"), "at the same moment"),
    (StaleDataError("UPDATE statement on table 'notes' expected to update 1 row(s)"),
     "at the same moment"),
])
def test_the_databases_ways_of_saying_another_writer_is_in_the_way(error, words):
    found = contention_error(error)
    assert isinstance(found, ConcurrentWriteError) and words in str(found)
    assert str(found).endswith("nothing was saved, try again") and "\n" not in str(found)


@pytest.mark.parametrize("error", [
    _error(OperationalError, "no such table: visits"),
    _error(IntegrityError, "NOT NULL constraint failed: visits.title"),
    _error(OperationalError, "connection refused", "08006"),
    ValueError("not from the database"),
])
def test_other_errors_are_not_taken_for_contention(error):
    assert contention_error(error) is None


def test_the_identity_names_the_user_and_the_machine(monkeypatch):
    monkeypatch.delenv("FIELDVISIT_USER_NAME", raising=False)
    name, host = default_identity("王鑫").split(" @ ")
    assert name == "王鑫" and host and "." not in host
    monkeypatch.setenv("FIELDVISIT_USER_NAME", "李娜")
    assert default_identity("王鑫").startswith("李娜 @ ")
    monkeypatch.delenv("FIELDVISIT_USER_NAME")
    assert default_identity().split(" @ ")[0]  # the system's user name


@pytest.fixture
def impatient(monkeypatch):
    """SQLite connections that wait 20 ms for a lock instead of 5 s, and no pauses."""
    original = db._sqlite_pragmas

    def pragmas(connection, record) -> None:
        original(connection, record)
        connection.execute("PRAGMA busy_timeout = 20")

    monkeypatch.setattr(db, "_sqlite_pragmas", pragmas)
    monkeypatch.setattr(concurrency, "PAUSE", 0.001)


@pytest.fixture
def locked(db_path):
    """Another program holding the SQLite file's write lock."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield
    other.execute("ROLLBACK")
    other.close()


def test_a_database_locked_too_long_gives_one_clear_line_and_writes_nothing(
        impatient, db_path, sample_visit_id, locked, tmp_path, capsys):
    from fieldvisit.cli import main

    database = db.open_database(db.sqlite_url(db_path))
    try:
        with pytest.raises(ConcurrentWriteError) as refused:
            visits.update_visit(database.unit_of_work(), sample_visit_id, theme="锁住了")
        assert str(refused.value) == ("the database is busy with another writer (database is "
                                      "locked); nothing was saved, try again")
        document = visit_document.export_visit(database.unit_of_work(), sample_visit_id)
    finally:
        database.dispose()
    document["visit"]["theme"] = "命令行也锁住了"
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == (
        "fieldvisit: the database is busy with another writer (database is locked); nothing "
        "was saved, try again\n")


def test_once_the_lock_is_gone_the_same_step_succeeds(impatient, db_path, sample_visit_id):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    database = db.open_database(db.sqlite_url(db_path))
    try:
        with pytest.raises(ConcurrentWriteError):
            visits.update_visit(database.unit_of_work(), sample_visit_id, theme="等一等")
        other.execute("ROLLBACK")
        other.close()
        saved = visits.update_visit(database.unit_of_work(), sample_visit_id, theme="等一等")
        assert saved.theme == "等一等"
    finally:
        database.dispose()
