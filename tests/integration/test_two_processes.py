"""Issue 11 item 3: work is never lost when another process touches the database while the
window has it open. The window runs in a process of its own (``window_process.py``, the real
start path, offscreen), shows a file dialog on the database's folder, then another process opens
the database, then the window writes and is killed; a fresh open must find that write.

SQLite's fcntl locks belong to the whole process and vanish when any descriptor on the file is
closed in it; a file dialog that reads files to guess their type, or reading the database as a
roster, did that, and the other process then deleted the -wal file the window kept writing to.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import visits

ROOT = Path(__file__).resolve().parents[2]
WINDOW = Path(__file__).with_name("window_process.py")
WRITTEN = "写于另一进程之后"
READER = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); " \
         "print(c.execute('SELECT count(*) FROM visits').fetchone()[0]); c.close()"

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(),
                                reason="reads the window's locks from /proc/locks (Linux)")


def child_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDVISIT_DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True, exist_ok=True)
    return env


def wait_for(log: Path, word: str, child: subprocess.Popen, seconds: float = 90) -> list[str]:
    deadline = time.monotonic() + seconds
    while True:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        found = [line for line in lines if line.split()[0] in (word, "write-failed")]
        if found:
            return found[0].split()
        assert child.poll() is None, f"the window process ended ({child.returncode}): {lines}"
        assert time.monotonic() < deadline, f"no {word!r} from the window process: {lines}"
        time.sleep(0.05)


@pytest.mark.parametrize(("name", "how", "other"), [
    ("visits.db", "browse", "fieldvisit"),  # a name the dialog cannot type by its extension
    ("fieldvisit.sqlite3", "pick-database", "fieldvisit"),  # the database chosen as a roster
    ("visits.db", "browse", "sqlite3"),  # another program that knows nothing of FieldVisit
    ("fieldvisit.sqlite3", "pick-database", "sqlite3"),
])
def test_a_write_after_another_process_opened_the_database_survives(tmp_path, name, how, other):
    folder = tmp_path / "data"
    folder.mkdir()
    database_file = folder / name
    database = open_database(sqlite_url(database_file))
    visits.create_visit(database.unit_of_work(), "早先的调研")
    database.dispose()
    env = child_env(tmp_path)
    log, go = tmp_path / "window.log", tmp_path / "go"
    child = subprocess.Popen([sys.executable, str(WINDOW), str(database_file), str(log),
                              str(go), how], env=env, cwd=ROOT)
    try:
        ready = wait_for(log, "ready", child)
        browsed = wait_for(log, "browsed", child)
        if other == "fieldvisit":
            command = [sys.executable, "-m", "fieldvisit", "--db", str(database_file), "visits"]
        else:
            command = [sys.executable, "-c", READER, str(database_file)]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                env=env, cwd=ROOT, timeout=60)
        go.touch()
        outcome = wait_for(log, "written", child)
        assert outcome == ["written"], outcome
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)  # a crash: what was committed must be kept
        child.wait(timeout=30)
    messages = [line for line in log.read_text(encoding="utf-8").splitlines()
                if line.startswith("message")]

    reopened = open_database(sqlite_url(database_file))
    try:
        titles = {v.title for v in visits.list_visits(reopened.unit_of_work())}
    finally:
        reopened.dispose()
    assert titles == {"早先的调研", WRITTEN}, (result, messages)

    window_pid = ready[1]
    if other == "fieldvisit":  # refused at once: the window has the database
        assert result.returncode == 2, result
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(database_file) in result.stderr
        assert f"open in the FieldVisit window (process {window_pid})" in result.stderr
    else:
        assert result.returncode == 0 and result.stdout.strip() == "1", result
    if how == "browse":  # the dialog read no file: the window kept its SQLite locks
        assert browsed[1:] == ready[2:]
        assert f"{name}-shm:128" in browsed  # the "dead man's switch" other processes test
    else:  # choosing the database itself was refused before anything read it
        assert any(f"{database_file} is FieldVisit's own database file" in m for m in messages), \
            messages
