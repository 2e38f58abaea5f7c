"""Full-text search over notes (text, speaker, interviewee group), key figures, follow-ups,
sites and people, through an index on SQLite and on PostgreSQL: no query scans the records.

Migration 0014 keeps ``search_documents`` (one row per searchable text, ``kind`` saying what
it is) in step with the source tables by triggers; a changed text gets a new ``id``, so a
larger id is a more recent write. A query is split into terms at whitespace; a document
matches when it contains every term, ignoring case.

- SQLite: ``search_grams`` (FTS5, contentless) holds every character and every pair of
  neighbouring characters of each document as tokens. A term of one or two characters is one
  token; a longer term needs all its pairs (a necessary condition) and is then checked by the
  ``trigram`` FTS5 index ``search_index`` for that one document (``rowid =``), so no text is
  scanned. User text is always quoted as an FTS5 string, never read as query syntax.
- PostgreSQL: ``search_documents.grams`` (``text[]`` of the same characters and pairs, lower
  case, GIN index). The newest WALK documents are read first, newest first by the primary key,
  and checked (ignoring case as ILIKE does, against the text stored lower-cased, ``folded``,
  for a term with letters): a page of a common term is there, found
  without reading its other matches, which the GIN index would all give to be sorted (64–360
  ms at 100,000 notes). If the page is not full, the older documents come through the GIN
  index (all the grams of every term, then the check): a rarer term, few matches to sort.

Hits come newest first (by ``id``), in pages (``limit``, ``offset``); with several terms,
documents holding the query as typed (its words with single spaces) come first — on
PostgreSQL, among the newest WALK documents only: its index cannot tell the phrase from its
words, so looking for it everywhere would read every document holding them all.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.orm import Session

SEARCH_TABLES = frozenset({"search_documents", "search_index", "search_grams"})
MAX_TERMS = 10
"""A query with more words than this is searched as one phrase."""
MAX_MATCHED = 32
"""Longer terms are looked up in the trigram index by their beginning, then checked in full."""
MAX_GRAMS = 24
"""A long term is looked up by at most this many of its character pairs."""
MAX_VARIANTS = 16
"""A term checked with LIKE is tried in at most this many mixes of case (``_case_variants``)."""
NOTE_KINDS = ("note", "speaker", "interviewees")
WALK = 5_000
"""PostgreSQL: how many of the newest documents are read one by one first
(``_search_postgresql``)."""
WALK_MORE = 30_000
"""PostgreSQL: how many older documents the walk may read on for a term seen among the
newest WALK but not enough for a page (then the GIN index would give more to sort)."""
KINDS = ("note", "speaker", "interviewees", "figure", "follow_up", "site", "person")


def is_search_table(name: str | None) -> bool:
    """The search tables and FTS5's shadow tables (search_index_data, _idx, _config...)."""
    return name is not None and (name in SEARCH_TABLES
                                 or name.startswith(("search_index_", "search_grams_")))


HAND_MADE = ("record_changes", "photo_blobs")  # a shared database's change log and photos


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: the search tables and the change log of a shared
    database (``change_log.py``) are made by hand, not by the ORM metadata."""
    return not (type_ == "table" and (is_search_table(name) or name in HAND_MADE))


def query_terms(query: str) -> tuple[str, ...]:
    """The terms a query searches for: its words, without repeats (or the whole query as one
    phrase if it has more than MAX_TERMS words). Characters that cannot be stored are dropped."""
    cleaned = query.replace("\x00", "").encode("utf-8", "ignore").decode("utf-8")
    words = list(dict.fromkeys(cleaned.split()))
    if len(words) > MAX_TERMS:
        return (" ".join(words),)
    return tuple(words)


@dataclass(frozen=True)
class RawHit:
    kind: str  # one of KINDS
    record_id: UUID
    visit_id: UUID | None
    """The record's visit (None for a site or a person)."""
    text: str
    note_id: UUID | None = None
    """The note itself, or the note a figure or follow-up was taken from."""
    stop_id: UUID | None = None
    """The record's stop, or else its note's."""
    position: int = 0
    """The position of ``note_id`` in its visit (0 without a note)."""
    stop_position: int = 0
    site_name: str = ""
    """The name of the site of ``stop_id`` ("" without a stop)."""
    confidential: bool = False
    """The note (or the note a figure or follow-up was taken from) is confidential."""


def grams(term: str) -> list[str]:
    """The characters of a short term, or the pairs of neighbouring characters of a longer one
    (at most MAX_GRAMS of them, spread over the term)."""
    if len(term) <= 2:
        return [term]
    pairs = list(dict.fromkeys(term[i:i + 2] for i in range(len(term) - 1)))
    if len(pairs) > MAX_GRAMS:
        step = len(pairs) / MAX_GRAMS
        pairs = [pairs[int(i * step)] for i in range(MAX_GRAMS)]
    return pairs


def _space(character: str) -> bool:
    """A character the index leaves out of its grams (a space or a control character)."""
    return character.isspace() or unicodedata.category(character) == "Cc"


def _fts_string(term: str) -> str:
    """``term`` as an FTS5 string literal: inside double quotes, only ``"`` is special."""
    return '"' + term.replace('"', '""') + '"'


def _case_variants(term: str) -> list[str]:
    """``term`` with its letters other than ASCII in each of their cases: SQLite's LIKE ignores
    the case of ASCII letters only. Just ``term`` if that would make more than MAX_VARIANTS."""
    choices = [sorted({c, c.lower(), c.upper(), c.title()}) if not c.isascii() else [c]
               for c in term]
    if math.prod(len(choice) for choice in choices) > MAX_VARIANTS:
        return [term]
    return ["".join(variant) for variant in itertools.product(*choices)]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# What a hit needs besides its document: its note, stop and site (for notes' fields, figures
# and follow-ups), joined to the page of documents ``{found}`` only (found first: a join never
# makes the database look at more than that page). ``{false}`` is the dialect's false.
DETAILS = (
    "SELECT page.kind, page.record_id, page.visit_id, page.text,"
    " coalesce(n.id, f.note_id, u.note_id), stop.id, coalesce(n.position, source.position),"
    " stop.position, site.name,"
    " coalesce(n.confidential, source.confidential, {false})"
    " FROM ({found}) AS page"
    " LEFT JOIN notes AS n ON page.kind IN ('note', 'speaker', 'interviewees')"
    " AND n.id = page.record_id"
    " LEFT JOIN key_figures AS f ON page.kind = 'figure' AND f.id = page.record_id"
    " LEFT JOIN follow_ups AS u ON page.kind = 'follow_up' AND u.id = page.record_id"
    " LEFT JOIN notes AS source ON source.id = coalesce(f.note_id, u.note_id)"
    " LEFT JOIN stops AS stop ON stop.id = coalesce(n.stop_id, f.stop_id, source.stop_id)"
    " LEFT JOIN sites AS site ON site.id = stop.site_id"
    " ORDER BY page.id DESC")
FOUND = ("SELECT d.id, d.kind, d.record_id, d.visit_id, d.text FROM {documents}"
         " WHERE {conditions} ORDER BY {order} DESC LIMIT :limit")


class SearchIndex:
    """Finds documents containing every term of a query; reads through a session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    terms = staticmethod(query_terms)

    def indexed(self) -> bool:
        """True when the database has the search index (every database at head does)."""
        dialect = self._session.get_bind().dialect.name
        name = "search_grams" if dialect == "sqlite" else "search_documents"
        if dialect == "sqlite":
            found = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
        else:
            found = "SELECT 1 FROM information_schema.tables WHERE table_name = :name"
        return self._session.execute(text(found), {"name": name}).first() is not None

    def search(self, query: str, limit: int, offset: int = 0) -> list[RawHit]:
        """Up to ``limit`` documents containing every term of ``query`` (any case), skipping
        the first ``offset``: with several terms those holding the whole query first (on
        PostgreSQL, among the newest WALK documents), each group newest first."""
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        wanted = offset + limit
        if self._session.get_bind().dialect.name != "sqlite":
            return self._search_postgresql(terms, wanted)[offset:]
        if len(terms) == 1:
            return self._find(terms, None, wanted)[offset:]
        phrase = " ".join(terms)
        first = self._find((phrase,), None, wanted)
        if len(first) < wanted:
            first += self._find(terms, phrase, wanted - len(first))
        return first[offset:]

    def _find(self, terms: tuple[str, ...], without: str | None, limit: int) -> list[RawHit]:
        statement, params = self._sqlite(terms, without)
        params["limit"] = limit
        return [_raw_hit(row) for row in self._session.execute(statement, params)]

    def _search_postgresql(self, terms: tuple[str, ...], wanted: int) -> list[RawHit]:
        """The newest WALK documents are read newest first by the primary key, each checked:
        a page of a common term is there, found without reading its other matches. If the
        page is not full but the term was seen there, the walk goes on as far as the term's
        frequency says the page needs, up to WALK_MORE documents. What is still missing
        comes from the older documents through the GIN index of grams: a rarer term, with
        few matches to read and sort. With several terms, the documents holding the query as
        typed come first among the newest WALK only: the index cannot tell the phrase from
        its words, so looking for it everywhere would read every document holding them all."""
        newest = self._session.execute(text("SELECT max(id) FROM search_documents")).scalar()
        if newest is None:
            return []
        floor = max(0, newest - WALK)
        found: list[RawHit] = []
        phrase = None
        if len(terms) > 1:
            phrase = " ".join(terms)
            found = self._postgresql((phrase,), None, (floor, newest), wanted)
        if len(found) < wanted:
            found += self._postgresql(terms, phrase, (floor, newest), wanted - len(found))
        if found and len(found) < wanted and floor > 0:
            needed = (wanted - len(found)) * (newest - floor) * 3 // (2 * len(found))
            if needed <= WALK_MORE:
                low = max(0, floor - needed)
                found += self._postgresql(terms, None, (low, floor), wanted - len(found))
                floor = low
        if len(found) < wanted and floor > 0:
            found += self._postgresql(terms, None, (0, floor), wanted - len(found),
                                      walk=False)
        return found

    # -- SQLite: FTS5 ----------------------------------------------------------------------
    def _sqlite(self, terms: tuple[str, ...], without: str | None) -> tuple[Any, dict]:
        """Terms of three or more characters only: the trigram index finds them (each an FTS5
        phrase); otherwise the index of characters and pairs finds the candidates (a long
        term by its pairs) and each long term is checked in the candidate's text."""
        params: dict[str, Any] = {}
        conditions = []
        if all(len(term) > 2 for term in terms):
            params["match"] = " ".join(_fts_string(term[:MAX_MATCHED]) for term in terms)
            conditions.append("search_index MATCH :match")
            driver = "search_index"
            checked = [term for term in terms if len(term) > MAX_MATCHED]
        else:
            tokens = dict.fromkeys(gram for term in terms for gram in grams(term))
            params["match"] = " AND ".join(_fts_string(token) for token in tokens)
            conditions.append("search_grams MATCH :match")
            driver = "search_grams"
            checked = [term for term in terms if len(term) > 2]
        for number, term in enumerate(checked):
            conditions.append(self._sqlite_check(term, f"t{number}", params))
        if without is not None:
            conditions.append(f"NOT {self._sqlite_check(without, 'w', params)}")
        found = FOUND.format(
            documents=f"{driver} JOIN search_documents AS d ON d.id = {driver}.rowid",
            conditions=" AND ".join(conditions), order=f"{driver}.rowid")
        return text(DETAILS.format(false="0", found=found)), params

    @staticmethod
    def _sqlite_check(term: str, name: str, params: dict[str, Any]) -> str:
        """``d.text`` contains ``term`` (three or more characters), ignoring case: LIKE, in
        each mix of case of its letters beyond ASCII; with too many mixes, the trigram index
        asked about this one document (slower), and LIKE for what is longer than it is asked."""
        variants = _case_variants(term)
        cased = any(not c.isascii() and c.lower() != c.upper() for c in term)
        if len(variants) > 1 or not cased:
            likes = []
            for index, variant in enumerate(variants):
                params[f"{name}_{index}"] = _like_pattern(variant)
                likes.append(f"d.text LIKE :{name}_{index} ESCAPE '\\'")
            return f"({' OR '.join(likes)})"
        params[name] = _fts_string(term[:MAX_MATCHED])
        check = (f"EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH :{name}"
                 f" AND search_index.rowid = d.id)")
        if len(term) > MAX_MATCHED:
            params[f"{name}_all"] = _like_pattern(term)
            check = f"({check} AND lower(d.text) LIKE lower(:{name}_all) ESCAPE '\\')"
        return check

    # -- PostgreSQL: grams with a GIN index ------------------------------------------------
    def _postgresql(self, terms: tuple[str, ...], without: str | None,
                    ids: tuple[int, int], limit: int, walk: bool = True) -> list[RawHit]:
        """Up to ``limit`` documents holding every term (``_position``) and not ``without``,
        newest first, their ``id`` in ``(low, high]``: read by the primary key (``walk``: no
        condition the GIN index could serve), or through the GIN index (ordered by ``id + 0``,
        so that the planner, which thinks a match of several grams rare, does not walk the
        primary key instead)."""
        params: dict[str, Any] = {"low": ids[0], "high": ids[1], "limit": limit}
        conditions = ["d.id > :low", "d.id <= :high"]
        if not walk:
            params["grams"] = list(dict.fromkeys(
                gram for term in terms for gram in grams(term)
                if not any(_space(c) for c in gram)))
            # folded as the index has it: PostgreSQL's lower(upper()), not Python's
            conditions.append("d.grams @> CAST(lower(upper(CAST(:grams AS text))) AS text[])")
        for number, term in enumerate(terms):
            params[f"t{number}"] = term
            conditions.append(f"{_position(term, f't{number}')} > 0")
        if without is not None:
            params["w"] = without
            conditions.append(f"{_position(without, 'w')} = 0")
        found = FOUND.format(documents="search_documents AS d",
                             conditions=" AND ".join(conditions),
                             order="d.id" if walk else "d.id + 0")
        statement = text(DETAILS.format(false="false", found=found))
        return [_raw_hit(row) for row in self._session.execute(statement, params)]

    def visit_titles(self, visit_ids: list[UUID]) -> dict[UUID, str]:
        """The titles of these visits (those that exist), read alone."""
        from sqlalchemy import select

        from fieldvisit.persistence import models as m

        if not visit_ids:
            return {}
        visits = m.VisitRow.__table__.c  # Core columns: the ORM's mappers are not set up
        return dict(self._session.execute(select(visits.id, visits.title)  # for this (30 ms)
                                          .where(visits.id.in_(visit_ids))).all())

    # -- where a site is visited -----------------------------------------------------------
    def site_stops(self, site_ids: list[UUID]) -> dict[UUID, tuple[UUID, UUID]]:
        """For each site, (visit, stop) of its stop in the visit that starts last (the most
        recently created when undated); sites without a stop are left out."""
        from sqlalchemy import select

        from fieldvisit.persistence import models as m

        if not site_ids:
            return {}
        rows = self._session.execute(
            select(m.StopRow.site_id, m.StopRow.visit_id, m.StopRow.id)
            .join(m.VisitRow, m.VisitRow.id == m.StopRow.visit_id)
            .where(m.StopRow.site_id.in_(site_ids))
            .order_by(m.VisitRow.start_date.is_not(None), m.VisitRow.start_date,
                      m.VisitRow.created_at, m.StopRow.position))
        found: dict[UUID, tuple[UUID, UUID]] = {}
        for site_id, visit_id, stop_id in rows:
            found[site_id] = (visit_id, stop_id)  # the last wins
        return found


def _position(term: str, name: str) -> str:
    """PostgreSQL: where ``term`` (the parameter ``name``) is in ``d.text``, ignoring case as
    ILIKE does (``lower()`` of both). A term without cased letters (Chinese) is looked for as
    it is; one with letters in the text lower-cased as migration 0015 stores it (``folded``,
    NULL when that is the text itself): lowering every text read took most of the time."""
    if all(c.lower() == c == c.upper() for c in term):
        return f"strpos(d.text, :{name})"
    return f"strpos(coalesce(d.folded, d.text), lower(:{name}))"


def _raw_hit(row: Any) -> RawHit:
    (kind, record_id, visit_id, found, note_id, stop_id, position, stop_position, site,
     confidential) = row
    return RawHit(kind, _uuid(record_id), _uuid(visit_id), found, _uuid(note_id),
                  _uuid(stop_id), position or 0, stop_position or 0, site or "",
                  bool(confidential))


def _uuid(value: Any) -> Any:
    """A UUID from a column read raw (SQLite stores 32 hex digits), or None."""
    return value if value is None or isinstance(value, UUID) else UUID(str(value))
