"""The files of the SQLite databases open in this process: never read or written through another
descriptor, and watched for being deleted or replaced by another program.

SQLite's locks are POSIX ``fcntl`` locks: closing *any* descriptor on the database file (or its
``-wal``/``-shm``) in this process drops them all, and another process may then delete the
``-wal`` file this process still writes to (see ``session_lock``). So a file the user chose —
a roster, a visit document, a package, a photo, a font, an export target — is first compared
with the open databases' files by device and inode (``refuse_database_file``), and the open
database's files are checked for having been replaced (``FileWatch``) after every commit and,
in the window, once a second.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path

from fieldvisit.domain.errors import DatabaseLostError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")
"""Beside ``<name>``: SQLite's ``<name>-wal``, ``-shm`` and ``-journal``, and our ``.lock``."""

_open_files: Counter[Path] = Counter()
_open_files_lock = threading.Lock()


def register(database: Path) -> None:
    """``database`` is open in this process (until ``unregister``)."""
    with _open_files_lock:
        _open_files[Path(os.path.abspath(database))] += 1


def unregister(database: Path) -> None:
    with _open_files_lock:
        path = Path(os.path.abspath(database))
        _open_files[path] -= 1
        if _open_files[path] <= 0:
            del _open_files[path]


def open_database_files() -> list[Path]:
    """The SQLite files open in this process."""
    with _open_files_lock:
        return list(_open_files)


def is_open(database: Path) -> bool:
    """``database`` (by device and inode) is open in this process."""
    wanted = _file_id(database)
    return wanted is not None and any(_file_id(path) == wanted for path in open_database_files())


def refuse_database_file(path: str | os.PathLike[str]) -> None:
    """Raise ValidationError if ``path`` is (or would be) the file of a database open in this
    process, or one of the files SQLite and FieldVisit keep beside it. Compared by device and
    inode (a link or another spelling of the name is caught too); nothing is opened."""
    chosen = Path(path)
    chosen_id = _file_id(chosen)
    folder_id = _file_id(chosen.parent)
    for database in open_database_files():
        names = [database.name + suffix for suffix in ("", *SIDE_FILES)]
        same_place = folder_id is not None and folder_id == _file_id(database.parent) \
            and chosen.name in names
        same_file = chosen_id is not None and any(
            chosen_id == _file_id(database.with_name(name)) for name in names)
        if not (same_place or same_file):
            continue
        itself = (chosen_id is not None and chosen_id == _file_id(database)) or \
            (same_place and chosen.name == database.name)
        if itself:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{path} is FieldVisit's own database file; choose another file"),
                path=str(chosen)), "file")
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} belongs to FieldVisit's open database {database}; choose "
            "another file"), path=str(chosen), database=str(database)), "file")


def recovered_copy_path(database: Path) -> Path:
    """Where a copy of what this process still sees of ``database`` goes once its files were
    lost: beside it, named with the time."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return database.with_name(f"{database.stem}-recovered-{stamp}{database.suffix}")


class FileWatch:
    """The database file and its ``-wal`` file as they were when the database was opened. While
    this process has the database open nothing else may delete or replace them (SQLite deletes
    the ``-wal`` file only when the last connection closes), so a change means another process
    wrongly believed it was alone: what this process writes from then on is lost."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._wal = Path(f"{database}-wal")
        self._seen = {database: _file_id(database), self._wal: _file_id(self._wal)}
        self.lost: Message | None = None
        self._stopped = False

    def stop(self) -> None:
        """The database is being closed: SQLite deletes the -wal file now, rightly."""
        self._stopped = True

    def problem(self) -> Message | None:
        """None while the files are those opened, else what happened (from then on)."""
        if self.lost is not None or self._stopped:
            return self.lost
        for path, seen in self._seen.items():
            now = _file_id(path)
            if seen is None:
                self._seen[path] = now  # first seen now (a -wal file made after opening)
            elif now != seen:
                self.lost = self._message(path, now is None)
                break
        return self.lost

    def check(self) -> None:
        """Raise DatabaseLostError once the files were lost (called around every commit)."""
        problem = self.problem()
        if problem is not None:
            raise DatabaseLostError(problem)

    def _message(self, path: Path, deleted: bool) -> Message:
        if path == self.database:
            if deleted:
                return Message(QT_TRANSLATE_NOOP(
                    "Messages", "the database file {path} was deleted or moved by another "
                    "program while FieldVisit had it open; nothing more can be saved in it"),
                    path=str(path))
            return Message(QT_TRANSLATE_NOOP(
                "Messages", "the database file {path} was replaced by another program while "
                "FieldVisit had it open; nothing more can be saved in it"), path=str(path))
        if deleted:
            return Message(QT_TRANSLATE_NOOP(
                "Messages", "another program deleted {path}, the journal of the latest changes "
                "of the open database; those changes are not in the database file, and "
                "nothing more can be saved in it"), path=str(path))
        return Message(QT_TRANSLATE_NOOP(
            "Messages", "another program replaced {path}, the journal of the latest changes "
            "of the open database; those changes are not in the database file, and nothing "
            "more can be saved in it"), path=str(path))


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.st_dev, stat.st_ino
