"""File dialogs (issue 11 item 3): they read no file to guess its type, never start in the data
folder, remember each purpose's folder, and refuse the open database's own files, as do drops.
The real dialogs are driven as a user would, offscreen."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from fieldvisit.services import directory, visits
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog


@pytest.fixture
def home(tmp_path_factory, monkeypatch) -> Path:
    """A home folder of the test's own, with its documents folder."""
    home = tmp_path_factory.mktemp("home")
    (home / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Our message boxes (not Qt's own), recorded instead of shown."""
    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a, **k:
                            shown.append(text) or QMessageBox.StandardButton.Ok)
    return shown


def visible(kind: type[QWidget]) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def when_shown(kind: type[QWidget], act: Callable[[QWidget], None], errors: list) -> None:
    """Once a ``kind`` window shows, ``act`` on it (from inside its event loop); a failure is
    kept in ``errors`` and closes it, so the test does not hang."""

    def poll() -> None:
        widget = visible(kind)
        if widget is None:
            QTimer.singleShot(20, poll)
            return
        try:
            act(widget)
        except BaseException as error:  # noqa: BLE001 - raised by the test afterwards
            errors.append(error)
            widget.reject()

    QTimer.singleShot(0, poll)


def type_name(dialog: QFileDialog, folder: Path, name: str) -> None:
    """Go to ``folder``, show all files, type ``name``, press Open/Save."""
    dialog.setDirectory(str(folder))
    if dialog.nameFilters():
        dialog.selectNameFilter(dialog.nameFilters()[-1])
    dialog.findChild(QLineEdit, "fileNameEdit").setText(name)
    dialog.accept()


def confirm_replacing(errors: list) -> None:
    """Qt's own "already exists, replace it?" box: Yes."""
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
               errors)


def test_roster_file_dialog_refuses_the_database_and_remembers_the_roster_folder(
        window, qtbot, db_path, home, messages, tmp_path, uow):
    rosters = tmp_path / "rosters"
    rosters.mkdir()
    (rosters / "名单.csv").write_text("姓名,单位,职务\n张敏,市总工会,处长\n李强,团市委,干部\n",
                                      encoding="utf-8")
    starts: list[str] = []
    errors: list = []

    def in_roster_dialog(dialog: RosterImportDialog) -> None:
        def choose(act: Callable[[QFileDialog], None]) -> None:
            when_shown(QFileDialog, lambda d: (starts.append(d.directory().absolutePath()),
                                               act(d)), errors)
            dialog.choose.click()

        choose(lambda d: type_name(d, db_path.parent, db_path.name))  # the database itself
        assert dialog.path.text() == "" and not dialog.import_button.isEnabled()
        choose(lambda d: type_name(d, rosters, "名单.csv"))
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
        dialog.import_button.click()  # imports, says so, closes the dialog

    directory_window = window.show_directory()
    when_shown(RosterImportDialog, in_roster_dialog, errors)
    directory_window.import_roster()
    if errors:
        raise errors[0]

    documents = str(home / "Documents")
    assert starts == [documents, documents]  # not the data folder, nor the refused choice
    assert messages[0] == f"{db_path} is FieldVisit's own database file; choose another file"
    assert messages[1].startswith("Imported: 2 people added")
    assert sorted(p.name for p in directory.list_people(uow)) == ["张敏", "李强"]

    again: list[str] = []
    when_shown(QFileDialog, lambda d: (again.append(d.directory().absolutePath()), d.reject()),
               errors)
    assert file_dialogs.open_file(window, "roster", "Import Roster", "*.csv") is None
    assert again == [str(rosters)]  # the folder chosen last time for rosters
    assert file_dialogs.start_folder("photos") == home / "Documents"  # each purpose its own


def test_export_refuses_to_overwrite_the_database(sample_window, qtbot, db_path, home,
                                                  messages, uow):
    errors: list = []

    def overwrite_database(dialog: QFileDialog) -> None:
        confirm_replacing(errors)
        type_name(dialog, db_path.parent, db_path.name)

    when_shown(QFileDialog, overwrite_database, errors)
    tab = sample_window.workspace.itinerary_tab
    sample_window.workspace.tabs.setCurrentWidget(tab)  # a tab reads its visit when shown
    tab.json_action.trigger()
    if errors:
        raise errors[0]
    assert messages == [f"{db_path} is FieldVisit's own database file; choose another file"]
    assert len(visits.list_visits(uow)) == 1  # the database is as it was
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_dropped_database_file_is_not_read_as_a_photo(sample_window, qtbot, db_path,
                                                        messages, database, sample_visit_id):
    notes_tab = sample_window.workspace.notes_tab
    sample_window.workspace.tabs.setCurrentWidget(notes_tab)
    panel = notes_tab.photos_panel
    notes_tab.lower_tabs.setCurrentWidget(panel)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(db_path)), QUrl.fromLocalFile(f"{db_path}-wal")])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.imports_done, timeout=10000) as done:
        QApplication.sendEvent(panel, drop)
    assert not done.args[0].imported
    assert len(messages) == 1
    assert f"{db_path} is FieldVisit's own database file" in messages[0]
    assert f"{db_path}-wal belongs to FieldVisit's open database" in messages[0]
    from fieldvisit.services import notes

    assert notes.list_photos(database.unit_of_work(), sample_visit_id) == []


def held_locks(folder: Path) -> list[str]:
    """The fcntl locks this process holds on files in ``folder``, as ``name:start``."""
    import os

    names = {p.stat().st_ino: p.name for p in folder.iterdir() if p.is_file()}
    held = []
    with open("/proc/locks", encoding="ascii") as locks:
        for line in locks:
            parts = line.split()
            inode = int(parts[5].split(":")[2])
            if parts[1] == "POSIX" and parts[4] == str(os.getpid()) and inode in names:
                held.append(f"{names[inode]}:{parts[6]}")
    return sorted(held)


def go_and_wait_until_typed(qtbot, dialog: QFileDialog, folder: Path) -> None:
    """Show ``folder`` in the dialog until its file information gatherer has been through all
    its files (it types each one with the icon provider, Qt's reading the file, ours its name
    only, then says the folder is loaded)."""
    model = dialog.findChild(QFileSystemModel)
    loaded: list[Path] = []
    model.directoryLoaded.connect(lambda path: loaded.append(Path(path)))
    dialog.setDirectory(str(folder))
    qtbot.waitUntil(lambda: folder in loaded, timeout=15_000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/locks")
@pytest.mark.parametrize("ours", [True, False])
def test_a_dialog_on_the_data_folder_reads_no_file(window, qtbot, db_path, home, ours):
    """With Qt's plain dialog (``ours`` False) the process loses SQLite's locks: the type of
    the -wal and -shm files is guessed by reading them. With ours it keeps them."""
    visits.create_visit(window.database.unit_of_work(), "调研")  # the -wal and -shm in use
    before = held_locks(db_path.parent)
    assert f"{db_path.name}-shm:128" in before  # SQLite's "dead man's switch"
    after: list[list[str]] = []
    errors: list = []

    def look_around(dialog: QFileDialog) -> None:
        go_and_wait_until_typed(qtbot, dialog, db_path.parent)
        after.append(held_locks(db_path.parent))
        dialog.reject()

    when_shown(QFileDialog, look_around, errors)
    if ours:
        window.actions.import_visit.trigger()  # File ▸ Import Visit
    else:
        plain = QFileDialog(window, "Import Visit", str(home))
        plain.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        plain.exec()
    if errors:
        raise errors[0]
    assert (after == [before]) is ours
