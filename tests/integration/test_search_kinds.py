"""Search finds speakers, interviewee groups, sites and people too, each hit saying what it is
and where it leads (issue 16); every term length goes through the index (issue 15)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldvisit.services import directory, itinerary, notes, visits
from fieldvisit.services.search import search


def test_speakers_interviewee_groups_sites_and_people_are_found(uow):
    older = visits.create_visit(uow, "早先的调研", start_date=date(2023, 3, 1))
    visit = visits.create_visit(uow, "骑手调研", start_date=date(2024, 5, 1))
    site = itinerary.create_site(uow, "望京骑手驿站", address="望京街道")
    itinerary.add_stop(uow, older.id, site.id)
    stop = itinerary.add_stop(uow, visit.id, site.id)
    lonely = itinerary.create_site(uow, "没人去的驿站")
    person = directory.create_person(uow, "欧阳骑", title="站长")
    note = notes.add_note(uow, visit.id, "充电难。", stop_id=stop.id, speaker="王师傅",
                          interviewee_group="外卖骑手")
    hits = search(uow, "骑").hits
    kinds = {hit.kind: hit for hit in hits}
    assert set(kinds) == {"interviewees", "site", "person"}
    assert (kinds["interviewees"].record_id, kinds["interviewees"].note_id,
            kinds["interviewees"].visit_id, kinds["interviewees"].stop_label) == \
        (note.id, note.id, visit.id, "望京骑手驿站")
    assert (kinds["site"].record_id, kinds["site"].visit_id, kinds["site"].stop_id,
            kinds["site"].stop_label, kinds["site"].visit_title) == \
        (site.id, visit.id, stop.id, "望京骑手驿站", "骑手调研")  # the latest visit's stop
    assert (kinds["person"].record_id, kinds["person"].visit_id, kinds["person"].text) == \
        (person.id, None, "欧阳骑")
    (speaker,) = search(uow, "师傅").hits
    assert (speaker.kind, speaker.record_id, speaker.note_id, speaker.text) == \
        ("speaker", note.id, note.id, "王师傅")
    (unvisited,) = search(uow, "没人").hits
    assert (unvisited.kind, unvisited.record_id, unvisited.visit_id, unvisited.stop_id) == \
        ("site", lonely.id, None, None)


def test_renaming_and_deleting_are_followed(uow):
    visit = visits.create_visit(uow, "调研")
    note = notes.add_note(uow, visit.id, "记录", speaker="王师傅")
    person = directory.create_person(uow, "欧阳骑")
    site = itinerary.create_site(uow, "老驿站")
    notes.update_note(uow, note.id, speaker="李师傅")
    assert [h.text for h in search(uow, "师傅").hits] == ["李师傅"]
    notes.update_note(uow, note.id, speaker="")  # anonymous: nothing to find
    assert search(uow, "师傅").hits == ()
    directory.update_person(uow, person.id, name="欧阳明")
    assert [h.text for h in search(uow, "欧阳").hits] == ["欧阳明"]
    directory.delete_person(uow, person.id)
    assert search(uow, "欧阳").hits == ()
    itinerary.update_site(uow, site.id, name="新驿站")
    assert [h.kind for h in search(uow, "新驿").hits] == ["site"]
    itinerary.delete_site(uow, site.id)
    assert search(uow, "驿站").hits == ()


def test_search_command_says_what_each_hit_is(run_cli, uow):
    visit = visits.create_visit(uow, "骑手调研")
    notes.add_note(uow, visit.id, "驿站很好。", speaker="王骑", interviewee_group="骑手")
    directory.create_person(uow, "欧阳骑")
    itinerary.create_site(uow, "骑士驿站")
    status, out, err = run_cli("search", "骑")
    assert status == 0 and err == ""
    assert sorted(out.splitlines()) == sorted([
        "骑士驿站 [site] 【骑】士驿站", "[person] 欧阳【骑】", "骑手调研 [speaker] 王【骑】",
        "骑手调研 [interviewee group] 【骑】手"])
    status, out, _err = run_cli("search", "骑", "--json")
    assert {hit["kind"] for hit in json.loads(out)} == {"site", "person", "speaker",
                                                         "interviewees"}
    status, out, err = run_cli("search", "骑", "--limit", "1", "--offset", "1")
    assert status == 0 and len(out.splitlines()) == 1 and "2–2" in err and "--offset 2" in err


@pytest.mark.sqlite_only("fills SQLite's FTS5 tables in bulk, as the benchmark builder does")
def test_the_bulk_fill_of_migration_0014_gives_what_the_triggers_give(uow, database,
                                                                      sample_visit_id):
    """migration 0014 (and benchmarks/big_database.py) fill the index in bulk; the triggers
    fill it row by row: the same documents and the same hits."""
    from importlib import import_module

    migration = import_module("fieldvisit.persistence.migrations.versions.0014_search_grams")
    queries = ("骑", "骑手", "外卖送餐员", "驿站 服务", "a", "CBD", "Ri", "骑手 riders")

    def state() -> tuple:
        with database.engine.connect() as connection:
            documents = sorted(connection.exec_driver_sql(
                "SELECT kind, record_id, visit_id, text FROM search_documents").all())
        return documents, {q: sorted((h.kind, h.record_id) for h in search(uow, q).hits)
                           for q in queries}

    by_triggers = state()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM search_documents")  # its triggers empty both
        connection.exec_driver_sql(
            f"INSERT INTO search_documents (kind, record_id, visit_id, text) SELECT kind, id, "
            f"visit_id, text FROM ({migration.fill_sqlite()}) ORDER BY created_at, id")
    by_triggers_again = state()  # the insert trigger indexed the rows one by one
    with database.engine.begin() as connection:
        triggers = [sql for (sql,) in connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name LIKE 'search_documents_%' "
            "AND type = 'trigger'")]
        connection.exec_driver_sql("DROP TRIGGER search_documents_insert")
        connection.exec_driver_sql("DROP TRIGGER search_documents_delete")
        connection.exec_driver_sql("DELETE FROM search_documents")
        connection.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        connection.exec_driver_sql("INSERT INTO search_grams (search_grams) VALUES ('delete-all')")
        connection.exec_driver_sql(
            f"INSERT INTO search_documents (kind, record_id, visit_id, text) SELECT kind, id, "
            f"visit_id, text FROM ({migration.fill_sqlite()}) ORDER BY created_at, id")
        connection.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('rebuild')")
        connection.exec_driver_sql(f"INSERT INTO search_grams (rowid, grams) SELECT id, "
                                   f"{migration.grams_sql('text')} FROM search_documents")
        for sql in triggers:
            connection.exec_driver_sql(sql)
    assert state() == by_triggers_again
    assert state()[1] == by_triggers[1] and state()[0] == by_triggers[0]


def test_the_newest_documents_first_then_all(uow, monkeypatch):
    """PostgreSQL reads the newest documents one by one first (WALK), then the older ones
    through its index: what is older is found too, in the same order, whatever WALK is."""
    from fieldvisit.persistence import search_index

    visit = visits.create_visit(uow, "调研")
    made = [notes.add_note(uow, visit.id, f"第{i}条：骑手{'驿站' if i % 3 else ''}").id
            for i in range(12)]
    expected = [h.record_id for h in search(uow, "骑手", limit=50).hits]
    assert expected == made[::-1]
    for walk in (1, 2, 5, 11):
        monkeypatch.setattr(search_index, "WALK", walk)
        assert [h.record_id for h in search(uow, "骑手", limit=50).hits] == expected
        assert [h.record_id for h in search(uow, "骑手", limit=3).hits] == expected[:3]
        assert [h.record_id for h in search(uow, "驿站 骑手", limit=50).hits] == \
            [i for i in expected if made.index(i) % 3]
        pages = [search(uow, "骑手", limit=5, offset=offset) for offset in (0, 5, 10)]
        assert [h.record_id for page in pages for h in page.hits] == expected
        assert [page.truncated for page in pages] == [True, True, False]


@pytest.mark.sqlite_only("reads SQLite's query plans")
@pytest.mark.parametrize("query", ["骑", "骑手", "外卖送餐员", "qz", "a", "骑手 驿站",
                                   "riders 驿站", "鑫"])
def test_no_query_reads_every_record(uow, database, sample_visit_id, query):
    """Issue 15: 1–2-character queries scanned every indexed text. Every statement search
    runs goes through an index: no table is scanned (only the page found, as ``page``)."""
    import re

    from sqlalchemy import event

    statements = []

    def seen(_connection, _cursor, statement, parameters, _context, _many):
        if "search_" in statement:
            statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        search(uow, query)
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    assert statements
    scans = re.compile(r"\bSCAN (d|search_documents|n|f|u|source|stop|site|notes|key_figures"
                       r"|follow_ups|stops|sites|people|visits)\b")
    with database.engine.connect() as connection:
        for statement, parameters in statements:
            plan = [row[-1] for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            assert not [line for line in plan if scans.search(line)], (statement, plan)
