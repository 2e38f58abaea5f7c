"""Start-up: process start to the main window shown on the sample visit, against a bare
PySide6 window started the same way (issue 7: at most 1.5× the bare window).

    python benchmarks/startup_speed.py [RUNS]

Each run is a fresh process (offscreen platform) started as a user starts FieldVisit
(``python -m fieldvisit --db FILE``). FieldVisit prints "shown" when its window is on screen
and "ready" when the visit is loaded and shown in it (``FIELDVISIT_STARTUP_PROBE=1``); the bare
window prints "shown" at the same point. Times are taken here when each line arrives, from
just before the process is started. Prints the medians.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "QT_QPA_PLATFORM": "offscreen", "FIELDVISIT_STARTUP_PROBE": "1"}
"""As installed: bytecode cached (pip compiles it at install time)."""


def timed(command: list[str]) -> dict[str, float]:
    """Seconds from starting ``command`` to each line it prints ("shown", "ready")."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=ENV)
    seen: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        if line.split():
            seen[line.split()[0]] = time.perf_counter() - started
    if process.wait() != 0:
        raise SystemExit(f"{command} failed with status {process.returncode}")
    return seen


def main(runs: int = 9) -> None:
    import fieldvisit

    compileall.compile_dir(Path(fieldvisit.__file__).parent, quiet=1)
    database = Path(tempfile.mkdtemp()) / "startup.sqlite3"
    subprocess.run([sys.executable, "-m", "fieldvisit", "--db", str(database), "sample"],
                   check=True, capture_output=True)
    bare_command = [sys.executable, "-c", BARE]
    ours_command = [sys.executable, "-m", "fieldvisit", "--db", str(database)]
    timed(bare_command)  # warm the file cache
    timed(ours_command)
    bare, shown, ready = [], [], []
    for _ in range(runs):  # alternate, so that both see the same machine load
        bare.append(timed(bare_command)["shown"])
        ours = timed(ours_command)
        shown.append(ours["shown"])
        ready.append(ours["ready"])
    b, s, r = (statistics.median(x) for x in (bare, shown, ready))
    print(f"bare PySide6 window shown:            median {b * 1000:4.0f} ms over {runs} runs")
    print(f"FieldVisit main window shown:         median {s * 1000:4.0f} ms  → {s / b:.2f}× "
          f"the bare window (target ≤ 1.5×)")
    print(f"FieldVisit sample visit on screen:    median {r * 1000:4.0f} ms  → {r / b:.2f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
