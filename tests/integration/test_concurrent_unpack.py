"""Team server: clients unpacking the same package at the same moment. Each one merges the
whole visit or finds it already there; none ends in a traceback (an IntegrityError when two
inserted the same record), and the visit is in the database once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services.package import pack_visit
from fieldvisit.services.sample import load_reference_visit
from fieldvisit.services.visit_document import export_visit

from .test_concurrent_saves import child_env, shared_url  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def package(tmp_path, make_db_path) -> tuple[Path, dict]:
    database = open_database(sqlite_url(make_db_path("laptop.sqlite3")))
    try:
        visit_id = load_reference_visit(database.unit_of_work()).visit_id
        target = tmp_path / "visit.fieldvisit"
        pack_visit(database.unit_of_work(), tmp_path / "photos", visit_id, target)
        return target, export_visit(database.unit_of_work(), visit_id)
    finally:
        database.dispose()


@pytest.mark.parametrize("clients", [2, 4])
def test_clients_unpacking_the_same_package_at_once(tmp_path, shared_url, package,  # noqa: F811
                                                    clients):
    source, document = package
    open_database(shared_url).dispose()  # created and migrated before the clients start
    env = child_env(tmp_path)
    for attempt in range(3):
        children = [subprocess.Popen(
            [sys.executable, "-m", "fieldvisit", "--database-url", shared_url, "unpack",
             str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", env=env, cwd=ROOT) for _ in range(clients)]
        outputs = [child.communicate(timeout=300) for child in children]
        for child, (out, err) in zip(children, outputs, strict=True):
            assert "Traceback" not in err, err
            assert child.returncode == 0, (out, err)
        if attempt == 0:  # one of them added the visit, the others found it there
            assert sum("added:" in out for out, _ in outputs) == 1, outputs
        else:
            assert all("nothing changed" in out for out, _ in outputs), outputs
    database = open_database(shared_url)
    try:
        assert export_visit(database.unit_of_work(), UUID(document["visit"]["id"])) == document
        with database.unit_of_work() as uow:
            assert uow.visits.count() == 1 and uow.merge_state.conflicts() == []
    finally:
        database.dispose()
