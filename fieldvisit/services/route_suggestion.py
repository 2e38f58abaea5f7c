"""Route suggestion: the stop order with the least travel that keeps pinned stops in place and
respects opening hours, day by day; applied as one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.domain.errors import ConflictError
from fieldvisit.domain.route_optimizer import RouteProblem, suggest_route
from fieldvisit.services import itinerary as itinerary_service
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


def apply_suggestion(uow: UnitOfWork, proposal: RouteProposal) -> None:
    """Put the stops in the suggested order; refused if the itinerary changed meanwhile."""
    current = tuple(s.id for s in ordered(itinerary_service.list_stops(uow, proposal.visit_id)))
    if current != proposal.before_order:
        raise ConflictError("the itinerary changed since the suggestion was made; "
                            "ask for a new suggestion")
    itinerary_service.reorder_stops(uow, proposal.visit_id, list(proposal.after_order))
