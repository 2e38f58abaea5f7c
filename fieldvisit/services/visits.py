"""Use cases on visits: list, create, edit, change status, delete, resolve, overview."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain import rules
from fieldvisit.domain.entities import DelegationMember, Organization, Person, Visit
from fieldvisit.domain.enums import DelegationRole, VisitStatus
from fieldvisit.domain.errors import AmbiguousReferenceError, NotFoundError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.storable import repaired
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried
from fieldvisit.services.itinerary_view import ordered, timeline_of
from fieldvisit.services.views import (
    MemberView,
    OrganizationGroup,
    StopView,
    VisitCounts,
    VisitOverview,
    VisitSummary,
)

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def list_visits(uow: UnitOfWork) -> list[VisitSummary]:
    """Every visit, dated ones by start date, then the undated by the day they were made;
    read as the columns shown (building each visit took ten times as long), repaired as a
    visit read whole is (``row_loader``)."""
    with uow:
        visits = uow.visits.columns(
            ("id", "title", "status", "region", "start_date", "end_date", "created_at"))
        members = uow.delegation.count_by("visit_id")
        stops = uow.stops.count_by("visit_id")
    visits.sort(key=lambda v: (v[4] is None, v[4] or v[6].date(), v[1]))
    return [VisitSummary(id_, repaired(title), _status(status), repaired(region or ""), start, end,
                         members.get(id_, 0), stops.get(id_, 0))
            for id_, title, status, region, start, end, _created in visits]


def _status(stored: str) -> VisitStatus:
    """A stored status; one this FieldVisit does not know is a draft, as when the visit
    itself is read (``row_loader``)."""
    try:
        return VisitStatus(stored)
    except ValueError:
        return VisitStatus.DRAFT


def create_visit(uow: UnitOfWork, title: str, **fields: Any) -> Visit:
    return records.add(uow, Visit(title=title, **fields))


def get_visit(uow: UnitOfWork, visit_id: UUID) -> Visit:
    return records.get(uow, Visit, visit_id)


@retried
def update_visit(uow: UnitOfWork, visit_id: UUID, expected_version: int | None = None,
                 **changes: Any) -> Visit:
    """Change a visit; returns it as stored. ``expected_version``: see ``records.edit``."""
    with uow:
        current = uow.visits.get(visit_id, expected_version)
        updated = records.changed(current, changes)
        rules.check_status_change(current.status, updated.status)
        if updated is not current:
            updated = uow.visits.put(updated)
            uow.commit()
    return updated


@retried
def delete_visit(uow: UnitOfWork, visit_id: UUID) -> None:
    """Delete a visit with its delegation, stops, notes, figures, follow-ups and photos.
    Organizations, people and sites stay in the shared directory. The deletion stays in this
    database: it does not travel to other laptops (which keep the visit), its tombstones and
    merge conflicts go with it, and a package of the visit received later brings it back."""
    with uow:
        uow.visits.delete(visit_id)
        uow.merge_state.delete_conflicts(visit_id)
        uow.commit()


def resolve_visit(uow: UnitOfWork, reference: str) -> Visit:
    """A visit by UUID or by an unambiguous prefix of its title."""
    reference = reference.strip()
    if not reference:
        raise NotFoundError(Message(QT_TRANSLATE_NOOP(
            "Messages", "name a visit by its id or the beginning of its title")))
    with uow:
        try:
            found = uow.visits.find(UUID(reference))
        except ValueError:
            found = None
        if found is not None:
            return found
        matches = uow.visits.title_prefix("title", reference)
    exact = [v for v in matches if v.title == reference]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise NotFoundError(Message(QT_TRANSLATE_NOOP(
            "Messages", "no visit has the id or title {reference!r}"), reference=reference))
    titles = "; ".join(f"{v.title} ({v.id})" for v in matches[:5])
    raise AmbiguousReferenceError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{reference!r} matches {count} visits: {titles}. Use more of the title or "
        "the id"), reference=reference, count=len(matches), titles=titles))


def visit_overview(uow: UnitOfWork, visit_id: UUID) -> VisitOverview:
    with uow:
        visit = uow.visits.get(visit_id)
        members = uow.delegation.all(order_by=("protocol_order",), visit_id=visit_id)
        people = {p.id: p for p in uow.people.all(id=[m.person_id for m in members])}
        organizations = {o.id: o for o in uow.organizations.all(
            id=[p.organization_id for p in people.values() if p.organization_id])}
        stops = ordered(uow.stops.all(visit_id=visit_id))
        sites = {s.id: s for s in uow.sites.all(id=[s.site_id for s in stops])}
        notes_at = Counter(uow.notes.count_by("stop_id", visit_id=visit_id))
        figures_at = Counter(uow.figures.count_by("stop_id", visit_id=visit_id))
        counts = VisitCounts(
            notes=sum(notes_at.values()), figures=sum(figures_at.values()),
            follow_ups=uow.follow_ups.count(visit_id=visit_id),
            photos=uow.photos.count(visit_id=visit_id))
    delegation = [m for m in members if m.role is not DelegationRole.ACCOMPANYING_OFFICIAL]
    accompanying = [m for m in members if m.role is DelegationRole.ACCOMPANYING_OFFICIAL]
    return VisitOverview(
        visit=visit,
        delegation=group_by_organization(delegation, people, organizations),
        accompanying=group_by_organization(accompanying, people, organizations),
        stops=tuple(StopView(s, sites[s.site_id], notes_at[s.id], figures_at[s.id], timed)
                    for s, timed in zip(stops, timeline_of(visit, stops, sites).stops,
                                        strict=True)),
        counts=counts,
    )


def group_by_organization(members: list[DelegationMember], people: dict[UUID, Person],
                          organizations: dict[UUID, Organization]) -> tuple[OrganizationGroup, ...]:
    """Groups in the order their first member appears in protocol order."""
    groups: dict[UUID | None, list[MemberView]] = {}
    for member in sorted(members, key=lambda m: m.protocol_order):
        person = people[member.person_id]
        groups.setdefault(person.organization_id, []).append(MemberView(
            member.id, person.id, person.name, person.title, member.role, member.protocol_order))
    return tuple(OrganizationGroup(organizations.get(org_id) if org_id else None, tuple(views))
                 for org_id, views in groups.items())
