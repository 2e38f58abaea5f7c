"""How fast search is with 100,000 notes.

    python benchmarks/search_speed.py [--notes 100000] [--visits 200] [--runs 9] [--keep FILE]

Builds a temporary database (or reuses ``--keep FILE`` if it exists) with ``--notes`` notes of
one to three sentences taken from the reference visit's notes, with variations (other groups
of workers, other numbers, other places; one note in six has an English sentence), spread over
``--visits`` visits of four stops each, plus one key figure per ten notes and one follow-up per
twenty. Notes go in with bulk INSERTs, so the triggers index them as the app would.

Then it times ``services.search.search`` (the whole use case: index lookup with each hit's note,
stop and site, loading the hits' visits, snippets and highlight spans, sorting; limit 200) for
Chinese queries of 1, 2 and 3+ characters and English words, each common (many hits: the first
200 are shown) and absent (no hit, the worst case: the whole index or text is examined).
Figures are the median and the maximum of ``--runs`` runs after one warm-up run; the index
lookup alone is shown too.
Targets: under 50 ms for three or more characters, under 300 ms for one or two.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import uuid4

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldvisit.domain import entities as e  # noqa: E402
from fieldvisit.persistence.db import Database, open_database, sqlite_url  # noqa: E402
from fieldvisit.services.sample import reference_document  # noqa: E402
from fieldvisit.services.search import search  # noqa: E402

GROUPS = ("外卖送餐员", "快递小哥", "环卫工人", "网约车司机", "货车司机", "女骑手", "骑手",
          "家政服务员", "户外劳动者")
PLACES = ("朝阳区", "海淀区", "丰台区", "东城区", "西城区", "通州区", "顺义区", "大兴区",
          "崔各庄乡", "东湖街道", "望京街道", "三里屯街道")
ENGLISH = (
    "Delivery riders asked for more charging points near the rest station.",
    "The union offers free legal advice on occupational injury every Tuesday.",
    "Couriers said parking for e-bikes is the main problem in office districts.",
    "Sanitation workers use the warm station to rest, heat lunch and charge phones.",
    "A women riders' corner provides supplies, a quiet room and training.",
    "Platform companies were urged to set up trade unions and join the service circle.",
    "Drivers want discounts on motorcycle licence training before the new rules.",
    "The youth league runs summer camps for riders' children.",
)
QUERIES = (
    ("1 char, common", "骑"), ("1 char, absent", "鑫"),
    ("2 chars, common", "骑手"), ("2 chars, absent", "熊猫"),
    ("3+ chars, common", "外卖送餐员"), ("3+ chars, rarer", "摩托车驾照"),
    ("3+ chars, absent", "量子计算机"),
    ("English word, common", "riders"), ("English word, any case", "CHARGING"),
    ("English word, absent", "zebra"), ("2 letters, absent", "qz"),
    ("two words", "骑手 驿站"),
)


def sentences() -> list[str]:
    document = reference_document()
    texts = [n["text"] for n in document["notes"]] + [f["action"] for f in
                                                      document["follow_ups"]]
    return [p + "。" for t in texts for p in t.split("。") if len(p) > 8]


def vary(sentence: str, rng: random.Random) -> str:
    for group in ("外卖送餐员", "快递小哥", "环卫工人", "外卖员"):
        if group in sentence and rng.random() < 0.5:
            sentence = sentence.replace(group, rng.choice(GROUPS))
    for place in ("朝阳区", "崔各庄乡", "东湖街道"):
        if place in sentence and rng.random() < 0.6:
            sentence = sentence.replace(place, rng.choice(PLACES))
    return "".join(str(rng.randint(2, 9999)) if c.isdigit() and rng.random() < 0.5 else c
                   for c in sentence)


def build(path: Path, notes: int, visits: int, seed: int = 5) -> None:
    from sqlalchemy import insert

    from fieldvisit.persistence.models import Base

    rng = random.Random(seed)
    pool = sentences()
    database = open_database(sqlite_url(path))
    uow = database.unit_of_work()
    stops: dict = {}
    with uow:
        for number in range(visits):
            title = f"{rng.choice(PLACES)}新就业形态劳动者服务调研（第{number + 1}次）"
            visit = e.Visit(title=title, start_date=date(2023, 1, 1 + number % 28))
            uow.visits.put(visit)
            stops[visit.id] = []
            for position in range(1, 5):
                site = e.Site(name=f"{rng.choice(PLACES)}暖心驿站{number + 1}-{position}")
                uow.sites.put(site)
                stop = e.Stop(visit_id=visit.id, site_id=site.id, position=position)
                uow.stops.put(stop)
                stops[visit.id].append(stop.id)
        uow.commit()
    visit_ids = list(stops)
    now = datetime.now(UTC)
    tables = Base.metadata.tables
    note_rows, figure_rows, follow_up_rows = [], [], []
    for index in range(notes):
        visit_id = visit_ids[index * visits // notes]
        text = "".join(vary(s, rng) for s in rng.sample(pool, rng.randint(1, 3)))
        if index % 6 == 0:
            text += " " + rng.choice(ENGLISH)
        note_id = uuid4()
        note_rows.append(dict(
            id=note_id, created_at=now, updated_at=now, visit_id=visit_id,
            stop_id=rng.choice(stops[visit_id]), author_id=None, kind="observation",
            interviewee_group="", speaker="", text=text, tags=[], confidential=False,
            position=index + 1))
        if index % 10 == 0:
            figure_rows.append(dict(
                id=uuid4(), created_at=now, updated_at=now, visit_id=visit_id, stop_id=None,
                note_id=note_id, label=f"{rng.choice(GROUPS)}服务人次", value=str(index),
                unit="人次", qualifier="exactly"))
        if index % 20 == 0:
            follow_up_rows.append(dict(
                id=uuid4(), created_at=now, updated_at=now, visit_id=visit_id, note_id=note_id,
                action=vary(rng.choice(pool), rng), responsible_organization_id=None,
                due_date=None, status="open"))
    with database.engine.begin() as connection:
        for name, rows in (("notes", note_rows), ("key_figures", figure_rows),
                           ("follow_ups", follow_up_rows)):
            for start in range(0, len(rows), 10000):
                connection.execute(insert(tables[name]), rows[start:start + 10000])
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    database.dispose()


def timed(function, runs: int) -> tuple[float, float, object]:  # noqa: ANN001
    result = function()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), result


def measure(database: Database, runs: int) -> None:
    uow = database.unit_of_work()
    started = time.perf_counter()
    search(uow, "驿站")
    print(f"first search after opening: {(time.perf_counter() - started) * 1000:.1f} ms")
    print(f"{'query':<34} {'hits':>6}  {'search() median/max':>22}  {'index only median':>18}"
          "  target")
    for label, query in QUERIES:
        median, worst, results = timed(lambda q=query: search(uow, q), runs)

        def raw(q: str = query) -> list:
            with uow:
                return uow.search.search(q, 201)

        raw_median, _raw_worst, _ = timed(raw, runs)
        count = f"{len(results.hits)}{'+' if results.truncated else ''}"
        target = 50 if min(len(word) for word in query.split()) >= 3 else 300
        verdict = "ok" if worst < target else "SLOW"
        print(f"{label + ' (' + query + ')':<34} {count:>6}  {median:>9.1f} / {worst:>6.1f} ms"
              f"  {raw_median:>15.1f} ms  < {target} ms {verdict}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=200)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="build the database here, or reuse it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "search.sqlite3"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.notes, args.visits)
            print(f"built {args.notes:,} notes in {args.visits} visits "
                  f"in {time.perf_counter() - started:.1f} s; "
                  f"file {path.stat().st_size / 1e6:.0f} MB")
        database = open_database(sqlite_url(path))
        try:
            with database.engine.connect() as connection:
                counts = [connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                          for table in ("notes", "key_figures", "follow_ups",
                                        "search_documents")]
                version = connection.exec_driver_sql("SELECT sqlite_version()").scalar()
            print(f"SQLite {version}; {counts[0]:,} notes, {counts[1]:,} key figures, "
                  f"{counts[2]:,} follow-ups; {counts[3]:,} indexed records")
            measure(database, args.runs)
        finally:
            database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
