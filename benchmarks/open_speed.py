"""Opening a database must not take longer as it grows (issue 11): ``open_database`` and a
``fieldvisit visits`` command on databases of 10,000, 100,000 and 1,000,000 notes, after a clean
end of the last session and after an unclean one (a process killed with the database open).

    python benchmarks/open_speed.py [--sizes 10000,100000,1000000] [--dir FOLDER] [--keep]

Each database is built in a temporary folder (``--dir``, default the system's; the largest is
about 2 GB) and deleted afterwards: 10 visits of 100 stops from ``large_visit``, then the notes
inserted in bulk with raw SQL (the search index filled by its triggers, as in real use). The
"whole-file check" column is the ``PRAGMA quick_check`` every open used to run; it now runs only
after an unclean end, so the "unclean" figures include it. Times are from a warm file cache;
where the script may drop the cache (root on Linux) it also prints the cold figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from large_visit import _sentences, large_visit_document  # noqa: E402

from fieldvisit.persistence.db import open_database, sqlite_url  # noqa: E402
from fieldvisit.services.visit_document import import_visit  # noqa: E402

VISITS = 10
KILLED_HOLDER = """
import sys, time
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import visits
database = open_database(sqlite_url(sys.argv[1]))
visits.create_visit(database.unit_of_work(), "被中断的会话")
print("open", flush=True)
time.sleep(600)
"""
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                                  os.environ.get("PYTHONPATH")]))}


def build(path: Path, notes: int) -> None:
    """10 visits, then ``notes`` notes spread over them, inserted in bulk."""
    database = open_database(sqlite_url(path))
    for seed in range(VISITS):
        import_visit(database.unit_of_work(),
                     large_visit_document(stops=100, notes=10, photos=0, seed=seed))
    database.dispose()
    rng = random.Random(11)
    sentences = _sentences()
    connection = sqlite3.connect(path)
    templates = connection.execute(
        "SELECT visit_id, stop_id, kind, interviewee_group, speaker, tags, confidential, "
        "created_at FROM notes").fetchall()
    connection.execute("PRAGMA journal_mode = DELETE")  # bulk: no WAL, no syncing
    connection.execute("PRAGMA synchronous = OFF")
    batch = 20_000
    for start in range(0, notes, batch):
        rows = []
        for index in range(start, min(notes, start + batch)):
            visit, stop, kind, group, speaker, tags, confidential, created = \
                rng.choice(templates)
            text = "".join(rng.sample(sentences, rng.randint(1, 3)))
            rows.append((visit, stop, kind, group, speaker, text, tags, confidential,
                         index + 100, uuid.uuid4().hex, created, created))
        connection.executemany(
            "INSERT INTO notes (visit_id, stop_id, kind, interviewee_group, speaker, text, tags,"
            " confidential, position, id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.commit()
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()


def time_open(path: Path) -> float:
    started = time.perf_counter()
    database = open_database(sqlite_url(path))
    elapsed = time.perf_counter() - started
    database.dispose()
    return elapsed


def time_command(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "fieldvisit", "--db", str(path), "visits"],
                   check=True, capture_output=True, env=ENV, cwd=ROOT)
    return time.perf_counter() - started


def time_whole_file_check(path: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    connection.close()
    return time.perf_counter() - started


def end_uncleanly(path: Path) -> None:
    """A process with the database open, killed."""
    holder = subprocess.Popen([sys.executable, "-c", KILLED_HOLDER, str(path)],
                              stdout=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    holder.send_signal(signal.SIGKILL)
    holder.wait()


def drop_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def measure(path: Path, runs: int) -> dict[str, float]:
    figures = {}
    time_open(path)  # the first open after building: a file never seen, checked
    figures["open, clean"] = statistics.median(time_open(path) for _ in range(runs))
    figures["visits, clean"] = statistics.median(time_command(path) for _ in range(runs))
    unclean_open, unclean_command = [], []
    for _ in range(max(1, runs // 2)):
        end_uncleanly(path)
        unclean_open.append(time_open(path))
        end_uncleanly(path)
        unclean_command.append(time_command(path))
    figures["open, unclean"] = statistics.median(unclean_open)
    figures["visits, unclean"] = statistics.median(unclean_command)
    figures["whole-file check"] = time_whole_file_check(path)
    if drop_cache():
        figures["open, clean, cold"] = time_open(path)
        drop_cache()
        figures["visits, clean, cold"] = time_command(path)
        end_uncleanly(path)
        drop_cache()
        figures["open, unclean, cold"] = time_open(path)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--dir", default=None, help="where to build the databases")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    for notes in (int(size) for size in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="fieldvisit-open-speed-", dir=args.dir))
        try:
            path = folder / "open-speed.sqlite3"
            started = time.perf_counter()
            build(path, notes)
            built = time.perf_counter() - started
            size = path.stat().st_size / 2**20
            print(f"{notes:>9,} notes: {size:7.0f} MB, built in {built:.0f} s", flush=True)
            for name, seconds in measure(path, args.runs).items():
                print(f"    {name:<22} {seconds * 1000:8.0f} ms", flush=True)
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
