"""The open database's files: a file the user chooses is never one of them, and when another
program deletes the -wal file anyway, FieldVisit says so, saves nothing more and can still copy
out everything its connection sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldvisit.domain.errors import DatabaseLostError, ValidationError
from fieldvisit.persistence.database_files import refuse_database_file
from fieldvisit.persistence.db import copy_database_file, open_database, sqlite_url
from fieldvisit.persistence.session_lock import lock_path
from fieldvisit.services import visits

TITLES = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); " \
         "print(*sorted(t for t, in c.execute('SELECT title FROM visits')), sep='\\n'); " \
         "c.close()"


def titles_in_another_process(path: Path) -> list[str]:
    """The visits' titles in ``path`` as a program that knows nothing of FieldVisit sees them."""
    result = subprocess.run([sys.executable, "-c", TITLES, str(path)], capture_output=True,
                            text=True, encoding="utf-8", check=True, timeout=60)
    return result.stdout.split()


def refused_message(path: Path) -> str:
    with pytest.raises(ValidationError) as refused:
        refuse_database_file(path)
    return str(refused.value)


def test_the_databases_own_files_are_refused_by_identity(database, db_path, tmp_path):
    assert refused_message(db_path) == \
        f"{db_path} is FieldVisit's own database file; choose another file"
    for suffix in ("-wal", "-shm", "-journal", ".lock"):  # -journal does not even exist
        side = Path(f"{db_path}{suffix}")
        assert refused_message(side) == (f"{side} belongs to FieldVisit's open database "
                                         f"{db_path}; choose another file")
    link = tmp_path / "elsewhere" / "roster.csv"
    link.parent.mkdir()
    os.link(db_path, link)  # the same file under another name
    assert "is FieldVisit's own database file" in refused_message(link)
    symlink = tmp_path / "elsewhere" / "wal.csv"
    symlink.symlink_to(Path(f"{db_path}-wal"))
    assert "belongs to FieldVisit's open database" in refused_message(symlink)
    assert "own database file" in refused_message(tmp_path / "elsewhere" / ".." / db_path.name)

    other = tmp_path / "fieldvisit.sqlite3-notes.csv"
    other.write_text("name\n")
    refuse_database_file(other)  # a file of its own: fine
    refuse_database_file(tmp_path / "new-export.json")
    database.dispose()
    refuse_database_file(db_path)  # no longer open in this process


def test_commands_refuse_to_read_or_overwrite_the_database(run_cli, db_path, sample_visit_id):
    before = titles_in_another_process(db_path)
    status, out, err = run_cli("import-roster", str(db_path))
    assert status == 2 and out == ""
    assert err == f"fieldvisit: {db_path} is FieldVisit's own database file; choose another " \
                  "file\n"
    status, _out, err = run_cli("export", str(sample_visit_id), "-o", f"{db_path}-wal")
    assert status == 2 and "belongs to FieldVisit's open database" in err
    assert titles_in_another_process(db_path) == before and len(before) == 1


def drop_this_process_locks(path: Path) -> None:
    """What a file dialog guessing file types did: open and close the database's files, which
    drops every fcntl lock this process held on them."""
    for name in (f"{path}-shm", str(path)):
        os.close(os.open(name, os.O_RDONLY))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")
def test_a_deleted_wal_is_noticed_and_what_the_connection_sees_is_recovered(db_path, tmp_path):
    database = open_database(sqlite_url(db_path))
    visit = visits.create_visit(database.unit_of_work(), "第一次调研")
    assert database.files_problem() is None
    drop_this_process_locks(db_path)
    # ...so another program thinks it is alone: on closing it checkpoints and deletes the -wal
    assert titles_in_another_process(db_path) == ["第一次调研"]
    assert not Path(f"{db_path}-wal").exists()
    with database.engine.begin() as connection:  # a write that came before anyone looked
        connection.exec_driver_sql("UPDATE visits SET title = '改在丢失的日志里' WHERE id = ?",
                                   (visit.id.hex,))

    problem = database.files_problem()
    assert problem == (f"another program deleted {db_path}-wal, the journal of the latest "
                       "changes of the open database; those changes are not in the database "
                       "file, and nothing more can be saved in it")
    with pytest.raises(DatabaseLostError) as refused:
        visits.create_visit(database.unit_of_work(), "不会保存")
    assert str(refused.value) == problem
    assert titles_in_another_process(db_path) == ["第一次调研"]  # the file lacks the change

    copy = tmp_path / "recovered.sqlite3"
    copy_database_file(database, copy)  # what this connection still sees
    recovered = open_database(sqlite_url(copy))
    try:
        assert [v.title for v in visits.list_visits(recovered.unit_of_work())] == \
            ["改在丢失的日志里"]
    finally:
        recovered.dispose()
    database.dispose()  # no checkpoint of the lost journal into the file; not a clean end
    assert titles_in_another_process(db_path) == ["第一次调研"]
    assert "state=open" in lock_path(db_path).read_text()


def test_a_replaced_database_file_is_noticed(db_path, tmp_path):
    database = open_database(sqlite_url(db_path))
    visits.create_visit(database.unit_of_work(), "原来的")
    replacement = tmp_path / "restored-backup.sqlite3"
    replacement.write_bytes(b"")
    os.replace(replacement, db_path)  # e.g. a backup program restoring an old copy
    assert database.files_problem() == (
        f"the database file {db_path} was replaced by another program while FieldVisit had it "
        "open; nothing more can be saved in it")
    with pytest.raises(DatabaseLostError):
        visits.create_visit(database.unit_of_work(), "不会保存")
    database.dispose()


def test_the_watch_stays_quiet_through_ordinary_use(database, db_path, run_cli):
    for index in range(3):
        visits.create_visit(database.unit_of_work(), f"调研 {index}")
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # same file, emptied
    assert run_cli("sample")[0] == 0  # a command in this process, with its own connections
    second = open_database(sqlite_url(db_path))
    visits.create_visit(second.unit_of_work(), "另一个连接")
    second.dispose()
    visits.create_visit(database.unit_of_work(), "之后")
    assert database.files_problem() is None
    assert len(visits.list_visits(database.unit_of_work())) == 6
    database.dispose()  # SQLite deletes the -wal file as the last connection closes: rightly
    assert not Path(f"{db_path}-wal").exists() and database.files_problem() is None
