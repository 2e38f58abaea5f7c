"""Developer entry point: ``python -m fieldvisit.persistence.migrations revision --autogenerate -m
"..." [--database-url URL]`` runs Alembic's command line against this package's migrations."""

from __future__ import annotations

import sys
import tempfile

from alembic import command

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.persistence.migrations import alembic_config


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "revision":
        print(__doc__)
        return 2
    message = argv[argv.index("-m") + 1] if "-m" in argv else "change"
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_url(f"{folder}/scratch.sqlite3"))
        with database.engine.begin() as connection:
            command.revision(alembic_config(connection), message=message,
                             autogenerate="--autogenerate" in argv)
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
