"""The computed itinerary of a visit: every stop's times, legs, slack and conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain.entities import Site, Stop, Visit
from fieldvisit.domain.enums import CoordinateDatum
from fieldvisit.domain.geo import to_wgs84
from fieldvisit.domain.plain import to_plain
from fieldvisit.domain.timeline import StopPlan, TimedStop, Timeline, compute_timeline

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


@dataclass(frozen=True)
class StopLine:
    stop: Stop
    site: Site
    timed: TimedStop


@dataclass(frozen=True)
class ItineraryView:
    visit: Visit
    lines: tuple[StopLine, ...]  # in itinerary order: by day, then position
    total_travel_minutes: int

    @property
    def conflicts(self) -> int:
        return sum(len(line.timed.conflicts) for line in self.lines)

    @property
    def days(self) -> tuple[int, ...]:
        return tuple(sorted({line.stop.day for line in self.lines}))


@lru_cache(maxsize=4096)
def site_wgs84(latitude: float, longitude: float, datum: CoordinateDatum) -> tuple[float, float]:
    return to_wgs84(latitude, longitude, datum)


def stop_plan(stop: Stop, site: Site) -> StopPlan:
    coordinates = None
    if site.latitude is not None and site.longitude is not None:
        coordinates = site_wgs84(site.latitude, site.longitude, site.datum)
    return StopPlan(key=stop.id, day=stop.day, dwell_minutes=stop.dwell_minutes,
                    not_before=stop.fixed_arrival, delay_minutes=stop.delay_minutes,
                    opening_hours=site.opening_hours, wgs84=coordinates,
                    travel_mode=stop.travel_mode, typed_travel_minutes=stop.travel_minutes)


def ordered(stops: list[Stop]) -> list[Stop]:
    return sorted(stops, key=lambda s: (s.day, s.position))


def timeline_of(visit: Visit, stops: list[Stop], sites: dict[UUID, Site]) -> Timeline:
    return compute_timeline([stop_plan(s, sites[s.site_id]) for s in stops], visit.start_date,
                            visit.day_start, visit.day_end, visit.travel)


def itinerary(uow: UnitOfWork, visit_id: UUID) -> ItineraryView:
    with uow:
        visit = uow.visits.get(visit_id)
        stops = ordered(uow.stops.all(visit_id=visit_id))
        sites = {s.id: s for s in uow.sites.all(id=[s.site_id for s in stops])}
    timeline = timeline_of(visit, stops, sites)
    return ItineraryView(visit, tuple(StopLine(stop, sites[stop.site_id], timed)
                                      for stop, timed in zip(stops, timeline.stops, strict=True)),
                         timeline.total_travel_minutes)


def itinerary_document(view: ItineraryView) -> dict[str, Any]:
    """The computed timeline as JSON-ready data (``fieldvisit itinerary --json``)."""
    return {
        "visit": {"id": str(view.visit.id), "title": view.visit.title,
                  "timezone": view.visit.timezone},
        "total_travel_minutes": view.total_travel_minutes,
        "conflicts": view.conflicts,
        "stops": [{
            "id": str(line.stop.id), "position": line.stop.position, "day": line.stop.day,
            "site": line.site.name, "address": line.site.address,
            "arrival": to_plain(line.timed.arrival), "departure": to_plain(line.timed.departure),
            "waited_minutes": line.timed.waited_minutes,
            "dwell_minutes": line.stop.dwell_minutes,
            "travel_to_next_minutes": line.timed.travel_minutes,
            "travel_estimated": line.timed.travel_estimated,
            "distance_to_next_km": None if line.timed.distance_km is None
            else round(line.timed.distance_km, 2),
            "slack_to_closing_minutes": line.timed.slack_to_closing,
            "slack_to_day_end_minutes": line.timed.slack_to_day_end,
            "conflicts": [{"kind": c.kind.value, "minutes": c.minutes}
                          for c in line.timed.conflicts],
        } for line in view.lines],
    }
