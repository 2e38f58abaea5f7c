"""What typing a note costs the GUI thread, and how long the Notes tab of a large visit takes
to open, at several database sizes (issue 11).

    python benchmarks/typing_speed.py [--big 1000000] [--keep DIR]

Prints figures; not a test. For each database it measures, with the real main window
(offscreen):

- *open*: the visit shown with the Notes tab current (from another visit), GUI thread time;
- *save*: one autosave while typing (a character typed, then the save the editor's timer
  would run), GUI thread time, median and max over 40 saves;
- *stall*: typing 12 characters a second for 8 s (the editor saving on its own timer), the
  longest time the event loop did not run.

Targets: a save < 30 ms at any database size; the longest stall < 50 ms; the Notes tab of
the 100-stop, 2,000-note visit of large_visit.py opens in < 200 ms.

The databases: (1) the large visit alone; (2) one visit of 20,000 notes; (3) a 500-note
visit in a database of ``--big`` notes (1,000,000 by default: about 2 GB and several minutes
to build; ``--keep DIR`` keeps the built files for the next run).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_visit import large_visit_document  # noqa: E402

from fieldvisit.persistence.db import open_database, sqlite_url  # noqa: E402
from fieldvisit.services import visit_document  # noqa: E402
from fieldvisit.services.sample import load_reference_visit, reference_document  # noqa: E402


def build(path: Path, notes_in_visit: int, other_notes: int, large: bool) -> uuid.UUID:
    """A database at ``path`` with the visit to measure (returned) and the reference visit;
    ``other_notes`` more notes go into further visits, written straight with SQL."""
    database = open_database(sqlite_url(path))
    load_reference_visit(database.unit_of_work())
    if large:
        document = large_visit_document(stops=100, notes=notes_in_visit, photos=0)
        visit_id = visit_document.import_visit(database.unit_of_work(), document).visit_id
    else:
        document = large_visit_document(stops=10, notes=notes_in_visit, photos=0, seed=9)
        visit_id = visit_document.import_visit(database.unit_of_work(), document).visit_id
    database.dispose()
    if other_notes:
        _bulk_notes(path, other_notes)
    return visit_id


def _bulk_notes(path: Path, count: int) -> None:
    texts = [n["text"] for n in reference_document()["notes"]]
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    stamp = datetime(2024, 1, 1).strftime("%Y-%m-%d %H:%M:%S.%f")
    batch = 50_000
    for first in range(0, count, batch):
        visit = uuid.uuid4().hex
        connection.execute(
            "INSERT INTO visits (id, created_at, updated_at, title, theme, purpose, region, "
            "start_date, end_date, timezone, day_start, day_end, travel, status, methods, "
            "summary, conclusions, source, remarks) VALUES (?, ?, ?, ?, '', '', '', NULL, "
            "NULL, 'Asia/Shanghai', '09:00:00.000000', '18:00:00.000000', '{}', 'draft', "
            "'[]', '', '', '', '')", (visit, stamp, stamp, f"往年调研 {first // batch + 1}"))
        rows = [(uuid.uuid4().hex, stamp, stamp, visit, f"{texts[i % len(texts)]}（{i}）",
                 "observation", json.dumps(["往年"]), i)
                for i in range(first, min(first + batch, count))]
        connection.executemany(
            "INSERT INTO notes (id, created_at, updated_at, visit_id, text, stop_id, author_id,"
            " kind, interviewee_group, speaker, tags, confidential, position) VALUES "
            "(?, ?, ?, ?, ?, NULL, NULL, ?, '', '', ?, 0, ?)", rows)
        connection.commit()
        print(f"  … {min(first + batch, count):,} notes written "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
    connection.close()


def measure(path: Path, visit_id: uuid.UUID) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    from fieldvisit.services.sample import load_reference_visit as sample
    from fieldvisit.ui.app import create_application
    from fieldvisit.ui.main_window import MainWindow

    app = create_application()
    database = open_database(sqlite_url(path))
    sample_id = sample(database.unit_of_work()).visit_id
    window = MainWindow(database)
    window.show()
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    app.processEvents()
    opens = []
    for _ in range(5):
        window.refresh(sample_id)
        app.processEvents()
        started = time.perf_counter()
        window.refresh(visit_id)
        app.processEvents()
        opens.append(time.perf_counter() - started)
    tab.editor.text.setFocus()
    saves = []
    for _ in range(40):
        tab.editor.text.insertPlainText("字")
        started = time.perf_counter()
        tab.save()
        app.processEvents()
        saves.append(time.perf_counter() - started)
    longest, last = 0.0, time.perf_counter()

    def tick() -> None:
        nonlocal longest, last
        now = time.perf_counter()
        longest, last = max(longest, now - last), now

    meter = QTimer(interval=5)
    meter.timeout.connect(tick)
    typist = QTimer(interval=83)  # 12 characters a second
    typist.timeout.connect(lambda: tab.editor.text.insertPlainText("录"))
    meter.start()
    typist.start()
    end = time.perf_counter() + 8
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    typist.stop()
    meter.stop()
    tab.save()
    window.close()
    database.dispose()
    return {"open": statistics.median(opens), "save": statistics.median(saves),
            "save_max": max(saves), "stall": longest}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    cases = [("large visit: 100 stops, 2,000 notes", "large.sqlite3", 2000, 0, True),
             ("one visit of 20,000 notes", "twenty.sqlite3", 20_000, 0, False),
             (f"500-note visit in {args.big:,} notes", f"big-{args.big}.sqlite3", 500,
              args.big, False)]
    for title, name, notes, others, large in cases:
        path = folder / name
        marker = path.with_suffix(".visit")
        if not (path.exists() and marker.exists()):
            path.unlink(missing_ok=True)
            print(f"building {title} …", flush=True)
            marker.write_text(str(build(path, notes, others, large)))
        figures = measure(path, uuid.UUID(marker.read_text()))
        print(f"{title}: open {figures['open'] * 1000:.0f} ms; save median "
              f"{figures['save'] * 1000:.1f} ms, max {figures['save_max'] * 1000:.1f} ms; "
              f"longest stall while typing {figures['stall'] * 1000:.0f} ms", flush=True)


if __name__ == "__main__":
    main()
