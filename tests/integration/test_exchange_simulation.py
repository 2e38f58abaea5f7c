"""The convergence measure of issue 12: three laptops edit, add, delete, undo and exchange one
visit at random (packages and documents, some late or twice) and reorder its stops, notes and
delegation; afterwards they hold the same visit, every ordered list is numbered 1..n in the same
order everywhere, nothing is lost or resurrected and no conflict is left.
``benchmarks/exchange_simulation.py`` runs the same for 1,000 steps and prints figures."""

from __future__ import annotations

import os

import pytest

from tests.integration.exchange_simulation import simulate
from tests.integration.laptops import Laptop

POSTGRES_URL = os.environ.get("FIELDVISIT_TEST_POSTGRES_URL")


@pytest.mark.parametrize("seed", [1, 2])
def test_three_laptops_converge(make_db_path, seed):
    laptops = [Laptop.on_sqlite(name, make_db_path(f"{name}.sqlite3")) for name in "ABC"]
    try:
        _simulation, figures = simulate(laptops, steps=200 if seed == 1 else 100, seed=seed)
    finally:
        for laptop in laptops:
            laptop.dispose()
    assert figures.deletes and figures.restores and figures.conflicts and figures.resolved
    assert figures.reorders
    assert figures.packages + figures.documents > 20


@pytest.mark.skipif(not POSTGRES_URL, reason="set FIELDVISIT_TEST_POSTGRES_URL to run")
def test_a_shared_postgresql_database_and_two_laptops_converge(make_db_path, tmp_path):
    from sqlalchemy import create_engine, text

    from fieldvisit.persistence.db import open_database

    def wipe() -> None:
        engine = create_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()

    wipe()
    laptops = [Laptop("S", open_database(POSTGRES_URL), tmp_path)]
    laptops += [Laptop.on_sqlite(name, make_db_path(f"{name}.sqlite3")) for name in "BC"]
    try:
        _simulation, figures = simulate(laptops, steps=80, seed=3)
    finally:
        for laptop in laptops:
            laptop.dispose()
        wipe()
    assert figures.deletes and figures.conflicts
