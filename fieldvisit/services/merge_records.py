"""Merging the records and tombstones of another database's visit into this one, one record at
a time, by exchange history (never by clocks). ``package_merge.merge_visit`` drives it.

For each record the two sides' *current versions* are compared: a content hash, or for a
deleted record its tombstone's deletion token. Each side also knows the versions it has
exchanged (its history, which includes the current one):

- the same version: unchanged;
- ours is in their history (they had it and moved on): theirs is taken (an edit, a deletion,
  or a record brought back after they saw our deletion);
- theirs is in our history: ours is later and stays (a deleted record stays deleted: never
  resurrected by an older copy);
- otherwise both changed: two edits merge field by field against the latest version both
  know (``three_way``), and only fields changed on both sides to different values conflict;
  a deletion against an edit is a conflict (kept as it is here until resolved).

A record's number in an ordered list (a stop's or note's ``position``, a member's
``protocol_order``) is merged with its whole list afterwards (``merge_orders``): never a field
conflict of its own, and a record changed only in its number still yields to a deletion.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import (
    TOMBSTONED_KINDS,
    Tombstone,
    content,
    content_hash,
    hash_content,
)
from fieldvisit.domain.errors import ConflictError, DocumentError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import from_plain, to_plain
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.domain.three_way import merge_fields
from fieldvisit.persistence.exchange_state import StoredConflict
from fieldvisit.services.exchange import History, with_version
from fieldvisit.services.merge_orders import ORDER_FIELD, only_moved

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

KIND_OF_SECTION: dict[str, type[e.Record]] = {v: k for k, v in TOMBSTONED_KINDS.items()}

DETACHED: frozenset[tuple[type[e.Record], str]] = frozenset({
    (e.KeyFigure, "note_id"), (e.FollowUp, "note_id"), (e.Photo, "stop_id")})
"""References a deletion clears (as the database does when the note or stop is deleted)."""

HOLDING: dict[type[e.Record], tuple[tuple[type[e.Record], str, str], ...]] = {
    e.Stop: ((e.Note, "stop_id", "notes"), (e.KeyFigure, "stop_id", "key_figures")),
}
"""Records that cannot be deleted while others are at them (as ``itinerary.remove_stop``)."""

_VISIT_RECORDS = (e.Note, e.Stop, e.DelegationMember)


class Waiting(Exception):
    """A record refers to one deleted here that stays deleted for now: it waits."""


def attach(uow: UnitOfWork, record: e.Record) -> e.Record:
    """``record`` with its references to deleted notes and photo stops cleared; Waiting if it
    refers to a deleted stop (of a note or figure) or member (of an absence)."""
    for name, target in e.REFERENCE_FIELDS.get(type(record), {}).items():
        value = getattr(record, name)
        if target not in _VISIT_RECORDS or value is None or \
                uow.repository(target).find(value) is not None:
            continue
        if (type(record), name) not in DETACHED:
            raise Waiting(target, value)
        cleared: dict[str, Any] = {name: None}  # a reference field, optional in DETACHED
        record = dataclasses.replace(record, **cleared)
    return record


def holders(uow: UnitOfWork, record: e.Record) -> tuple[str, ...]:
    """The sections of records that still hold ``record`` (which cannot be deleted then)."""
    return tuple(section for kind, name, section in HOLDING.get(type(record), ())
                 if uow.repository(kind).count(**{name: record.id}))


def refuse_while_held(uow: UnitOfWork, record: e.Record) -> None:
    if holders(uow, record):  # only stops are held (by their notes and key figures)
        raise ConflictError(Message(QT_TRANSLATE_NOOP(
            "Messages", "the stop cannot be deleted while notes or key figures belong to it; "
            "move or delete them first")))


def origin(record: e.Record) -> dict[str, Any] | None:
    """The content every copy of ``record`` started from, when the two sides know no common
    version: a report writing begins following the draft (every text None) on each laptop
    (its id is the same everywhere), so what each side wrote merges field by field."""
    if not isinstance(record, ReportWriting):
        return None
    return content(ReportWriting(id=record.id, visit_id=record.visit_id,
                                 created_at=record.created_at, updated_at=record.updated_at))


def merged_record(local: e.Record, values: dict[str, Any]) -> e.Record | None:
    """``local`` with the merged ``values``, changed now; None if they break a rule together
    (an end date before the start…)."""
    plain = {**values, "created_at": to_plain(local.created_at),
             "updated_at": to_plain(e.utc_now())}
    try:
        return from_plain(type(local), plain, strict=False)
    except DocumentError:
        return None


class Merger:
    def __init__(self, uow: UnitOfWork, visit_id: UUID, ids: list[UUID]) -> None:
        self.uow, self.visit_id = uow, visit_id
        self.histories: dict[UUID, History] = uow.merge_state.history(ids)
        self.buried = {t.record_id: t for t in uow.tombstones.all(visit_id=visit_id)}
        self.unresolved: dict[UUID, list[StoredConflict]] = {}
        for stored in uow.merge_state.conflicts(visit_id=visit_id, resolved=False):
            self.unresolved.setdefault(stored.record_id, []).append(stored)
        self.counts: dict[str, dict[str, int]] = {
            "added": {}, "updated": {}, "unchanged": {}, "kept_local": {}, "deleted": {}}
        self.conflict_ids: list[UUID] = []
        self._staying: dict[UUID, tuple[str, e.Record, History]] = {}
        """Records deleted here that stay deleted, learnt at the end (unless needed)."""
        self._learnt: dict[UUID, History] = {}
        self._held: dict[UUID, dict[str, dict[str, Any]]] = {}
        self._outcomes: dict[UUID, str] = {}

    # -- records --------------------------------------------------------------------------------
    def record(self, name: str, incoming: e.Record, theirs: History) -> None:
        version = content_hash(incoming)
        theirs = with_version(theirs, version)
        self._supersede(incoming.id, theirs, version)
        repository = self.uow.repository(type(incoming))
        local = repository.find(incoming.id)
        mine = self.histories.get(incoming.id, {})
        held = {version: content(incoming)}
        if local is None:
            tombstone = self.buried.get(incoming.id)
            if tombstone is None or tombstone.deletion in theirs:  # new, or kept there
                if self._put(incoming):
                    self.buried.pop(incoming.id, None)
                    self._learn(incoming.id, theirs, held)
                    self._count("added", name, incoming.id)
            elif version in mine or only_moved(self.uow, incoming, mine):
                self._staying[incoming.id] = (name, incoming, theirs)
            else:
                self._conflict("deleted_here", name, incoming.id, to_plain(incoming), version)
            return
        ours = content_hash(local)
        if ours == version:
            self._learn(incoming.id, theirs, held)
            self._count("unchanged", name, incoming.id)
        elif ours in theirs:
            if self._put(incoming):
                self._learn(incoming.id, theirs, {**held, ours: content(local)})
                self._count("updated", name, incoming.id)
        elif version in mine:
            self._learn(incoming.id, theirs, {})
            self._count("kept_local", name, incoming.id)
        else:
            self._merge_edits(name, local, incoming, mine, theirs)

    def _merge_edits(self, name: str, local: e.Record, incoming: e.Record, mine: History,
                     theirs: History) -> None:
        mine_plain, theirs_plain = content(local), content(incoming)
        base = self._base(local.id, mine, theirs)
        if base is None and not set(mine) & set(theirs):  # no version known to both
            base = origin(local)
        merge = merge_fields(base, mine_plain, theirs_plain)
        merged = merged_record(local, merge.values)
        if merged is None:  # the fields do not fit together: every difference conflicts
            merge = merge_fields(None, mine_plain, theirs_plain)
            merged = local
        order_field = ORDER_FIELD.get(type(local))  # numbers: merged with the whole list
        merge = dataclasses.replace(merge, conflicts=tuple(
            f for f in merge.conflicts if f != order_field))
        if content(merged) != mine_plain and not self._put(merged):
            return
        if merge.conflicts:
            self._conflict("edit", name, incoming.id, to_plain(incoming),
                           hash_content(theirs_plain), merge.conflicts)
            return
        self._learn(local.id, with_version(theirs, hash_content(mine_plain)),
                    {hash_content(theirs_plain): theirs_plain,
                     hash_content(mine_plain): mine_plain})
        self._count("kept_local" if content(merged) == mine_plain else "updated", name, local.id)

    def base_content(self, record_id: UUID, mine: History,
                     theirs: History) -> dict[str, Any] | None:
        return self._base(record_id, mine, theirs)

    def _base(self, record_id: UUID, mine: History, theirs: History) -> dict[str, Any] | None:
        """The content of the latest version both sides know, where this database holds it."""
        common = set(mine) & set(theirs)
        if not common:
            return None
        held = self.uow.merge_state.contents(record_id, common)
        if not held:
            return None
        latest = max(held, key=lambda v: (max(mine[v], theirs[v]), v))
        return held[latest]

    def _put(self, record: e.Record) -> bool:
        try:
            record = attach(self.uow, record)
        except Waiting as waiting:
            _target, target_id = waiting.args
            self._needed(target_id, type(record))
            return False
        self.uow.repository(type(record)).put(record)
        return True

    def _needed(self, record_id: UUID, by: type[e.Record]) -> None:
        """A record deleted here that the other side's records still need: not quietly kept
        deleted but shown as a conflict."""
        staying = self._staying.pop(record_id, None)
        if staying is not None and by is not e.Absence:
            name, incoming, _theirs = staying
            self._conflict("deleted_here", name, record_id, to_plain(incoming),
                           content_hash(incoming), (TOMBSTONED_KINDS[by],))

    # -- tombstones -----------------------------------------------------------------------------
    def tombstone(self, tombstone: Tombstone, theirs: History) -> None:
        theirs = with_version(with_version(theirs, tombstone.content_hash), tombstone.deletion)
        record_id, name = tombstone.record_id, tombstone.kind
        self._supersede(record_id, theirs, tombstone.deletion)
        repository = self.uow.repository(KIND_OF_SECTION[name])
        local = repository.find(record_id)
        mine = self.histories.get(record_id, {})
        if local is None:
            if record_id not in self.buried:  # never had it: remember, so no copy brings it
                self.uow.tombstones.put(dataclasses.replace(tombstone, visit_id=self.visit_id))
                self.buried[record_id] = tombstone
            else:
                self._count("unchanged", name)
            self._learn(record_id, theirs, {})
            return
        ours = content_hash(local)
        held = holders(self.uow, local)
        if ours in theirs and not held:
            repository.delete(record_id, deletion=tombstone.deletion)
            self.buried[record_id] = tombstone
            self._learn(record_id, theirs, {})
            self._count("deleted", name)
        elif tombstone.deletion in mine:  # we saw this deletion and kept the record
            self._learn(record_id, theirs, {})
            self._count("kept_local", name)
        elif not held and only_moved(self.uow, local, theirs):  # moved only: no edit
            repository.delete(record_id, deletion=tombstone.deletion)
            self.buried[record_id] = tombstone
            self._learn(record_id, theirs, {})
            self._count("deleted", name)
        else:
            self._conflict("deleted_there", name, record_id, _tombstone_plain(tombstone),
                           tombstone.deletion, held or None)

    # -- bookkeeping ----------------------------------------------------------------------------
    def finish(self) -> None:
        for record_id, (name, _incoming, theirs) in self._staying.items():
            self._learn(record_id, theirs, {})
            self._count("kept_local", name)
        self._staying.clear()
        self.uow.merge_state.add_histories(self._learnt, self._held)
        self._learnt, self._held = {}, {}
        sweep_conflicts(self.uow, self.visit_id)

    def _learn(self, record_id: UUID, versions: History,
               held: dict[str, dict[str, Any]]) -> None:
        """The versions count as known here (superseded by, or equal to, ours)."""
        mine = self.histories.setdefault(record_id, {})
        news = {v: g for v, g in versions.items() if v not in mine or mine[v] < g}
        if news:  # written together at the end (``finish``)
            self._learnt.setdefault(record_id, {}).update(news)
            self._held.setdefault(record_id, {}).update(
                (v, c) for v, c in held.items() if v in news)
        for version, generation in news.items():
            mine[version] = generation

    def _count(self, outcome: str, name: str, record_id: UUID | None = None) -> None:
        self.counts[outcome][name] = self.counts[outcome].get(name, 0) + 1
        if record_id is not None:
            self._outcomes[record_id] = outcome

    def renumbered(self, name: str, record_id: UUID) -> None:
        """A record the merge of its list numbered anew: changed here by this merge."""
        outcome = self._outcomes.get(record_id)
        if outcome in ("added", "updated"):
            return
        if outcome is not None:
            self.counts[outcome][name] -= 1
            if not self.counts[outcome][name]:
                del self.counts[outcome][name]
        self._count("updated", name, record_id)

    def conflict(self, kind: str, name: str, record_id: UUID, incoming: dict[str, Any],
                 version: str) -> None:
        """A conflict of a whole list (kind "order"): one a list, the latest replacing
        those raised before for that list."""
        for stored in self.unresolved.get(record_id, []):
            if stored.kind == kind and stored.record_type == name and \
                    stored.incoming_hash != version and not stored.resolved:
                self.uow.merge_state.mark_resolved(stored.id)
        self.unresolved[record_id] = [
            c for c in self.unresolved.get(record_id, [])
            if not (c.kind == kind and c.record_type == name and c.incoming_hash != version)]
        self._conflict(kind, name, record_id, incoming, version)

    def _supersede(self, record_id: UUID, theirs: History, current: str) -> None:
        """Conflicts with a version the sender has since replaced are settled: the sender's
        current version is merged instead."""
        for stored in self.unresolved.get(record_id, []):
            if not stored.resolved and stored.incoming_hash in theirs and \
                    stored.incoming_hash != current:
                self.uow.merge_state.mark_resolved(stored.id)
        self.unresolved[record_id] = [c for c in self.unresolved.get(record_id, [])
                                      if c.incoming_hash not in theirs
                                      or c.incoming_hash == current]

    def _conflict(self, kind: str, name: str, record_id: UUID, incoming: dict[str, Any],
                  version: str, fields: tuple[str, ...] | None = None) -> None:
        for stored in self.unresolved.get(record_id, []):
            if stored.incoming_hash == version and stored.kind == kind:
                self.conflict_ids.append(stored.id)
                return
        stored = StoredConflict(
            id=uuid4(), created_at=e.utc_now(), visit_id=self.visit_id, record_type=name,
            record_id=record_id, incoming=incoming, incoming_hash=version, resolved=False,
            kind=kind, fields=fields)
        self.uow.merge_state.add_conflict(stored)
        self.unresolved.setdefault(record_id, []).append(stored)
        self.conflict_ids.append(stored.id)


def _tombstone_plain(tombstone: Tombstone) -> dict[str, Any]:
    return {"kind": tombstone.kind, "deleted_at": to_plain(tombstone.deleted_at),
            "content_hash": tombstone.content_hash, "deletion": tombstone.deletion}


def sweep_conflicts(uow: UnitOfWork, visit_id: UUID | None = None) -> None:
    """Mark resolved the conflicts the databases have settled since: the other version is
    known here now, the conflicting fields agree, or the record is deleted (or back) as the
    other side wanted."""
    from fieldvisit.services import merge_orders
    from fieldvisit.services.conflicts import KINDS

    waiting = uow.merge_state.conflicts(visit_id, resolved=False)
    histories = uow.merge_state.history(c.record_id for c in waiting)
    for stored in waiting:
        local = uow.repository(KINDS[stored.record_type]).find(stored.record_id)
        known = stored.incoming_hash in histories.get(stored.record_id, {})
        if stored.kind == "edit":
            if local is None or known:
                settled = True
            else:
                mine, theirs = content(local), stored.incoming
                names = stored.fields or [k for k in theirs if k in mine]
                settled = all(mine.get(k) == theirs.get(k) for k in names)
                if settled:
                    uow.merge_state.add_history(stored.record_id, with_version(
                        histories.get(stored.record_id, {}), stored.incoming_hash))
        elif stored.kind == "order":
            settled = merge_orders.settled(uow, stored)
        elif stored.kind == "deleted_there":
            settled = local is None or known
        else:
            settled = local is not None or (known and not stored.fields)
        if settled:
            uow.merge_state.mark_resolved(stored.id)

