"""Search ranked and paged on both databases, whichever way PostgreSQL finds the documents:
the newest WALK documents read one by one (a page of a common term is there), the older ones
through its index of grams; and a common term's page is found without reading its other
matches (issue 15: at 100,000 notes such queries took 64–360 ms on PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from fieldvisit.persistence import search_index
from fieldvisit.persistence.search_index import query_terms
from fieldvisit.services import notes, visits
from fieldvisit.services.search import search

TEXTS = [  # oldest first
    "骑手驿站开放", "外卖送餐员在驿站休息", "Riders charging 驿站", "骑手 驿站 夜间开放",
    "量子", "熊", "猫", "骑手们说驿站太远", "CBD 驿站 for riders", "riders 驿站 at night",
    "骑手 驿站", "送餐员骑手", "外卖送餐员和骑手 驿站", "a rider", "骑", "RIDERS 驿站",
    "站", "骑手 熊", "zq", "外卖送餐员",
]
QUERIES = ["骑", "站", "骑手", "熊猫", "外卖送餐员", "量子计算机", "riders", "Ri", "zq", "qz",
           "骑手 驿站", "riders 驿站", "CBD 驿站", "骑手 熊猫", "qz riders", "RIDERS charging"]


@pytest.fixture
def newest_first(uow):
    """The texts of TEXTS as notes, one at a time (so the last is the newest): newest first."""
    visit = visits.create_visit(uow, "调研")
    for text in TEXTS:
        notes.add_note(uow, visit.id, text)
    return TEXTS[::-1]


def ranked(texts: list[str], query: str, window: int) -> list[str]:
    """Every text holding every term, newest first; with several terms, those holding the
    query as typed among the newest ``window`` texts first."""
    terms = query_terms(query)
    hits = [t for t in texts if all(term.lower() in t.lower() for term in terms)]
    if len(terms) == 1:
        return hits
    phrase = " ".join(terms).lower()
    first = [t for t in texts[:window] if phrase in t.lower()]
    return first + [t for t in hits if t not in first]


@pytest.mark.parametrize(("walk", "more"), [(1, 0), (4, 0), (4, 6), (10_000, 30_000)])
def test_every_query_ranked_and_paged_whatever_the_newest_read_first(
        uow, database, newest_first, monkeypatch, walk, more):
    """1, 2 and 3+ characters, Chinese, English, both, several words, present and absent:
    exactly the texts holding every term, ranked (the query as typed first — on PostgreSQL
    among the newest WALK — then the newest), and the pages put together give the same,
    however many documents PostgreSQL reads one by one (WALK, WALK_MORE) before its index."""
    monkeypatch.setattr(search_index, "WALK", walk)
    monkeypatch.setattr(search_index, "WALK_MORE", more)
    window = walk if database.engine.dialect.name == "postgresql" else len(TEXTS)
    for query in QUERIES:
        expected = ranked(newest_first, query, window)
        assert [hit.text for hit in search(uow, query, limit=100).hits] == expected, query
        pages, offset = [], 0
        while True:
            page = search(uow, query, limit=3, offset=offset)
            pages.append(page)
            offset += len(page.hits)
            if not page.truncated:
                break
        assert [hit.text for page in pages for hit in page.hits] == expected, query
        assert len(pages) == max(1, -(-len(expected) // 3)), query


def test_the_query_as_typed_comes_first_then_the_newest(uow, newest_first):
    """Two words: the notes holding "骑手 驿站" as typed, newest first, then the others holding
    both words, newest first."""
    hits = [hit.text for hit in search(uow, "骑手 驿站").hits]
    assert hits == ["外卖送餐员和骑手 驿站", "骑手 驿站", "骑手 驿站 夜间开放",
                    "骑手们说驿站太远", "骑手驿站开放"]


def test_a_common_term_is_found_among_the_newest_documents_only(uow, database, monkeypatch):
    """PostgreSQL: a page of a term that the newest WALK documents hold enough of is read
    from them, newest first, without reading the term's other matches: no statement reads
    more than WALK documents (before, it read and
    sorted every match: 64–190 ms for a common term at 100,000 notes, 230–360 ms for two)."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("about PostgreSQL's query plans")
    monkeypatch.setattr(search_index, "WALK", 20)
    monkeypatch.setattr(search_index, "WALK_MORE", 0)
    visit = visits.create_visit(uow, "调研")
    for number in range(80):
        notes.add_note(uow, visit.id, f"第{number}条：骑手驿站 riders")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE search_documents")
    statements: list[tuple[str, object]] = []

    def seen(_connection, _cursor, statement, parameters, _context, _many):
        if "search_documents" in statement and not statement.startswith("EXPLAIN"):
            statements.append((statement, parameters))

    for query in ("骑手", "骑手 驿站", "riders 驿站"):
        event.listen(database.engine, "before_cursor_execute", seen)
        try:
            assert len(search(uow, query, limit=5).hits) == 5
        finally:
            event.remove(database.engine, "before_cursor_execute", seen)
    with database.engine.connect() as connection:
        # planned as for a large table: this one is so small that reading it all is cheaper
        connection.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in statements:
            (plan,), = connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters).one()
            assert documents_read(plan["Plan"]) <= 20, (statement, parameters)


def documents_read(node: dict) -> int:
    """Rows of search_documents a plan read: returned or removed by its filters."""
    own = 0
    if node.get("Relation Name") == "search_documents":
        own = (node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
               + node.get("Rows Removed by Index Recheck", 0)) * node.get("Actual Loops", 1)
    return own + sum(documents_read(child) for child in node.get("Plans", ()))


def test_postgresql_keeps_each_text_lower_cased_for_terms_with_letters(uow, database):
    """Migration 0015: ``folded`` is ``lower(text)``, NULL when that is the text itself (a
    Chinese text), and follows every change of the text; a term with letters is checked
    against it, a Chinese term against the text."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite folds case in its LIKE and its FTS5 indexes")
    visit = visits.create_visit(uow, "调研")
    chinese = notes.add_note(uow, visit.id, "骑手驿站")
    mixed = notes.add_note(uow, visit.id, "Riders 在 CBD 驿站 Über")

    def folded() -> dict[str, str | None]:
        with database.engine.connect() as connection:
            return dict(connection.exec_driver_sql(
                "SELECT text, folded FROM search_documents WHERE kind = 'note'").all())

    assert folded() == {"骑手驿站": None, "Riders 在 CBD 驿站 Über": "riders 在 cbd 驿站 über"}
    notes.update_note(uow, chinese.id, text="骑手 RIDERS")
    assert folded()["骑手 RIDERS"] == "骑手 riders"
    assert [h.record_id for h in search(uow, "riders").hits] == [chinese.id, mixed.id]
    assert [h.record_id for h in search(uow, "ÜBER cbd").hits] == [mixed.id]
    assert [h.record_id for h in search(uow, "骑手").hits] == [chinese.id]
