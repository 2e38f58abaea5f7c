"""Shared fixtures: every test gets a fresh, migrated database — on SQLite, and on PostgreSQL too
when ``FIELDVISIT_TEST_POSTGRES_URL`` names a server (see ``postgres_databases``).

A test that asks for ``database`` (or ``uow``, ``sample_visit_id``, ``run_cli``,
``make_database``, ``other_uow``…) runs once per database, its id saying which:
``test_x[sqlite]``, ``test_x[postgresql]``. It runs on SQLite only when it is about the SQLite
file itself: it asks for ``db_path`` or ``make_db_path`` (a file), or is marked
``sqlite_only``. GUI tests (``tests/ui``) run on SQLite only unless marked ``both_databases``.

The migrated schema is built once per session (into a template file for SQLite, a template
database for PostgreSQL) and copied for each test, which is much faster than running Alembic
per test and gives the same result.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's data, settings and cache folders (photos of a team server, report caches, the
# preferences of child processes) go to a folder of the test run, never the real ones.
# Each test gets folders of its own (``user_folders``); these are for what runs outside tests
# (collection, session fixtures) and are removed at the end of the run.
_USER_FOLDERS = tempfile.mkdtemp(prefix="fieldvisit-tests-")
atexit.register(shutil.rmtree, _USER_FOLDERS, ignore_errors=True)
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_USER_FOLDERS, _name.lower())

import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

from fieldvisit.persistence.db import Database, open_database, sqlite_url  # noqa: E402

# Hypothesis keeps the examples it found in the test run's folder too, not in ``.hypothesis``
# of the working directory.
hypothesis_settings.register_profile("fieldvisit", database=DirectoryBasedExampleDatabase(
    os.path.join(_USER_FOLDERS, "hypothesis")))
hypothesis_settings.load_profile("fieldvisit")

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "fixtures" / "reference_article.txt"
"""The first article of the newspaper page the reference visit was entered from (the seed
page's other, unrelated articles are left out), so the suite needs nothing beside the clone."""
POSTGRES_URL = os.environ.get("FIELDVISIT_TEST_POSTGRES_URL")
DATABASE_KINDS = ("sqlite", "postgresql") if POSTGRES_URL else ("sqlite",)
SQLITE_FILE_FIXTURES = frozenset({"db_path", "make_db_path"})
GUI_TESTS = ROOT / "tests" / "ui"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about the SQLite file (locks, WAL, copies, damaged "
        "files…); runs on SQLite only")
    config.addinivalue_line(
        "markers", "both_databases: a GUI test that runs on PostgreSQL too")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_kind" not in metafunc.fixturenames:
        return
    kinds = DATABASE_KINDS
    node = metafunc.definition
    if node.get_closest_marker("sqlite_only") \
            or SQLITE_FILE_FIXTURES.intersection(metafunc.fixturenames) \
            or (node.path.is_relative_to(GUI_TESTS)
                and not node.get_closest_marker("both_databases")):
        kinds = ("sqlite",)
    metafunc.parametrize("db_kind", kinds, indirect=True, ids=kinds)


def pytest_report_header() -> str:
    where = "SQLite and PostgreSQL" if POSTGRES_URL else \
        "SQLite (set FIELDVISIT_TEST_POSTGRES_URL for PostgreSQL too)"
    return (f"python {sys.version.split()[0]}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}; "
            f"databases: {where}")


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory):
    """Each test gets its own empty user data, settings and cache folders (platformdirs and Qt
    follow the XDG variables): the data-folder preference (``settings.ini``), the report's
    photo cache, the photos of a server database, fontconfig's cache and the preferences of
    child processes start empty and are not seen by the next test, nor written to the user's
    home. Patched apart from the test's own ``monkeypatch``, which a test may undo."""
    folders = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            patch.setenv(name, str(folders / name.lower()))
        yield folders


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(sqlite_url(path))
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_databases():
    from tests.postgres_databases import PostgresDatabases

    if not POSTGRES_URL:
        pytest.skip("set FIELDVISIT_TEST_POSTGRES_URL to run on PostgreSQL")
    databases = PostgresDatabases(POSTGRES_URL)
    yield databases
    databases.close()


@pytest.fixture
def db_kind(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """"sqlite" or "postgresql": the database this run of the test uses. The photos of a server
    database live in the user data folder: a temporary one here (patched apart from the test's
    own ``monkeypatch``, which a test may undo)."""
    kind = getattr(request, "param", "sqlite")
    with pytest.MonkeyPatch.context() as patch:
        if kind != "sqlite":
            patch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
        yield kind


@pytest.fixture
def make_database_url(db_kind: str, tmp_path: Path, request: pytest.FixtureRequest):
    """A factory of the URLs of fresh migrated databases (not opened) of this test's kind:
    ``make_database_url("other.sqlite3")``; the name is that of the SQLite file."""
    def make(name: str) -> str:
        if db_kind == "sqlite":
            path = tmp_path / name
            if not path.exists():
                shutil.copyfile(request.getfixturevalue("migrated_template"), path)
            return sqlite_url(path)
        databases = request.getfixturevalue("postgres_databases")
        url = databases.take()
        request.addfinalizer(lambda: databases.give_back(url))
        return url

    return make


@pytest.fixture
def database_url(make_database_url) -> str:
    """The URL of this test's database (the one ``database`` opens)."""
    return make_database_url("fieldvisit.sqlite3")


@pytest.fixture
def make_database(make_database_url):
    """A factory of further fresh migrated databases of this test's kind, opened (and disposed
    of after the test): ``make_database("other.sqlite3")``."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        opened.append(open_database(make_database_url(name)))
        return opened[-1]

    yield make
    for database in reversed(opened):
        database.dispose()


@pytest.fixture
def database(database_url: str) -> Database:
    database = open_database(database_url)
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
def run_cli(database_url: str, db_kind: str, capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process against the test database (``--db FILE`` on SQLite,
    ``--database-url URL`` elsewhere); returns (status, stdout, stderr)."""
    from sqlalchemy.engine import make_url

    from fieldvisit.cli import main

    where = ["--db", make_url(database_url).database] if db_kind == "sqlite" \
        else ["--database-url", database_url]

    def run(*args: str) -> tuple[int, str, str]:
        status = main([*where, *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture
def other_uow(make_database):
    """A unit of work on a second, empty database (for export → import round trips)."""
    return make_database("other.sqlite3").unit_of_work()


# -- the SQLite file itself (tests asking for these run on SQLite only) -------------------------
@pytest.fixture
def db_path(database_url: str) -> Path:
    """The file of this test's SQLite database."""
    from sqlalchemy.engine import make_url

    return Path(make_url(database_url).database)


@pytest.fixture
def make_db_path(tmp_path: Path, migrated_template: Path):
    """A factory of further fresh migrated database files: ``make_db_path("other.sqlite3")``."""

    def make(name: str) -> Path:
        path = tmp_path / name
        shutil.copyfile(migrated_template, path)
        return path

    return make
