"""Several writers on one database (processes on a SQLite file, computers on a team's
PostgreSQL server): who writes (``default_identity``), which revisions this process wrote
(``WriteLog``), and the database's ways of saying that another writer got in the way, turned
into one ConcurrentWriteError (``contention_error``)."""

from __future__ import annotations

import getpass
import os
import socket
import threading
from typing import Mapping
from uuid import UUID

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from fieldvisit.domain.errors import ConcurrentWriteError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

IDENTITY_ENV = "FIELDVISIT_USER_NAME"
"""Overrides the name part of the identity (the user name of the operating system)."""
MAX_IDENTITY = 120

# SQLSTATE codes of PostgreSQL: serialization_failure, deadlock_detected, lock_not_available;
# unique_violation, foreign_key_violation (two writers inserting the same record, or one
# deleting what the other refers to)
_BUSY_STATES = {"40001", "40P01", "55P03"}
_RACE_STATES = {"23505", "23503"}
_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")
_SQLITE_RACE = ("UNIQUE constraint failed", "FOREIGN KEY constraint failed")


def default_identity(name: str | None = None) -> str:
    """Who writes from this process: "name @ machine". The name is $FIELDVISIT_USER_NAME,
    else ``name`` (the user's preference), else the operating system's user name."""
    name = (os.environ.get(IDENTITY_ENV) or name or system_user_name()).strip()
    host = socket.gethostname().split(".")[0].strip() or "?"
    return f"{name} @ {host}"[:MAX_IDENTITY]


def system_user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        return "?"


class WriteLog:
    """The revision of every record this process last wrote to one database (None: deleted).
    Undo compares it with the stored revision: anything else means another writer changed
    the record since."""

    def __init__(self) -> None:
        self._versions: dict[UUID, int | None] = {}
        self._lock = threading.Lock()

    def record(self, versions: Mapping[UUID, int | None]) -> None:
        with self._lock:
            self._versions.update(versions)

    def version_of(self, record_id: UUID) -> int | None:
        """The revision this process last wrote, or None (deleted, or never written)."""
        with self._lock:
            return self._versions.get(record_id)


def contention_error(error: BaseException) -> ConcurrentWriteError | None:
    """A ConcurrentWriteError for an error caused by another writer, else None."""
    if isinstance(error, StaleDataError):
        return _race()
    if not isinstance(error, DBAPIError):
        return None
    state = getattr(error.orig, "sqlstate", None)
    text = str(error.orig)
    if state in _BUSY_STATES or (isinstance(error, OperationalError)
                                 and any(words in text for words in _SQLITE_BUSY)):
        return ConcurrentWriteError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the database is busy with another writer ({detail}); nothing was "
            "saved, try again"), detail=text.splitlines()[0] if text else state))
    if state in _RACE_STATES or (isinstance(error, IntegrityError)
                                 and any(words in text for words in _SQLITE_RACE)):
        return _race()
    return None


def _race() -> ConcurrentWriteError:
    return ConcurrentWriteError(Message(QT_TRANSLATE_NOOP(
        "Messages", "another writer changed the same records at the same moment; nothing was "
        "saved, try again")))
