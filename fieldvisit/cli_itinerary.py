"""``fieldvisit itinerary``, ``ics`` and ``optimize``: the itinerary, headless."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldvisit.domain.timeline import ConflictKind

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.services.itinerary_view import ItineraryView
    from fieldvisit.services.route_suggestion import StopTiming

CONFLICT_TEXT = {
    ConflictKind.ARRIVES_BEFORE_OPENING: "arrives {0} min before opening",
    ConflictKind.LEAVES_AFTER_CLOSING: "leaves {0} min after closing",
    ConflictKind.CLOSED_THAT_DAY: "closed that day",
    ConflictKind.OVERRUNS_DAY_END: "overruns the day's end by {0} min",
    ConflictKind.NO_COORDINATES: "travel cannot be estimated: a stop has no coordinates",
}


def add_parsers(commands: Any) -> None:
    itinerary = commands.add_parser(
        "itinerary", help="print the computed timeline of a visit, with conflicts")
    itinerary.add_argument("visit", metavar="VISIT")
    itinerary.add_argument("--json", action="store_true", help="print JSON")
    ics = commands.add_parser("ics", help="write the itinerary as an iCalendar (.ics) file")
    ics.add_argument("visit", metavar="VISIT")
    ics.add_argument("-o", "--output", metavar="FILE", required=True)
    optimize = commands.add_parser(
        "optimize", help="suggest the stop order with the least travel (keeps pinned stops)")
    optimize.add_argument("visit", metavar="VISIT")
    optimize.add_argument("--apply", action="store_true", help="put the stops in that order")


def _on(moment: datetime, day: date, dated: bool) -> str:
    """"05:39" on the stop's day; "05-30 05:39" (or "05:39 (+1)" undated) past midnight."""
    if moment.date() == day:
        return f"{moment:%H:%M}"
    return f"{moment:%m-%d %H:%M}" if dated else f"{moment:%H:%M} ({(moment.date() - day).days:+d})"


def itinerary_text(view: ItineraryView) -> str:
    from fieldvisit.domain.timeline import day_date

    lines = [view.visit.title]
    day = None
    dated = view.visit.start_date is not None
    for line in view.lines:
        on = day_date(view.visit.start_date, line.stop.day)
        if line.stop.day != day:
            day = line.stop.day
            lines.append(f"Day {day} ({on:%Y-%m-%d})" if dated else f"Day {day}")
        timed = line.timed
        travel = "" if timed.travel_minutes is None else \
            f"  → {timed.travel_minutes} min{' (estimated)' if timed.travel_estimated else ''}"
        lines.append(f"  {line.stop.position}. {_on(timed.arrival, on, dated)}–"
                     f"{_on(timed.departure, on, dated)}  {line.site.name}{travel}")
        lines += [f"       ! {CONFLICT_TEXT[c.kind].format(c.minutes)}" for c in timed.conflicts]
    lines.append(f"Travel {view.total_travel_minutes} min; {view.conflicts} conflicts")
    return "\n".join(lines)


def run_itinerary(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.itinerary_view import itinerary, itinerary_document
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    view = itinerary(uow, resolve_visit(uow, args.visit).id)
    if args.json:
        print(json.dumps(itinerary_document(view), ensure_ascii=False, indent=2))
    else:
        print(itinerary_text(view))
    return 0


def run_ics(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.files import write_bytes_atomically
    from fieldvisit.services.calendar_export import visit_calendar
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    write_bytes_atomically(Path(args.output),
                           visit_calendar(uow, resolve_visit(uow, args.visit).id))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _timing_line(number: int, timing: StopTiming) -> str:
    """"2. 10:15–10:55  Site 2  → 30 min typed  [arrives_before_opening 20 min]"."""
    line = f"{number}. {timing.arrival:%H:%M}–{timing.departure:%H:%M}  {timing.name}"
    if timing.leg_minutes is not None:
        line += f"  → {timing.leg_minutes} min " + ("typed" if timing.leg_typed
                                                    else "estimated")
    for conflict in timing.conflicts:
        line += f"  [{conflict.kind.value.replace('_', ' ')}" + (
            f" {conflict.minutes} min]" if conflict.minutes else "]")
    return line


def run_optimize(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.route_suggestion import apply_suggestion, suggest
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    proposal = suggest(uow, resolve_visit(uow, args.visit).id)
    for day in proposal.days:
        shown = "" if day.before_shown == day.before_travel and day.after_shown == \
            day.after_travel else (f" (the itinerary, typed times included: {day.before_shown}"
                                   f" → {day.after_shown} min)")
        print(f"Day {day.day}: travel {day.before_travel} → {day.after_travel} min with every "
              f"leg estimated alike{shown}, conflicts {day.before_conflicts} → "
              f"{day.after_conflicts}{'' if day.exact else ' (heuristic)'}")
        for label, timings in (("now", day.before), ("suggested", day.after)):
            print(f"  {label}:")
            for number, timing in enumerate(timings, start=1):
                print("    " + _timing_line(number, timing))
    if args.apply and proposal.changes_order:
        apply_suggestion(uow, proposal)
        print("applied")
    elif args.apply:
        print("the present order is already the best")
    return 0
