"""Search across all visits' notes (their text, speaker and interviewee group), key figures
and follow-ups, and the directory's sites and people.

A record matches when its text contains every word of the query, ignoring case; Chinese is
matched as substrings of any length (骑, 骑手, 外卖送餐员). Hits come in pages, newest first;
with several words, those holding the words as typed (one space apart) first. Each hit says
what it is (``kind``) and carries a one-line snippet around its first match and the character
spans of every match in that snippet, for highlighting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from fieldvisit.persistence.search_index import RawHit
    from fieldvisit.persistence.uow import UnitOfWork

Kind = Literal["note", "speaker", "interviewees", "figure", "follow_up", "site", "person"]
KINDS: tuple[Kind, ...] = ("note", "speaker", "interviewees", "figure", "follow_up", "site",
                           "person")
SNIPPET_BEFORE = 16
"""Characters of context shown before the first match."""
SNIPPET_LENGTH = 100
_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    """What was found: a note's text, a note's speaker or interviewee group, a key figure, a
    follow-up, a site or a person."""
    record_id: UUID
    """The note (also for a speaker or interviewee group), figure, follow-up, site or person."""
    visit_id: UUID | None
    """The record's visit; for a site, the visit of ``stop_id``; None for a person, or a site
    no visit stops at."""
    visit_title: str
    stop_label: str
    """The site of the record's stop (a follow-up's: its note's; a site's: its own name), or ""."""
    text: str
    """The searched text: a note's text, speaker or interviewee group, a figure's "label value
    unit", a follow-up's action, a site's or a person's name."""
    snippet: str
    """One line of ``text`` around the first match ("…" marks cuts)."""
    spans: tuple[tuple[int, int], ...]
    """Character offsets (start, end) of every match in ``snippet``, in order, not overlapping."""
    note_id: UUID | None
    """The note to open: the hit itself, or the note a figure or follow-up was taken from."""
    confidential: bool = False
    """From a confidential note (left out of reports): shown marked."""
    stop_id: UUID | None = None
    """The record's stop (a follow-up's: its note's); for a site, its stop in ``visit_id``."""


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    truncated: bool
    """More records match: ``search(..., offset=offset + len(hits))`` gives the next page."""
    offset: int = 0
    """How many hits came before these (earlier pages)."""


def search(uow: UnitOfWork, query: str, limit: int = 200, offset: int = 0) -> SearchResults:
    """A page of the records of every visit and of the directory whose text contains every
    word of ``query``: ``limit`` hits after the first ``offset``, newest first; with several
    words, those holding them as typed first."""
    if limit < 1:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the number of results must be at least 1")), "limit")
    if offset < 0:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the number of results to skip cannot be negative")), "offset")
    with uow:
        terms = uow.search.terms(query)
        if not terms:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "type a word or a few characters to search for")), "query")
        raw = uow.search.search(query, limit + 1, offset)
        hits = _describe(uow, raw[:limit], terms)
    return SearchResults(query, terms, tuple(hits), len(raw) > limit, offset)


def _describe(uow: UnitOfWork, raw: list[RawHit], terms: tuple[str, ...]) -> list[SearchHit]:
    stops = uow.search.site_stops([hit.record_id for hit in raw if hit.kind == "site"])
    visit_ids = list({hit.visit_id for hit in raw if hit.visit_id}
                     | {visit_id for visit_id, _stop in stops.values()})
    titles = uow.search.visit_titles(visit_ids)
    found: list[SearchHit] = []
    for hit in raw:
        visit_id, stop_id, where = hit.visit_id, hit.stop_id, hit.site_name
        if hit.kind == "site":
            visit_id, stop_id = stops.get(hit.record_id, (None, None))
            where = hit.text
        if visit_id and visit_id not in titles:  # cannot happen while the triggers keep the index
            continue
        snippet, spans = make_snippet(hit.text, terms)
        found.append(SearchHit(
            kind=hit.kind, record_id=hit.record_id, visit_id=visit_id,  # type: ignore[arg-type]
            visit_title=titles.get(visit_id, "") if visit_id else "", stop_label=where,
            text=hit.text, snippet=snippet, spans=spans, note_id=hit.note_id,
            confidential=hit.confidential, stop_id=stop_id))
    return found


def match_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the terms occur in ``text``, ignoring case: sorted, overlapping spans merged."""
    spans = sorted((m.start(), m.end()) for term in terms if term
                   for m in re.finditer(re.escape(term), text, re.IGNORECASE))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, terms: tuple[str, ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of ``text`` around its first match, and the spans of the matches in it."""
    flat = _WHITESPACE.sub(" ", text)  # one character for one: offsets stay valid
    spans = match_spans(flat, terms)
    first_start, first_end = spans[0] if spans else (0, 0)
    start = max(0, first_start - SNIPPET_BEFORE)
    end = min(len(flat), max(start + SNIPPET_LENGTH, first_end))
    start = max(0, min(start, end - SNIPPET_LENGTH))  # use the room left at the end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift)
                   for s, e in spans if s < end and e > start)
    return prefix + flat[start:end] + suffix, inside


def hit_document(hit: SearchHit) -> dict[str, Any]:
    """A hit as plain JSON data (for ``fieldvisit search --json``)."""
    return {
        "kind": hit.kind, "record_id": str(hit.record_id),
        "visit_id": str(hit.visit_id) if hit.visit_id else None,
        "visit_title": hit.visit_title, "stop": hit.stop_label,
        "stop_id": str(hit.stop_id) if hit.stop_id else None,
        "note_id": str(hit.note_id) if hit.note_id else None, "text": hit.text,
        "snippet": hit.snippet, "spans": [list(span) for span in hit.spans],
        "confidential": hit.confidential,
    }


def marked(snippet: str, spans: tuple[tuple[int, int], ...], before: str = "【",
           after: str = "】") -> str:
    """``snippet`` with every span wrapped in ``before``…``after``."""
    parts, last = [], 0
    for start, end in spans:
        parts += [snippet[last:start], before, snippet[start:end], after]
        last = end
    parts.append(snippet[last:])
    return "".join(parts)
