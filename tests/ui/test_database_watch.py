"""When another program deletes the -wal file of the database open in the window (issue 11 item
3), the window says so at once, saves nothing more (and does not claim it did), and writes what
it still sees to a copy beside the database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import notes, visits
from fieldvisit.ui.database_watch import DatabaseWatch

READER = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); " \
         "c.execute('SELECT count(*) FROM notes').fetchall(); c.close()"


def another_program_deletes_the_wal(path: Path) -> None:
    """The bug's two halves: this process opens and closes the database's files (as Qt's file
    dialog did), which drops its SQLite locks; then a program that knows nothing of FieldVisit
    opens the database, believes it is alone, and on closing deletes the -wal file."""
    for name in (f"{path}-shm", str(path)):
        os.close(os.open(name, os.O_RDONLY))
    subprocess.run([sys.executable, "-c", READER, str(path)], check=True, timeout=60)
    assert not Path(f"{path}-wal").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")
def test_a_deleted_wal_stops_saving_and_leaves_a_recovered_copy(sample_window, qtbot, db_path,
                                                                monkeypatch, sample_visit_id):
    warnings, critical = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: critical.append(text))
    watch = DatabaseWatch(sample_window, interval_ms=50)
    tab = sample_window.workspace.notes_tab
    sample_window.workspace.tabs.setCurrentWidget(tab)
    tab.new_note()
    tab.editor.text.insertPlainText("骑手驿站有充电柜")  # typed (an input method, not keys)
    tab.save()
    assert tab.editor.state.text() == "Saved"

    watch.timer.stop()  # so that the save below meets the deleted file before the watch does
    another_program_deletes_the_wal(db_path)
    tab.editor.text.insertPlainText("，还有饮水机")
    tab.save()
    assert tab.editor.state.text() != "Saved"  # not claimed
    assert warnings and f"another program deleted {db_path}-wal" in warnings[-1]

    watch.timer.start()
    qtbot.waitUntil(lambda: bool(critical), timeout=20000)
    assert not sample_window.centralWidget().isEnabled()  # no more edits that would be lost
    copy = watch.recovered
    assert copy is not None and copy.parent == db_path.parent
    assert copy.name.startswith("fieldvisit-recovered-") and copy.suffix == ".sqlite3"
    assert critical == [
        f"Another program deleted {db_path}-wal, the journal of the latest changes of the open "
        "database; those changes are not in the database file, and nothing more can be saved "
        f"in it.\n\nEverything this window still shows was written to:\n{copy}\n\nQuit "
        "FieldVisit and keep both files. To go on from your latest changes, start FieldVisit "
        f"on the copy (fieldvisit --db and its name), or move {db_path} aside and give the "
        "copy its name."]
    recovered = open_database(sqlite_url(copy))
    try:
        uow = recovered.unit_of_work()
        assert [v.id for v in visits.list_visits(uow)] == [sample_visit_id]
        texts = [n.text for n in notes.visit_records(uow, sample_visit_id).notes]
        assert "骑手驿站有充电柜" in texts
    finally:
        recovered.dispose()


def test_the_watch_is_quiet_while_nothing_happens(sample_window, qtbot, monkeypatch):
    critical = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: critical.append(a))
    watch = DatabaseWatch(sample_window, interval_ms=20)
    polls: list[bool] = []
    watch.timer.timeout.connect(lambda: polls.append(True))
    visits.create_visit(sample_window.database.unit_of_work(), "新的调研")
    qtbot.waitUntil(lambda: len(polls) >= 10, timeout=10_000)  # it looked ten times
    assert not watch.poll() and critical == [] and sample_window.centralWidget().isEnabled()
