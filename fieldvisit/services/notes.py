"""Use cases on what is captured during a visit: notes, key figures, follow-ups, photos."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, TypeVar
from uuid import UUID

from fieldvisit.domain.entities import FollowUp, KeyFigure, Note, Organization, Photo, Record
from fieldvisit.domain.errors import StaleEditError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork


def list_notes(uow: UnitOfWork, visit_id: UUID, stop_id: UUID | None = None) -> list[Note]:
    filters: dict[str, Any] = {"visit_id": visit_id}
    if stop_id is not None:
        filters["stop_id"] = stop_id
    with uow:
        return uow.notes.all(order_by=("position",), **filters)


@retried
def add_note(uow: UnitOfWork, visit_id: UUID, text: str, **fields: Any) -> Note:
    with uow:
        uow.visits.get(visit_id)
        if "position" not in fields:  # last: after the highest, never a number taken
            fields["position"] = max(
                (n.position for n in uow.notes.all(visit_id=visit_id)), default=0) + 1
        note = records.normalized(Note(visit_id=visit_id, text=text, **fields))
        _check_stop(uow, note)
        note = uow.notes.put(note)
        uow.commit()
    return note


@retried
def update_note(uow: UnitOfWork, note_id: UUID, expected: dict[str, Any] | None = None,
                expected_version: int | None = None, **changes: Any) -> Note:
    """Apply ``changes`` to a note; returns it as stored. With ``expected_version`` (the
    version the editor read) or ``expected`` (field → value the editor read), refuse with
    StaleEditError if the stored note is another version, or no longer has those values."""
    with uow:
        stored = uow.notes.get(note_id, expected_version)
        if expected is not None and any(getattr(stored, k) != v for k, v in expected.items()):
            if stored.changed_by:
                raise uow.notes.stale(stored.changed_by)
            raise StaleEditError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the note was changed elsewhere after it was opened; nothing "
                "was overwritten")))
        updated = records.changed(stored, changes)
        if updated is not stored:
            _check_stop(uow, updated)
            updated = uow.notes.put(updated)
            uow.commit()
    return updated


def _check_stop(uow: UnitOfWork, record: Note | KeyFigure | Photo) -> None:
    """A note (figure, photo) may only be at a stop of its own visit."""
    if record.stop_id is None:
        return
    stop = uow.stops.find(record.stop_id)
    if stop is None or stop.visit_id != record.visit_id:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "stop {id} is not a stop of this visit"), id=record.stop_id), "stop_id")


def delete_note(uow: UnitOfWork, note_id: UUID) -> None:
    _delete(uow, Note, note_id)


def list_figures(uow: UnitOfWork, visit_id: UUID) -> list[KeyFigure]:
    with uow:
        return uow.figures.all(visit_id=visit_id)


def add_figure(uow: UnitOfWork, visit_id: UUID, label: str, value: str,
               **fields: Any) -> KeyFigure:
    return records.add(uow, KeyFigure(visit_id=visit_id, label=label, value=value, **fields))


def update_figure(uow: UnitOfWork, figure_id: UUID, expected_version: int | None = None,
                  **changes: Any) -> KeyFigure:
    """Change a key figure. Texts are trimmed, a value typed with digit grouping ("6,000") is
    kept as the number; the stop must be one of the figure's visit. ``expected_version``: see
    ``records.edit``."""
    changes = _trimmed(changes, ("label", "value", "unit"))
    if isinstance(changes.get("value"), str) and _GROUPED.fullmatch(changes["value"]):
        changes["value"] = changes["value"].replace(",", "")
    if changes.get("stop_id") is not None:
        with uow:
            figure = uow.figures.get(figure_id)
            if uow.stops.get(changes["stop_id"]).visit_id != figure.visit_id:
                raise ValidationError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "the stop belongs to another visit")), "stop_id")
    return records.edit(uow, KeyFigure, figure_id, changes, expected_version)


def delete_figure(uow: UnitOfWork, figure_id: UUID) -> KeyFigure:
    """Delete a key figure; returns it as it was, for ``put_record`` to bring it back."""
    return _delete(uow, KeyFigure, figure_id)


def list_follow_ups(uow: UnitOfWork, visit_id: UUID) -> list[FollowUp]:
    with uow:
        return uow.follow_ups.all(order_by=("due_date",), visit_id=visit_id)


def add_follow_up(uow: UnitOfWork, visit_id: UUID, action: str, **fields: Any) -> FollowUp:
    return records.add(uow, FollowUp(visit_id=visit_id, action=action, **fields))


def update_follow_up(uow: UnitOfWork, follow_up_id: UUID, expected_version: int | None = None,
                     **changes: Any) -> FollowUp:
    """Change a follow-up (action trimmed); the responsible organization must exist.
    ``expected_version``: see ``records.edit``."""
    changes = _trimmed(changes, ("action",))
    if changes.get("responsible_organization_id") is not None:
        with uow:
            uow.organizations.get(changes["responsible_organization_id"])
    return records.edit(uow, FollowUp, follow_up_id, changes, expected_version)


def delete_follow_up(uow: UnitOfWork, follow_up_id: UUID) -> FollowUp:
    """Delete a follow-up; returns it as it was, for ``put_record`` to bring it back."""
    return _delete(uow, FollowUp, follow_up_id)


def list_photos(uow: UnitOfWork, visit_id: UUID) -> list[Photo]:
    with uow:
        return uow.photos.all(order_by=("taken_at",), visit_id=visit_id)


def add_photo(uow: UnitOfWork, visit_id: UUID, file_name: str, **fields: Any) -> Photo:
    return records.add(uow, Photo(visit_id=visit_id, file_name=file_name, **fields))


def update_photo(uow: UnitOfWork, photo_id: UUID, expected_version: int | None = None,
                 **changes: Any) -> Photo:
    return records.edit(uow, Photo, photo_id, changes, expected_version)


R = TypeVar("R", bound=Record)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _trimmed(changes: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {k: v.strip() if k in names and isinstance(v, str) else v
            for k, v in changes.items()}


@retried
def _delete(uow: UnitOfWork, kind: type[R], record_id: UUID) -> R:
    with uow:
        record = uow.repository(kind).get(record_id)
        uow.repository(kind).delete(record_id)
        uow.commit()
    return record


@dataclass(frozen=True)
class VisitRecords:
    """Everything captured during a visit, with the organizations its follow-ups name."""

    notes: tuple[Note, ...]
    figures: tuple[KeyFigure, ...]
    follow_ups: tuple[FollowUp, ...]
    photos: tuple[Photo, ...]
    organizations: dict[UUID, Organization]


def visit_records(uow: UnitOfWork, visit_id: UUID) -> VisitRecords:
    with uow:
        uow.visits.get(visit_id)
        follow_ups = uow.follow_ups.all(order_by=("due_date",), visit_id=visit_id)
        organizations = uow.organizations.all(
            id=[f.responsible_organization_id for f in follow_ups if f.responsible_organization_id])
        return VisitRecords(
            notes=tuple(uow.notes.all(order_by=("position",), visit_id=visit_id)),
            figures=tuple(uow.figures.all(visit_id=visit_id)),
            follow_ups=tuple(follow_ups),
            photos=tuple(uow.photos.all(order_by=("taken_at",), visit_id=visit_id)),
            organizations={o.id: o for o in organizations},
        )


def find_notes(uow: UnitOfWork, visit_id: UUID, note_ids: Iterable[UUID]) -> list[Note]:
    """The notes of ``visit_id`` among ``note_ids`` that exist (deleted ones are missing)."""
    with uow:
        return uow.notes.all(id=list(note_ids), visit_id=visit_id)


@dataclass(frozen=True)
class CapturedRecords:
    """A visit's key figures and follow-ups, with the organizations the follow-ups name."""

    figures: tuple[KeyFigure, ...]
    follow_ups: tuple[FollowUp, ...]
    organizations: dict[UUID, Organization]


def captured_records(uow: UnitOfWork, visit_id: UUID) -> CapturedRecords:
    with uow:
        follow_ups = uow.follow_ups.all(order_by=("due_date",), visit_id=visit_id)
        organizations = uow.organizations.all(
            id=[f.responsible_organization_id for f in follow_ups if f.responsible_organization_id])
        return CapturedRecords(tuple(uow.figures.all(visit_id=visit_id)), tuple(follow_ups),
                               {o.id: o for o in organizations})


def get_note(uow: UnitOfWork, note_id: UUID) -> Note:
    return records.get(uow, Note, note_id)


@retried
def reorder_notes(uow: UnitOfWork, visit_id: UUID, note_ids: list[UUID]) -> list[Note]:
    """Put the visit's notes in the order of ``note_ids`` (all of them, first to last)."""
    with uow:
        found = {n.id: n for n in uow.notes.all(visit_id=visit_id)}
        if sorted(map(str, note_ids)) != sorted(map(str, found)):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the new order must list every note of the visit once")))
        ordered = [uow.notes.put(records.changed(found[i], {"position": position}))
                   for position, i in enumerate(note_ids, start=1)]
        uow.commit()
    return ordered


@retried
def restore_note(uow: UnitOfWork, note: Note, figures: list[KeyFigure] | None = None,
                 follow_ups: list[FollowUp] | None = None) -> None:
    """Put a deleted note back, with the figures and follow-ups that pointed at it. It takes
    its old place; notes numbered from there on move down one if that number is taken now
    (a merge renumbered them meanwhile)."""
    with uow:
        others = uow.notes.all(order_by=("position",), visit_id=note.visit_id)
        if any(n.position == note.position and n.id != note.id for n in others):
            for other in others:
                if other.position >= note.position and other.id != note.id:
                    uow.notes.put(records.changed(other, {"position": other.position + 1}))
        uow.notes.put(note)
        for figure in figures or ():
            uow.figures.put(figure)
        for follow_up in follow_ups or ():
            uow.follow_ups.put(follow_up)
        uow.commit()


@retried
def put_record(uow: UnitOfWork, record: KeyFigure | FollowUp) -> None:
    with uow:
        uow.repository(type(record)).put(records.normalized(record))
        uow.commit()


def remove_record(uow: UnitOfWork, record: KeyFigure | FollowUp) -> None:
    _delete(uow, type(record), record.id)
