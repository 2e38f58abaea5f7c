"""Every file dialog of the interface: open one file, open several, save, choose a folder.

Qt's file dialog guesses the type of each file it lists, and when the name does not decide it
(``x.sqlite3-wal``, ``x.db``) QMimeDatabase opens and reads the file. Opening and closing the
database's files in this process drops all of SQLite's locks on them
(``fieldvisit.persistence.database_files``), so these dialogs:

- type files by their names only (``NameOnlyIconProvider``);
- never start in the data folder: each purpose starts in the folder last chosen for it, at
  first in the documents folder;
- refuse the open database's own files, whatever the user picks (``refuse_database_file``).

On Linux Qt's own dialog is used (a "native" one would be GTK's, in this process, guessing types
the same way); on Windows and macOS the system's dialog, drawn by another process there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileInfo, QMimeDatabase, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from fieldvisit.domain.errors import ValidationError

SETTINGS_GROUP = "fileDialogs"
NATIVE = sys.platform in ("win32", "darwin")


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name, never from its contents."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)  # folders and drives: no file is read
        mime = self._by_name(info)
        return mime.comment() or mime.name()

    def icon(self, what: Any) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if not what.isFile():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        mime = self._by_name(what)
        generic = super().icon(QAbstractFileIconProvider.IconType.File)
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), generic))

    def _by_name(self, info: QFileInfo) -> Any:
        return self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)


def open_file(parent: QWidget | None, purpose: str, caption: str, filters: str) -> Path | None:
    """The file the user chose to read, or None."""
    chosen = _run(parent, purpose, caption, filters, QFileDialog.FileMode.ExistingFile)
    return chosen[0] if chosen else None


def open_files(parent: QWidget | None, purpose: str, caption: str, filters: str) -> list[Path]:
    """The files the user chose to read (none if one of them is the database's)."""
    return _run(parent, purpose, caption, filters, QFileDialog.FileMode.ExistingFiles)


def save_file(parent: QWidget | None, purpose: str, caption: str, name: str,
              filters: str) -> Path | None:
    """Where the user chose to write (``name`` is proposed), or None."""
    chosen = _run(parent, purpose, caption, filters, QFileDialog.FileMode.AnyFile, name)
    return chosen[0] if chosen else None


def choose_folder(parent: QWidget | None, purpose: str, caption: str,
                  near: Path | None = None) -> Path | None:
    """The folder the user chose, or None. Starts where it did last time for ``purpose``,
    else beside ``near`` (not in it: it may be the data folder)."""
    fallback = near.parent if near is not None else None
    chosen = _run(parent, purpose, caption, "", QFileDialog.FileMode.Directory,
                  fallback=fallback)
    return chosen[0] if chosen else None


def start_folder(purpose: str, fallback: Path | None = None) -> Path:
    """Where a dialog for ``purpose`` starts: the folder chosen last time, ``fallback``, the
    documents folder, the home folder or the root; never a data folder."""
    remembered = str(QSettings().value(f"{SETTINGS_GROUP}/{purpose}", "") or "")
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (remembered, fallback, documents, Path.home(), Path(Path.home().anchor)):
        if candidate and Path(candidate).is_dir() and not is_data_folder(Path(candidate)):
            return Path(candidate)
    return Path(Path.home().anchor)


def is_data_folder(folder: Path) -> bool:
    """``folder`` holds a database open in this process, or is the data folder chosen in
    Preferences."""
    from fieldvisit.persistence.database_files import open_database_files
    from fieldvisit.ui.preferences import data_folder

    folder = Path(os.path.realpath(folder))
    return any(folder == Path(os.path.realpath(data)) for data in
               {*(path.parent for path in open_database_files()), data_folder()})


def _run(parent: QWidget | None, purpose: str, caption: str, filters: str,
         mode: QFileDialog.FileMode, name: str = "", fallback: Path | None = None) -> list[Path]:
    start = start_folder(purpose, fallback)
    dialog = QFileDialog(parent, caption, str(start / name if name else start), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not NATIVE)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.icon_provider = NameOnlyIconProvider()  # kept alive as long as the dialog
    dialog.setIconProvider(dialog.icon_provider)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if mode == QFileDialog.FileMode.AnyFile:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if not dialog.exec():
        return []
    chosen = [Path(name) for name in dialog.selectedFiles()]
    if not chosen:
        return []
    if mode != QFileDialog.FileMode.Directory and not check_chosen(parent, chosen):
        return []
    folder = chosen[0] if mode == QFileDialog.FileMode.Directory else chosen[0].parent
    if not is_data_folder(folder):
        QSettings().setValue(f"{SETTINGS_GROUP}/{purpose}", str(folder))
    return chosen


def check_chosen(parent: QWidget | None, paths: list[Path]) -> bool:
    """True if none of ``paths`` is a file of an open database; else say which one is and
    return False. Call before reading or writing a file the user chose."""
    from fieldvisit.persistence.database_files import refuse_database_file
    from fieldvisit.ui.errors import show_error

    try:
        for path in paths:
            refuse_database_file(path)
    except ValidationError as error:
        show_error(parent, error)
        return False
    return True
