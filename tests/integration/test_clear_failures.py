"""Issue 13, part B: expected failures end in one clear line, status 2 (130 for Ctrl+C), never a
traceback, and the database is unchanged or fully changed, never half: another process holding
the write lock, a read-only database, a full disk, an interrupt, an output that is not a
regular file."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from fieldvisit.cli import main
from fieldvisit.persistence import db as db_module
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import concurrency
from tests.database_state import contents
from tests.integration.failing_storage import (
    as_a_user,
    child_env,
    fill,
    locked,
    make_full,
    one_line,
    run_fieldvisit,
    small_disk,
)

pytestmark = pytest.mark.sqlite_only("about the SQLite file: locks, permissions, a full disk")

ROSTER = "姓名,单位,职务\n王小明,市总工会,干部\n"


@pytest.fixture
def files(run_cli, tmp_path):
    """The sample visit in this test's database, as a document, a package and a roster."""
    status, out, _ = run_cli("sample")
    assert status == 0
    visit = out.strip()
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    assert run_cli("export", visit, "-o", str(exchange / "visit.json"))[0] == 0
    assert run_cli("pack", visit, "-o", str(exchange / "visit.fieldvisit"))[0] == 0
    (exchange / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return {"visit": visit, "document": exchange / "visit.json",
            "package": exchange / "visit.fieldvisit", "roster": exchange / "roster.csv"}


def writing_commands(files) -> list[list[str]]:
    return [["import", str(files["document"])], ["unpack", str(files["package"])],
            ["import-roster", str(files["roster"])], ["sample"]]


def cli(capsys, path: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--db", str(path), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def state(path: Path):
    database = open_database(sqlite_url(path))
    try:
        return contents(database)
    finally:
        database.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- another process holds the write lock ------------------------------------------------------
def test_a_locked_database_ends_every_writing_command_in_one_line(
        files, make_db_path, capsys, monkeypatch):
    monkeypatch.setattr(concurrency, "ATTEMPTS", 1)  # each attempt waits out the 5 s timeout
    target = make_db_path("target.sqlite3")
    before = state(target)
    with locked(target):
        for args in writing_commands(files)[:3]:
            status, _, err = cli(capsys, target, *args)
            assert status == 2, (args, err)
            line = one_line(err)
            assert "busy with another writer" in line and "nothing was saved" in line, line
    assert state(target) == before


# -- a full disk -------------------------------------------------------------------------------
def test_a_full_database_is_called_full_not_damaged_and_nothing_is_half_written(
        files, make_db_path, capsys, monkeypatch):
    target = make_db_path("target.sqlite3")
    before = state(target)
    opened = db_module.open_database

    def full(url, **kwargs):
        database = opened(url, **kwargs)
        make_full(database.engine)
        return database

    monkeypatch.setattr(db_module, "open_database", full)
    for args in (["import", str(files["document"])], ["unpack", str(files["package"])],
                 ["sample"]):  # each needs new pages
        status, out, err = cli(capsys, target, *args)
        assert status == 2, (args, out, err)
        line = one_line(err)
        assert line.startswith("fieldvisit: the disk is full"), line
        assert "nothing was saved" in line and "damaged" not in line, line
    monkeypatch.undo()
    assert state(target) == before


def test_a_database_on_a_full_disk_is_not_called_damaged(files, db_path, tmp_path):
    with small_disk() as disk:
        path = disk / "fieldvisit.sqlite3"
        source = open_database(sqlite_url(db_path))
        with source.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        source.dispose()
        path.write_bytes(db_path.read_bytes())
        home = tmp_path / "home"
        assert run_fieldvisit(home, "--db", str(path), "visits").returncode == 0
        fill(disk)
        for args in (["visits"], ["import", str(files["document"])],
                     ["pack", files["visit"], "-o", str(tmp_path / "p.fieldvisit")],
                     ["report", files["visit"], "-o", str(tmp_path / "r.pdf")]):
            done = run_fieldvisit(home, "--db", str(path), *args)
            assert done.returncode == 2, (args, done.stderr)
            line = one_line(done.stderr)
            assert "the disk" in line and "is full" in line and "is damaged" not in line, line
        (disk / "filler").unlink()
        done = run_fieldvisit(home, "--db", str(path), "visits")
        assert done.returncode == 0 and files["visit"] in done.stdout, done.stderr
        assert state(path) == state(db_path)
        assert not (tmp_path / "p.fieldvisit").exists() and not (tmp_path / "r.pdf").exists()


EXTENSION = {"report": "pdf"}
"""Output extensions a command needs (the report's picks PDF or Word)."""


@pytest.mark.parametrize("command", ["pack", "report", "export"])
def test_an_output_on_a_full_disk_is_one_line_and_leaves_no_partial_file(
        files, db_path, tmp_path, command):
    with small_disk(1) as disk:
        fill(disk)
        target = disk / f"out.{EXTENSION.get(command, command)}"
        done = run_fieldvisit(tmp_path / "home", "--db", str(db_path), command,
                              files["visit"], "-o", str(target))
        assert done.returncode == 2, done.stderr
        line = one_line(done.stderr)
        assert line.startswith("fieldvisit: the disk is full"), line
        assert str(target) in line, line
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_a_full_disk_while_writing_a_file_is_one_line(files, db_path, capsys, monkeypatch,
                                                      tmp_path):
    import errno

    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    target = tmp_path / "visit.json"
    status, _, err = cli(capsys, db_path, "export", files["visit"], "-o", str(target))
    assert status == 2
    line = one_line(err)
    assert line.startswith(f"fieldvisit: the disk is full: {target} was not written"), line
    assert not target.exists() and not list(tmp_path.glob(".*.part"))


# -- a read-only database ----------------------------------------------------------------------
@pytest.fixture
def read_only_folder():
    """A folder any user may read (tests' own temporary folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="fieldvisit-read-only-"))
    folder.chmod(0o755)
    yield folder
    for path in sorted(folder.rglob("*"), reverse=True):
        path.parent.chmod(0o755)
        path.unlink() if not path.is_dir() else path.rmdir()
    folder.rmdir()


@pytest.mark.parametrize("folder_writable", [False, True], ids=["read-only-folder", "folder"])
def test_a_read_only_database_is_read_and_refuses_writes_in_one_line(
        files, make_db_path, read_only_folder, tmp_path, folder_writable):
    data = read_only_folder / "data"
    data.mkdir()
    path = data / "visits.sqlite3"
    path.write_bytes(make_db_path("empty.sqlite3").read_bytes())  # migrated, empty
    path.chmod(0o444)
    data.chmod(0o777 if folder_writable else 0o555)
    before = digest(path)
    home = read_only_folder / "home"
    home.mkdir(mode=0o777)
    user = as_a_user()

    listed = run_fieldvisit(home, "--db", str(path), "visits", prefix=user)
    assert listed.returncode == 0 and listed.stdout == "" and listed.stderr == "", listed.stderr
    for args in writing_commands(files):
        done = run_fieldvisit(home, "--db", str(path), *args, prefix=user)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert one_line(done.stderr) == (f"fieldvisit: the database {path} is read-only; "
                                         "nothing was changed")
    assert sorted(p.name for p in data.iterdir()) == ["visits.sqlite3"]  # no -wal, -shm
    assert digest(path) == before


# -- Ctrl+C ------------------------------------------------------------------------------------
SLOW_FILE = """
import os, sys, time
replace = os.replace
def slow(*args, **kwargs):
    print("writing", flush=True)
    time.sleep(60)
    return replace(*args, **kwargs)
os.replace = slow
from fieldvisit.cli import main
sys.exit(main(sys.argv[1:]))
"""
SLOW_COMMIT = """
import sys, time
from fieldvisit.persistence.uow import UnitOfWork
commit = UnitOfWork.commit
def slow(self):
    print("writing", flush=True)
    time.sleep(60)
    commit(self)
UnitOfWork.commit = slow
from fieldvisit.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", ["pack", "report", "export", "ics", "import"])
def test_ctrl_c_exits_130_in_one_line_leaving_no_partial_file_or_write(
        files, db_path, make_db_path, tmp_path, command):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"result.{EXTENSION.get(command, command)}"
    if command == "import":
        database = make_db_path("target.sqlite3")
        before = state(database)
        script, args = SLOW_COMMIT, ["import", str(files["document"])]
    else:
        database = db_path
        script, args = SLOW_FILE, [command, files["visit"], "-o", str(target)]
    child = subprocess.Popen([sys.executable, "-c", script, "--db", str(database), *args],
                             env=child_env(tmp_path / "home"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert one_line(stderr) == "fieldvisit: interrupted (Ctrl+C); nothing was half-written"
    assert list(out.iterdir()) == []
    if command == "import":
        assert state(database) == before


# -- outputs that are not regular files --------------------------------------------------------
def _suffix(command: str) -> str:
    """The report's format follows its output's extension: it needs one."""
    return "." + EXTENSION[command] if command in EXTENSION else ""


OUTPUTS = [("export", []), ("report", []), ("pack", []), ("ics", [])]


@pytest.mark.parametrize(("command", "extra"), OUTPUTS)
def test_writing_onto_a_fifo_or_a_folder_is_refused(files, capsys, db_path, tmp_path, command,
                                                    extra):
    fifo = tmp_path / ("pipe" + _suffix(command))
    os.mkfifo(fifo)
    folder = tmp_path / ("folder" + _suffix(command))
    folder.mkdir()
    for target, what in ((fifo, "a named pipe"), (folder, "a folder")):
        status, _, err = cli(capsys, db_path, command, files["visit"], "-o", str(target),
                             *extra)
        assert status == 2
        assert one_line(err) == (f"fieldvisit: {target} is {what}, not a regular file; "
                                 "nothing was written"), err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and folder.is_dir()
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.part"))


def test_writing_onto_a_device_is_refused(files, capsys, db_path, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device file here")
    status, _, err = cli(capsys, db_path, "export", files["visit"], "-o", str(device))
    assert status == 2
    assert one_line(err) == (f"fieldvisit: {device} is a device, not a regular file; nothing "
                             "was written")
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("command", ["export", "report", "pack"])
def test_writing_onto_a_symlink_writes_its_target_and_keeps_the_link(
        files, capsys, db_path, tmp_path, command):
    real = tmp_path / "real" / "file"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / ("link" + _suffix(command))
    link.symlink_to(real)
    dangling = tmp_path / ("dangling" + _suffix(command))
    dangling.symlink_to(tmp_path / "real" / "new")
    for path, written in ((link, real), (dangling, tmp_path / "real" / "new")):
        status, _, err = cli(capsys, db_path, command, files["visit"], "-o", str(path))
        assert status == 0, err
        assert path.is_symlink() and written.is_file() and written.read_bytes() != b"old"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["file", "new"]
