"""How long the Notes tab of a 2,000-note visit takes to open, and a note save while typing.

    python benchmarks/notes_speed.py

Prints figures; not a test. Target (issue 5): the notes list of a 2,000-note visit opens in
under 200 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldvisit.domain.entities import Note  # noqa: E402
from fieldvisit.persistence.db import open_database, sqlite_url  # noqa: E402
from fieldvisit.services.sample import load_reference_visit, reference_document  # noqa: E402


def main() -> None:
    folder = tempfile.mkdtemp()
    database = open_database(sqlite_url(Path(folder) / "notes.sqlite3"))
    visit_id = load_reference_visit(database.unit_of_work()).visit_id
    texts = [n["text"] for n in reference_document()["notes"]]
    stops = [s["id"] for s in reference_document()["stops"]]
    uow = database.unit_of_work()
    with uow:
        for i in range(2000):
            uow.notes.put(Note(visit_id=visit_id, text=f"{texts[i % len(texts)]}（{i}）",
                               stop_id=None if i % 7 == 0 else __import__("uuid").UUID(
                                   stops[i % len(stops)]),
                               tags=("需求", "权益保障")[: i % 3], position=100 + i))
        uow.commit()
    from fieldvisit.services.notes import visit_records
    from fieldvisit.ui.app import create_application
    from fieldvisit.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(database)
    window.show()
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    loads, lists, saves = [], [], []
    for _ in range(5):
        started = time.perf_counter()
        visit_records(database.unit_of_work(), visit_id)
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        window.refresh(visit_id)
        app.processEvents()
        lists.append(time.perf_counter() - started)
    for _ in range(5):
        tab.editor.text.insertPlainText("字")
        started = time.perf_counter()
        tab.save()
        saves.append(time.perf_counter() - started)
    print(f"notes in the visit: {tab.notes_model.rowCount()}")
    print(f"load the visit's notes, figures, follow-ups (service): "
          f"median {statistics.median(loads) * 1000:.0f} ms")
    print(f"open the visit with all tabs, Notes list filled: "
          f"median {statistics.median(lists) * 1000:.0f} ms (target < 200 ms for the list)")
    print(f"save a note while typing (command + window refresh): "
          f"median {statistics.median(saves) * 1000:.0f} ms")
    window.close()
    database.dispose()


if __name__ == "__main__":
    main()
