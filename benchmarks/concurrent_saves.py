"""Concurrent writers on one database: N processes saving M times each, on the same note and
on different notes of one visit, on SQLite and on PostgreSQL. Prints saves attempted,
succeeded, refused as stale (the conflicts surfaced), refused as busy, lost, and throughput.

    python benchmarks/concurrent_saves.py [--writers 2,8] [--saves 150]
        [--postgres-url URL] [--sqlite-only] [--blind]

Every save is what the window does: read the note, append a token of its own to the text it
read, save with the version it read (``update_note(expected_version=...)``). A save is **lost**
when it was reported as successful but its token is not in the final text: a writer that
never saw it wrote over it. ``--blind`` saves without the version (last writer wins): the
lost updates every writer risks when it does not say what it read.

PostgreSQL: ``--postgres-url`` or $FIELDVISIT_TEST_POSTGRES_URL, a database FieldVisit may
use (it adds one visit per run and deletes it afterwards); without one, only SQLite runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parents[1]
TOKEN = re.compile(r"<w\d+:\d+>")


# -- one writer (a process of its own) ---------------------------------------------------------
def writer(url: str, name: str, count: int, go: Path, blind: bool, note_ids: list[UUID]) -> None:
    from fieldvisit.domain.errors import ConcurrentWriteError, StaleEditError
    from fieldvisit.persistence.db import open_database
    from fieldvisit.services import notes

    database = open_database(url, identity=f"{name} @ benchmark")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    succeeded, stale, busy, errors = [], 0, 0, []
    for index in range(count):
        note_id, token = note_ids[index % len(note_ids)], f"<{name}:{index}>"
        try:
            note = notes.get_note(database.unit_of_work(), note_id)
            expected = {} if blind else {"expected_version": note.version}
            notes.update_note(database.unit_of_work(), note_id, text=f"{note.text} {token}",
                              **expected)
        except StaleEditError:
            stale += 1
        except ConcurrentWriteError:
            busy += 1
        except Exception as error:  # noqa: BLE001 - counted and shown
            errors.append(f"{type(error).__name__}: {error}")
        else:
            succeeded.append(token)
    database.dispose()
    print(json.dumps({"succeeded": succeeded, "stale": stale, "busy": busy, "errors": errors}),
          flush=True)


# -- one scenario ------------------------------------------------------------------------------
def scenario(url: str, writers: int, saves: int, shared: bool, blind: bool) -> dict:
    from fieldvisit.persistence.db import open_database
    from fieldvisit.services import notes, visits

    database = open_database(url)
    try:
        visit = visits.create_visit(database.unit_of_work(), "并发保存基准")
        note_ids = [notes.add_note(database.unit_of_work(), visit.id, f"笔记{i}").id
                    for i in range(1 if shared else writers)]
        with tempfile.TemporaryDirectory() as folder:
            go = Path(folder) / "go"
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(
                filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
            children = [subprocess.Popen(
                [sys.executable, __file__, "--worker", url, f"w{i}", str(saves), str(go),
                 "1" if blind else "0", *(str(n) for n in (note_ids if shared
                                                            else [note_ids[i]]))],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                env=env, cwd=ROOT) for i in range(writers)]
            for child in children:
                line = child.stdout.readline().strip()
                if line != "ready":
                    raise SystemExit(f"a writer did not start: {line} {child.stderr.read()}")
            started = time.perf_counter()
            go.touch()
            outputs = [child.communicate() for child in children]
            seconds = time.perf_counter() - started
        results = []
        for child, (out, err) in zip(children, outputs, strict=True):
            if child.returncode != 0 or "Traceback" in err:
                raise SystemExit(f"a writer failed:\n{err}")
            results.append(json.loads(out.strip().splitlines()[-1]))
        texts = [n.text for n in notes.find_notes(database.unit_of_work(), visit.id, note_ids)]
        visits.delete_visit(database.unit_of_work(), visit.id)
    finally:
        database.dispose()
    written = {token for text in texts for token in TOKEN.findall(text)}
    succeeded = [token for r in results for token in r["succeeded"]]
    return {"attempted": writers * saves, "succeeded": len(succeeded),
            "stale": sum(r["stale"] for r in results), "busy": sum(r["busy"] for r in results),
            "errors": sum(len(r["errors"]) for r in results),
            "lost": len(set(succeeded) - written), "seconds": seconds,
            "error_lines": [e for r in results for e in r["errors"]][:3]}


def report(backend: str, what: str, writers: int, figures: dict) -> None:
    per_second = figures["succeeded"] / figures["seconds"]
    print(f"{backend:10} {what:15} {writers:2} writers: attempted {figures['attempted']:5}, "
          f"succeeded {figures['succeeded']:5}, refused stale {figures['stale']:5}, busy "
          f"{figures['busy']:3}, lost {figures['lost']:4}, errors {figures['errors']}; "
          f"{figures['seconds']:6.1f} s, {per_second:6.1f} saves/s")
    for line in figures["error_lines"]:
        print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", default="2,8", help="numbers of processes (default 2,8)")
    parser.add_argument("--saves", type=int, default=150, help="saves per process")
    parser.add_argument("--postgres-url", default=os.environ.get("FIELDVISIT_TEST_POSTGRES_URL"))
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--blind", action="store_true",
                        help="save without the version read (last writer wins)")
    args = parser.parse_args()
    counts = [int(n) for n in args.writers.split(",")]
    from fieldvisit.persistence.db import sqlite_url

    print(f"{args.saves} saves per writer; "
          f"{'blind (no version)' if args.blind else 'with the version read'}")
    with tempfile.TemporaryDirectory() as folder:
        backends = [("SQLite", sqlite_url(Path(folder) / "bench.sqlite3"))]
        if args.postgres_url and not args.sqlite_only:
            backends.append(("PostgreSQL", args.postgres_url))
        else:
            print("PostgreSQL skipped: give --postgres-url or FIELDVISIT_TEST_POSTGRES_URL")
        for backend, url in backends:
            for writers in counts:
                report(backend, "same note", writers,
                       scenario(url, writers, args.saves, True, args.blind))
            most = max(counts)
            report(backend, "different notes", most,
                   scenario(url, most, args.saves, False, args.blind))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        url, name, count, go, blind, *ids = sys.argv[2:]
        writer(url, name, int(count), Path(go), blind == "1", [UUID(i) for i in ids])
    else:
        main()
