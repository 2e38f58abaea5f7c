"""A million notes (issue 15): search, start-up and commands, each figure beside its target.

    python benchmarks/big_database.py [--sizes 10000,100000,1000000] [--runs 7]
                                      [--cache DIR] [--skip-gui]
                                      [--postgresql URL [--postgresql-only]]

Builds one SQLite database per size once and keeps it in ``--cache`` (default
``$FIELDVISIT_BENCH_CACHE``, else ``~/.cache/fieldvisit-benchmarks``; the 1M-note file is about
3 GB), reusing it on later runs. Notes are one to three sentences taken from the reference
visit with variations (one in six with an English sentence), 500 to a visit of four stops,
with speakers and interviewee groups; one key figure per ten notes, one follow-up per twenty.
To build fast the rows go in with ``executemany`` while the search triggers are away, then the
search documents and both FTS5 indexes are filled in bulk and the triggers put back: the
same index the triggers keep (a test checks they agree).

Then, per size:
- **search**: ``services.search.search`` (a page of 200, with snippets) for 1-, 2- and
  3+-character queries, Chinese and English, common and absent, two words, mixed: median and
  max of ``--runs``. Target: under 100 ms for terms of 1–2 characters, 50 ms otherwise.
- **commands**: ``visits``, ``show``, ``roster``, ``search`` as fresh processes (median of
  ``--runs``), and ``python -c "import sqlalchemy.orm"``; on the sample database the commands
  must stay within 2× of it; at every size they must not grow with the database (the curve).
- **PostgreSQL** (``--postgresql URL``): the same searches, each size copied once into its own
  database of that server (``postgresql_database``) and kept there.
- **window**: process start to the window showing the last visit (``FIELDVISIT_STARTUP_PROBE``),
  median of 3 (skip with ``--skip-gui``). Target: does not grow with the database.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from importlib import import_module
from pathlib import Path
from uuid import uuid4

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_speed import ENGLISH, GROUPS, PLACES, sentences, vary  # noqa: E402

NOTES_PER_VISIT = 500
CHUNK = 20_000
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
QUERIES = (  # (label, query, target ms)
    ("1 char, common", "骑", 100), ("1 char, absent", "鑫", 100),
    ("2 chars, common", "骑手", 100), ("2 chars, absent", "熊猫", 100),
    ("1 letter, common", "a", 100), ("2 letters, absent", "qz", 100),
    ("3+ chars, common", "外卖送餐员", 50), ("3+ chars, rarer", "摩托车驾照", 50),
    ("3+ chars, absent", "量子计算机", 50), ("English word", "charging", 50),
    ("English word, absent", "zebra", 50),
    ("two words, common", "骑手 驿站", 100), ("two words, absent", "骑手 熊猫", 100),
    ("mixed Chinese/English", "riders 驿站", 100), ("two letters + word", "qz riders", 100),
)


def cache_folder(given: Path | None) -> Path:
    folder = given or Path(os.environ.get("FIELDVISIT_BENCH_CACHE")
                           or Path.home() / ".cache" / "fieldvisit-benchmarks")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def build(path: Path, notes: int, seed: int = 15) -> float:
    """The database of ``notes`` notes at ``path`` (written to a .part file, then renamed)."""
    from fieldvisit.persistence.db import open_database, sqlite_url

    started = time.perf_counter()
    part = path.with_name(path.name + ".part")
    for leftover in part.parent.glob(part.name + "*"):
        leftover.unlink()
    open_database(sqlite_url(part)).dispose()  # the schema at head
    rng = random.Random(seed)
    pool = sentences()
    connection = sqlite3.connect(part, isolation_level=None)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -400000")  # 400 MB: the FTS5 builds stay in memory
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("BEGIN")
    triggers = [sql for (sql,) in connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'")]
    for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'"
    ).fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    stamps = {"created_at": now, "updated_at": now, "version": 1, "changed_by": "benchmark"}
    visits = max(1, notes // NOTES_PER_VISIT)
    people = [uuid4().hex for _ in range(200)]
    insert(connection, "people", [dict(
        id=person, name=rng.choice(SURNAMES) + rng.choice(("建新", "娜", "伟", "芳", "明")),
        title="", organization_id=None, phone="", email="", notes="", **stamps)
        for person in people])
    stops: list[list[str]] = []
    visit_ids = []
    for number in range(visits):
        visit_id = uuid4().hex
        visit_ids.append(visit_id)
        insert(connection, "visits", [dict(
            id=visit_id, title=f"{rng.choice(PLACES)}新就业形态劳动者服务调研（第{number + 1}次）",
            theme="", purpose="", region="", start_date=date(2020 + number % 6, 1 + number % 12,
                                                             1 + number % 28).isoformat(),
            end_date=None, timezone="Asia/Shanghai", day_start="09:00:00.000000",
            day_end=None, travel="{}", status="draft", methods="[]", summary="",
            conclusions="", source="", remarks="", **stamps)])
        sites = [dict(id=uuid4().hex, name=f"{rng.choice(PLACES)}暖心驿站{number + 1}-{p}",
                      address="", host_organization_id=None, kind="other", latitude=None,
                      longitude=None, datum="WGS-84", opening_hours="[]", contact="",
                      description="", facts="[]", **stamps) for p in range(1, 5)]
        insert(connection, "sites", sites)
        visit_stops = [dict(id=uuid4().hex, visit_id=visit_id, site_id=site["id"],
                            position=p, day=1, dwell_minutes=30, fixed_arrival=None,
                            delay_minutes=0, pinned=False, activities="", travel_mode=None,
                            travel_minutes=None, travel_notes="", times_illustrative=False,
                            **stamps) for p, site in enumerate(sites, 1)]
        insert(connection, "stops", visit_stops)
        stops.append([stop["id"] for stop in visit_stops])
    for start in range(0, notes, CHUNK):
        note_rows, figure_rows, follow_up_rows = [], [], []
        for index in range(start, min(notes, start + CHUNK)):
            visit = index * visits // notes
            text = "".join(vary(s, rng) for s in rng.sample(pool, rng.randint(1, 3)))
            if index % 6 == 0:
                text += " " + rng.choice(ENGLISH)
            note_id = uuid4().hex
            note_rows.append(dict(
                id=note_id, visit_id=visit_ids[visit], stop_id=rng.choice(stops[visit]),
                author_id=None, kind="observation",
                interviewee_group=rng.choice(GROUPS) if index % 3 == 0 else "",
                speaker=rng.choice(SURNAMES) + "师傅" if index % 4 == 0 else "", text=text,
                tags="[]", confidential=False, position=index % NOTES_PER_VISIT + 1, **stamps))
            if index % 10 == 0:
                figure_rows.append(dict(
                    id=uuid4().hex, visit_id=visit_ids[visit], stop_id=None, note_id=note_id,
                    label=f"{rng.choice(GROUPS)}服务人次", value=str(index), unit="人次",
                    qualifier="exactly", **stamps))
            if index % 20 == 0:
                follow_up_rows.append(dict(
                    id=uuid4().hex, visit_id=visit_ids[visit], note_id=note_id,
                    action=vary(rng.choice(pool), rng), responsible_organization_id=None,
                    due_date=None, status="open", **stamps))
        insert(connection, "notes", note_rows)
        insert(connection, "key_figures", figure_rows)
        insert(connection, "follow_ups", follow_up_rows)
    fill_search(connection, triggers)
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    part.rename(path)
    part.with_name(part.name + ".lock").unlink(missing_ok=True)
    return time.perf_counter() - started


def insert(connection: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        names = list(rows[0])
        connection.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES "
            f"({', '.join('?' * len(names))})", [tuple(row.values()) for row in rows])


def fill_search(connection: sqlite3.Connection, triggers: list[str]) -> None:
    """What the triggers would have written, in bulk (migration 0014's own statements)."""

    migration = import_module("fieldvisit.persistence.migrations.versions.0014_search_grams")
    connection.execute(
        f"INSERT INTO search_documents (kind, record_id, visit_id, text) SELECT kind, id, "
        f"visit_id, text FROM ({migration.fill_sqlite()}) ORDER BY created_at, id")
    connection.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    connection.execute(f"INSERT INTO search_grams (rowid, grams) SELECT id, "
                       f"{migration.grams_sql('text')} FROM search_documents")
    for sql in triggers:
        connection.execute(sql)


def postgresql_grams(value: str) -> list[str]:
    """What migration 0014's ``search_grams()`` gives for ``value``: its characters and pairs
    of neighbouring characters, folded, without spaces or control characters (the same for
    this benchmark's texts, Chinese and English; ``check_grams`` compares a sample)."""
    folded = [c.upper().lower() if len(c.upper()) == 1 else c.lower() for c in value]
    found = {g for i in range(len(folded))
             for g in (folded[i], folded[i] + folded[i + 1] if i + 1 < len(folded) else "")
             if g and not any(c.isspace() or ord(c) < 32 or 127 <= ord(c) < 160 for c in g)}
    return sorted(found)


def copy_to_postgresql(path: Path, url: str) -> float:
    """The SQLite database at ``path`` copied into the (empty) PostgreSQL database ``url``,
    the seconds it took. With COPY, the triggers off (``session_replication_role``, so the
    role must be a superuser, as the test server's is): the search documents are written as
    the triggers would (oldest first), their grams computed here, and the GIN index built
    after. Row by row through the triggers, 1M notes would take hours."""
    from sqlalchemy import create_engine

    from fieldvisit.persistence.db import open_database

    started = time.perf_counter()
    open_database(url).dispose()  # the schema at head
    source = sqlite3.connect(path)
    engine = create_engine(url)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SET session_replication_role = replica")
        for name in ("people", "visits", "sites", "stops", "notes", "key_figures",
                     "follow_ups"):
            columns = list(source.execute(f"PRAGMA table_info({name})"))
            names = [column[1] for column in columns]
            flags = [i for i, column in enumerate(columns) if column[2].upper() == "BOOLEAN"]
            with cursor.copy(f"COPY {name} ({', '.join(names)}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT * FROM {name}"):
                    if flags:
                        row = list(row)
                        for i in flags:
                            row[i] = None if row[i] is None else bool(row[i])
                    copy.write_row(row)
        cursor.execute("DROP INDEX IF EXISTS search_documents_grams")
        migration = import_module("fieldvisit.persistence.migrations.versions.0014_search_grams")
        documents = source.execute(f"SELECT kind, id, visit_id, text FROM "
                                   f"({migration.fill_sqlite()}) ORDER BY created_at, id")
        with cursor.copy("COPY search_documents (id, kind, record_id, visit_id, text, grams)"
                         " FROM STDIN") as copy:
            for number, (kind, record_id, visit_id, text) in enumerate(documents, 1):
                copy.write_row((number, kind, record_id, visit_id, text,
                                postgresql_grams(text)))
        cursor.execute("SELECT setval(pg_get_serial_sequence('search_documents', 'id'), "
                       "(SELECT max(id) FROM search_documents))")
        cursor.execute("SET maintenance_work_mem = '512MB'")  # the GIN build in memory
        cursor.execute("CREATE INDEX search_documents_grams ON search_documents "
                       "USING gin (grams)")
        cursor.execute("SET session_replication_role = DEFAULT")
        raw.commit()
        check_grams(cursor)
        raw.commit()
        raw.driver_connection.autocommit = True
        raw.driver_connection.execute("VACUUM ANALYZE")
    finally:
        raw.close()
        engine.dispose()
        source.close()
    return time.perf_counter() - started


def check_grams(cursor: object) -> None:
    """The grams written by ``copy_to_postgresql`` are those the triggers would write."""
    cursor.execute("SELECT count(*) FROM (SELECT id FROM search_documents "  # type: ignore
                   "ORDER BY random() LIMIT 2000) AS s JOIN search_documents AS d USING (id) "
                   "WHERE d.grams::text[] <> search_grams(d.text)")
    wrong = cursor.fetchone()[0]  # type: ignore[attr-defined]
    if wrong:
        raise SystemExit(f"{wrong} of 2,000 documents have other grams than the triggers'")


def measure_search(url: str, runs: int) -> dict[str, tuple]:
    from fieldvisit.long_lived import freeze_start_up_objects
    from fieldvisit.persistence.db import open_database
    from fieldvisit.services.search import search

    database = open_database(url)
    freeze_start_up_objects()  # as the CLI and the GUI do once the database is open
    figures = {}
    try:
        uow = database.unit_of_work()
        for label, query, target in QUERIES:
            results = search(uow, query)
            median, worst = median_ms(lambda q=query: search(uow, q), runs)
            count = f"{len(results.hits)}{'+' if results.truncated else ''}"
            figures[f"search {label} ({query})"] = (median, worst, target, count)
    finally:
        database.dispose()
    return figures


def median_ms(function, runs: int) -> tuple[float, float]:  # noqa: ANN001
    function()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def process_ms(command: list[str], runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for run in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, env=env)
        if run:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired(command: list[str], baseline: list[str], runs: int) -> tuple[float, float, float]:
    """``command`` and ``baseline`` run in turn: medians of each and of their ratio pair by
    pair (so a machine that slows down meanwhile does not tilt the comparison)."""
    firsts, seconds = [], []
    for _ in range(runs):
        firsts.append(process_ms(command, 1))
        seconds.append(process_ms(baseline, 1))
    ratios = [a / b for a, b in zip(firsts, seconds, strict=True)]
    return statistics.median(firsts), statistics.median(seconds), statistics.median(ratios)


def command_lines(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as connection:
        title = connection.execute("SELECT title FROM visits ORDER BY rowid DESC LIMIT 1"
                                   ).fetchone()[0]
    base = [sys.executable, "-m", "fieldvisit", "--db", str(path)]
    return {"visits": base + ["visits"], "show": base + ["show", title],
            "roster": base + ["roster", title], "search": base + ["search", "骑手"]}


def commands(path: Path, runs: int) -> dict[str, float]:
    return {name: process_ms(line, runs) for name, line in command_lines(path).items()}


def window_ms(path: Path) -> float:
    from startup_speed import timed

    command = [sys.executable, "-m", "fieldvisit", "--db", str(path)]
    return statistics.median(timed(command).get("ready", float("nan")) * 1000
                             for _ in range(3))


def measure(path: Path, runs: int, gui: bool) -> dict[str, object]:
    from fieldvisit.persistence.db import sqlite_url

    figures: dict[str, object] = dict(measure_search(sqlite_url(path), runs))
    for name, value in commands(path, runs).items():
        figures[f"command {name}"] = value
    if gui:
        figures["window shows the visit"] = window_ms(path)
    return figures


def against_smallest(paths: list[Path], runs: int) -> dict[str, list[float]]:
    """Each command on every size run in turn with the same command on the smallest: the
    median ratio (1.00 = no growth), which the machine's drift does not tilt."""
    smallest = command_lines(paths[0])
    ratios: dict[str, list[float]] = {}
    for path in paths:
        for name, line in command_lines(path).items():
            ratios.setdefault(f"command {name}, × the smallest", []).append(
                paired(line, smallest[name], runs)[2])
    return ratios


def postgresql_database(server: str, path: Path, notes: int) -> str:
    """The URL of database ``fieldvisit_bench_<notes>`` on the server of ``server`` (a role
    that may create databases): copied from ``path`` once, then reused while it holds
    ``notes`` notes (kept in the server's data folder), upgraded first if its schema is
    older."""
    from sqlalchemy import create_engine, make_url, text

    from fieldvisit.persistence.migrations import head_revision

    url = make_url(server).set(database=f"fieldvisit_bench_{notes}")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                        {"name": url.database}).first()
        if exists:
            engine = create_engine(url)
            try:
                with engine.connect() as connection:
                    count = connection.execute(text("SELECT count(*) FROM notes")).scalar()
                    revision = connection.execute(
                        text("SELECT version_num FROM alembic_version")).scalar()
                if count == notes and revision != head_revision():
                    from fieldvisit.persistence.db import open_database

                    started = time.perf_counter()  # upgraded as a team's database would be
                    open_database(url.render_as_string(hide_password=False)).dispose()
                    print(f"PostgreSQL: {notes:,} notes upgraded from {revision} to "
                          f"{head_revision()} in {time.perf_counter() - started:.0f} s")
                if count == notes:
                    return url.render_as_string(hide_password=False)
            except Exception:  # noqa: BLE001 - half-built: made again
                pass
            finally:
                engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    finally:
        admin.dispose()
    rendered = url.render_as_string(hide_password=False)
    seconds = copy_to_postgresql(path, rendered)
    print(f"PostgreSQL: {notes:,} notes copied in {seconds:.0f} s")
    return rendered


def postgresql(server: str, sizes: list[int], paths: dict[int, Path], runs: int) -> None:
    """Search on PostgreSQL at every size, side by side, each figure beside its target."""
    from sqlalchemy import create_engine, text

    results = {}
    for size in sizes:
        url = postgresql_database(server, paths[size], size)
        results[size] = measure_search(url, runs)
    engine = create_engine(server)
    with engine.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar()
    engine.dispose()
    print(f"\nPostgreSQL {version}: search (a page of 200 with snippets), median/max of "
          f"{runs} ms, hits")
    print_table(results, sizes)


def print_table(results: dict[int, dict], sizes: list[int]) -> None:
    header = "".join(f"{size:>22,}" for size in sizes)
    print(f"{'notes:':<44}{header}   target")
    for key in results[sizes[0]]:
        cells, verdicts = [], []
        for size in sizes:
            value = results[size][key]
            if isinstance(value, tuple):
                median, worst, target, count = value
                cells.append(f"{median:7.1f}/{worst:6.1f} ms {count:>5}")
                verdicts.append(worst < target)
            else:
                cells.append(f"{value:19.0f} ms")
        if key.startswith("search"):
            target_text = f"< {results[sizes[0]][key][2]} ms (median/max, hits)"
        else:
            first, last = results[sizes[0]][key], results[sizes[-1]][key]
            verdicts.append(last < 1.25 * first + 50)  # flat: within noise of the smallest
            target_text = "flat"
        print(f"{key:<44}{''.join(f'{c:>22}' for c in cells)}   {target_text} "
              f"{'ok' if all(verdicts) else 'MISSED'}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--postgresql", metavar="URL",
                        help="also time search on PostgreSQL: each size is copied once into "
                             "a database fieldvisit_bench_<size> of this server (the role must "
                             "be a superuser) and reused on later runs")
    parser.add_argument("--postgresql-only", action="store_true",
                        help="with --postgresql: measure PostgreSQL only")
    args = parser.parse_args(argv)
    folder = cache_folder(args.cache)
    sizes = [int(size) for size in args.sizes.split(",")]
    paths = {}
    for size in sizes:
        path = paths[size] = folder / f"notes-{size}.sqlite3"
        if not path.exists():
            seconds = build(path, size)
            print(f"built {size:,} notes in {seconds:.0f} s: {path.stat().st_size / 1e6:,.0f} MB")
    if args.build_only:
        return 0
    if args.postgresql:
        postgresql(args.postgresql, sizes, paths, args.runs)
        if args.postgresql_only:
            return 0
    print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, {os.cpu_count()} "
          "CPUs (shared)")
    sample = folder / "sample.sqlite3"
    if not sample.exists():
        subprocess.run([sys.executable, "-m", "fieldvisit", "--db", str(sample), "sample"],
                       check=True, stdout=subprocess.DEVNULL, env={**os.environ,
                                                                  "PYTHONPATH": str(ROOT)})
    baseline = [sys.executable, "-c", "import sqlalchemy.orm"]
    print("\ncommands on the sample database, each run in turn with `python -c \"import "
          "sqlalchemy.orm\"` (medians; target: the ratio under 2)")
    for name, line in command_lines(sample).items():
        mine, theirs, ratio = paired(line, baseline, args.runs)
        print(f"  {name:<10} {mine:6.0f} ms vs {theirs:6.0f} ms: {ratio:4.2f}×  "
              f"{'ok' if ratio < 2 else 'OVER'}")
    results = {size: measure(paths[size], args.runs, not args.skip_gui) for size in sizes}
    print("\nSQLite")
    print_table(results, sizes)
    for key, ratios in against_smallest([paths[size] for size in sizes], args.runs).items():
        print(f"{key:<44}{''.join(f'{ratio:19.2f}×  ' for ratio in ratios)} "
              f"flat (< 1.25×) {'ok' if max(ratios) < 1.25 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
