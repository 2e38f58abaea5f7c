"""Issue 12 item 8: several processes saving the same note lose no update, on SQLite and on
PostgreSQL (a team's shared server; set FIELDVISIT_TEST_POSTGRES_URL to run those).

Each writer (``concurrent_writer.py``, a process of its own) saves the way the window does:
read the note, append a token of its own to the text it read, save with what it read. A
**lost update** is a save reported as successful whose change is not in the final note: a
writer that never saw it wrote over it. Every write keeps the text it read, so the final text
holds the token of every successful save that was not lost. Refused saves (changed by someone
else meanwhile) are fine — they are the conflicts surfaced — but their tokens must not be in
the note, and no writer may end in a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldvisit.persistence.db import open_database
from fieldvisit.services import notes, visits

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("concurrent_writer.py")
TOKEN = re.compile(r"<w\d+:\d+>")


@pytest.fixture
def shared_url(make_database_url):
    """A database several processes use at once: a SQLite file, or the PostgreSQL server."""
    return make_database_url("shared.sqlite3")


def child_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDVISIT_DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def make_notes(url: str, count: int) -> list:
    database = open_database(url)
    try:
        uow = database.unit_of_work()
        visit = visits.create_visit(uow, "并发保存")
        return [notes.add_note(uow, visit.id, f"笔记{i}").id for i in range(count)]
    finally:
        database.dispose()


def run_writers(tmp_path: Path, url: str, notes_of: list[list], count: int) -> list[dict]:
    """One writer per entry of ``notes_of`` (the notes it saves), ``count`` saves each, all
    started at once."""
    go = tmp_path / "go"
    env = child_env(tmp_path)
    children = [subprocess.Popen(
        [sys.executable, str(WRITER), url, f"w{i}", str(count), str(go),
         *(str(n) for n in note_ids)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", env=env, cwd=ROOT) for i, note_ids in enumerate(notes_of)]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
        go.touch()
        outputs = [child.communicate(timeout=300) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    results = []
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "Traceback" not in err, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def final_texts(url: str, note_ids: list) -> dict:
    database = open_database(url)
    try:
        return {n: notes.get_note(database.unit_of_work(), n).text for n in note_ids}
    finally:
        database.dispose()


def outcome(results: list[dict], texts: dict) -> dict[str, int]:
    """Saves attempted, succeeded, refused as stale, refused as busy, lost; asserts that no
    writer hit an unexpected error and that no refused save left anything behind."""
    assert [r["errors"] for r in results] == [[] for _ in results]
    written = [token for text in texts.values() for token in TOKEN.findall(text)]
    succeeded = [token for r in results for token in r["succeeded"]]
    assert len(written) == len(set(written))  # no save was applied twice
    assert set(written) <= set(succeeded)  # a refused save changed nothing
    return {"attempted": sum(len(r["succeeded"]) + r["stale"] + r["busy"] for r in results),
            "succeeded": len(succeeded), "stale": sum(r["stale"] for r in results),
            "busy": sum(r["busy"] for r in results),
            "lost": len(set(succeeded) - set(written))}


@pytest.mark.parametrize(("writers", "count"), [(2, 40), (8, 12)])
def test_no_save_of_the_same_note_is_lost(tmp_path, shared_url, writers, count):
    note_ids = make_notes(shared_url, 1)
    results = run_writers(tmp_path, shared_url, [note_ids] * writers, count)
    figures = outcome(results, final_texts(shared_url, note_ids))
    assert figures["attempted"] == writers * count
    assert figures["lost"] == 0, figures
    assert figures["succeeded"] >= 1, figures


def test_writers_of_different_notes_of_one_visit_all_succeed(tmp_path, shared_url):
    note_ids = make_notes(shared_url, 4)
    results = run_writers(tmp_path, shared_url, [[n] for n in note_ids], 12)
    figures = outcome(results, final_texts(shared_url, note_ids))
    assert figures == {"attempted": 48, "succeeded": 48, "stale": 0, "busy": 0, "lost": 0}
