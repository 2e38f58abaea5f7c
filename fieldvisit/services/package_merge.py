"""Merging a visit from another laptop (a package or a visit document) into this database,
record by record, by UUID and exchange history; the rules are in ``merge_records``.

Every record is compared by content (its fields without the bookkeeping ones, as a SHA-256
``content_hash``). Each database keeps, per record, the versions it had whenever the record
was exchanged (packed, exported, unpacked or imported), with their contents; a package or a
document carries the sender's versions too, and its tombstones. Then records absent here are
added, deletions are applied where the record was not changed since, a record deleted here is
never brought back by an older copy, edits on both sides merge field by field, and whatever
truly disagrees is kept as a conflict for the user to resolve (``conflicts``). Nothing is
silently overwritten, and a clock decides nothing.

Organizations, people and sites are shared by all visits: one that exists here, differs, and
is not used by this visit here is kept as it is (``kept_directory``), before any of the above.
Then the visit's ordered lists (stops, notes, delegation) are merged as wholes and numbered
1..n (``merge_orders``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import content_hash
from fieldvisit.domain.errors import DocumentError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services import package_checks, visit_document
from fieldvisit.services.concurrency import retried
from fieldvisit.services.conflicts import (
    KINDS,
    ConflictView,
    list_conflicts,
    resolve_conflict,
    view,
)

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

__all__ = ["KINDS", "ConflictView", "MergeSummary", "content_hash", "list_conflicts",
           "merge_visit", "resolve_conflict"]

VISIT_SECTION = "visit"


@dataclass(frozen=True)
class MergeSummary:
    visit_id: UUID
    visit_title: str
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    """Records taken from the other side, or merged field by field with it."""
    unchanged: dict[str, int] = field(default_factory=dict)
    kept_local: dict[str, int] = field(default_factory=dict)
    """Records changed (or deleted) here since the other side's version: ours are later."""
    deleted: dict[str, int] = field(default_factory=dict)
    """Records deleted on the other side, and not changed here since: deleted here too."""
    kept_directory: dict[str, int] = field(default_factory=dict)
    """Organizations, people and sites that differ but that this visit does not use here:
    a package may not change them (``package_checks.kept_directory_records``)."""
    conflicts: tuple[ConflictView, ...] = ()
    photo_files: int = 0
    """Photo files copied into the photo folder."""

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values())
                    + sum(self.deleted.values()) or self.photo_files)

    @property
    def kept_newer(self) -> dict[str, int]:
        return self.kept_local

    def with_photos(self, copied: int) -> MergeSummary:
        return dataclasses.replace(self, photo_files=copied)


@retried
def merge_visit(uow: UnitOfWork, document: dict[str, Any],
                history: dict[UUID, frozenset[str]] | None = None) -> MergeSummary:
    """Merge a (valid) visit document in one transaction. Its own history (format 2) says
    which versions the sender had exchanged; ``history`` adds those of a package's manifest
    (packages of format 1, whose documents have none)."""
    from fieldvisit.services.merge_orders import OrderMerge
    from fieldvisit.services.merge_records import Merger

    parsed = visit_document.parse_document(document)
    visit, sections = parsed.visit, parsed.sections
    histories: dict[UUID, dict[str, int]] = {k: dict(v) for k, v in parsed.history.items()}
    for record_id, versions in (history or {}).items():
        known = histories.setdefault(record_id, {})
        for version in versions:
            known.setdefault(version, 0)
    with uow:
        visit_document._check_references(uow, visit, sections)
        ordered = [(VISIT_SECTION, visit)] + [(name, r) for name, _ in visit_document.SECTIONS
                                              for r in sections[name]]
        _check_tombstones(uow, visit.id, parsed.tombstones, ordered)
        merger = Merger(uow, visit.id, [r.id for _, r in ordered]
                        + [t.record_id for t in parsed.tombstones])
        kept = package_checks.kept_in_transaction(uow, visit.id, (r for _, r in ordered))
        orders = OrderMerge(merger, sections, histories)
        kept_directory: dict[str, int] = {}
        for name, record in ordered:
            if record.id in kept:  # shared with other visits only: not this package's to change
                kept_directory[name] = kept_directory.get(name, 0) + 1
                continue
            merger.record(name, record, histories.get(record.id, {}))
        order = [name for name, _ in visit_document.SECTIONS][::-1]
        for tombstone in sorted(parsed.tombstones, key=lambda t: order.index(t.kind)):
            merger.tombstone(tombstone, histories.get(tombstone.record_id, {}))
        orders.apply()
        merger.finish()
        uow.commit()
        waiting = {c.id: c for c in uow.merge_state.conflicts(visit_id=visit.id,
                                                               resolved=False)}
        conflicts = tuple(view(uow, waiting[i]) for i in dict.fromkeys(merger.conflict_ids)
                          if i in waiting)
    return MergeSummary(visit.id, visit.title, conflicts=conflicts,
                        kept_directory=kept_directory, added=merger.counts["added"],
                        updated=merger.counts["updated"], unchanged=merger.counts["unchanged"],
                        kept_local=merger.counts["kept_local"], deleted=merger.counts["deleted"])


def _check_tombstones(uow: UnitOfWork, visit_id: UUID, tombstones: list[Any],
                      ordered: list[tuple[str, e.Record]]) -> None:
    """A document's tombstones may only delete records of its own visit, of their kind; its
    records may not be ones deleted from another visit here."""
    from fieldvisit.services.merge_records import KIND_OF_SECTION

    listed = {r.id: f"$.{name}[{i}]" if name != VISIT_SECTION else "$.visit"
              for name, items in _by_section(ordered).items() for i, r in enumerate(items)}
    for elsewhere in uow.tombstones.all(record_id=list(listed)):
        if elsewhere.visit_id != visit_id:
            raise DocumentError(f"{listed[elsewhere.record_id]}.id", Message(QT_TRANSLATE_NOOP(
                "Messages", "the id {id} belongs to a record of another visit in this "
                "database"), id=elsewhere.record_id))
    ids = [t.record_id for t in tombstones]
    if not ids:
        return
    here: dict[UUID, e.Record] = {}
    for kind in KINDS.values():
        here.update((r.id, r) for r in uow.repository(kind).all(id=ids))
    buried = {t.record_id: t for t in uow.tombstones.all(record_id=ids)}
    for index, tombstone in enumerate(tombstones):
        path = f"$.tombstones[{index}]"
        found = here.get(tombstone.record_id)
        if found is not None and type(found) is not KIND_OF_SECTION[tombstone.kind]:
            raise DocumentError(f"{path}.kind", Message(QT_TRANSLATE_NOOP(
                "Messages", "the id {id} belongs to a record of another kind in this "
                "database"), id=tombstone.record_id))
        visit_here = getattr(found, "visit_id", None) if found is not None else getattr(
            buried.get(tombstone.record_id), "visit_id", visit_id)
        if visit_here != visit_id:
            raise DocumentError(f"{path}.id", Message(QT_TRANSLATE_NOOP(
                "Messages", "the id {id} belongs to a record of another visit in this "
                "database"), id=tombstone.record_id))


def _by_section(ordered: list[tuple[str, e.Record]]) -> dict[str, list[e.Record]]:
    sections: dict[str, list[e.Record]] = {}
    for name, record in ordered:
        sections.setdefault(name, []).append(record)
    return sections
