"""Start-up's objects are frozen out of the garbage collector's full collections once the
database is open, when FieldVisit runs as the program (the command line and the window), and
not when a caller runs ``main(argv)`` in its own process (``fieldvisit.long_lived``)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldvisit import long_lived

pytestmark = pytest.mark.sqlite_only

PROGRAM = textwrap.dedent("""
    import gc, sys
    from fieldvisit.cli import main
    sys.argv = ["fieldvisit", *sys.argv[1:]]
    status = main()
    print("frozen", gc.get_freeze_count(), "status", status, flush=True)
""")


def run_program(*args: str, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True,
                            text=True, timeout=120, env={**os.environ, **env}, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def frozen(output: str) -> int:
    words = output.split()
    return int(words[words.index("frozen") + 1])


def test_a_command_run_as_the_program_freezes_what_start_up_made(db_path: Path) -> None:
    output = run_program("--db", str(db_path), "visits")
    assert "status 0" in output
    assert frozen(output) > 10_000  # SQLAlchemy's modules alone are ~40,000 objects


def test_the_window_freezes_once_the_database_is_open(db_path: Path) -> None:
    output = run_program("--db", str(db_path), FIELDVISIT_STARTUP_PROBE="1",
                         QT_QPA_PLATFORM="offscreen")
    assert output.index("ready") < output.index("frozen")
    assert frozen(output) > 10_000


def test_main_called_with_arguments_leaves_the_callers_objects_alone(
        run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    called = []
    monkeypatch.setattr(long_lived, "freeze_start_up_objects", lambda: called.append(1))
    before = gc.get_freeze_count()
    status, _out, _err = run_cli("visits")
    assert status == 0
    assert called == [] and gc.get_freeze_count() == before
