"""Merging a visit from another laptop into this database, record by record, by UUID.

Every record is compared by content (its fields without the timestamps, as a SHA-256
``content_hash``). Each database keeps, per record, the hashes the record had whenever it was
packed or unpacked (its exchanged versions); a package carries the sender's list too. Then:

- absent here: added;
- same content: unchanged;
- this database's version is one the sender had already exchanged (so the sender's version is
  later): updated;
- the incoming version is one this database had exchanged (so ours is later): kept;
- otherwise both sides changed it: a conflict. Ours stays, theirs is stored in
  ``merge_conflicts`` for the user to resolve. Nothing is silently overwritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from fieldvisit.domain import entities as e
from fieldvisit.domain.errors import NotFoundError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import from_plain, to_plain
from fieldvisit.services import visit_document
from fieldvisit.services.concurrency import retried

if TYPE_CHECKING:
    from fieldvisit.persistence.repositories import StoredConflict
    from fieldvisit.persistence.uow import UnitOfWork

VISIT_SECTION = "visit"
KINDS: dict[str, type[e.Record]] = {VISIT_SECTION: e.Visit, **dict(visit_document.SECTIONS)}
LABEL_CHARS = 40


def content_hash(record: e.Record) -> str:
    plain = to_plain(record)
    plain.pop("created_at", None)
    plain.pop("updated_at", None)
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    theirs: str
    resolved: bool = False


@dataclass(frozen=True)
class MergeSummary:
    visit_id: UUID
    visit_title: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    kept_local: dict[str, int] = field(default_factory=dict)
    """Records changed here since the other laptop's version: ours are later and stay."""
    conflicts: tuple[ConflictView, ...] = ()
    photo_files: int = 0
    """Photo files copied into the photo folder."""

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values()) or self.photo_files)

    def with_photos(self, copied: int) -> MergeSummary:
        return dataclasses.replace(self, photo_files=copied)


@retried
def merge_visit(uow: UnitOfWork, document: dict[str, Any],
                history: dict[UUID, frozenset[str]]) -> MergeSummary:
    """Merge a (valid) visit document in one transaction; ``history`` is the sender's
    exchanged hashes per record. Run again from the start when another writer got in the way
    (two clients unpacking the same package at once: the second finds the records there)."""
    visit, sections = visit_document.parse(document)
    counts: dict[str, dict[str, int]] = {"added": {}, "updated": {}, "unchanged": {},
                                         "kept_local": {}}
    conflict_ids: list[UUID] = []
    with uow:
        visit_document._check_references(uow, visit, sections)
        ordered = [(VISIT_SECTION, visit)] + [(name, r) for name, _ in visit_document.SECTIONS
                                              for r in sections[name]]
        known = uow.merge_state.known_hashes(r.id for _, r in ordered)
        for name, record in ordered:
            outcome, conflict_id = _merge_record(uow, visit.id, name, record,
                                                 known.get(record.id, set()),
                                                 history.get(record.id, frozenset()))
            if conflict_id is not None:
                conflict_ids.append(conflict_id)
            else:
                counts[outcome][name] = counts[outcome].get(name, 0) + 1
        uow.commit()
        conflicts = tuple(_view(uow, c) for c in (uow.merge_state.find_conflict(i)
                                                  for i in conflict_ids) if c is not None)
    return MergeSummary(visit.id, visit.title, conflicts=conflicts, **counts)


def _merge_record(uow: UnitOfWork, visit_id: UUID, name: str, incoming: e.Record,
                  known: set[str], theirs_known: frozenset[str]) -> tuple[str, UUID | None]:
    repository = uow.repository(type(incoming))
    local = repository.find(incoming.id)
    incoming_hash = content_hash(incoming)
    exchanged = set(theirs_known) | {incoming_hash}
    if local is None:
        repository.put(incoming)
        uow.merge_state.add_hashes(incoming.id, exchanged)
        return "added", None
    local_hash = content_hash(local)
    if local_hash == incoming_hash:
        uow.merge_state.add_hashes(incoming.id, exchanged)
        return "unchanged", None
    if local_hash in theirs_known:  # they had our version and changed it since
        repository.put(incoming)
        uow.merge_state.add_hashes(incoming.id, exchanged | {local_hash})
        return "updated", None
    if incoming_hash in known:  # we had their version and changed it since
        uow.merge_state.add_hashes(incoming.id, exchanged)
        return "kept_local", None
    for stored in uow.merge_state.conflicts(record_id=incoming.id, resolved=False):
        if stored.incoming_hash == incoming_hash:
            return "conflict", stored.id
    from fieldvisit.persistence.repositories import StoredConflict

    conflict = StoredConflict(
        id=uuid4(), created_at=e.utc_now(), visit_id=visit_id, record_type=name,
        record_id=incoming.id, incoming=to_plain(incoming), incoming_hash=incoming_hash,
        resolved=False)
    uow.merge_state.add_conflict(conflict)
    return "conflict", conflict.id


# -- conflicts ----------------------------------------------------------------------------------
def list_conflicts(uow: UnitOfWork, visit_id: UUID | None = None,
                   include_resolved: bool = False) -> list[ConflictView]:
    filters: dict[str, Any] = {} if include_resolved else {"resolved": False}
    if visit_id is not None:
        filters["visit_id"] = visit_id
    with uow:
        return [_view(uow, c) for c in uow.merge_state.conflicts(**filters)]


@retried
def resolve_conflict(uow: UnitOfWork, conflict_id: UUID, take_incoming: bool) -> ConflictView:
    """Keep our version (``take_incoming`` false) or write theirs. Either way both versions
    count as seen, so neither comes back as a conflict when the laptops exchange again."""
    with uow:
        stored = uow.merge_state.find_conflict(conflict_id)
        if stored is None:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "no conflict with id {id}"), id=conflict_id))
        if stored.resolved:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "this conflict is already resolved")))
        kind = KINDS[stored.record_type]
        incoming = from_plain(kind, stored.incoming, strict=False)
        repository = uow.repository(kind)
        local = repository.find(stored.record_id)
        seen = {stored.incoming_hash}
        if local is not None:
            seen.add(content_hash(local))
        if take_incoming:
            repository.put(incoming)
        uow.merge_state.add_hashes(stored.record_id, seen)
        uow.merge_state.mark_resolved(conflict_id)
        uow.commit()
        return _view(uow, dataclasses.replace(stored, resolved=True))


def _view(uow: UnitOfWork, stored: StoredConflict) -> ConflictView:
    kind = KINDS[stored.record_type]
    theirs_record = from_plain(kind, stored.incoming, strict=False)
    mine_record = uow.repository(kind).find(stored.record_id)
    if isinstance(theirs_record, e.Note):
        mine = mine_record.text if isinstance(mine_record, e.Note) else ""
        theirs = theirs_record.text
        place = ""
        if theirs_record.stop_id is not None:
            stop = uow.stops.find(theirs_record.stop_id)
            site = uow.sites.find(stop.site_id) if stop is not None else None
            place = site.name if site is not None else ""
        first = (mine or theirs).replace("\n", " ")
        label = f"{place}: {first[:LABEL_CHARS]}" if place else first[:LABEL_CHARS]
    else:
        mine, theirs = _differences(mine_record, theirs_record)
        label = _record_label(theirs_record)
    return ConflictView(stored.id, stored.created_at, stored.record_type, stored.record_id,
                        stored.visit_id, label, mine, theirs, stored.resolved)


def _differences(mine: e.Record | None, theirs: e.Record) -> tuple[str, str]:
    theirs_plain = to_plain(theirs)
    mine_plain = to_plain(mine) if mine is not None else {}
    names = [k for k in theirs_plain if k not in ("id", "created_at", "updated_at")
             and mine_plain.get(k) != theirs_plain[k]]

    def show(plain: dict[str, Any]) -> str:
        return "\n".join(f"{k}: {json.dumps(plain.get(k), ensure_ascii=False)}" for k in names)

    return show(mine_plain), show(theirs_plain)


def _record_label(record: e.Record) -> str:
    for attribute in ("title", "name", "label", "action", "file_name"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            return value[:LABEL_CHARS]
    return str(record.id)
