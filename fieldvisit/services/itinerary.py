"""Use cases on the shared sites catalog and a visit's stops."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain.entities import Site, Stop
from fieldvisit.domain.errors import ConflictError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried
from fieldvisit.services.name_search import by_name

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def list_sites(uow: UnitOfWork) -> list[Site]:
    with uow:
        return by_name(uow.sites.all(order_by=("name",)), lambda site: site.name)


def create_site(uow: UnitOfWork, name: str, **fields: Any) -> Site:
    return records.add(uow, Site(name=name, **fields))


def update_site(uow: UnitOfWork, site_id: UUID, expected_version: int | None = None,
                **changes: Any) -> Site:
    return records.edit(uow, Site, site_id, changes, expected_version)


@retried
def delete_site(uow: UnitOfWork, site_id: UUID) -> Site:
    """Delete a site no visit stops at; returns it as it was stored (for undo)."""
    with uow:
        site = uow.sites.get(site_id)
        _refuse_used_site(uow, site)
        uow.sites.delete(site_id)
        uow.commit()
    return site


def check_sites_deletable(uow: UnitOfWork, site_ids: Iterable[UUID]) -> None:
    """Raise the ConflictError deleting would raise for the first site visits stop at."""
    with uow:
        for site_id in site_ids:
            _refuse_used_site(uow, uow.sites.get(site_id))


def _refuse_used_site(uow: UnitOfWork, site: Site) -> None:
    if uow.stops.count(site_id=site.id):
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be deleted: visits stop there"), name=site.name))


def list_stops(uow: UnitOfWork, visit_id: UUID) -> list[Stop]:
    with uow:
        return uow.stops.all(order_by=("position",), visit_id=visit_id)


@retried
def add_stop(uow: UnitOfWork, visit_id: UUID, site_id: UUID, **fields: Any) -> Stop:
    """Add a stop at the end of the itinerary."""
    with uow:
        uow.visits.get(visit_id)
        uow.sites.get(site_id)
        last = max((s.position for s in uow.stops.all(visit_id=visit_id)), default=0)
        stop = records.normalized(
            Stop(visit_id=visit_id, site_id=site_id, position=last + 1, **fields))
        stop = uow.stops.put(stop)
        uow.commit()
    return stop


@retried
def update_stop(uow: UnitOfWork, stop_id: UUID, expected_version: int | None = None,
                **changes: Any) -> Stop:
    """Edit a stop; moving it to another day renumbers the itinerary so that positions keep
    following the order of days. ``expected_version``: see ``records.edit``."""
    with uow:
        updated = records.changed(uow.stops.get(stop_id, expected_version), changes)
        updated = uow.stops.put(updated)
        if "day" in changes:
            stops = sorted(uow.stops.all(visit_id=updated.visit_id),
                           key=lambda s: (s.day, s.position))
            for position, stop in enumerate(stops, start=1):
                uow.stops.put(records.changed(stop, {"position": position}))
            updated = uow.stops.get(stop_id)
        uow.commit()
    return updated


@retried
def remove_stop(uow: UnitOfWork, stop_id: UUID) -> None:
    """Remove a stop; refused while notes or figures belong to it, so no words are lost."""
    with uow:
        stop = uow.stops.get(stop_id)
        notes, figures = uow.notes.count(stop_id=stop_id), uow.figures.count(stop_id=stop_id)
        if notes or figures:
            raise ConflictError(Message(QT_TRANSLATE_NOOP(
                "Messages", "stop {position} has {notes} notes and {figures} figures; "
                "move or delete them first"), position=stop.position, notes=notes,
                figures=figures))
        uow.stops.delete(stop_id)
        remaining = uow.stops.all(order_by=("position",), visit_id=stop.visit_id)
        for position, other in enumerate(remaining, start=1):
            uow.stops.put(records.changed(other, {"position": position}))
        uow.commit()


@retried
def reorder_stops(uow: UnitOfWork, visit_id: UUID, stop_ids: list[UUID]) -> list[Stop]:
    """Put the visit's stops in the order of ``stop_ids`` (all of them, first to last)."""
    with uow:
        stops = {s.id: s for s in uow.stops.all(visit_id=visit_id)}
        if sorted(map(str, stop_ids)) != sorted(map(str, stops)):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the new order must list every stop of the visit once")))
        ordered = [records.changed(stops[stop_id], {"position": position})
                   for position, stop_id in enumerate(stop_ids, start=1)]
        ordered = [uow.stops.put(stop) for stop in ordered]
        uow.commit()
    return ordered


@retried
def restore_stop(uow: UnitOfWork, stop: Stop, order: list[UUID]) -> None:
    """Undo ``remove_stop``: the stop comes back with its id and fields, and the itinerary
    takes ``order`` (the stop ids as they were) again."""
    with uow:
        uow.stops.put(stop)
        stops = {s.id: s for s in uow.stops.all(visit_id=stop.visit_id)}
        ranked = [stops[i] for i in order if i in stops] + [
            s for i, s in stops.items() if i not in order]
        for position, other in enumerate(ranked, start=1):
            uow.stops.put(records.changed(other, {"position": position}))
        uow.commit()
