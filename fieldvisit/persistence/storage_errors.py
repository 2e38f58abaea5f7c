"""The database's ways of saying it cannot write — a full disk (SQLITE_FULL, ENOSPC, EDQUOT,
PostgreSQL's disk_full), a read-only file — turned into one clear error (``storage_error``),
never taken for damage: a user told a healthy database is "damaged" might delete it."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from fieldvisit.domain.errors import DiskFullError, ReadOnlyDatabaseError, StorageError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_PG_DISK_FULL = "53100"
_PG_READ_ONLY = "25006"  # read_only_sql_transaction
NEARLY_FULL = 1 << 20
"""Free bytes below which a failed write on a file system is put down to a full disk."""
_PROBE = 64 * 1024


def disk_full(where: str) -> DiskFullError:
    return DiskFullError(Message(QT_TRANSLATE_NOOP(
        "Messages", "the disk is full (the database {where}); nothing was saved. Free some "
        "space and try again"), where=where))


def disk_full_on_open(where: str) -> DiskFullError:
    return DiskFullError(Message(QT_TRANSLATE_NOOP(
        "Messages", "the disk holding {where} is full: the database cannot be opened until "
        "some space is freed. It is not damaged and was left untouched"), where=where))


def read_only(where: str) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(Message(QT_TRANSLATE_NOOP(
        "Messages", "the database {where} is read-only; nothing was changed"), where=where))


def read_only_refusal(where: str, upgrade: bool) -> ReadOnlyDatabaseError:
    """A read-only database that cannot be opened as it is: it needs writing first."""
    if upgrade:
        return ReadOnlyDatabaseError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the database {where} is read-only and was written by an older "
            "FieldVisit: it must be upgraded, which means writing to it. Make it writable (or "
            "copy it) and open it again; it was left untouched"), where=where))
    return ReadOnlyDatabaseError(Message(QT_TRANSLATE_NOOP(
        "Messages", "the database {where} is read-only and holds no FieldVisit data yet; it "
        "was left untouched"), where=where))


def storage_error(error: BaseException, where: str,
                  folder: Path | None = None) -> StorageError | None:
    """A StorageError for ``error`` (an SQLAlchemy or sqlite3 error) when it means the disk is
    full or the database read-only; else None. ``folder``: where a SQLite file lives, asked
    whether it is full when SQLite reports only an I/O error (it does for EDQUOT, and for a
    -shm file it cannot grow)."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError) and original.errno in FULL_ERRNOS:
        return disk_full(where)
    if isinstance(original, sqlite3.Error):
        name = getattr(original, "sqlite_errorname", "") or ""
        if name == "SQLITE_FULL":
            return disk_full(where)
        if name.startswith("SQLITE_READONLY"):
            return read_only(where)
        if (name.startswith("SQLITE_IOERR") or name.startswith("SQLITE_CANTOPEN")) \
                and folder is not None and is_full(folder):
            return disk_full(where)
        return None
    state = getattr(original, "sqlstate", None)
    if state == _PG_DISK_FULL:
        return disk_full(where)
    if state == _PG_READ_ONLY:
        return read_only(where)
    return None


def is_full(folder: Path) -> bool:
    """Whether the file system (or the user's quota) holding ``folder`` has no room left: little
    free space, or a small write there fails with ENOSPC/EDQUOT."""
    try:
        if shutil.disk_usage(folder).free < NEARLY_FULL:
            return True
        with tempfile.TemporaryFile(dir=folder, prefix=".fieldvisit-space-") as probe:
            probe.write(b"\0" * _PROBE)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return error.errno in FULL_ERRNOS
    return False
