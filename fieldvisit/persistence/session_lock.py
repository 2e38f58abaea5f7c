"""One window per SQLite database, and whether the last session on it ended cleanly.

Beside ``<name>`` FieldVisit keeps ``<name>.lock``. While the window has the database open it
holds an exclusive ``flock`` on that file; a command (or a second window) is then refused with
the window's process id. Commands hold a shared ``flock`` while they run, so several may run at
once, and a window waits for them to finish.

Why not rely on SQLite's own locks: they are POSIX ``fcntl`` locks, which the kernel drops for
the whole process as soon as the process closes *any* descriptor on the same file — a file
dialog guessing a file's type, or the database chosen by mistake as a roster, is enough. Another
process then believes it is alone, and on closing deletes the ``-wal`` file the window is still
writing to. Read-only commands are refused too: even a read-only SQLite connection rebuilds the
WAL index and, on closing, checkpoints and deletes the ``-wal`` file when it believes it is
alone. A ``flock`` belongs to one open file description and is not dropped that way (on local
file systems; Linux emulates it with ``fcntl`` locks on NFS).

The file also records the session: ``state=open`` while someone has the database open,
``state=closed`` with the database file's size, time and inode after the last one closed it
cleanly. Only a database without that clean record (never seen, or after a crash, or changed
since by another program) gets the whole-file ``PRAGMA quick_check`` on opening.

On Windows there is no ``flock`` and its locks are not dropped this way; the session is not
exclusive there, and the record is kept as well as it can be without one.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from fieldvisit.domain.errors import DatabaseRefusedError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module is absent, not None, on Windows

LOCK_SUFFIX = ".lock"
WINDOW, COMMAND = "window", "command"
WAIT_SECONDS = 10.0
"""How long a window waits for commands (or a window that is closing) to finish, and a command
for another command's moment of exclusive access."""
WINDOW_GRACE_SECONDS = 1.5
"""How long a window waits for another window that has not yet said it is closing (Restart
Now starts the new window just before the old one closes)."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@dataclass
class SessionLock:
    """A session on a SQLite database file (see the module's text). ``needs_check``: the last
    session did not end cleanly, so the file deserves a whole-file check."""

    database: Path
    exclusive: bool
    needs_check: bool
    created: bool  # the lock file did not exist before this session
    _fd: int | None = field(default=None, repr=False)
    read_only: bool = False  # a read-only database: its lock file is only read

    def closing(self) -> None:
        """The window is closing: a new window (Restart Now) waits for it instead of giving up.
        Not a clean end until ``release``."""
        if self._fd is not None and self.exclusive and not self.read_only:
            record = _read(self._fd)
            _write(self._fd, {**record, "state": "closing"})

    @property
    def released(self) -> bool:
        return self._fd is None

    def release(self, clean: bool, refused: bool = False) -> None:
        """End the session; ``clean`` records the file as checked if no one else has it open.
        ``refused``: the file was refused while opening; if it had no lock file before, the
        one made is removed, so a file that is not FieldVisit's is left as it was found."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if clean and not self.read_only and (self.exclusive or _try_lock(fd, exclusive=True)):
                _write(fd, {"state": "closed", **_identity(self.database)})
            elif refused and self.created:
                lock_path(self.database).unlink(missing_ok=True)
        finally:
            os.close(fd)


def acquire(database: Path, exclusive: bool, wait: float | None = None,
            read_only: bool = False) -> SessionLock | None:
    """Start a session on ``database``: exclusive for the window, shared for a command. Raises
    DatabaseRefusedError when a window has the file open, or when others keep it longer than
    ``wait`` seconds (default WAIT_SECONDS). ``read_only``: a database this user may not
    write; its lock file is locked (a window's is respected) but neither made nor written,
    and without one there is no session (None): nothing written, nothing to protect."""
    wait = WAIT_SECONDS if wait is None else wait
    path = lock_path(database)
    created = not path.exists()
    cloexec = getattr(os, "O_CLOEXEC", 0)
    if read_only:
        try:
            fd = os.open(path, os.O_RDONLY | cloexec)
        except OSError:
            return None
        created = False
    else:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | cloexec, 0o644)
    try:
        first = _wait_for_lock(fd, database, exclusive, wait)
        needs_check = False
        if first:  # alone: the record tells how the last session ended
            record = _read(fd)
            needs_check = not (record.get("state") == "closed"
                               and record.items() >= _identity(database).items()
                               and not _wal_in_use(database))
            if not read_only:
                _write(fd, {"state": "open", "holder": WINDOW if exclusive else COMMAND,
                            "pid": str(os.getpid())})
            if not exclusive and not _try_lock(fd, exclusive=False):
                raise _refusal(database, _read(fd))  # a window took it in between
    except BaseException:
        os.close(fd)
        if created:
            path.unlink(missing_ok=True)
        raise
    return SessionLock(database, exclusive, needs_check, created, fd, read_only)


def _wait_for_lock(fd: int, database: Path, exclusive: bool, wait: float) -> bool:
    """Lock ``fd``; True if this process is the only one with the database (it holds the
    exclusive lock, downgraded later for a command)."""
    started = time.monotonic()
    while True:
        if _try_lock(fd, exclusive=True):
            return True
        if not exclusive and _try_lock(fd, exclusive=False):
            return False
        record = _read(fd)
        waited = time.monotonic() - started
        if record.get("holder") == WINDOW and _alive(record.get("pid")) \
                and record.get("state") != "closing" \
                and (not exclusive or waited >= min(wait, WINDOW_GRACE_SECONDS)):
            raise _refusal(database, record)
        if waited >= wait:
            raise _refusal(database, record)
        time.sleep(0.05)


def _refusal(database: Path, record: dict[str, str]) -> DatabaseRefusedError:
    if record.get("holder") == WINDOW and _alive(record.get("pid")):
        return DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is open in the FieldVisit window (process {pid}); nothing "
            "else may use it while that window is open. Use that window, or close it and try "
            "again"), path=str(database), pid=record["pid"]))
    return DatabaseRefusedError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{path} is in use by another FieldVisit process; try again when it has "
        "finished"), path=str(database)))


def _try_lock(fd: int, exclusive: bool) -> bool:
    """Take (or convert to) the lock without waiting. On Linux a conversion that fails has
    dropped the lock held before."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _alive(pid: str | None) -> bool:
    try:
        os.kill(int(pid or ""), 0)
    except ValueError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


def _identity(database: Path) -> dict[str, str]:
    try:
        stat = database.stat()
    except FileNotFoundError:
        return {"size": "missing"}
    return {"size": str(stat.st_size), "mtime_ns": str(stat.st_mtime_ns),
            "inode": f"{stat.st_dev}:{stat.st_ino}"}


def _wal_in_use(database: Path) -> bool:
    """A -wal file with content: a connection is open, or one ended without checkpointing."""
    try:
        return Path(f"{database}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def _read(fd: int) -> dict[str, str]:
    os.lseek(fd, 0, os.SEEK_SET)
    data = os.read(fd, 4096).decode("utf-8", "replace")
    return dict(line.split("=", 1) for line in data.splitlines() if "=" in line)


def _write(fd: int, record: dict[str, str]) -> None:
    """Rewritten in place: the lock belongs to this file, so it is never replaced."""
    data = "".join(f"{key}={value}\n" for key, value in record.items()).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
