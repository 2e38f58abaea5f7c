"""What the writer wrote for a visit's report and brief (``ReportWriting``): one record a
visit, removed with it.

A section follows the draft (``services/report_draft.py``) while its field is None; the first
save stores the record (``expected_version`` 0), and every save names the version it was made
on, as a note's does: a save based on a version someone else replaced since (another window,
a colleague on a shared database, an import, two first saves at once) is refused with who
changed it (StaleEditError), never applied. Setting a field to None gives it back to the draft.

The record's id is derived from its visit's (``writing_id``): the same in every database, so
two laptops that both start writing for one visit hold one record, which packages and visit
documents merge field by field like any other.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Mapping
from uuid import UUID, uuid5

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message
from fieldvisit.domain.report_writing import BRIEF_SECTIONS, REPORT_SECTIONS, ReportWriting
from fieldvisit.services import records
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

TEXT_FIELDS = (*REPORT_SECTIONS, *BRIEF_SECTIONS)
DATE_FIELDS = ("signed_on",)
FIELDS = (*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS)
"""The fields a writer edits, in reading order (the report's, then the brief's)."""

_NAMESPACE = UUID("6f1f4a0e-3c55-4d8e-9a51-2f0d3b7c9e14")


def writing_id(visit_id: UUID) -> UUID:
    """The id of a visit's report writing, the same in every database."""
    return uuid5(_NAMESPACE, str(visit_id))


def new_writing(visit_id: UUID) -> ReportWriting:
    """The visit's writing before anything is saved: every section follows the draft."""
    return ReportWriting(id=writing_id(visit_id), visit_id=visit_id)


def report_writing(uow: UnitOfWork, visit_id: UUID) -> ReportWriting:
    """The visit's stored writing, or a new unsaved one (version 0) following the draft."""
    with uow:
        uow.visits.get(visit_id)
        return stored(uow, visit_id) or new_writing(visit_id)


def stored_report_writing(uow: UnitOfWork, visit_id: UUID) -> ReportWriting | None:
    """The visit's stored writing; None while nothing was saved."""
    with uow:
        return stored(uow, visit_id)


def stored(uow: UnitOfWork, visit_id: UUID) -> ReportWriting | None:
    """The stored writing, inside the caller's transaction."""
    found = uow.writings.all(visit_id=visit_id)
    return found[0] if found else None


@retried
def update_report_writing(uow: UnitOfWork, visit_id: UUID, changes: Mapping[str, Any],
                          expected_version: int | None) -> ReportWriting:
    """Apply ``changes`` (field name → text, a date for ``signed_on``, None: back to the
    draft) and return the writing as stored. ``expected_version`` is the version the editor
    read (0: nothing was stored yet); StaleEditError, naming who changed it, if the stored
    one is another; None applies to whatever is stored. Unknown fields and values of the
    wrong kind are refused (ValidationError naming the field). Nothing changed: nothing is
    written."""
    wanted = checked_changes(changes)
    with uow:
        uow.visits.get(visit_id)
        current = stored(uow, visit_id)
        base = current or new_writing(visit_id)
        if expected_version is not None and base.version != expected_version:
            raise uow.writings.stale(base.changed_by)
        updated = records.changed(base, wanted)
        if updated is base:
            return base
        if current is None:  # the first save: an INSERT, which fails if another writer
            # stored one meanwhile (the save then runs again, and is refused as stale)
            updated = uow.writings.insert(
                dataclasses.replace(updated, created_at=updated.updated_at))
        else:
            updated = uow.writings.put(updated)
        uow.commit()
    return updated


def checked_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` with a date given as YYYY-MM-DD text read as a date; ValidationError for
    an unknown field or a value of the wrong kind."""
    checked: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in FIELDS:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "the report text has no field {field!r}; its fields are: "
                "{fields}"), field=str(name), fields=", ".join(FIELDS)), str(name))
        if name in DATE_FIELDS:
            value = _date(name, value)
        elif value is not None and not isinstance(value, str):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{field} must be text"), field=FieldName(name)), name)
        checked[name] = value
    return checked


def _date(name: str, value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{field} must be a date (YYYY-MM-DD), not {value!r}"),
        field=FieldName(name), value=str(value)), name)
