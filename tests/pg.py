"""A fresh, migrated PostgreSQL database for the tests that need a team server: skipped unless
FIELDVISIT_TEST_POSTGRES_URL names an empty database the tests may fill and empty
(``packaging/start-test-postgres.sh`` starts one)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

URL = os.environ.get("FIELDVISIT_TEST_POSTGRES_URL")
needs_postgres = pytest.mark.skipif(not URL, reason="set FIELDVISIT_TEST_POSTGRES_URL to run")


def wipe() -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """The URL of an emptied database, emptied again afterwards."""
    assert URL
    wipe()
    try:
        yield URL
    finally:
        wipe()
