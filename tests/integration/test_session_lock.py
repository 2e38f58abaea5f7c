"""One window per database (a ``flock`` on ``<database>.lock``), and the whole-file check only
after a session that did not end cleanly. The holders run in other processes, as in real use."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.persistence import db as db_module
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.persistence.session_lock import lock_path
from fieldvisit.services import visits

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import visits
database = open_database(sqlite_url(sys.argv[1]), exclusive=sys.argv[2] != "command")
visits.create_visit(database.unit_of_work(), "持有者写的")
if sys.argv[2] == "closing window":
    database.closing()
print("open", flush=True)
time.sleep(float(sys.argv[3]))
database.dispose()
"""
# a second window, the real start path; its message box printed instead of waiting for a click
SECOND_WINDOW = """
import sys
from PySide6.QtWidgets import QMessageBox
QMessageBox.critical = staticmethod(lambda *a, **k: print("box:", a[2].replace("\\n", " ")))
from fieldvisit.cli import main
raise SystemExit(main(["--db", sys.argv[1]]))
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no flock on Windows")


def env(config: Path | None = None) -> dict[str, str]:
    """For a child process; ``config``: its settings folder (a window writes settings)."""
    variables = {k: v for k, v in os.environ.items() if k != "FIELDVISIT_DATABASE_URL"}
    variables["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT),
                                                            variables.get("PYTHONPATH")]))
    variables["QT_QPA_PLATFORM"] = "offscreen"
    if config is not None:
        variables["XDG_CONFIG_HOME"] = str(config)
    return variables


def hold(path: Path, how: str, seconds: float = 60) -> subprocess.Popen:
    """Another process with ``path`` open as a window or a command, until killed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), how, str(seconds)],
                              stdout=subprocess.PIPE, text=True, env=env(), cwd=ROOT)
    assert holder.stdout.readline().strip() == "open"
    return holder


def fieldvisit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldvisit", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env(), cwd=ROOT, timeout=120)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture
def quick_checks(monkeypatch) -> list[str]:
    """The files ``open_database`` ran the whole-file check on."""
    checked: list[str] = []
    real = db_module._check_sqlite_file

    def spy(path: Path, header: bytes, full_check: bool) -> None:
        if full_check:
            checked.append(path.name)
        real(path, header, full_check)

    monkeypatch.setattr(db_module, "_check_sqlite_file", spy)
    return checked


def test_a_command_is_refused_while_the_window_has_the_database(db_path):
    window = hold(db_path, "window")
    try:
        result = fieldvisit("--db", str(db_path), "visits")
        assert result.returncode == 2
        assert result.stderr == (
            f"fieldvisit: {db_path} is open in the FieldVisit window (process {window.pid}); "
            "nothing else may use it while that window is open. Use that window, or close it "
            "and try again\n")
        assert result.stdout == ""
        with pytest.raises(DatabaseRefusedError, match=f"process {window.pid}"):
            open_database(sqlite_url(db_path))  # this process, as a command
    finally:
        stop(window)
    result = fieldvisit("--db", str(db_path), "visits")  # the window is gone: allowed again
    assert result.returncode == 0 and "持有者写的" in result.stdout


def test_a_second_window_says_why_and_exits_with_status_2(db_path, tmp_path):
    window = hold(db_path, "window")
    try:
        second = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(db_path)],
                                capture_output=True, text=True, encoding="utf-8",
                                env=env(tmp_path / "config"),
                                cwd=ROOT, timeout=120)
    finally:
        stop(window)
    assert second.returncode == 2
    assert "FieldVisit cannot open the database" in second.stdout
    assert f"open in the FieldVisit window (process {window.pid})" in second.stdout


def test_commands_run_side_by_side_and_a_window_waits_for_them(db_path, monkeypatch):
    command = hold(db_path, "command", seconds=1.5)
    try:
        result = fieldvisit("--db", str(db_path), "visits")  # two commands at once: fine
        assert result.returncode == 0, result.stderr
        assert "持有者写的" in result.stdout
        started = time.monotonic()
        window = open_database(sqlite_url(db_path), exclusive=True)  # waits for the command
        waited = time.monotonic() - started
        window.dispose()
        assert command.wait(timeout=30) == 0
    finally:
        stop(command)
    assert 0.3 < waited < 10

    monkeypatch.setattr("fieldvisit.persistence.session_lock.WAIT_SECONDS", 0.3)
    command = hold(db_path, "command")
    try:
        with pytest.raises(DatabaseRefusedError) as refused:
            open_database(sqlite_url(db_path), exclusive=True)
    finally:
        stop(command)
    assert str(refused.value) == (f"{db_path} is in use by another FieldVisit process; try "
                                  "again when it has finished")


def test_a_new_window_waits_for_a_closing_one(db_path):
    """Restart Now starts the new window just before the old one closes."""
    closing = hold(db_path, "closing window", seconds=1.5)
    try:
        started = time.monotonic()
        window = open_database(sqlite_url(db_path), exclusive=True)
        waited = time.monotonic() - started
        assert [v.title for v in visits.list_visits(window.unit_of_work())] == ["持有者写的"]
        window.dispose()
        assert closing.wait(timeout=30) == 0
    finally:
        stop(closing)
    assert 1.0 < waited < 10


def test_the_whole_file_is_checked_only_after_an_unclean_end(db_path, quick_checks):
    open_database(sqlite_url(db_path)).dispose()
    assert quick_checks == ["fieldvisit.sqlite3"]  # never seen before: checked
    open_database(sqlite_url(db_path)).dispose()
    window = open_database(sqlite_url(db_path), exclusive=True)
    visits.create_visit(window.unit_of_work(), "干净地关闭")
    window.dispose()
    open_database(sqlite_url(db_path)).dispose()
    assert quick_checks == ["fieldvisit.sqlite3"]  # clean ends: not again
    assert "state=closed" in lock_path(db_path).read_text()

    stop(hold(db_path, "window"))  # killed with the database open
    assert "state=open" in lock_path(db_path).read_text()
    database = open_database(sqlite_url(db_path))
    assert quick_checks == ["fieldvisit.sqlite3"] * 2
    titles = {v.title for v in visits.list_visits(database.unit_of_work())}
    database.dispose()
    assert titles == {"干净地关闭", "持有者写的"}  # committed before the kill: kept

    connection = sqlite3.connect(db_path)  # another program changes the file
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()
    open_database(sqlite_url(db_path)).dispose()
    assert quick_checks == ["fieldvisit.sqlite3"] * 3
    open_database(sqlite_url(db_path)).dispose()
    assert quick_checks == ["fieldvisit.sqlite3"] * 3


def test_a_damaged_file_is_still_refused_after_an_unclean_end(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    database = open_database(sqlite_url(path))
    for index in range(40):
        visits.create_visit(database.unit_of_work(), f"调研 {index}", purpose="目的" * 300)
    database.dispose()
    stop(hold(path, "command", seconds=0))  # ends without closing: not clean
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for start in range(2 * page_size, len(data), page_size):
        data[start + 100:start + page_size - 100] = os.urandom(page_size - 200)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseRefusedError, match="damaged"):
        open_database(sqlite_url(path))


def test_concurrent_commands_and_in_process_databases_do_not_lock_each_other_out(db_path):
    first = open_database(sqlite_url(db_path))
    second = open_database(sqlite_url(db_path))
    try:
        result = fieldvisit("--db", str(db_path), "sample")
        assert result.returncode == 0, result.stderr
        assert len(visits.list_visits(second.unit_of_work())) == 1
    finally:
        second.dispose()
        first.dispose()
    assert "state=closed" in lock_path(db_path).read_text()  # the last one out records it
