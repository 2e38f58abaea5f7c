"""Fresh, migrated PostgreSQL databases for the tests, quickly.

The server is the one ``FIELDVISIT_TEST_POSTGRES_URL`` names (``packaging/start-test-postgres.sh``
starts one); its role must be allowed to create databases. Once per session the schema is
migrated into a template database by ``open_database`` (the same Alembic run the application
does); every database a test asks for is a copy of it (``CREATE DATABASE … TEMPLATE``), made the
first time it is needed and then reused: after each test its tables are emptied (``TRUNCATE``),
so the next test finds exactly what a freshly migrated database holds. A copy whose schema a
test changed, or that a leaked connection keeps busy, is dropped and made again. All of them are
dropped at the end of the session; the database the URL names is left alone.

The test databases are set up as a team's server in China would be: they sort text as Chinese
does (the ICU collation ``zh-Hans-CN``, where the server has ICU) and their sessions' time zone
is Asia/Shanghai, so an order or a time that depends on the server's settings shows up as a
failing test.
"""

from __future__ import annotations

import os
import re

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from fieldvisit.persistence.db import open_database

COLLATION = "zh-Hans-CN"
TIME_ZONE = "Asia/Shanghai"


class PostgresDatabases:
    """Hands out fresh migrated databases on one server: ``take()`` a URL, ``give_back(url)``
    after the test."""

    def __init__(self, url: str) -> None:
        self._url = make_url(url)
        self._admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._prefix = f"{self._url.database}_{os.getpid()}"
        self._template = f"{self._prefix}_template"
        self._free: list[str] = []
        self._made: list[str] = []
        self._empty = 0
        self._engines: dict[str, Engine] = {}
        self._drop_left_over()
        self._create(self._template, template="template0", collation=True)
        open_database(self._url_of(self._template)).dispose()
        with self._engine(self._template).connect() as connection:
            self._schema = self._signature(connection)
            self._tables = [name for (name,) in connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version' ORDER BY tablename"))]
        self._engines.pop(self._template).dispose()

    def take(self) -> str:
        if not self._free:
            name = f"{self._prefix}_{len(self._made)}"
            self._create(name, template=self._template)
            self._made.append(name)
            self._free.append(name)
        return self._url_of(self._free.pop())

    def give_back(self, url: str) -> None:
        name = make_url(url).database
        if self._reset(name):
            self._free.append(name)
        else:
            self._drop(name)
            self._create(name, template=self._template)
            self._free.append(name)

    def take_empty(self) -> str:
        """The URL of a new database with no tables at all (drop it with ``give_back_empty``)."""
        self._empty += 1
        name = f"{self._prefix}_empty_{self._empty}"
        self._create(name, template="template0", collation=True)
        return self._url_of(name)

    def give_back_empty(self, url: str) -> None:
        self._drop(make_url(url).database)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        for name in self._made:
            self._drop(name)
        self._drop(self._template)
        self._admin.dispose()

    # -- helpers -------------------------------------------------------------------------------
    def _url_of(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def _engine(self, name: str) -> Engine:
        if name not in self._engines:
            self._engines[name] = create_engine(self._url_of(name), pool_size=1)
        return self._engines[name]

    def _execute(self, statement: str) -> None:
        with self._admin.connect() as connection:
            connection.exec_driver_sql(statement)

    def _create(self, name: str, template: str, collation: bool = False) -> None:
        if not (collation and self._created_with_collation(name, template)):
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._execute(f"ALTER DATABASE \"{name}\" SET timezone TO '{TIME_ZONE}'")

    def _created_with_collation(self, name: str, template: str) -> bool:
        try:
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" '
                          f"LOCALE_PROVIDER icu ICU_LOCALE '{COLLATION}'")
        except DBAPIError:  # a server without ICU, or before PostgreSQL 15
            return False
        return True

    def _drop_left_over(self) -> None:
        """Drop the databases of test sessions that ended without doing so (killed)."""
        pattern = re.compile(rf"{re.escape(self._url.database)}_(\d+)_\w+")
        with self._admin.connect() as connection:
            names = [name for (name,) in connection.execute(text(
                "SELECT datname FROM pg_database"))]
        for name in names:
            found = pattern.fullmatch(name)
            if found and not _running(int(found.group(1))):
                self._drop(name)

    def _drop(self, name: str) -> None:
        engine = self._engines.pop(name, None)
        if engine is not None:
            engine.dispose()
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @staticmethod
    def _signature(connection) -> list[tuple]:
        """The schema (tables, columns, their types) and the stored revision."""
        columns = connection.execute(text(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY 1, 2")).all()
        return columns + connection.execute(text("SELECT version_num FROM alembic_version")).all()

    def _reset(self, name: str) -> bool:
        """Empty the tables of database ``name``; False if it cannot be reused as it is."""
        try:
            with self._engine(name).connect() as connection:
                others = connection.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()")).scalar()
                if others or self._signature(connection) != self._schema:
                    return False
                connection.exec_driver_sql("SET lock_timeout = '2s'")
                connection.exec_driver_sql(
                    f"TRUNCATE {', '.join(self._tables)} RESTART IDENTITY CASCADE")
                connection.commit()
        except DBAPIError:
            return False
        return True


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
