"""Search across all visits: Chinese substrings of any length, English words in any case, in
notes (text, speaker, interviewee group), key figures, follow-ups, sites and people; newest
first, the query as typed before the rest, in pages; the index follows every change; hostile
queries are safe; an older database is indexed when it is upgraded; the ``search`` command."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, event, insert

from fieldvisit.domain.errors import ValidationError
from fieldvisit.persistence import db
from fieldvisit.persistence.migrations import alembic_config, head_revision
from fieldvisit.persistence.models import Base
from fieldvisit.persistence.search_index import (
    HAND_MADE,
    include_name,
    is_search_table,
    query_terms,
)
from fieldvisit.services import notes, visits
from fieldvisit.services.search import make_snippet, marked, search


@pytest.fixture
def corpus(uow, sample_visit_id):
    """The reference visit, plus a second visit with English notes, a figure and a follow-up,
    and a third with Chinese ones."""
    second = visits.create_visit(uow, "Rider survey", start_date=date(2024, 6, 1))
    third = visits.create_visit(uow, "第三次调研", start_date=date(2025, 3, 1))
    english = notes.add_note(uow, second.id, "Delivery RIDERS asked for charging points.")
    notes.add_note(uow, second.id, "The rest station opens at night; riders like it.")
    figure = notes.add_figure(uow, second.id, "riders served", "1200", unit="person-times")
    follow_up = notes.add_follow_up(uow, second.id, "Ask the platform about riders' insurance")
    chinese = notes.add_note(uow, third.id, "骑手们反映外卖送餐员的休息点太少。")
    third_figure = notes.add_figure(uow, third.id, "骑手驿站", "12", unit="家")
    return {"reference": sample_visit_id, "second": second.id, "third": third.id,
            "english": english.id, "figure": figure.id, "follow_up": follow_up.id,
            "chinese": chinese.id, "third_figure": third_figure.id}


def found(uow, query: str, **kwargs) -> list:
    return list(search(uow, query, **kwargs).hits)


def kinds_and_visits(hits) -> set[tuple[str, UUID]]:
    return {(hit.kind, hit.visit_id) for hit in hits}


@pytest.mark.parametrize("query", ["骑", "骑手", "外卖送餐员"])
def test_chinese_queries_of_one_two_and_more_characters(uow, corpus, query):
    hits = found(uow, query)
    assert hits and all(query in hit.text for hit in hits)
    assert {corpus["reference"], corpus["third"]} <= {hit.visit_id for hit in hits}
    assert len(hits) == sum(query in text for text in every_text(uow))  # nothing missed


def every_text(uow) -> list[str]:
    """Every searchable text of the database, one per document (empty ones are not)."""
    with uow:
        every = [n.text for n in uow.notes.all()] + [f.action for f in uow.follow_ups.all()]
        every += [n.speaker for n in uow.notes.all()]
        every += [n.interviewee_group for n in uow.notes.all()]
        every += [f"{f.label} {f.value} {f.unit}".rstrip() for f in uow.figures.all()]
        every += [s.name for s in uow.sites.all()] + [p.name for p in uow.people.all()]
    return [text for text in every if text]


def test_one_two_and_three_characters_find_notes_figures_and_follow_ups(uow, corpus):
    reference = corpus["reference"]
    assert kinds_and_visits(found(uow, "骑")) >= {
        ("note", reference), ("figure", reference), ("follow_up", reference),
        ("note", corpus["third"]), ("figure", corpus["third"])}
    assert kinds_and_visits(h for h in found(uow, "骑手") if h.kind != "site") == {
        ("note", reference), ("follow_up", reference), ("note", corpus["third"]),
        ("figure", corpus["third"])}
    assert [(h.kind, h.record_id) for h in found(uow, "外卖送餐员")
            if h.visit_id == corpus["third"]] == [("note", corpus["chinese"])]
    assert {h.kind for h in found(uow, "平方米")} == {"note", "figure"}


def test_english_words_ignore_case(uow, corpus):
    for query in ("riders", "RIDERS", "Riders", "rIdErS"):
        hits = found(uow, query)
        assert {h.record_id for h in hits} >= {corpus["english"], corpus["figure"],
                                                 corpus["follow_up"]}
        assert all(h.visit_id == corpus["second"] for h in hits)
    assert [h.record_id for h in found(uow, "cbd") if h.kind == "figure"] == []
    assert [h.kind for h in found(uow, "cbd")] == [h.kind for h in found(uow, "CBD")]
    assert sorted(h.kind for h in found(uow, "cbd")) == ["note", "note", "site"]
    assert [h.record_id for h in found(uow, "PL")] == [corpus["follow_up"]]  # short: scanned


def test_every_word_must_occur(uow, corpus):
    assert [h.record_id for h in found(uow, "riders charging")] == [corpus["english"]]
    assert [h.record_id for h in found(uow, "charging riders")] == [corpus["english"]]
    assert [h.record_id for h in found(uow, "骑手  外卖送餐员")] == [corpus["chinese"]]
    assert {h.record_id for h in found(uow, "骑 休息点")} == {corpus["chinese"]}
    assert len(found(uow, "骑 休息")) == 2  # and the reference visit's 女骑手休息
    assert found(uow, "riders 驿站") == []


def test_spans_point_at_every_match(uow, corpus):
    for query in ("骑", "骑手", "外卖送餐员", "riders", "CBD", "驿站 服务"):
        terms = query.split()
        for hit in found(uow, query):
            assert hit.spans, (query, hit.text)
            for start, end in hit.spans:
                assert hit.snippet[start:end].lower() in [t.lower() for t in terms] or \
                    any(t.lower() in hit.snippet[start:end].lower() for t in terms)
            expected = sum(hit.snippet.lower().count(t.lower()) for t in terms)
            assert len(hit.spans) == expected
    (hit,) = [h for h in found(uow, "骑手") if h.record_id == corpus["chinese"]]
    assert hit.snippet == hit.text and hit.spans == ((0, 2),)
    assert marked(hit.snippet, hit.spans) == "【骑手】们反映外卖送餐员的休息点太少。"


def test_snippets_are_one_line_around_the_first_match():
    text = "开头。\n" + "甲" * 200 + "骑手在这里" + "乙" * 200 + "骑手"
    snippet, spans = make_snippet(text, ("骑手",))
    assert "\n" not in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 102 and [snippet[s:e] for s, e in spans] == ["骑手"]
    short, spans = make_snippet("a Rider\nand riders", ("rider",))
    assert short == "a Rider and riders" and spans == ((2, 7), (12, 17))
    end, spans = make_snippet("x" * 300 + "骑手", ("骑手",))
    assert end.startswith("…") and end.endswith("骑手") and end[spans[0][0]:] == "骑手"


def test_hits_come_newest_first(uow, corpus):
    """A larger document id is a later write: editing a record puts it first."""
    hits = found(uow, "骑")
    assert [h.record_id for h in hits][:2] == [corpus["third_figure"], corpus["chinese"]]
    oldest = [h for h in hits if h.kind == "note"][-1]
    assert oldest.visit_id == corpus["reference"]
    notes.update_note(uow, oldest.record_id, text=oldest.text + "（补）")
    assert found(uow, "骑")[0].record_id == oldest.record_id


def test_the_query_as_typed_comes_first_then_the_newest(uow, corpus):
    visit = corpus["second"]
    apart = notes.add_note(uow, visit, "charging for riders near the points")
    typed = notes.add_note(uow, visit, "Points where riders charge: charging points.")
    newest = notes.add_note(uow, visit, "The riders' charging station")
    hits = [h.record_id for h in found(uow, "charging points")]
    assert hits[:2] == [typed.id, corpus["english"]]  # "charging points" as typed, newest first
    assert hits[2:] == [apart.id]
    assert [h.record_id for h in found(uow, "riders charging")][:1] == [newest.id]


def test_results_come_in_pages(uow, corpus):
    everything = search(uow, "骑", limit=1000)
    assert not everything.truncated and everything.offset == 0
    pages, offset = [], 0
    while True:
        page = search(uow, "骑", limit=3, offset=offset)
        pages += page.hits
        assert page.offset == offset and len(page.hits) <= 3
        if not page.truncated:
            break
        offset += len(page.hits)
    assert pages == list(everything.hits)
    two_words = search(uow, "骑手 驿站", limit=1000).hits
    assert [h for o in range(0, len(two_words), 2)
            for h in search(uow, "骑手 驿站", limit=2, offset=o).hits] == list(two_words)
    assert search(uow, "骑", offset=len(everything.hits)).hits == ()
    with pytest.raises(ValidationError, match="skip"):
        search(uow, "骑", offset=-1)


def test_hits_name_their_visit_place_and_note(uow, corpus):
    (chinese,) = [h for h in found(uow, "外卖送餐员") if h.visit_id == corpus["third"]
                  and h.kind == "note"]
    assert (chinese.visit_title, chinese.stop_label, chinese.note_id) == \
        ("第三次调研", "", corpus["chinese"])
    (station,) = [h for h in found(uow, "外卖送餐员") if h.visit_id == corpus["reference"]
                  and h.kind == "note"]
    assert station.stop_label == "东湖街道商务楼宇党群服务中心"
    (follow_up,) = [h for h in found(uow, "女骑手的关爱") if h.kind == "follow_up"]
    assert follow_up.kind == "follow_up" and follow_up.note_id is not None
    assert follow_up.stop_label == "饿了么北京CBD骑士驿站"  # the stop of its note
    assert {h.kind for h in found(uow, "面积 800 平方米")} == {"note", "figure"}  # 面积达800平方米
    (figure,) = [h for h in found(uow, "面积 800 平方米") if h.kind == "figure"]
    assert figure.text == "党群服务中心建筑面积 800 平方米"


def test_the_limit_is_kept_and_reported(uow, corpus):
    everything = search(uow, "骑")
    assert not everything.truncated
    first = search(uow, "骑", limit=3)
    assert len(first.hits) == 3 and first.truncated
    exact = search(uow, "骑", limit=len(everything.hits))
    assert not exact.truncated and exact.hits == everything.hits
    with pytest.raises(ValidationError):
        search(uow, "骑", limit=0)


def integrity_check(database) -> None:
    """SQLite's FTS index agrees with its documents (PostgreSQL has no index to check)."""
    if database.engine.dialect.name != "sqlite":
        return
    with database.engine.connect() as connection:
        connection.exec_driver_sql(
            "INSERT INTO search_index (search_index) VALUES ('integrity-check')")


def test_changes_and_deletions_are_followed(uow, database, corpus):
    notes.update_note(uow, corpus["chinese"], text="环卫工人需要饮水点。")
    assert corpus["chinese"] not in {h.record_id for h in found(uow, "外卖送餐员")}
    assert [h.record_id for h in found(uow, "饮水")] == [corpus["chinese"]]
    assert [h.record_id for h in found(uow, "需要饮水点")] == [corpus["chinese"]]
    notes.update_figure(uow, corpus["figure"], unit="visits")
    assert found(uow, "person-times") == []
    assert [h.text for h in found(uow, "riders served")] == ["riders served 1200 visits"]
    notes.update_follow_up(uow, corpus["follow_up"], action="Call the union")
    assert [h.record_id for h in found(uow, "union")] == [corpus["follow_up"]]
    notes.delete_follow_up(uow, corpus["follow_up"])
    assert found(uow, "union") == []
    notes.delete_note(uow, corpus["chinese"])
    assert found(uow, "饮水") == []
    notes.delete_figure(uow, corpus["third_figure"])
    assert [h for h in found(uow, "骑") if h.visit_id == corpus["third"]] == []
    integrity_check(database)


def test_deleting_a_visit_removes_its_records_from_the_results(uow, database, corpus):
    visits.delete_visit(uow, corpus["second"])
    assert found(uow, "riders") == []
    assert {h.visit_id for h in found(uow, "骑")} == {corpus["reference"], corpus["third"]}
    if database.engine.dialect.name != "sqlite":
        return
    with database.engine.connect() as connection:
        documents = connection.exec_driver_sql("SELECT count(*) FROM search_documents").scalar()
    assert documents == len(every_text(uow))
    integrity_check(database)


def test_a_rolled_back_change_leaves_the_index_as_it_was(uow, corpus):
    from fieldvisit.domain.entities import Note

    with uow:
        uow.notes.put(Note(visit_id=corpus["second"], text="临时笔记 zzyzx"))
        assert len(uow.search.search("zzyzx", 10)) == 1
    assert found(uow, "zzyzx") == []


HOSTILE = ['"', '""', "'", "*", "**", "-", "--", "OR", "AND", "NOT", "NEAR(", "NEAR(骑 手)",
           "骑 OR 手", "%", "_", "%_%", "\\", "a:b", "text:骑手", "^骑", "(", ")", "{}", "[骑]",
           "😀", "骑😀", "😀😀😀", "\x00", "骑\x00手", "\ud800", "'; DROP TABLE notes; --",
           "x" * 10_000, "骑" * 10_000, "riders " * 2000, " ".join("abcdefghijklmnop"),
           "\u3000骑手\u3000", "\t骑\n"]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:12]) + f"/{len(q)}")
def test_hostile_queries_give_results_or_nothing(uow, corpus, query):
    try:
        results = search(uow, query)
    except ValidationError as error:  # only for queries with nothing to search for
        assert query_terms(query) == ()
        assert "search" in str(error)
        return
    for hit in results.hits:
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.spans)
    with uow:
        assert uow.notes.count() > 0  # and nothing was harmed


def test_hostile_queries_find_what_they_say(uow, corpus):
    notes.add_note(uow, corpus["third"], '他说"50%的骑手_都要"休息* -- OR NEAR(')
    for query in ('"', '"50%', "%", "_", "*", " OR ", "NEAR(", "--", '要"休息*', "-- or"):
        texts = [h.text for h in found(uow, query) if h.visit_id == corpus["third"]]
        assert texts == ['他说"50%的骑手_都要"休息* -- OR NEAR('], query
    assert len(found(uow, "OR")) == 3  # any case: also "for", "platform"


@pytest.mark.parametrize("query", ["", "   ", "\u3000", "\n\t"])
def test_an_empty_query_is_refused_with_a_clear_message(uow, query):
    with pytest.raises(ValidationError, match="search for"):
        search(uow, query)


@pytest.mark.parametrize("query", [
    "骑", "手", "站", "驿站", "骑手", "外卖送餐员", "riders", "RIDERS charging", "%", "_",
    "person-times", "800 平方米", '"', "😀", "a", "Ri", "zq", "鑫", "熊猫", "量子计算机",
    "骑手 zq", "riders 驿站", "李", "街道", "CBD 驿站"])
def test_the_index_finds_exactly_what_a_scan_finds(uow, corpus, query):
    """Every document holding every term, ignoring case, and no other: one, two and more
    characters, Chinese, English and both, present and absent."""
    terms = query_terms(query)
    expected = sorted(text for text in every_text(uow)
                      if all(term.lower() in text.lower() for term in terms))
    assert sorted(hit.text for hit in search(uow, query, limit=1000).hits) == expected


def test_hits_from_confidential_notes_are_marked(uow, corpus):
    """A confidential note, and the figure and follow-up taken from it, are marked as such."""
    secret = notes.add_note(uow, corpus["third"], "保密：驿站租金每月一万二", confidential=True)
    notes.add_figure(uow, corpus["third"], "驿站租金", "12000", unit="元", note_id=secret.id)
    notes.add_follow_up(uow, corpus["third"], "核实驿站租金", note_id=secret.id)
    hits = search(uow, "租金").hits
    assert len(hits) == 3 and all(hit.confidential for hit in hits)
    assert not any(hit.confidential for hit in search(uow, "骑手").hits)


# -- schema ------------------------------------------------------------------------------------
def sqlite_objects(database, kind: str) -> set[str]:
    with database.engine.connect() as connection:
        return {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


@pytest.mark.sqlite_only("the FTS5 index exists on SQLite only")
def test_the_index_and_its_triggers_exist_at_head(database):
    """A later migration that rebuilds a source table (batch mode) drops its triggers: it must
    create them again (see migration 0014)."""
    from importlib import import_module

    sources = import_module("fieldvisit.persistence.migrations.versions.0014_search_grams").SOURCES
    assert {"search_documents", "search_index", "search_grams"} <= sqlite_objects(database,
                                                                                "table")
    assert sqlite_objects(database, "trigger") >= {
        f"{table}_search_{kind}_{event}" for table, kind, *_rest in sources
        for event in ("insert", "update", "delete")} | {
        f"search_documents_{event}" for event in ("insert", "delete")}


def test_models_and_migrations_agree_apart_from_the_search_tables(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
        plain = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert all(diff[0] == "remove_table"
               and (is_search_table(diff[1].name) or diff[1].name in HAND_MADE)
               or diff[0] == "remove_index" and is_search_table(diff[1].table.name)
               for diff in plain)


STAMP = datetime(2024, 5, 25, 1, 0, tzinfo=UTC)


def create_at_0003(path: Path) -> dict[str, UUID]:
    """A database as FieldVisit 0003 left it, with a visit, a stop, notes, a key figure and
    a follow-up."""
    ids = {name: uuid4() for name in ("visit", "site", "stop", "note", "other", "figure",
                                      "follow_up")}
    stamps = {"created_at": STAMP, "updated_at": STAMP}
    engine = create_engine(db.sqlite_url(path))
    event.listen(engine, "connect", db._sqlite_pragmas)
    tables = Base.metadata.tables
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0003")
            connection.execute(insert(tables["visits"]).values(
                id=ids["visit"], title="旧的调研", theme="", purpose="", region="",
                start_date=date(2024, 5, 25), end_date=None, timezone="Asia/Shanghai",
                day_start=datetime(2024, 1, 1, 9).time(), day_end=None, travel={},
                status="draft", methods=[], summary="", conclusions="", source="",
                remarks="", **stamps))
            connection.execute(insert(tables["sites"]).values(
                id=ids["site"], name="老驿站", address="", host_organization_id=None,
                kind="other", latitude=None, longitude=None, datum="WGS-84",
                opening_hours=[], contact="", description="", facts=[], **stamps))
            connection.execute(insert(tables["stops"]).values(
                id=ids["stop"], visit_id=ids["visit"], site_id=ids["site"], position=1, day=1,
                dwell_minutes=30, fixed_arrival=None, delay_minutes=0, pinned=False,
                activities="", travel_mode=None, travel_minutes=None, travel_notes="",
                times_illustrative=False, **stamps))
            for key, text, position in (("note", "外卖骑手反映充电难", 1),
                                        ("other", "Couriers need parking", 2)):
                connection.execute(insert(tables["notes"]).values(
                    id=ids[key], visit_id=ids["visit"], stop_id=ids["stop"], author_id=None,
                    kind="observation", interviewee_group="", speaker="", text=text, tags=[],
                    confidential=False, position=position, **stamps))
            connection.execute(insert(tables["key_figures"]).values(
                id=ids["figure"], visit_id=ids["visit"], stop_id=ids["stop"],
                note_id=ids["note"], label="充电桩", value="30", unit="个",
                qualifier="exactly", **stamps))
            connection.execute(insert(tables["follow_ups"]).values(
                id=ids["follow_up"], visit_id=ids["visit"], note_id=ids["note"],
                action="协调增设充电桩", responsible_organization_id=None, due_date=None,
                status="open", **stamps))
    finally:
        engine.dispose()
    return ids


def test_an_older_database_is_indexed_when_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    ids = create_at_0003(path)
    database = db.open_database(db.sqlite_url(path))
    try:
        uow = database.unit_of_work()
        assert sorted((h.kind, h.record_id) for h in search(uow, "充电").hits) == [
            ("figure", ids["figure"]), ("follow_up", ids["follow_up"]), ("note", ids["note"])]
        assert [h.record_id for h in search(uow, "骑手").hits] == [ids["note"]]
        assert [h.record_id for h in search(uow, "外卖骑手").hits] == [ids["note"]]
        (hit,) = search(uow, "COURIERS").hits
        assert (hit.record_id, hit.stop_label, hit.visit_title) == \
            (ids["other"], "老驿站", "旧的调研")
        assert [h.text for h in search(uow, "充电桩 30").hits] == ["充电桩 30 个"]
        notes.add_note(uow, ids["visit"], "新记录：骑手驿站")
        assert len(search(uow, "骑手").hits) == 2
        integrity_check(database)
    finally:
        database.dispose()
    assert path.with_name("old.sqlite3.before-0003.bak").exists()
    from tests.integration.test_migrations import read

    assert read(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_downgrade_removes_the_index(tmp_path):
    path = tmp_path / "down.sqlite3"
    create_at_0003(path)
    db.open_database(db.sqlite_url(path)).dispose()
    engine = create_engine(db.sqlite_url(path))
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
            names = {name for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search%' OR type = 'trigger'")}
            assert names == set()
            command.upgrade(alembic_config(connection), "0012")  # 0004's index again
            assert connection.exec_driver_sql(
                "SELECT count(*) FROM search_index WHERE search_index MATCH '充电桩'").scalar() == 2
            assert connection.exec_driver_sql("SELECT count(*) FROM notes").scalar() == 2
    finally:
        engine.dispose()


# -- command line --------------------------------------------------------------------------------
@pytest.fixture
def search_cli(run_cli, monkeypatch):
    """``fieldvisit search`` (registered here too until cli.py lists it)."""
    from fieldvisit import cli, cli_search

    if "search" not in cli.COMMANDS:
        build = cli.build_parser

        def build_parser():
            parser = build()
            commands = next(a for a in parser._actions if a.dest == "command")
            cli_search.add_parsers(commands)
            return parser

        monkeypatch.setattr(cli, "build_parser", build_parser)
        monkeypatch.setitem(cli.COMMANDS, "search", cli_search.run_search)
    return run_cli


def test_search_command_marks_the_matches(search_cli, corpus):
    status, out, err = search_cli("search", "骑手")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 5
    assert lines[0] == "第三次调研 [figure] 【骑手】驿站 12 家"  # the newest first
    assert any(line.startswith("市委主题教育第六巡回指导组、市总工会、团市委、市妇联赴朝阳区"
                               "联合调研 · 饿了么北京CBD骑士驿站 [note] ") for line in lines)
    assert all("【骑手】" in line for line in lines)
    assert "第三次调研 [note] 【骑手】们反映外卖送餐员的休息点太少。" in lines
    assert any("[follow-up]" in line and "饿了么北京CBD骑士驿站" in line for line in lines)


def test_search_command_json(search_cli, corpus):
    status, out, _err = search_cli("search", "RIDERS", "--json")
    assert status == 0
    hits = json.loads(out)
    assert {h["kind"] for h in hits} == {"note", "figure", "follow_up"}
    for hit in hits:
        assert UUID(hit["record_id"]) and UUID(hit["visit_id"]) == corpus["second"]
        assert hit["visit_title"] == "Rider survey"
        for start, end in hit["spans"]:
            assert hit["snippet"][start:end].lower() == "riders"
    assert set(hits[0]) == {"kind", "record_id", "visit_id", "visit_title", "stop", "stop_id",
                            "note_id", "text", "snippet", "spans", "confidential"}
    assert not any(hit["confidential"] for hit in hits)


def test_search_command_without_matches_empty_and_limited(search_cli, corpus):
    assert search_cli("search", "量子计算机") == (0, "", "no matches for '量子计算机'\n")
    assert search_cli("search", "量子计算机", "--json") == (0, "[]\n", "")
    status, _out, err = search_cli("search", "  ")
    assert status == 2 and "search for" in err
    status, out, err = search_cli("search", "骑", "--limit", "2")
    assert status == 0 and len(out.splitlines()) == 2 and "first 2 hits" in err


# -- the same hits on both databases -------------------------------------------------------------
@pytest.mark.sqlite_only("compares this SQLite database with a PostgreSQL one")
def test_search_on_postgresql_finds_what_sqlite_finds(uow, corpus, postgres_databases):
    """Its own index (grams with a GIN index, then ILIKE) gives the same hits."""
    from fieldvisit.services.sample import reference_document
    from fieldvisit.services.visit_document import export_visit, import_visit

    queries = ("骑", "骑手", "外卖送餐员", "riders", "RIDERS charging", "%", "_", '"', "OR",
               "NEAR(", "800 平方米", "x" * 10_000, "'; DROP TABLE notes; --")

    def seen(unit_of_work, query: str) -> list[tuple]:
        return sorted((h.kind, str(h.record_id), str(h.visit_id), h.stop_label, str(h.note_id),
                       h.spans) for h in search(unit_of_work, query).hits)

    expected = {q: seen(uow, q) for q in queries}
    documents = [export_visit(uow, visit_id) for visit_id in
                 (corpus["reference"], corpus["third"], corpus["second"])]
    assert documents[0]["visit"]["id"] == reference_document()["visit"]["id"]
    url = postgres_databases.take()
    database = db.open_database(url)
    try:
        remote = database.unit_of_work()
        for document in documents:
            import_visit(remote, document)
        with remote:
            assert remote.search.indexed()
        for query in queries:
            assert seen(remote, query) == expected[query], query
        (hit,) = [h for h in search(remote, "外卖送餐员").hits if h.visit_id == corpus["third"]]
        assert hit.spans == ((5, 10),) and hit.visit_title == "第三次调研"
    finally:
        database.dispose()
        postgres_databases.give_back(url)


@pytest.mark.parametrize(("query", "text"), [
    ("äR", "ÄRZTE im Bezirk"), ("ärzte", "ÄRZTE im Bezirk"), ("ст", "Страница"),
    ("СТРАНИЦА", "Страница"), ("Ǆ", "ǅemal"), ("σίσυφος", "ΣΊΣΥΦΟΣ")])
def test_every_letter_matches_in_any_case_whatever_the_length_of_the_term(uow, query, text):
    """SQLite's LIKE, which finds terms of one or two characters, ignores the case of ASCII
    letters only; PostgreSQL's ILIKE and the trigram index, of every letter."""
    visit = visits.create_visit(uow, "Europa")
    for note in ("ÄRZTE im Bezirk", "Страница", "ǅemal", "ΣΊΣΥΦΟΣ"):
        notes.add_note(uow, visit.id, note)
    assert [hit.text for hit in found(uow, query)] == [text]
