"""Shared fixtures: every test gets a fresh, migrated SQLite database.

The migrated schema is built once per session into a template file and copied for each test,
which is much faster than running Alembic per test and gives the same result.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's data, settings and cache folders (photos of a team server, report caches, the
# preferences of child processes) go to a folder of the test run, never the real ones.
_USER_FOLDERS = tempfile.mkdtemp(prefix="fieldvisit-tests-")
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_USER_FOLDERS, _name.lower())

import pytest  # noqa: E402

from fieldvisit.persistence.db import Database, open_database, sqlite_url  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT.parent / "shared" / "seed" / "000_1dfb9bba59772a4f.txt"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(sqlite_url(path))
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "fieldvisit.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def database(db_path: Path) -> Database:
    database = open_database(sqlite_url(db_path))
    yield database
    database.dispose()


@pytest.fixture
def uow(database: Database):
    return database.unit_of_work()


@pytest.fixture
def sample_visit_id(uow):
    from fieldvisit.services.sample import load_reference_visit

    return load_reference_visit(uow).visit_id


@pytest.fixture
def run_cli(db_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process against the test database; returns (status, stdout, stderr)."""
    from fieldvisit.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        status = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def pytest_report_header() -> str:
    return f"python {sys.version.split()[0]}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"


@pytest.fixture
def make_db_path(tmp_path: Path, migrated_template: Path):
    """A factory of further fresh migrated database files: ``make_db_path("other.sqlite3")``."""

    def make(name: str) -> Path:
        path = tmp_path / name
        shutil.copyfile(migrated_template, path)
        return path

    return make


@pytest.fixture
def other_uow(make_db_path):
    """A unit of work on a second, empty database (for export → import round trips)."""
    database = open_database(sqlite_url(make_db_path("other.sqlite3")))
    yield database.unit_of_work()
    database.dispose()
