"""What a database holds, read the same way on SQLite and PostgreSQL: to show that a refused
change left it untouched."""

from __future__ import annotations

from sqlalchemy import inspect, text

from fieldvisit.persistence.db import Database
from fieldvisit.persistence.search_index import is_search_table


def _tables(connection) -> list[str]:
    return sorted(name for name in inspect(connection).get_table_names()
                  if not is_search_table(name) and name != "alembic_version")


def row_counts(database: Database) -> dict[str, int]:
    """The number of rows of every table (the search index's own tables aside)."""
    with database.engine.connect() as connection:
        return {name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar()
                for name in _tables(connection)}


def contents(database: Database) -> dict[str, list[tuple]]:
    """Every row of every table (the search index's own tables aside), in a stable order."""
    with database.engine.connect() as connection:
        return {name: sorted((tuple(row) for row in connection.execute(
                    text(f'SELECT * FROM "{name}"'))), key=repr)
                for name in _tables(connection)}
