"""Opening a FieldVisit database: checks, engine with pragmas, and automatic migration.

SQLite files are examined read-only before anything writes to them, so a file that is not a
FieldVisit database, a corrupt one, or one written by a newer FieldVisit is refused untouched.
The whole-file ``PRAGMA quick_check`` runs only when the last session on the file did not end
cleanly (``session_lock``), so opening does not take longer as the database grows. While the
window has a SQLite file open, nothing else may open it (``open_database(exclusive=True)``).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from fieldvisit.domain.errors import DatabaseRefusedError, DiskFullError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.paths import user_data_dir
from fieldvisit.persistence import database_files, session_lock
from fieldvisit.persistence.change_log import has_log, name_client
from fieldvisit.persistence.concurrency import WriteLog, default_identity
from fieldvisit.persistence.database_files import FileWatch
from fieldvisit.persistence.migrations import alembic_config, head_revision, known_revisions
from fieldvisit.persistence.read_only import read_only_url, writable
from fieldvisit.persistence.session_lock import SessionLock
from fieldvisit.persistence.storage_errors import (
    FULL_ERRNOS,
    disk_full_on_open,
    read_only_refusal,
    storage_error,
)
from fieldvisit.persistence.uow import UnitOfWork

APPLICATION_ID = 0x46564953  # "FVIS" in PRAGMA application_id marks our SQLite files
SQLITE_HEADER = b"SQLite format 3\x00"


_ABANDONED: list[Engine] = []
"""Engines over lost files, kept from closing (see ``Database.dispose``)."""


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    lock: SessionLock | None = field(default=None, compare=False)
    """The session on a SQLite file (None for other databases)."""
    files: FileWatch | None = field(default=None, compare=False)
    """The SQLite file and its -wal file as opened, to notice another program replacing them."""
    client: str = field(default_factory=lambda: uuid4().hex, compare=False)
    """This client's name in the change log of a shared database (``change_log``)."""
    identity: str = field(default_factory=default_identity, compare=False)
    """Who writes through this object, "name @ machine": stamped on every record written."""
    write_log: WriteLog = field(default_factory=WriteLog, compare=False)
    """The version of every record written through this object (undo checks them)."""
    read_only: bool = field(default=False, compare=False)
    """A SQLite file this user may not write (its file or folder is read-only): opened
    read-only, creating nothing beside it; every write is refused in one clear line."""

    @property
    def shared(self) -> bool:
        """Whether other clients may write at the same time (a team server): then changes are
        logged and polled (``change_log``)."""
        return has_log(self.engine)

    def unit_of_work(self) -> UnitOfWork:
        path = self.file_path
        return UnitOfWork(self.session_factory, self.files.check if self.files else None,
                          self.identity, self.write_log,
                          where=str(path) if path else self.display_name,
                          folder=path.parent if path else None, read_only=self.read_only)

    def files_problem(self) -> Message | None:
        """None while the database's files are those opened; else what happened to them (from
        then on every commit raises DatabaseLostError)."""
        return self.files.problem() if self.files else None

    @property
    def display_name(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def file_path(self) -> Path | None:
        """The SQLite file of this database, or None (a server, an in-memory database)."""
        return _sqlite_file(make_url(self.url))

    @property
    def photo_root(self) -> Path:
        """The folder of this database's photo files (see ``photo_root``)."""
        return photo_root(self.url)

    def closing(self) -> None:
        """The window is about to close this database (see ``SessionLock.closing``)."""
        if self.lock is not None:
            self.lock.closing()

    def dispose(self) -> None:
        """Close the connections and end the session (recorded as clean). Once the files were
        lost the connections stay open until the process ends: closing the last one would
        checkpoint the lost -wal file into a database file another program may have changed
        since, and delete that program's -wal file."""
        if self.lock is None:
            if self.files is not None:
                self.files.stop()
            self.engine.dispose()
            return
        if self.lock.released:
            return
        lost = self.files is not None and self.files.problem() is not None
        if self.files is not None:
            self.files.stop()
        if lost:
            _ABANDONED.append(self.engine)
        else:
            self.engine.dispose()
        self.lock.release(clean=not lost)
        database_files.unregister(self.lock.database)


def sqlite_url(path: str | Path) -> str:
    """The URL of a SQLite file; characters such as ``?`` and ``%`` in the path are escaped."""
    return URL.create("sqlite", database=str(Path(path))).render_as_string()


def open_database(url: str, *, exclusive: bool = False, identity: str | None = None,
                  on_upgrade: Callable[[], None] | None = None) -> Database:
    """Open (and create or migrate) the database at ``url``; raise DatabaseRefusedError if unfit
    or, for a SQLite file, while a window has it open. ``exclusive``: the window's session,
    refusing everyone else until ``dispose`` (see ``session_lock``; only the window's start
    takes it, so tests and commands in one process never lock each other out). ``identity``:
    who writes ("name @ machine"; by default the user and host names, ``default_identity``).
    ``on_upgrade``: called before an existing database is brought to a newer schema, which
    can take minutes for a large one (the command line says so)."""
    database = _open(url, exclusive, on_upgrade)
    return database if identity is None else replace(database, identity=identity)


def _open(url: str, exclusive: bool, on_upgrade: Callable[[], None] | None = None) -> Database:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{url!r} is not a database URL"), url=url)) from None
    sqlite_path = _sqlite_file(parsed)
    if sqlite_path is None:
        return _open_engine(url, parsed, None, on_upgrade=on_upgrade)
    # Already open in this process (tests, a copy of the data): checked then, and not to be
    # read through another descriptor now, which would drop this process's SQLite locks.
    header = _check_location(sqlite_path) if not database_files.is_open(sqlite_path) else None
    read_only = header is not None and not writable(sqlite_path)
    try:
        lock = session_lock.acquire(sqlite_path, exclusive, read_only=read_only)
    except OSError as error:
        if error.errno in FULL_ERRNOS:
            raise disk_full_on_open(str(sqlite_path)) from None
        raise
    try:
        if header is not None:
            _check_sqlite_file(sqlite_path, header,
                               full_check=lock is None or lock.needs_check)
        database = _open_engine(url, parsed, sqlite_path, read_only, on_upgrade)
    except BaseException:
        if lock is not None:
            lock.release(clean=False, refused=True)
        raise
    if read_only and lock is None:
        return replace(database, files=FileWatch(sqlite_path), read_only=True)
    database_files.register(sqlite_path)
    return Database(database.url, database.engine, database.session_factory, lock,
                    FileWatch(sqlite_path), read_only=read_only)


def _open_engine(url: str, parsed: URL, sqlite_path: Path | None, read_only: bool = False,
                 on_upgrade: Callable[[], None] | None = None) -> Database:
    where = str(sqlite_path) if sqlite_path is not None else \
        parsed.render_as_string(hide_password=True)
    try:
        engine = create_engine(read_only_url(sqlite_path) if read_only and sqlite_path
                               else url, future=True)
    except (SQLAlchemyError, ImportError) as error:
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "cannot use database {url!r}: {error}"), url=url,
            error=str(error))) from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect",
                     _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
    try:
        _migrate(engine, sqlite_path, read_only, on_upgrade)
    except DatabaseRefusedError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        engine.dispose()
        problem = storage_error(error, where,
                                sqlite_path.parent if sqlite_path is not None else None)
        if isinstance(problem, DiskFullError):
            raise disk_full_on_open(where) from None
        if problem is not None:
            raise problem from None
        if isinstance(error, OSError):
            raise
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "cannot open database: {kind}: {error}"),
            kind=error.__class__.__name__, error=str(getattr(error, "orig", error)))) from None
    database = Database(url, engine, sessionmaker(engine, expire_on_commit=False),
                        read_only=read_only)
    if database.shared:
        name_client(engine, database.client)
    return database


def _sqlite_file(url: Any) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a commit survives power loss too
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _check_location(path: Path) -> bytes | None:
    """Refuse a folder, a missing folder or a file that is not SQLite; the file's header, or
    None for a file yet to be made (missing or empty)."""
    if path.is_dir():
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is a folder, not a database file"), path=str(path)))
    if not path.parent.is_dir():
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the folder {path} does not exist"), path=str(path.parent)))
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[:len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is not a FieldVisit database (it is not an SQLite file); "
            "it was left untouched"), path=str(path)))
    return header


def _check_sqlite_file(path: Path, header: bytes, full_check: bool) -> None:
    """Refuse a damaged file, another application's database, or a newer FieldVisit's. The
    whole-file quick_check only with ``full_check``; the rest reads a few pages."""
    # A read-only connection to a WAL-mode file creates -wal and -shm files and cannot remove
    # them when it closes. Without a -wal file all the data is in the main file, so read it as
    # immutable, which creates nothing beside it.
    wal_mode = header[18:20] == b"\x02\x02"
    immutable = "&immutable=1" if wal_mode and not Path(f"{path}-wal").exists() else ""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()[0] if full_check \
                else "ok"
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if isinstance(storage_error(error, str(path), path.parent), DiskFullError):
            raise disk_full_on_open(str(path)) from None
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is damaged and cannot be read ({error}); it was left untouched"),
            path=str(path), error=str(error))) from None
    if check != "ok":
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is damaged ({check}); it was left untouched"), path=str(path),
            check=check))
    if tables and application_id != APPLICATION_ID:
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is an SQLite database of another application, not FieldVisit; "
            "it was left untouched"), path=str(path)))
    _check_revision(revision, str(path))


def _check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{where} was written by a newer version of FieldVisit (schema "
            "{revision}); update FieldVisit to open it. It was left untouched"), where=where,
            revision=revision))


def _migrate(engine: Engine, sqlite_path: Path | None, read_only: bool = False,
             on_upgrade: Callable[[], None] | None = None) -> None:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        elif tables and sqlite_path is None:
            raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the database already holds tables of another application; use an "
                "empty one")))
    _check_revision(current, Message(QT_TRANSLATE_NOOP("Messages", "the database")))
    if current == head_revision():
        return
    if read_only:
        raise read_only_refusal(str(sqlite_path), upgrade=current is not None)
    if current is not None and on_upgrade is not None:
        on_upgrade()
    if current is not None and sqlite_path is not None:
        _backup(sqlite_path, current)
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # SQLite migrations rebuild tables (copy, drop, rename); with foreign keys on,
            # dropping a parent table would cascade-delete its children's rows.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        template = QT_TRANSLATE_NOOP(
                            "Messages", "upgrading the database would break {count} "
                            "references (first in table {table}); it was left as it was") \
                            if len(broken) > 1 else QT_TRANSLATE_NOOP(
                            "Messages", "upgrading the database would break {count} "
                            "reference (in table {table}); it was left as it was")
                        raise DatabaseRefusedError(Message(
                            template, count=len(broken), table=broken[0][0]))
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _backup(path: Path, revision: str) -> None:
    """Keep a copy of a database before migrating it to a newer schema."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    shutil.copymode(path, target)


def photo_root(database_url: str) -> Path:
    """The folder holding the photo files of the database at ``database_url``; where a photo's
    files are in it is derived from the photo's visit and id (``services/photo_paths.py``).

    For a SQLite file ``<folder>/<name>.sqlite3`` it is ``<folder>/<name>-photos/``, beside the
    file, so that copying both keeps them together. For any other database (a server shared by
    a team, an in-memory database) it is ``photos`` in the user data folder.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        return path.with_name(f"{path.stem}-photos")
    return user_data_dir() / "photos"


def copy_database_file(database: Database, target: Path) -> None:
    """Write a consistent copy of a SQLite database to ``target`` (which must not exist), with
    ``VACUUM INTO``: safe while the database is open. Refused for other databases."""
    if database.file_path is None:
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "only a SQLite database file can be copied to a folder")))
    if target.exists():
        raise DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} already exists"), path=str(target)))
    target.parent.mkdir(parents=True, exist_ok=True)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM INTO ?", (str(target),))
