"""``fieldvisit search QUERY [--json]``: search every visit's notes, figures and follow-ups."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.services.search import SearchResults

KIND_TEXT = {"note": "note", "speaker": "speaker", "interviewees": "interviewee group",
             "figure": "figure", "follow_up": "follow-up", "site": "site", "person": "person"}


def add_parsers(commands: Any) -> None:
    search = commands.add_parser(
        "search", help="find notes (text, speaker, interviewee group), key figures and "
                       "follow-ups of every visit, sites and people containing all the words of "
                       "QUERY (any case; Chinese by characters), newest first")
    search.add_argument("query", metavar="QUERY", help="words or characters to find")
    search.add_argument("--json", action="store_true", help="print JSON: a list of hits")
    search.add_argument("--limit", type=int, default=200, metavar="N",
                        help="show at most N hits (default 200)")
    search.add_argument("--offset", type=int, default=0, metavar="K",
                        help="skip the first K hits (the next page starts at K = N)")


def search_text(results: SearchResults) -> str:
    from fieldvisit.services.search import marked

    lines = []
    for hit in results.hits:
        where = " · ".join(filter(None, (hit.visit_title, hit.stop_label)))
        kind = KIND_TEXT[hit.kind] + (", confidential" if hit.confidential else "")
        lines.append(f"{where} [{kind}] {marked(hit.snippet, hit.spans)}".lstrip())
    return "\n".join(lines)


def run_search(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.search import hit_document, search

    results = search(database.unit_of_work(), args.query, args.limit, args.offset)
    if args.json:
        print(json.dumps([hit_document(hit) for hit in results.hits], ensure_ascii=False,
                         indent=2))
    elif results.hits:
        print(search_text(results))
    else:
        print(f"no matches for {args.query.strip()!r}", file=sys.stderr)
    if results.truncated:
        shown = f"{results.offset + 1}–{results.offset + len(results.hits)}" if results.offset \
            else f"first {len(results.hits)}"
        print(f"only the {shown} hits are shown; add words to narrow the search, or use "
              f"--offset {results.offset + len(results.hits)} for the next ones", file=sys.stderr)
    return 0
