"""Opening a SQLite file this user may not write: read-only, creating nothing beside it."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL


def writable(path: Path) -> bool:
    """Whether this user may write the SQLite file and make its -wal and -shm files beside it
    (root may write anything; a read-only mount is refused to everyone)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK) \
        and not _read_only_mount(path)


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def read_only_url(path: Path) -> URL:
    """The URL opening ``path`` read-only. Without a -wal file all the data are in the main
    file, and it is read as immutable: SQLite then makes no -wal and -shm files beside it (a
    read-only connection would make them, and could not remove them)."""
    query = {"mode": "ro", "uri": "true"}
    if not Path(f"{path}-wal").exists():
        query["immutable"] = "1"
    return URL.create("sqlite", database=path.resolve().as_uri(), query=query)
