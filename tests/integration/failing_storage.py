"""Helpers for tests/integration/test_clear_failures.py: running the real command in a process
of its own (as a user without root's powers when the tests run as root), a database held
locked by another process, a database made full, a small file system filled up."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[2]
HOLDER = ("import sqlite3, sys, time\n"
          "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
          "c.execute('BEGIN IMMEDIATE')\n"
          "print('locked', flush=True)\n"
          "time.sleep(600)\n")


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDVISIT_DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), HOME=str(home))
    return env


def as_a_user() -> list[str]:
    """A prefix running a command without root's power to write any file: a normal user's
    view of file permissions (empty when not root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to run as root without its powers")
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]


def run_fieldvisit(home: Path, *args: str, prefix: list[str] | None = None,
                   timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "fieldvisit", *args],
                          env=child_env(home), capture_output=True, text=True, timeout=timeout)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another process holds the database's write lock (BEGIN IMMEDIATE) meanwhile."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.kill()
        holder.wait()


def make_full(engine):
    """Every connection of ``engine`` taken from now on sees a database that cannot grow by a
    page: SQLite's ``max_page_count`` (a write needing a new page fails with SQLITE_FULL,
    "database or disk is full", exactly as on a full disk). Returns a function that frees
    space. The pool is left as it is: closing its connections would end the WAL session."""
    full = [True]

    def limit(dbapi_connection, _record, _proxy) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages if full[0] else 2**30}")

    def free() -> None:
        full[0] = False

    event.listen(engine, "checkout", limit)
    return free


@contextlib.contextmanager
def small_disk(megabytes: int = 2) -> Iterator[Path]:
    """A small tmpfs (root only); skipped where it cannot be mounted."""
    if os.geteuid() != 0 or not Path("/proc/mounts").exists():
        pytest.skip("mounting a small file system needs root on Linux")
    folder = Path(tempfile.mkdtemp(prefix="fieldvisit-small-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        for _ in range(50):
            if subprocess.run(["umount", str(folder)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        folder.rmdir()


def fill(folder: Path) -> None:
    """Use up the file system holding ``folder``."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


def one_line(stderr: str) -> str:
    """The single line a failing command printed (no traceback)."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]
