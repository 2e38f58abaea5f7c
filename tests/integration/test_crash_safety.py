"""Killing the application (SIGKILL) while a note is being typed leaves the database intact and
loses at most the last second of typing. Runs the real window offscreen in a child process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fieldvisit.persistence.db import open_database, sqlite_url

TYPIST = textwrap.dedent('''
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from fieldvisit.persistence.db import open_database, sqlite_url
    from fieldvisit.ui.app import create_application
    from fieldvisit.ui.main_window import MainWindow

    database = open_database(sqlite_url(sys.argv[1]))
    log = open(sys.argv[2], "a", buffering=1)
    app = create_application()
    window = MainWindow(database)
    window.show()
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    tab.new_note()
    typed = []

    def type_one():
        typed.append("字")
        log.write(f"{time.monotonic()} {len(typed)}\\n")  # logged before it can be saved
        tab.editor.text.insertPlainText("字")

    timer = QTimer(interval=40)
    timer.timeout.connect(type_one)
    timer.start()
    log.write("ready\\n")
    app.exec()
''')


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("run", range(3))
def test_sigkill_while_typing_loses_at_most_a_second(db_path: Path, tmp_path: Path, run):
    from fieldvisit.services.sample import load_reference_visit

    database = open_database(sqlite_url(db_path))
    load_reference_visit(database.unit_of_work())
    database.dispose()
    log = tmp_path / "typed.log"
    child = subprocess.Popen([sys.executable, "-c", TYPIST, str(db_path), str(log)],
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        deadline = time.monotonic() + 60
        while "ready" not in (log.read_text() if log.exists() else ""):
            assert child.poll() is None, "the typist died before typing"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(2.0 + run * 0.37)  # type for a while, then pull the plug mid-keystroke
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        child.wait(timeout=30)
    lines = [line.split() for line in log.read_text().splitlines() if line != "ready"]
    typed = [(float(t), int(n)) for t, n in lines]
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = connection.execute("SELECT text FROM notes WHERE text GLOB '字*'").fetchall()
        stored = found[0][0] if found else ""
    finally:
        connection.close()
    assert len(found) <= 1 and set(stored) <= {"字"}, "one note, holding only what was typed"
    typed_a_second_before = max(n for t, n in typed if t <= killed_at - 1.0)
    assert len(stored) >= typed_a_second_before
    assert len(stored) <= typed[-1][1]
