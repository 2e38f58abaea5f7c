"""Start-up: process start to the main window shown on the sample visit, against a bare
PySide6 window started the same way (issue 7: at most 1.5× the bare window).

    python benchmarks/startup_speed.py

Each run is a fresh process (offscreen platform); prints the medians of several runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1200, 760); window.show()
app.processEvents()
print("shown")
"""

FIELDVISIT = """
import sys
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.ui.app import create_application
from fieldvisit.ui.main_window import MainWindow
app = create_application()
database = open_database(sqlite_url(sys.argv[1]))
window = MainWindow(database)
window.show()
app.processEvents()
print("shown")
"""


def timed(code: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - started


def main(runs: int = 7) -> None:
    database = Path(tempfile.mkdtemp()) / "startup.sqlite3"
    subprocess.run([sys.executable, "-m", "fieldvisit", "--db", str(database), "sample"],
                   check=True, capture_output=True)
    timed(BARE)  # warm the file cache
    timed(FIELDVISIT, str(database))
    bare = [timed(BARE) for _ in range(runs)]
    ours = [timed(FIELDVISIT, str(database)) for _ in range(runs)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window: median {b * 1000:.0f} ms over {runs} runs")
    print(f"FieldVisit on the sample visit: median {o * 1000:.0f} ms over {runs} runs")
    print(f"ratio {o / b:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
