"""Route suggestion: the stop order with the least travel that keeps pinned stops in place,
respects opening hours and adds no conflict, day by day; applied as one step.

Travel is compared like with like (see ``domain/route_optimizer``): ``before_travel`` and
``after_travel`` price every leg the same way. ``before_shown``/``after_shown`` are the
itinerary's own totals, typed times included, and each day lists both orders stop by stop
(arrival, conflicts, the leg onwards and whether it is typed or estimated)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.errors import ConflictError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.route_optimizer import (
    RouteProblem,
    route_timeline,
    suggest_route,
    typed_leg,
)
from fieldvisit.domain.timeline import Conflict, Timeline
from fieldvisit.services import records
from fieldvisit.services.itinerary_view import ordered, stop_plan

if TYPE_CHECKING:
    from fieldvisit.domain.entities import Stop
    from fieldvisit.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class StopTiming:
    """One stop of one order, as its timeline has it."""

    name: str
    arrival: datetime
    departure: datetime
    conflicts: tuple[Conflict, ...]
    leg_minutes: int | None
    """To the next stop that day; None after the day's last stop or when unknown."""
    leg_typed: bool
    """The leg onwards keeps the coordinator's typed time (else it is estimated)."""


@dataclass(frozen=True)
class DaySuggestion:
    day: int
    names: tuple[str, ...]  # the sites in the suggested order
    before_travel: int  # every leg priced alike (estimated where possible), current order
    after_travel: int  # the same for the suggested order
    before_conflicts: int
    after_conflicts: int
    exact: bool
    before_shown: int = 0  # travel as the itinerary shows it now (typed times win)
    after_shown: int = 0  # travel as the itinerary will show it once applied
    before: tuple[StopTiming, ...] = ()
    after: tuple[StopTiming, ...] = ()


@dataclass(frozen=True)
class RouteProposal:
    visit_id: UUID
    days: tuple[DaySuggestion, ...]
    before_order: tuple[UUID, ...]  # stop ids, itinerary order
    after_order: tuple[UUID, ...]

    @property
    def changes_order(self) -> bool:
        return self.before_order != self.after_order

    @property
    def before_travel(self) -> int:
        return sum(d.before_travel for d in self.days)

    @property
    def after_travel(self) -> int:
        return sum(d.after_travel for d in self.days)

    @property
    def before_shown(self) -> int:
        return sum(d.before_shown for d in self.days)

    @property
    def after_shown(self) -> int:
        return sum(d.after_shown for d in self.days)

    @property
    def typed_legs(self) -> bool:
        """Whether any leg of the current order has a typed time."""
        return any(s.leg_typed for d in self.days for s in d.before)


def suggest(uow: UnitOfWork, visit_id: UUID, time_budget: float = 0.8) -> RouteProposal:
    with uow:
        visit = uow.visits.get(visit_id)
        stops = ordered(uow.stops.all(visit_id=visit_id))
        sites = {s.id: s for s in uow.sites.all(id=[s.site_id for s in stops])}
    days, after = [], []
    for day in sorted({s.day for s in stops}):
        todays = [s for s in stops if s.day == day]
        problem = RouteProblem(
            plans=tuple(stop_plan(s, sites[s.site_id]) for s in todays),
            pinned=tuple(s.pinned for s in todays),
            day=visit.start_date + timedelta(days=day - 1) if visit.start_date else None,
            day_start=visit.day_start, day_end=visit.day_end, settings=visit.travel)
        found = suggest_route(problem, time_budget / max(1, len({s.day for s in stops})))
        chosen = [todays[i] for i in found.order]
        after += [s.id for s in chosen]
        names = [sites[s.site_id].name for s in todays]
        days.append(DaySuggestion(
            day, tuple(sites[s.site_id].name for s in chosen), found.before_travel_minutes,
            found.travel_minutes, found.before_conflicts, found.conflicts, found.exact,
            found.before_shown_travel_minutes, found.shown_travel_minutes,
            _timings(route_timeline(problem, list(range(len(todays)))), names, range(len(todays))),
            _timings(route_timeline(problem, found.order), names, found.order)))
    return RouteProposal(visit_id, tuple(days), tuple(s.id for s in stops), tuple(after))


def _timings(timeline: Timeline, names: list[str], order) -> tuple[StopTiming, ...]:
    return tuple(StopTiming(names[i], timed.arrival, timed.departure,
                            timed.conflicts, timed.travel_minutes,
                            timed.travel_minutes is not None and not timed.travel_estimated)
                 for i, timed in zip(order, timeline.stops, strict=True))


def apply_suggestion(uow: UnitOfWork, proposal: RouteProposal) -> dict[UUID, int | None]:
    """Put the stops in the suggested order in one transaction; refused if the itinerary
    changed meanwhile. Each day keeps the positions it had (other days are not touched). A
    typed travel time stays with its leg wherever that leg survives between the same two
    stops (turned round, it moves to the stop now before it); a leg that is gone loses it.
    Returns the travel minutes each stop had before, where they changed (for undo)."""
    with uow:
        stops = ordered(uow.stops.all(visit_id=proposal.visit_id))
        if tuple(s.id for s in stops) != proposal.before_order:
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the itinerary changed since the suggestion was made; "
                "ask for a new suggestion")))
        previous: dict[UUID, int | None] = {}
        for day in sorted({s.day for s in stops}):
            todays = [s for s in stops if s.day == day]
            index = {s.id: i for i, s in enumerate(todays)}
            order = [index[i] for i in proposal.after_order if i in index]
            typed = [s.travel_minutes for s in todays]
            for k, (i, position) in enumerate(zip(order, [s.position for s in todays],
                                                  strict=True)):
                stop = todays[i]
                following = order[k + 1] if k + 1 < len(order) else None
                minutes = None if following is None else typed_leg(typed, i, following)
                changes: dict[str, object] = {}
                if stop.position != position:
                    changes["position"] = position
                if stop.travel_minutes != minutes:
                    changes["travel_minutes"] = minutes
                    previous[stop.id] = stop.travel_minutes
                if changes:
                    uow.stops.put(records.changed(stop, changes))
        uow.commit()
    return previous


def undo_suggestion(uow: UnitOfWork, proposal: RouteProposal,
                    previous: dict[UUID, int | None]) -> None:
    """Put the order from before ``apply_suggestion`` back, with the travel times it changed."""
    with uow:
        stops: list[Stop] = uow.stops.all(visit_id=proposal.visit_id)
        by_id = {s.id: s for s in stops}
        for day in sorted({s.day for s in stops}):
            todays = [by_id[i] for i in proposal.before_order if by_id[i].day == day]
            positions = sorted(s.position for s in todays)
            for stop, position in zip(todays, positions, strict=True):
                changes: dict[str, object] = {}
                if stop.position != position:
                    changes["position"] = position
                if stop.id in previous:
                    changes["travel_minutes"] = previous[stop.id]
                if changes:
                    uow.stops.put(records.changed(stop, changes))
        uow.commit()
