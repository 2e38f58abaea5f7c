"""Full-text search over notes, key figures and follow-ups.

On SQLite, migration 0004 keeps ``search_documents`` (one row per record) and the FTS5 table
``search_index`` (``trigram`` tokenizer) in step with the source tables by triggers. A query is
split into terms at whitespace; a record matches when it contains every term, ignoring case.
Terms of three or more characters are looked up in the FTS index (each quoted as an FTS5 string,
so user text never reads as query syntax); shorter ones (骑, 骑手, an English "OR") are found by
scanning the indexed text with LIKE (``%`` and ``_`` escaped; LIKE ignores the case of ASCII
letters, so other letters are tried in each of their cases: "äR" as "äR" or "ÄR"). Elsewhere
(PostgreSQL, or an SQLite without the trigram tokenizer) the source tables are scanned with
ILIKE.

Hits come back in the order the index finds them; callers sort them.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import and_, case, func, literal, select, text, union_all
from sqlalchemy.orm import Session, aliased

from fieldvisit.persistence import models as m

SEARCH_TABLES = frozenset({"search_documents", "search_index"})
MIN_INDEXED = 3
"""The trigram index finds terms of at least this many characters."""
MAX_TERMS = 10
"""A query with more words than this is searched as one phrase."""
MAX_MATCHED = 32
"""Longer terms are looked up in the index by their beginning, then checked in full."""
MAX_VARIANTS = 16
"""A term checked with LIKE is tried in at most this many mixes of case (``_case_variants``)."""
KINDS = ("note", "figure", "follow_up")


def is_search_table(name: str | None) -> bool:
    """The search tables and FTS5's shadow tables (search_index_data, _idx, _config...)."""
    return bool(name) and (name in SEARCH_TABLES or name.startswith("search_index_"))


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
    kind: str  # "note", "figure" or "follow_up"
    record_id: UUID
    visit_id: UUID
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


def _fts_string(term: str) -> str:
    """``term`` as an FTS5 string literal: inside double quotes, only ``"`` is special."""
    return '"' + term.replace('"', '""') + '"'


def _case_variants(term: str) -> list[str]:
    """``term`` with its letters other than ASCII in each of their cases: SQLite's LIKE ignores
    the case of ASCII letters only, where the FTS index and PostgreSQL's ILIKE ignore that of
    every letter. Just ``term`` if that would make more than MAX_VARIANTS patterns."""
    choices = [sorted({c, c.lower(), c.upper(), c.title()}) if not c.isascii() else [c]
               for c in term]
    if math.prod(len(choice) for choice in choices) > MAX_VARIANTS:
        return [term]
    return ["".join(variant) for variant in itertools.product(*choices)]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchIndex:
    """Finds records whose text contains every term of a query; reads through a session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    terms = staticmethod(query_terms)

    def indexed(self) -> bool:
        """True on SQLite databases that have the FTS index."""
        if self._session.get_bind().dialect.name != "sqlite":
            return False
        return self._session.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
        )).first() is not None

    def search(self, query: str, limit: int) -> list[RawHit]:
        """Up to ``limit`` records containing every term of ``query`` (any case)."""
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        if self.indexed():
            return self._search_index(terms, limit)
        return self._scan_tables(terms, limit)

    # -- SQLite with FTS5 ------------------------------------------------------------------
    def _search_index(self, terms: tuple[str, ...], limit: int) -> list[RawHit]:
        params: dict[str, Any] = {"limit": limit}
        conditions: list[str] = []
        phrases: list[str] = []
        for number, term in enumerate(terms):
            if len(term) >= MIN_INDEXED:
                phrases.append(_fts_string(term[:MAX_MATCHED]))
                if len(term) <= MAX_MATCHED:
                    continue
            variants = []
            for index, variant in enumerate(_case_variants(term)):
                params[f"t{number}_{index}"] = _like_pattern(variant)
                variants.append(f"d.text LIKE :t{number}_{index} ESCAPE '\\'")
            conditions.append(f"({' OR '.join(variants)})")
        if phrases:
            params["match"] = " ".join(phrases)  # FTS5: phrases side by side must all occur
            source = "search_index JOIN search_documents AS d ON d.id = search_index.rowid"
            conditions.insert(0, "search_index MATCH :match")
        else:
            source = "search_documents AS d"
        statement = text(
            "SELECT d.kind, d.record_id, d.visit_id, d.text, coalesce(n.id, f.note_id, u.note_id),"
            " stop.id, coalesce(n.position, source.position), stop.position, site.name,"
            " coalesce(n.confidential, source.confidential, 0)"
            f" FROM {source}"
            " LEFT JOIN notes AS n ON d.kind = 'note' AND n.id = d.record_id"
            " LEFT JOIN key_figures AS f ON d.kind = 'figure' AND f.id = d.record_id"
            " LEFT JOIN follow_ups AS u ON d.kind = 'follow_up' AND u.id = d.record_id"
            " LEFT JOIN notes AS source ON source.id = coalesce(f.note_id, u.note_id)"
            " LEFT JOIN stops AS stop ON stop.id = coalesce(n.stop_id, f.stop_id, source.stop_id)"
            " LEFT JOIN sites AS site ON site.id = stop.site_id"
            f" WHERE {' AND '.join(conditions)}"
            " AND coalesce(n.id, f.id, u.id) IS NOT NULL LIMIT :limit")  # the record exists
        return [_raw_hit(row) for row in self._session.execute(statement, params)]

    # -- anywhere else: ILIKE over the source tables ---------------------------------------
    def _scan_tables(self, terms: tuple[str, ...], limit: int) -> list[RawHit]:
        note, figure, follow_up = m.NoteRow, m.KeyFigureRow, m.FollowUpRow
        source, stop, site = aliased(m.NoteRow), aliased(m.StopRow), aliased(m.SiteRow)
        figure_text = (figure.label + " " + figure.value
                       + case((figure.unit == "", ""), else_=" " + figure.unit))

        def branch(kind: str, row: Any, found: Any, note_id: Any, stop_id: Any,
                   position: Any) -> Any:
            secret = row.confidential if row is note else source.confidential
            statement = select(literal(kind), row.id, row.visit_id, found, note_id, stop.id,
                               position, stop.position, site.name,
                               func.coalesce(secret, False))
            if row is not note:
                statement = statement.outerjoin(source, source.id == row.note_id)
            return statement.outerjoin(stop, stop.id == stop_id) \
                .outerjoin(site, site.id == stop.site_id) \
                .where(and_(*(found.ilike(_like_pattern(term), escape="\\") for term in terms)))

        statement = union_all(
            branch("note", note, note.text, note.id, note.stop_id, note.position),
            branch("figure", figure, figure_text, figure.note_id,
                   func.coalesce(figure.stop_id, source.stop_id), source.position),
            branch("follow_up", follow_up, follow_up.action, follow_up.note_id, source.stop_id,
                   source.position),
        ).limit(limit)
        return [_raw_hit(row) for row in self._session.execute(statement)]


def _raw_hit(row: Any) -> RawHit:
    (kind, record_id, visit_id, found, note_id, stop_id, position, stop_position, site,
     confidential) = row
    return RawHit(kind, _uuid(record_id), _uuid(visit_id), found, _uuid(note_id),
                  _uuid(stop_id), position or 0, stop_position or 0, site or "",
                  bool(confidential))


def _uuid(value: Any) -> Any:
    """A UUID from a column read raw (SQLite stores 32 hex digits), or None."""
    return value if value is None or isinstance(value, UUID) else UUID(str(value))
