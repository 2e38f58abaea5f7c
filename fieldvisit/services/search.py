"""Search across all visits' notes, key figures and follow-ups.

A record matches when its text contains every word of the query, ignoring case; Chinese is
matched as substrings of any length (骑, 骑手, 外卖送餐员). Each hit carries a one-line snippet
around its first match and the character spans of every match in that snippet, for highlighting.
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

Kind = Literal["note", "figure", "follow_up"]
KIND_ORDER = {"note": 0, "figure": 1, "follow_up": 2}
SNIPPET_BEFORE = 16
"""Characters of context shown before the first match."""
SNIPPET_LENGTH = 100
_WHITESPACE = re.compile(r"\s")


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    record_id: UUID
    visit_id: UUID
    visit_title: str
    stop_label: str
    """The site of the record's stop (a follow-up's: its note's), or "" if none."""
    text: str
    """The searched text: a note's text, a figure's "label value unit", a follow-up's action."""
    snippet: str
    """One line of ``text`` around the first match ("…" marks cuts)."""
    spans: tuple[tuple[int, int], ...]
    """Character offsets (start, end) of every match in ``snippet``, in order, not overlapping."""
    note_id: UUID | None
    """The note to open: the hit itself, or the note a figure or follow-up was taken from."""
    confidential: bool = False
    """From a confidential note (left out of reports): shown marked."""


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    truncated: bool
    """More records match than ``limit``: only the first ones are in ``hits``."""


def search(uow: UnitOfWork, query: str, limit: int = 200) -> SearchResults:
    """Records of every visit whose text contains every word of ``query``, ordered by visit
    (as in the visit list), then notes by position, figures and follow-ups."""
    if limit < 1:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the number of results must be at least 1")), "limit")
    with uow:
        terms = uow.search.terms(query)
        if not terms:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "type a word or a few characters to search for")), "query")
        raw = uow.search.search(query, limit + 1)
        hits = _describe(uow, raw[:limit], terms)
    return SearchResults(query, terms, tuple(hits), len(raw) > limit)


def _describe(uow: UnitOfWork, raw: list[RawHit], terms: tuple[str, ...]) -> list[SearchHit]:
    visit_ids = list({hit.visit_id for hit in raw})
    visits = {v.id: v for v in uow.visits.list(id=visit_ids)} if visit_ids else {}
    found: list[tuple[Any, SearchHit]] = []
    for hit in raw:
        visit = visits.get(hit.visit_id)
        if visit is None:  # cannot happen while the triggers keep the index in step
            continue
        snippet, spans = make_snippet(hit.text, terms)
        position = (hit.position,) if hit.kind == "note" else (hit.stop_position, hit.position)
        order = (visit.start_date is None, visit.start_date or visit.created_at.date(),
                 visit.title, str(visit.id), KIND_ORDER[hit.kind], position, hit.text,
                 str(hit.record_id))
        found.append((order, SearchHit(
            kind=hit.kind, record_id=hit.record_id, visit_id=hit.visit_id,  # type: ignore[arg-type]
            visit_title=visit.title, stop_label=hit.site_name, text=hit.text, snippet=snippet,
            spans=spans, note_id=hit.note_id, confidential=hit.confidential)))
    found.sort(key=lambda pair: pair[0])
    return [hit for _order, hit in found]


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
        "kind": hit.kind, "record_id": str(hit.record_id), "visit_id": str(hit.visit_id),
        "visit_title": hit.visit_title, "stop": hit.stop_label,
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
