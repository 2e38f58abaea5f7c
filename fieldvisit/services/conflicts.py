"""Conflicts of merged visits, and resolving them.

Four kinds: ``edit`` (a record changed on both sides: only the fields changed on both to
different values are in conflict, the rest merged already), ``deleted_there`` (deleted on the
other laptop, changed here: Keep or Delete), ``deleted_here`` (deleted here, changed on the
other laptop: Keep brings it back as they have it, Delete leaves it deleted) and ``order`` (a
list, the stops, notes or delegation, reordered on both sides: Keep Mine or Take Theirs; see
``merge_orders``). Until resolved,
this database keeps its own state. Resolving applies the choice in one transaction and makes
both versions known, so the choice wins the next exchange on the other laptops too.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import content, content_hash
from fieldvisit.domain.errors import ConflictError, NotFoundError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import from_plain
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services import merge_orders, visit_document
from fieldvisit.services.concurrency import retried
from fieldvisit.services.exchange import with_version

if TYPE_CHECKING:
    from fieldvisit.persistence.exchange_state import StoredConflict
    from fieldvisit.persistence.uow import UnitOfWork

KINDS: dict[str, type[e.Record]] = {"visit": e.Visit, **dict(visit_document.SECTIONS)}
LABEL_CHARS = 40
DELETION_KINDS = ("deleted_there", "deleted_here")


@dataclass(frozen=True)
class ConflictView:
    id: UUID
    created_at: datetime
    record_type: str
    """The section of the visit document: "notes", "stops", "visit"…"""
    record_id: UUID
    visit_id: UUID | None
    label: str
    mine: str
    """This database's side: a note's text, else the fields in conflict ("" when deleted)."""
    theirs: str
    resolved: bool = False
    kind: str = "edit"
    """"edit", "deleted_there" (deleted on the other laptop, edited here), "deleted_here"
    (deleted here, edited on the other laptop) or "order" (a list reordered on both: its
    section is ``record_type``, ``record_id`` the visit, ``mine``/``theirs`` the two orders,
    "1. 工人文化宫" a line)."""
    fields: tuple[str, ...] = ()
    """For edits, the fields in conflict; for a deletion, the sections of the records that
    still hold the record (notes at a stop); for an order, the section."""


def list_conflicts(uow: UnitOfWork, visit_id: UUID | None = None,
                   include_resolved: bool = False) -> list[ConflictView]:
    resolved = None if include_resolved else False
    with uow:
        return [view(uow, c) for c in uow.merge_state.conflicts(visit_id, resolved=resolved)]


@retried
def resolve_conflict(uow: UnitOfWork, conflict_id: UUID, take_incoming: bool | None = None,
                     *, keep: bool | None = None) -> ConflictView:
    """Resolve an edit conflict with ``take_incoming`` (theirs for the fields in conflict, or
    ours), a deletion conflict with ``keep`` (the record stays or comes back as edited, or it
    is deleted). ``take_incoming`` also answers a deletion conflict: theirs is their side."""
    with uow:
        stored = uow.merge_state.find_conflict(conflict_id)
        if stored is None:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "no conflict with id {id}"), id=conflict_id))
        if stored.resolved:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "this conflict is already resolved")))
        if stored.kind in ("edit", "order"):
            if take_incoming is None:
                raise ValidationError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "say which version to keep: mine or theirs")))
            if stored.kind == "order":
                merge_orders.resolve(uow, stored, take_incoming)
            else:
                _resolve_edit(uow, stored, take_incoming)
        else:
            if keep is None and take_incoming is not None:
                keep = take_incoming == (stored.kind == "deleted_here")
            if keep is None:
                raise ValidationError(Message(QT_TRANSLATE_NOOP(
                    "Messages", "say whether to keep the record or delete it")))
            _resolve_deletion(uow, stored, keep)
        if stored.kind != "order" and stored.visit_id is not None:  # a record back, or moved
            merge_orders.normalize(uow, KINDS[stored.record_type], stored.visit_id,
                                   first=stored.record_id)
        uow.merge_state.mark_resolved(conflict_id)
        from fieldvisit.services.merge_records import sweep_conflicts

        sweep_conflicts(uow, stored.visit_id)
        uow.commit()
        return view(uow, dataclasses.replace(stored, resolved=True))


def _resolve_edit(uow: UnitOfWork, stored: StoredConflict, take_incoming: bool) -> None:
    from fieldvisit.services.merge_records import attach, merged_record

    kind = KINDS[stored.record_type]
    repository = uow.repository(kind)
    incoming = from_plain(kind, stored.incoming, strict=False)
    local = repository.find(stored.record_id)
    seen = [stored.incoming_hash]
    if local is None:  # deleted here since: a deletion conflict when they send it again
        return _learn(uow, stored.record_id, seen)
    seen.append(content_hash(local))
    if take_incoming:
        values, theirs = content(local), content(incoming)
        for name in stored.fields or [k for k in theirs if values.get(k) != theirs[k]]:
            values[name] = theirs[name]
        merged = merged_record(local, values)
        if merged is None:  # their fields do not fit ours: take their version whole
            merged = dataclasses.replace(incoming, created_at=local.created_at)
        repository.put(_attached(uow, attach, merged))
    _learn(uow, stored.record_id, seen)


def _resolve_deletion(uow: UnitOfWork, stored: StoredConflict, keep: bool) -> None:
    from fieldvisit.services.merge_records import attach, refuse_while_held

    kind = KINDS[stored.record_type]
    repository = uow.repository(kind)
    local = repository.find(stored.record_id)
    if stored.kind == "deleted_there":  # theirs is a tombstone
        deletion, deleted = stored.incoming_hash, stored.incoming["content_hash"]
        seen = [deleted, deletion]
        if local is not None and not keep:
            refuse_while_held(uow, local)
            seen.append(content_hash(local))
            repository.delete(stored.record_id, deletion=deletion)
        return _learn(uow, stored.record_id, seen)
    if keep and local is None:
        incoming = from_plain(kind, stored.incoming, strict=False)
        repository.put(_attached(uow, attach, incoming))
    _learn(uow, stored.record_id, [stored.incoming_hash])


def _attached(uow: UnitOfWork, attach: Any, record: e.Record) -> e.Record:
    from fieldvisit.services.merge_records import Waiting

    try:
        return attach(uow, record)
    except Waiting as waiting:
        target, _target_id = waiting.args
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "it belongs to a {noun} that is deleted here; keep that first"),
            noun=uow.repository(target).noun)) from None


def _learn(uow: UnitOfWork, record_id: UUID, versions: list[str]) -> None:
    history = uow.merge_state.history([record_id]).get(record_id, {})
    for version in versions:
        history = with_version(history, version)
    uow.merge_state.add_history(record_id, history)


# -- views ---------------------------------------------------------------------------------------
def view(uow: UnitOfWork, stored: StoredConflict) -> ConflictView:
    if stored.kind == "order":
        return _order_view(uow, stored)
    kind = KINDS[stored.record_type]
    mine_record = uow.repository(kind).find(stored.record_id)
    theirs_record = None if stored.kind == "deleted_there" else \
        from_plain(kind, stored.incoming, strict=False)
    shown = theirs_record or mine_record
    if stored.kind == "edit":
        names = stored.fields or _differing(mine_record, theirs_record)
        if isinstance(theirs_record, e.Note) and tuple(names) == ("text",):
            mine = mine_record.text if isinstance(mine_record, e.Note) else ""
            theirs = theirs_record.text
        elif _one_text(mine_record, theirs_record, names):  # a report text: as written
            mine, theirs = getattr(mine_record, names[0]), getattr(theirs_record, names[0])
        else:
            mine, theirs = _show(mine_record, names), _show(theirs_record, names)
    else:
        mine, theirs = _whole(mine_record), _whole(theirs_record)
    return ConflictView(stored.id, stored.created_at, stored.record_type, stored.record_id,
                        stored.visit_id, _label(uow, shown, mine_record, stored.record_id),
                        mine, theirs, stored.resolved, stored.kind, tuple(stored.fields or ()))


def _order_view(uow: UnitOfWork, stored: StoredConflict) -> ConflictView:
    """Both orders as people read them; labelled with the visit's title."""
    mine = [r.id for r in merge_orders.current_order(uow, stored.visit_id, stored.record_type)]
    theirs = merge_orders.theirs_ids(stored)
    visit = uow.visits.find(stored.visit_id) if stored.visit_id is not None else None
    return ConflictView(
        stored.id, stored.created_at, stored.record_type, stored.record_id, stored.visit_id,
        visit.title[:LABEL_CHARS] if visit is not None else str(stored.record_id),
        merge_orders.order_text(uow, stored.record_type, mine),
        merge_orders.order_text(uow, stored.record_type, theirs),
        stored.resolved, stored.kind, (stored.record_type,))


def _one_text(mine: e.Record | None, theirs: e.Record | None, names: Any) -> bool:
    """Both sides of a report writing's one field in conflict are texts."""
    return isinstance(theirs, ReportWriting) and len(names) == 1 and \
        isinstance(getattr(mine, names[0], None), str) and \
        isinstance(getattr(theirs, names[0], None), str)


def _differing(mine: e.Record | None, theirs: e.Record | None) -> list[str]:
    mine_plain = content(mine) if mine is not None else {}
    theirs_plain = content(theirs) if theirs is not None else {}
    return [k for k in theirs_plain if k != "id" and mine_plain.get(k) != theirs_plain[k]]


def _show(record: e.Record | None, names: Any) -> str:
    if record is None:
        return ""
    plain = content(record)
    drafted = isinstance(record, ReportWriting)  # a text that is None follows the draft
    return "\n".join(f"{k}: " + ("(follows the draft)" if drafted and plain.get(k) is None
                                  else json.dumps(plain.get(k), ensure_ascii=False))
                     for k in names)


def _whole(record: e.Record | None) -> str:
    """A record on one side of a deletion conflict: a note's text, else its fields."""
    if record is None:
        return ""
    if isinstance(record, e.Note):
        return record.text
    plain = content(record)
    return _show(record, [k for k in plain if k not in ("id", "visit_id")])


def _label(uow: UnitOfWork, shown: e.Record | None, mine: e.Record | None,
           record_id: UUID) -> str:
    if isinstance(shown, e.Note):
        place = ""
        if shown.stop_id is not None:
            stop = uow.stops.find(shown.stop_id)
            site = uow.sites.find(stop.site_id) if stop is not None else None
            place = site.name if site is not None else ""
        first = (mine.text if isinstance(mine, e.Note) else shown.text).replace("\n", " ")
        return f"{place}: {first[:LABEL_CHARS]}" if place else first[:LABEL_CHARS]
    if isinstance(shown, ReportWriting):  # named by its visit
        visit = uow.visits.find(shown.visit_id)
        return visit.title[:LABEL_CHARS] if visit is not None else str(record_id)
    for attribute in ("title", "name", "label", "action", "file_name"):
        value = getattr(shown, attribute, None)
        if isinstance(value, str) and value:
            return value[:LABEL_CHARS]
    return str(record_id)
