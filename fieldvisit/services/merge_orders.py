"""Orders of a merged visit: its stops (``position``, within the order of days), notes
(``position``) and delegation (``protocol_order``). ``package_merge.merge_visit`` merges the
records one by one (``merge_records``), where a record's number is never a conflict of its
own; then each list is merged as a whole (``domain.order_merge``): the relative order of the
records both laptops hold is taken from the side that changed it since the latest versions
both knew, records added on either side keep their place, and the list is numbered 1..n. If
both sides changed it differently, this database's order stays and one conflict of kind
``order`` (record type: the list's section, record id: the visit) holds theirs: Keep Mine,
or Take Theirs, which numbers the list in their order. Identical merged data gives identical
numbers on every laptop, so the next exchange finds the records unchanged.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Iterable
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.content import content, content_hash, hash_content
from fieldvisit.domain.order_merge import arrange, merge_order
from fieldvisit.services.exchange import History, with_version

if TYPE_CHECKING:
    from fieldvisit.persistence.exchange_state import StoredConflict
    from fieldvisit.persistence.uow import UnitOfWork
    from fieldvisit.services.merge_records import Merger

ORDERED: tuple[tuple[str, type[e.Record], str], ...] = (
    ("stops", e.Stop, "position"),
    ("notes", e.Note, "position"),
    ("delegation", e.DelegationMember, "protocol_order"),
)
"""The ordered lists of a visit: section, record type, the field numbering it 1..n."""

ORDER_FIELD: dict[type[e.Record], str] = {kind: name for _s, kind, name in ORDERED}
SECTION_OF: dict[str, tuple[type[e.Record], str]] = {s: (k, n) for s, k, n in ORDERED}
LABEL_CHARS = 40


def ranked(records: Iterable[e.Record], field: str) -> list[UUID]:
    """The ids in the list's order: by number, then by id (two alike numbers, as an older
    FieldVisit could leave them, are ordered the same way everywhere)."""
    return [r.id for r in sorted(records, key=lambda r: (getattr(r, field), str(r.id)))]


def only_moved(uow: UnitOfWork, record: e.Record, versions: Iterable[str]) -> bool:
    """``record`` differs from one of ``versions`` (held here) in its number only."""
    if type(record) not in ORDER_FIELD:
        return False
    held = uow.merge_state.contents(record.id, list(versions))
    field = ORDER_FIELD[type(record)]
    mine = content(record)
    mine.pop(field, None)
    return any(isinstance(c, dict) and {k: v for k, v in c.items() if k != field} == mine
               for c in held.values())


@dataclasses.dataclass
class _List:
    section: str
    kind: type[e.Record]
    field: str
    mine: list[UUID]
    theirs: list[UUID]
    base: dict[UUID, int]


class OrderMerge:
    """Taken before the records are merged (this database's orders, and the latest order
    both sides knew), applied after."""

    def __init__(self, merger: Merger, sections: dict[str, list[e.Record]],
                 histories: dict[UUID, History]) -> None:
        self.merger = merger
        self.lists: list[_List] = []
        uow = merger.uow
        for section, kind, field in ORDERED:
            local = {r.id: r for r in uow.repository(kind).all(visit_id=merger.visit_id)}
            incoming = sections.get(section, [])
            base: dict[UUID, int] = {}
            for record in incoming:
                here = local.get(record.id)
                if here is not None:
                    found = self._base(here, record, histories.get(record.id, {}), field)
                    if found is not None:
                        base[record.id] = found
            self.lists.append(_List(section, kind, field, ranked(local.values(), field),
                                    ranked(incoming, field), base))

    def _base(self, here: e.Record, incoming: e.Record, theirs: History,
              field: str) -> int | None:
        ours, version = content_hash(here), content_hash(incoming)
        theirs = with_version(theirs, version)
        mine = self.merger.histories.get(here.id, {})
        if ours in theirs and (ours != version or ours in mine):
            return getattr(here, field)  # they had ours (or we exchanged this very version)
        if ours != version and version in mine:
            return getattr(incoming, field)
        # both changed it, or both came to the same version on their own (moving a record
        # to the top moves the others alike): the latest version both knew before
        held = self.merger.base_content(here.id, mine, theirs)
        value = held.get(field) if held is not None else None
        if isinstance(value, int):
            return value
        return getattr(here, field) if ours == version else None

    def apply(self) -> None:
        for listed in self.lists:
            self._apply(listed)

    def _apply(self, listed: _List) -> None:
        uow, merger = self.merger.uow, self.merger
        repository = uow.repository(listed.kind)
        present = {r.id: r for r in repository.all(visit_id=merger.visit_id)}
        merged = merge_order(listed.mine, listed.theirs, listed.base, present)
        order = list(merged.order)
        renumber(uow, listed.kind, present, order, on_change=lambda r: merger.renumbered(
            listed.section, r.id))
        if merged.conflict:
            theirs = [str(i) for i in listed.theirs]
            merger.conflict("order", listed.section, merger.visit_id,
                            {"theirs": theirs, "kept": [str(i) for i in order]},
                            hash_content({"section": listed.section, "order": theirs}))


def renumber(uow: UnitOfWork, kind: type[e.Record], present: dict[UUID, e.Record],
             order: list[UUID], on_change: Any = None) -> None:
    """Number the records 1..n in ``order`` (stops within the order of their days), writing
    only those whose number changes."""
    from fieldvisit.services import records

    field = ORDER_FIELD[kind]
    if kind is e.Stop:
        order = sorted(order, key=lambda i: _day(present[i]))  # stable: days first
    repository = uow.repository(kind)
    for number, record_id in enumerate(order, start=1):
        record = present[record_id]
        if getattr(record, field) != number:
            repository.put(records.changed(record, {field: number}))
            if on_change is not None:
                on_change(record)


def normalize(uow: UnitOfWork, kind: type[e.Record], visit_id: UUID,
              first: UUID | None = None) -> None:
    """Number a visit's list 1..n in its order, ``first`` (a record just put back at its old
    number) before another of the same number."""
    if kind not in ORDER_FIELD:
        return
    field = ORDER_FIELD[kind]
    present = {r.id: r for r in uow.repository(kind).all(visit_id=visit_id)}
    order = [r.id for r in sorted(present.values(), key=lambda r: (
        getattr(r, field), r.id != first, str(r.id)))]
    renumber(uow, kind, present, order)



def _day(record: e.Record) -> int:
    """The day of a stop, which orders the stops before their numbers (0: not a stop)."""
    return record.day if isinstance(record, e.Stop) else 0


# -- conflicts of kind "order" -------------------------------------------------------------
def current_order(uow: UnitOfWork, visit_id: UUID | None, section: str) -> list[e.Record]:
    kind, field = SECTION_OF[section]
    listed = uow.repository(kind).all(visit_id=visit_id)
    by_id = {r.id: r for r in listed}
    ordered = [by_id[i] for i in ranked(listed, field)]
    if kind is e.Stop:
        ordered.sort(key=_day)
    return ordered


def settled(uow: UnitOfWork, stored: StoredConflict) -> bool:
    """The order here has changed since the merge kept it (resolved elsewhere, reordered
    here or there), or agrees with theirs on the records both hold."""
    now = [str(r.id) for r in current_order(uow, stored.visit_id, stored.record_type)]
    kept, theirs = stored.incoming.get("kept", []), stored.incoming.get("theirs", [])
    both = set(now) & set(kept) & set(theirs)
    if len(both) < 2:
        return True
    now_b = [i for i in now if i in both]
    return now_b != [i for i in kept if i in both] or now_b == [i for i in theirs if i in both]


def resolve(uow: UnitOfWork, stored: StoredConflict, take_incoming: bool) -> None:
    """Take Theirs numbers the list in the other laptop's order (records only here keep their
    place after their neighbours); Keep Mine leaves it."""
    if not take_incoming:
        return
    kind, _field = SECTION_OF[stored.record_type]
    listed = current_order(uow, stored.visit_id, stored.record_type)
    present = {r.id: r for r in listed}
    theirs = [UUID(i) for i in stored.incoming.get("theirs", [])]
    spine = [i for i in theirs if i in present]
    renumber(uow, kind, present, arrange(spine, list(present), theirs, present))


def order_text(uow: UnitOfWork, section: str, ids: list[UUID]) -> str:
    """An order as people read it: "1. 工人文化宫", "2. 骑手驿站"… one a line."""
    kind, _field = SECTION_OF[section]
    records = {r.id: r for r in uow.repository(kind).all(id=ids)} if ids else {}
    shown = [records[i] for i in ids if i in records]
    stops = [r for r in shown if isinstance(r, e.Stop)]
    members = [r for r in shown if isinstance(r, e.DelegationMember)]
    if kind is e.Stop:
        sites = {s.id: s.name for s in uow.sites.all(id=[r.site_id for r in stops])}
        names = [sites.get(r.site_id, "") for r in stops]
    elif kind is e.Note:
        names = [r.text.replace("\n", " ")[:LABEL_CHARS] for r in shown
                 if isinstance(r, e.Note)]
    else:
        people = {p.id: p.name for p in uow.people.all(id=[r.person_id for r in members])}
        names = [people.get(r.person_id, "") for r in members]
    return "\n".join(f"{number}. {name}" for number, name in enumerate(names, start=1))


def theirs_ids(stored: StoredConflict) -> list[UUID]:
    return [UUID(i) for i in stored.incoming.get("theirs", [])]
