"""The FieldVisit window in a process of its own, driven through the steps of issue 11 item 3.

    python window_process.py DATABASE LOG GO {browse|pick-database}

Starts the window the way a user does (``fieldvisit --db DATABASE``, the real start path), then
opens Tools ▸ Directory ▸ Import Roster ▸ Choose File, goes to the database's folder in the
file dialog and stays there while the dialog gathers what it shows. ``browse`` then cancels;
``pick-database`` chooses the database file itself as the roster (All files). It closes the
roster dialog and writes "browsed" (with the fcntl locks the process holds, from /proc/locks)
to LOG, waits until the file GO exists, creates a visit through the open database, writes
"written" or "write-failed", and waits to be killed. Message boxes are logged, not shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox  # noqa: E402

from fieldvisit.ui.app import create_application  # noqa: E402

DATABASE, LOG, GO, HOW = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
GATHER_MS = 2500  # long enough for the dialog's model to gather its files' details
log_file = LOG.open("a", encoding="utf-8", buffering=1)


def log(*words: object) -> None:
    log_file.write(" ".join(str(w) for w in words) + "\n")


def logged_box(kind: str):
    def box(*args, **kwargs):
        text = args[2] if len(args) > 2 else kwargs.get("text", "")
        log("message", kind, str(text).replace("\n", " "))
        return QMessageBox.StandardButton.Ok

    return box


for kind in ("warning", "critical", "information"):
    setattr(QMessageBox, kind, staticmethod(logged_box(kind)))


def later(ms: int, step) -> None:
    QTimer.singleShot(ms, step)


def held_locks() -> list[str]:
    """The fcntl (POSIX) locks this process holds, as ``file-name:start``."""
    names = {}
    for path in DATABASE.parent.iterdir():
        try:
            names[path.stat().st_ino] = path.name
        except OSError:
            continue
    held = []
    with open("/proc/locks", encoding="ascii") as locks:
        for line in locks:
            parts = line.split()
            if parts[1] == "POSIX" and parts[4] == str(os.getpid()):
                inode = int(parts[5].split(":")[2])
                held.append(f"{names.get(inode, inode)}:{parts[6]}")
    return sorted(held)


def window():
    from fieldvisit.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def visible(kind):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def wait_for_database() -> None:
    main = window()
    if main is None or main.database is None:
        later(50, wait_for_database)
        return
    log("ready", os.getpid(), " ".join(held_locks()))
    directory = main.show_directory()
    later(0, find_roster_dialog)
    directory.import_roster()  # runs the roster dialog until it is closed
    directory.close()
    log("browsed", " ".join(held_locks()))
    later(0, wait_for_go)


def find_roster_dialog() -> None:
    from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog

    dialog = visible(RosterImportDialog)
    if dialog is None:
        later(50, find_roster_dialog)
        return
    later(0, find_file_dialog)
    dialog.choose.click()  # runs the file dialog until it is closed
    later(1500, dialog.reject)  # time to read a chosen file, as the dialog does


def find_file_dialog() -> None:
    dialog = visible(QFileDialog)
    if dialog is None:
        later(50, find_file_dialog)
        return
    dialog.setDirectory(str(DATABASE.parent))  # the user goes to the database's folder
    later(GATHER_MS, lambda: leave_file_dialog(dialog))


def leave_file_dialog(dialog: QFileDialog) -> None:
    log("dialog-shown", dialog.directory().absolutePath())
    if HOW == "pick-database":
        dialog.selectNameFilter(dialog.nameFilters()[-1])  # All files (*)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(DATABASE.name)  # typed
        dialog.accept()
    else:
        dialog.reject()


def wait_for_go() -> None:
    if not GO.exists():
        later(50, wait_for_go)
        return
    from fieldvisit.services import visits

    try:
        visits.create_visit(window().database.unit_of_work(), "写于另一进程之后")
    except Exception as error:  # noqa: BLE001 - reported to the test
        log("write-failed", str(error).replace("\n", " "))
    else:
        log("written")


create_application()
later(0, wait_for_database)
from fieldvisit.cli import main  # noqa: E402

main(["--db", str(DATABASE)])
