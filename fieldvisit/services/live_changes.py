"""What other clients of a shared database changed since this window last looked, as the
``Change``s the window announces after its own commands. On a SQLite file (one window at a
time) there is nothing to look at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from fieldvisit.services.changes import ALL_AREAS, Area, Change

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

AREAS = {
    "visit": {Area.VISIT, Area.VISIT_LIST}, "delegation": {Area.DELEGATION},
    "participations": {Area.DELEGATION}, "absences": {Area.DELEGATION},
    "stops": {Area.STOPS}, "notes": {Area.NOTES}, "key_figures": {Area.FIGURES},
    "follow_ups": {Area.FOLLOW_UPS}, "photos": {Area.PHOTOS},
    "report_writing": {Area.WRITING},
    "people": {Area.DIRECTORY}, "organizations": {Area.DIRECTORY}, "sites": {Area.DIRECTORY},
}
BATCH = 500  # more than this at once: everything is re-read


@dataclass(frozen=True)
class LiveChanges:
    changes: tuple[Change, ...]
    last: int
    """Where to look from next time."""


def latest(uow: UnitOfWork) -> int:
    """Where to start looking: the newest change logged so far."""
    with uow:
        return uow.changes.latest()


def changes_since(uow: UnitOfWork, after: int, client: str) -> LiveChanges:
    """What clients other than ``client`` changed after ``after``: one Change per visit (and
    one for the directory), naming the records."""
    with uow:
        logged = uow.changes.since(after, client, BATCH + 1)
        if len(logged) > BATCH:  # far behind: re-read everything, from the newest on
            return LiveChanges((Change(ALL_AREAS),), uow.changes.latest())
    grouped: dict[UUID | None, tuple[set[Area], set[UUID]]] = {}
    for entry in logged:
        areas, ids = grouped.setdefault(entry.visit_id, (set(), set()))
        areas |= AREAS.get(entry.kind, set(ALL_AREAS))
        ids.add(entry.record_id)
    changes = tuple(Change.of(*areas, visit_id=visit_id, ids=ids)
                    for visit_id, (areas, ids) in grouped.items())
    return LiveChanges(changes, logged[-1].id if logged else after)
