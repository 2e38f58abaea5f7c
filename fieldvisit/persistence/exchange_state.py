"""What a database knows about exchanging its visits: the versions of each record it has
exchanged (hash, generation, content), conflicts waiting to be resolved, and tombstones of
deleted records. None of it is a record: it never travels as one.

Deleting a visit's record through its repository buries it (``bury``): a tombstone is written
in the same transaction, for the records the deletion takes along too (a member's or a stop's
absences), and the version deleted and the deletion itself join the record's exchanged versions.
Putting a buried record back (undo) digs it up (``dig_up``): the tombstone goes, the deletion
stays known, so that a deletion which already travelled is undone on the other laptops too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import (
    TOMBSTONED_KINDS,
    Tombstone,
    content,
    hash_content,
    new_deletion,
)
from fieldvisit.domain.errors import NotFoundError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.domain.plain import field_types, row_loader
from fieldvisit.persistence import models as m

_BATCH = 500

History = dict[str, int]
"""Exchanged versions of one record: content hash (or deletion token) → generation."""


@dataclasses.dataclass(frozen=True)
class StoredConflict:
    id: UUID
    created_at: Any
    visit_id: UUID | None
    record_type: str
    record_id: UUID
    incoming: dict[str, Any]
    incoming_hash: str
    resolved: bool
    kind: str = "edit"
    fields: tuple[str, ...] | None = None


class MergeStateRepository:
    """Exchanged versions of records, and conflicts to resolve."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- exchanged versions ---------------------------------------------------------------------
    def history(self, record_ids: Iterable[UUID]) -> dict[UUID, History]:
        ids = list(dict.fromkeys(record_ids))
        found: dict[UUID, History] = {}
        for start in range(0, len(ids), _BATCH):
            statement = select(m.SyncStateRow.record_id, m.SyncStateRow.content_hash,
                               m.SyncStateRow.generation).where(
                m.SyncStateRow.record_id.in_(ids[start:start + _BATCH]))
            for record_id, content_hash, generation in self._session.execute(statement):
                found.setdefault(record_id, {})[content_hash] = generation or 0
        return found

    def known_hashes(self, record_ids: Iterable[UUID]) -> dict[UUID, set[str]]:
        return {k: set(v) for k, v in self.history(record_ids).items()}

    def add_history(self, record_id: UUID, entries: History,
                    contents: dict[str, dict[str, Any]] | None = None) -> None:
        """Add versions (keeping the greater generation of one known already) and the
        contents of those this database holds."""
        self.add_histories({record_id: entries}, {record_id: contents or {}})

    def add_histories(self, entries: dict[UUID, History],
                      contents: dict[UUID, dict[str, dict[str, Any]]] | None = None) -> None:
        contents = contents or {}
        known = self._rows(entries)
        for record_id, versions in entries.items():
            held = contents.get(record_id, {})
            for content_hash, generation in versions.items():
                row = known.get((record_id, content_hash))
                if row is None:
                    self._session.add(m.SyncStateRow(
                        record_id=record_id, content_hash=content_hash, generation=generation,
                        content=held.get(content_hash)))
                    continue
                if (row.generation or 0) < generation:
                    row.generation = generation
                if row.content is None and content_hash in held:
                    row.content = held[content_hash]
        self._session.flush()

    def add_hashes(self, record_id: UUID, hashes: Iterable[str]) -> None:
        """Versions known without their generation (as older FieldVisits exchanged them)."""
        self.add_history(record_id, {h: 0 for h in hashes})

    def contents(self, record_id: UUID, hashes: Iterable[str]) -> dict[str, dict[str, Any]]:
        statement = select(m.SyncStateRow.content_hash, m.SyncStateRow.content).where(
            m.SyncStateRow.record_id == record_id,
            m.SyncStateRow.content_hash.in_(list(hashes)),
            m.SyncStateRow.content.is_not(None))
        return {h: c for h, c in self._session.execute(statement)}

    def _rows(self, entries: dict[UUID, History]) -> dict[tuple[UUID, str], m.SyncStateRow]:
        ids = list(entries)
        rows: dict[tuple[UUID, str], m.SyncStateRow] = {}
        for start in range(0, len(ids), _BATCH):
            statement = select(m.SyncStateRow).where(
                m.SyncStateRow.record_id.in_(ids[start:start + _BATCH]))
            for row in self._session.scalars(statement):
                rows[(row.record_id, row.content_hash)] = row
        return rows

    # -- conflicts ------------------------------------------------------------------------------
    def add_conflict(self, conflict: StoredConflict) -> None:
        values = dataclasses.asdict(conflict)
        values["fields"] = list(conflict.fields) if conflict.fields is not None else None
        self._session.add(m.MergeConflictRow(**values))
        self._session.flush()

    def conflicts(self, visit_id: UUID | None = None, *,
                  resolved: bool | None = None) -> list[StoredConflict]:
        """The conflicts of the visit ``visit_id`` (None: of every visit), resolved or not
        (None: both)."""
        statement = select(m.MergeConflictRow)
        if visit_id is not None:
            statement = statement.where(m.MergeConflictRow.visit_id == visit_id)
        if resolved is not None:
            statement = statement.where(m.MergeConflictRow.resolved == resolved)
        statement = statement.order_by(m.MergeConflictRow.created_at, m.MergeConflictRow.id)
        return [self._conflict(row) for row in self._session.scalars(statement)]

    def find_conflict(self, conflict_id: UUID) -> StoredConflict | None:
        row = self._session.get(m.MergeConflictRow, conflict_id)
        return None if row is None else self._conflict(row)

    def mark_resolved(self, conflict_id: UUID) -> None:
        row = self._session.get(m.MergeConflictRow, conflict_id)
        if row is None:
            raise NotFoundError(Message(QT_TRANSLATE_NOOP(
                "Messages", "no conflict with id {id}"), id=conflict_id))
        row.resolved = True
        self._session.flush()

    def delete_conflicts(self, visit_id: UUID) -> None:
        self._session.execute(delete(m.MergeConflictRow).where(
            m.MergeConflictRow.visit_id == visit_id))

    @staticmethod
    def _conflict(row: m.MergeConflictRow) -> StoredConflict:
        values = {f.name: getattr(row, f.name) for f in dataclasses.fields(StoredConflict)}
        values["fields"] = tuple(row.fields) if row.fields is not None else None
        values["kind"] = row.kind or "edit"
        return StoredConflict(**values)


class TombstoneRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def find(self, record_id: UUID) -> Tombstone | None:
        row = self._session.get(m.TombstoneRow, record_id)
        return None if row is None else _tombstone(row)

    def all(self, *, visit_id: UUID | None = None,
            record_id: Collection[UUID] | None = None) -> list[Tombstone]:
        """The tombstones of the visit ``visit_id``, of the records ``record_id`` (None: any)."""
        statement = select(m.TombstoneRow)
        if visit_id is not None:
            statement = statement.where(m.TombstoneRow.visit_id == visit_id)
        if record_id is not None:
            statement = statement.where(m.TombstoneRow.record_id.in_(list(record_id)))
        statement = statement.order_by(m.TombstoneRow.deleted_at, m.TombstoneRow.record_id)
        return [_tombstone(row) for row in self._session.scalars(statement)]

    def put(self, tombstone: Tombstone) -> None:
        row = self._session.get(m.TombstoneRow, tombstone.record_id)
        values = dataclasses.asdict(tombstone)
        if row is None:
            self._session.add(m.TombstoneRow(**values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
        self._session.flush()


def _tombstone(row: m.TombstoneRow) -> Tombstone:
    return Tombstone(**{f.name: getattr(row, f.name) for f in dataclasses.fields(Tombstone)})


# -- deleting and putting back a visit's records -----------------------------------------------
_CASCADES: dict[type[e.Record], tuple[type[m.RecordRow], str]] = {
    e.DelegationMember: (m.AbsenceRow, "member_id"),
    e.Stop: (m.AbsenceRow, "stop_id"),
}
"""Records whose deletion the database cascades to others: those are buried too."""

_DETACHES: dict[type[e.Record], tuple[tuple[type[m.RecordRow], str], ...]] = {
    e.Note: ((m.KeyFigureRow, "note_id"), (m.FollowUpRow, "note_id")),
    e.Stop: ((m.PhotoRow, "stop_id"),),
}
"""References the database clears when the record is deleted: cleared here first, so that no
loaded copy of those records is stale."""



def _visit_of(record: e.Record) -> UUID:
    """The visit of a record of a visit (a tombstoned kind)."""
    visit_id = getattr(record, "visit_id", None)
    if not isinstance(visit_id, UUID):
        raise TypeError(f"{type(record).__name__} belongs to no visit")
    return visit_id


def bury(session: Session, record: e.Record, deletion: str | None = None,
         changed_by: str = "") -> dict[UUID, int | None]:
    """Tombstones for ``record``, about to be deleted, and for the records its deletion takes
    along (deleted here first); references to it that the deletion clears are cleared first.
    ``deletion`` names the deletion (a new one by default). Returns the records written on the
    way, with their new versions (None: deleted); ``changed_by`` is stamped on those changed."""
    kind = TOMBSTONED_KINDS.get(type(record))
    if kind is None:
        return {}
    written: dict[UUID, int | None] = {}
    detached = []
    for row_type, column in _DETACHES.get(type(record), ()):
        for row in session.scalars(select(row_type).where(
                getattr(row_type, column) == record.id)):
            setattr(row, column, None)
            row.changed_by = changed_by
            detached.append(row)
    session.flush()
    written.update((row.id, row.version) for row in detached)
    cascade = _CASCADES.get(type(record))
    if cascade is not None:
        row_type, column = cascade
        for row in session.scalars(select(row_type).where(
                getattr(row_type, column) == record.id)):
            bury(session, row_loader(e.Absence)({f: getattr(row, f)
                                                 for f in field_types(e.Absence)}))
            session.delete(row)
            written[row.id] = None
        session.flush()
    version = content(record)
    version_hash = hash_content(version)
    deletion = deletion or new_deletion()
    generation = _latest_generation(session, record.id)
    MergeStateRepository(session).add_history(
        record.id, {version_hash: generation + 1, deletion: generation + 2},
        {version_hash: version})
    TombstoneRepository(session).put(Tombstone(
        record_id=record.id, kind=kind, visit_id=_visit_of(record),
        deleted_at=e.utc_now(), content_hash=version_hash, deletion=deletion))
    return written


def dig_up(session: Session, record_id: UUID) -> None:
    """A buried record is put back: its tombstone goes (its deletion stays a known version)."""
    row = session.get(m.TombstoneRow, record_id)
    if row is not None:
        session.delete(row)
        session.flush()


def _latest_generation(session: Session, record_id: UUID) -> int:
    found = session.execute(select(func.max(m.SyncStateRow.generation)).where(
        m.SyncStateRow.record_id == record_id)).scalar()
    return found or 0
