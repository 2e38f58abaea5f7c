"""Route suggestion: the stop order with the least travel that keeps pinned stops in place and
respects opening hours, day by day; applied as one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.errors import ConflictError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.route_optimizer import RouteProblem, suggest_route
from fieldvisit.services import records
from fieldvisit.services.itinerary_view import ordered, stop_plan

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class DaySuggestion:
    day: int
    names: tuple[str, ...]  # the sites in the suggested order
    before_travel: int
    after_travel: int
    before_conflicts: int
    after_conflicts: int
    exact: bool


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


def suggest(uow: UnitOfWork, visit_id: UUID, time_budget: float = 0.8) -> RouteProposal:
    with uow:
        visit = uow.visits.get(visit_id)
        stops = ordered(uow.stops.list(visit_id=visit_id))
        sites = {s.id: s for s in uow.sites.list(id=[s.site_id for s in stops])}
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
        days.append(DaySuggestion(day, tuple(sites[s.site_id].name for s in chosen),
                                  found.before_travel_minutes, found.travel_minutes,
                                  found.before_conflicts, found.conflicts, found.exact))
    return RouteProposal(visit_id, tuple(days), tuple(s.id for s in stops), tuple(after))


def apply_suggestion(uow: UnitOfWork, proposal: RouteProposal) -> dict[UUID, int]:
    """Put the stops in the suggested order in one transaction; refused if the itinerary
    changed meanwhile. A typed travel time belongs to the leg to the stop that followed; where
    that stop changes, the typed time is cleared (and returned, so undo can put it back)."""
    with uow:
        stops = ordered(uow.stops.list(visit_id=proposal.visit_id))
        if tuple(s.id for s in stops) != proposal.before_order:
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the itinerary changed since the suggestion was made; "
                "ask for a new suggestion")))
        by_id = {s.id: s for s in stops}
        before_next = _successors(stops, proposal.before_order)
        after_next = _successors(stops, proposal.after_order)
        cleared: dict[UUID, int] = {}
        for position, stop_id in enumerate(proposal.after_order, start=1):
            stop = by_id[stop_id]
            changes: dict[str, object] = {"position": position}
            if stop.travel_minutes is not None and before_next[stop_id] != after_next[stop_id]:
                cleared[stop_id] = stop.travel_minutes
                changes["travel_minutes"] = None
            uow.stops.put(records.changed(stop, changes))
        uow.commit()
    return cleared


def undo_suggestion(uow: UnitOfWork, proposal: RouteProposal, cleared: dict[UUID, int]) -> None:
    """Put the order from before ``apply_suggestion`` back, with the typed times it cleared."""
    with uow:
        by_id = {s.id: s for s in uow.stops.list(visit_id=proposal.visit_id)}
        for position, stop_id in enumerate(proposal.before_order, start=1):
            changes: dict[str, object] = {"position": position}
            if stop_id in cleared:
                changes["travel_minutes"] = cleared[stop_id]
            uow.stops.put(records.changed(by_id[stop_id], changes))
        uow.commit()


def _successors(stops: list, order: tuple[UUID, ...]) -> dict[UUID, UUID | None]:
    """The stop that follows each stop on the same day in ``order``."""
    day = {s.id: s.day for s in stops}
    return {stop_id: order[i + 1] if i + 1 < len(order) and day[order[i + 1]] == day[stop_id]
            else None for i, stop_id in enumerate(order)}
