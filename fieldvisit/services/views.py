"""Read models the services return: frozen dataclasses built from domain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from fieldvisit.domain.entities import Organization, Site, Stop, Visit
from fieldvisit.domain.enums import DelegationRole, VisitStatus
from fieldvisit.domain.timeline import TimedStop


@dataclass(frozen=True)
class VisitSummary:
    id: UUID
    title: str
    status: VisitStatus
    region: str
    start_date: date | None
    end_date: date | None
    member_count: int
    stop_count: int


@dataclass(frozen=True)
class MemberView:
    member_id: UUID
    person_id: UUID
    name: str
    title: str
    role: DelegationRole
    protocol_order: int


@dataclass(frozen=True)
class OrganizationGroup:
    """Members of one organization, in protocol order. ``organization`` is None for people
    without an organization."""

    organization: Organization | None
    members: tuple[MemberView, ...]


@dataclass(frozen=True)
class StopView:
    stop: Stop
    site: Site
    note_count: int
    figure_count: int
    timed: TimedStop  # computed arrival, departure, travel onwards and conflicts


@dataclass(frozen=True)
class VisitCounts:
    notes: int
    figures: int
    follow_ups: int
    photos: int


@dataclass(frozen=True)
class VisitOverview:
    visit: Visit
    delegation: tuple[OrganizationGroup, ...]
    accompanying: tuple[OrganizationGroup, ...]
    stops: tuple[StopView, ...]
    counts: VisitCounts
