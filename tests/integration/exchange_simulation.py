"""A randomized exchange of one visit among three laptops (issue 12's measure), shared by the
test (``test_exchange_simulation.py``) and ``benchmarks/exchange_simulation.py``.

From a seed, every step does one thing on a random laptop: edit a note's text or themes, a key
figure, a follow-up, the visit's summary or a part of the report's writing (a text, or back to
the draft); add a note, figure, follow-up, delegation member or
a member's absence from a stop; delete one of them (a member with their absences); reorder the
stops, the notes or the delegation; undo the laptop's latest deletion; pack the visit for
another laptop (delivered at once, or later, or also a second time); export a visit document for
another; resolve the conflicts waiting on the laptop, each by a random but reproducible choice.
Then every laptop sends to every other until a whole round changes nothing.

The oracle: the laptops hold the same visit (their documents equal apart from the time of the
last edit), no conflict is left, every record some laptop still had and no one deleted is on
every laptop, and every record a user deleted is gone everywhere unless a user brought it back
(an undo, or Keep in a conflict). A member's absences go with the member, also those another
laptop added: they count as deleted when the member's deletion reaches that laptop. Every
ordered list (stops, notes, delegation) is numbered 1..n on every laptop, in the same order.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from uuid import UUID

from fieldvisit.domain import entities as e
from fieldvisit.domain.enums import FollowUpStatus
from fieldvisit.services import delegation, directory, itinerary, notes, records, report_writing
from fieldvisit.services.package_merge import list_conflicts, resolve_conflict
from fieldvisit.services.visit_document import SECTIONS, export_visit, import_visit
from tests.integration.laptops import Laptop, same_visit

TAGS = ("驿站建设", "权益保障", "党建", "需求", "骑手", "妇女")
KINDS: tuple[type[e.Record], ...] = tuple(kind for _name, kind in SECTIONS)


@dataclass
class Figures:
    steps: int = 0
    edits: int = 0
    adds: int = 0
    deletes: int = 0
    reorders: int = 0
    restores: int = 0
    packages: int = 0
    documents: int = 0
    stale_deliveries: int = 0
    conflicts: int = 0
    """Distinct conflicts raised (by merges; a conflict reported again counts once)."""
    order_conflicts: int = 0
    """Of those, lists reordered on two laptops."""
    resolved: int = 0
    """Conflicts resolved by a user's choice (the others settled themselves)."""
    rounds_to_quiet: int = 0
    records: int = 0
    deleted_for_good: int = 0
    seconds: float = 0.0
    merge_seconds: list[float] = field(default_factory=list)


class Simulation:
    def __init__(self, laptops: list[Laptop], visit_id: UUID, seed: int) -> None:
        self.laptops, self.visit_id = laptops, visit_id
        self.rng = random.Random(seed)
        self.figures = Figures()
        self.deleted: set[UUID] = set()
        """Records a user deleted (directly, or by choosing Delete in a conflict)."""
        self.revived: set[UUID] = set()
        """Records a user brought back (an undo, or Keep in a conflict)."""
        self.seen: set[UUID] = set()
        self.undo: dict[str, list[Callable[[], None]]] = {laptop.name: [] for laptop in laptops}
        self.conflict_ids: set[UUID] = set()
        self.order_conflict_ids: set[UUID] = set()
        self._absences: dict[UUID, e.Absence] = {}
        self.in_transit: list[tuple[Laptop, Path]] = []

    # -- the run --------------------------------------------------------------------------------
    def run(self, steps: int) -> Figures:
        started = time.perf_counter()
        actions = [(self.edit, 30), (self.add, 10), (self.delete, 12), (self.restore, 4),
                   (self.reorder, 6), (self.exchange, 22), (self.document, 4),
                   (self.deliver_late, 5), (self.resolve, 8)]
        population = [action for action, weight in actions for _ in range(weight)]
        for _ in range(steps):
            self.rng.choice(population)(self.rng.choice(self.laptops))
            self.figures.steps += 1
            self._remember()
        self.settle()
        self.figures.seconds = time.perf_counter() - started
        return self.figures

    def settle(self, max_rounds: int = 12) -> None:
        """Every laptop sends to every other, conflicts resolved, until a round is quiet."""
        for round_number in range(1, max_rounds + 1):
            busy = False
            for sender in self.laptops:
                for receiver in self.laptops:
                    if sender is receiver:
                        continue
                    summary = self._merge(receiver, sender.pack(self.visit_id))
                    busy |= summary.changed_anything or bool(summary.deleted) or \
                        bool(summary.conflicts)
                    busy |= self.resolve(receiver) > 0
            self.figures.rounds_to_quiet = round_number
            if not busy:
                return
        raise AssertionError(f"still changing after {max_rounds} rounds of exchanges")

    def check(self) -> None:
        views = same_visit(*self.laptops, visit_id=self.visit_id)
        for laptop, view in zip(self.laptops[1:], views[1:], strict=True):
            assert view == views[0], f"{laptop.name} differs from {self.laptops[0].name}"
        for laptop in self.laptops:
            assert list_conflicts(laptop.uow(), self.visit_id) == [], laptop.name
        orders = [self._orders(laptop) for laptop in self.laptops]
        for laptop, order in zip(self.laptops, orders, strict=True):
            for name, numbered in order.items():
                assert [n for n, _id in numbered] == list(range(1, len(numbered) + 1)), \
                    f"{name} of {laptop.name} numbered {[n for n, _id in numbered]}"
            assert order == orders[0], f"{laptop.name} orders differ from {self.laptops[0].name}"
        present = self._ids(self.laptops[0])
        lost = self.seen - present - self.deleted
        assert not lost, f"records lost without being deleted: {sorted(map(str, lost))[:5]}"
        back = (present & self.deleted) - self.revived
        assert not back, f"deleted records resurrected: {sorted(map(str, back))[:5]}"
        self.figures.records = len(present)
        self.figures.deleted_for_good = len(self.deleted - present)

    # -- actions --------------------------------------------------------------------------------
    def edit(self, laptop: Laptop) -> None:
        uow = laptop.uow()
        choice = self.rng.randrange(5)
        label = f"{laptop.name}{self.figures.steps}"
        if choice < 2 and (found := notes.list_notes(uow, self.visit_id)):
            note = self.rng.choice(found)
            if choice == 0:
                notes.update_note(uow, note.id, text=f"{note.text[:20]}·{label}")
            else:
                notes.update_note(uow, note.id, tags=tuple(self.rng.sample(TAGS, 2)))
        elif choice == 2 and (figures := notes.list_figures(uow, self.visit_id)):
            figure = self.rng.choice(figures)
            if self.rng.random() < 0.5:
                notes.update_figure(uow, figure.id, value=str(self.rng.randrange(10, 9000)))
            else:
                notes.update_figure(uow, figure.id, label=f"指标{label}")
        elif choice == 3 and (follow_ups := notes.list_follow_ups(uow, self.visit_id)):
            follow_up = self.rng.choice(follow_ups)
            if self.rng.random() < 0.5:
                notes.update_follow_up(uow, follow_up.id,
                                       status=self.rng.choice(list(FollowUpStatus)))
            else:
                notes.update_follow_up(uow, follow_up.id, action=f"跟进{label}")
        elif choice == 4 and self.rng.random() < 0.5:
            visit = records.get(uow, e.Visit, self.visit_id)
            records.edit(uow, e.Visit, self.visit_id, {"summary": f"{visit.summary[:10]}{label}"})
        elif choice == 4:  # the writer: a part of the report, or back to the draft
            part = self.rng.choice(("title", "lead", "problems", "brief_issue"))
            text = None if self.rng.random() < 0.2 else f"{part}{label}"
            report_writing.update_report_writing(uow, self.visit_id, {part: text}, None)
        else:
            return
        self.figures.edits += 1

    def add(self, laptop: Laptop) -> None:
        uow = laptop.uow()
        label = f"{laptop.name}{self.figures.steps}"
        existing = notes.list_notes(uow, self.visit_id)
        note_id = self.rng.choice(existing).id if existing and self.rng.random() < 0.5 else None
        choice = self.rng.randrange(5)
        if choice == 0:
            notes.add_note(uow, self.visit_id, f"新记录{label}", tags=(self.rng.choice(TAGS),))
        elif choice == 4:  # a member skips a stop
            member = self.rng.choice(delegation.list_members(uow, self.visit_id))
            stop = self.rng.choice(itinerary.list_stops(uow, self.visit_id))
            delegation.set_attendance(uow, member.id, stop.id, attends=False)
        elif choice == 1:
            notes.add_figure(uow, self.visit_id, f"新指标{label}", "42", note_id=note_id)
        elif choice == 2:
            notes.add_follow_up(uow, self.visit_id, f"新跟进{label}", note_id=note_id)
        else:
            person = directory.create_person(uow, f"新成员{label}")
            delegation.add_member(uow, self.visit_id, person.id)
        self.figures.adds += 1

    def delete(self, laptop: Laptop) -> None:
        uow = laptop.uow()
        choice = self.rng.randrange(5)
        before = self._ids(laptop)
        undo: Callable[[], None]
        if choice == 4:  # a member goes to a stop after all: their absence is deleted
            absences = laptop.all(e.Absence, self.visit_id)
            if absences:
                absence = self.rng.choice(absences)
                delegation.set_attendance(uow, absence.member_id, absence.stop_id,
                                          attends=True)
                self.deleted |= before - self._ids(laptop)
                self.figures.deletes += 1
            return
        if choice == 0 and (found := notes.list_notes(uow, self.visit_id)):
            note = self.rng.choice(found)
            notes.delete_note(uow, note.id)
            undo = self._restorer(laptop, note)
        elif choice == 1 and (figures := notes.list_figures(uow, self.visit_id)):
            figure = notes.delete_figure(uow, self.rng.choice(figures).id)
            undo = self._restorer(laptop, figure)
        elif choice == 2 and (follow_ups := notes.list_follow_ups(uow, self.visit_id)):
            follow_up = notes.delete_follow_up(uow, self.rng.choice(follow_ups).id)
            undo = self._restorer(laptop, follow_up)
        elif choice == 3 and len(members := delegation.list_members(uow, self.visit_id)) > 2:
            removed = delegation.remove_member(uow, self.rng.choice(members).id)

            def undo() -> None:
                if laptop.find(e.DelegationMember, removed.member.id) is None:
                    delegation.restore_member(laptop.uow(), removed)
        else:
            return
        self.deleted |= before - self._ids(laptop)
        self.undo[laptop.name].append(undo)
        self.figures.deletes += 1

    def reorder(self, laptop: Laptop) -> None:
        """Put the stops, the notes or the delegation in a random order (a drag, Suggest
        Route, Sort by Role…)."""
        uow = laptop.uow()
        choice = self.rng.randrange(3)
        if choice == 0:
            ids = [s.id for s in itinerary.list_stops(uow, self.visit_id)]
            reorder: Callable[..., Any] = itinerary.reorder_stops
        elif choice == 1:
            ids = [n.id for n in notes.list_notes(uow, self.visit_id)]
            reorder = notes.reorder_notes
        else:
            ids = [m.id for m in delegation.list_members(uow, self.visit_id)]
            reorder = delegation.reorder_members
        if len(ids) < 2:
            return
        moved = ids[:]
        moved.insert(self.rng.randrange(len(ids)), moved.pop(self.rng.randrange(len(ids))))
        reorder(uow, self.visit_id, moved)
        self.figures.reorders += 1

    def _restorer(self, laptop: Laptop, record: e.Record) -> Callable[[], None]:
        def undo() -> None:
            if laptop.find(type(record), record.id) is not None:
                return  # back already (a merge brought it)
            note_id = getattr(record, "note_id", None)
            if note_id is not None and laptop.find(e.Note, note_id) is None:
                return  # its note is deleted: the undo stack would undo that first
            if isinstance(record, e.Note):
                notes.restore_note(laptop.uow(), record)
            else:
                notes.put_record(laptop.uow(), record)
        return undo

    def restore(self, laptop: Laptop) -> None:
        if not self.undo[laptop.name]:
            return
        before = self._ids(laptop)
        self.undo[laptop.name].pop()()
        self.revived |= self._ids(laptop) - before
        self.figures.restores += 1

    def exchange(self, laptop: Laptop) -> None:
        receiver = self.rng.choice([other for other in self.laptops if other is not laptop])
        package = laptop.pack(self.visit_id)
        self.figures.packages += 1
        if self.rng.random() < 0.2:
            self.in_transit.append((receiver, package))  # arrives later
        else:
            self._merge(receiver, package)

    def deliver_late(self, _laptop: Laptop) -> None:
        """A package delivered late, or a second time (copied from a USB stick again)."""
        if not self.in_transit:
            return
        receiver, package = self.in_transit.pop(self.rng.randrange(len(self.in_transit)))
        self._merge(receiver, package)
        if self.rng.random() < 0.3:
            self.in_transit.append((self.rng.choice(self.laptops), package))
        self.figures.stale_deliveries += 1

    def document(self, laptop: Laptop) -> None:
        receiver = self.rng.choice([other for other in self.laptops if other is not laptop])
        document = export_visit(laptop.uow(), self.visit_id, exchange=True)
        started = time.perf_counter()
        before = self._ids(receiver)
        summary = import_visit(receiver.uow(), document)
        self.figures.merge_seconds.append(time.perf_counter() - started)
        self._raised(summary)
        self._cascaded(receiver, before)
        self.figures.documents += 1

    def resolve(self, laptop: Laptop) -> int:
        waiting = list_conflicts(laptop.uow(), self.visit_id)
        resolved = 0
        for conflict in waiting:
            if not any(c.id == conflict.id for c in list_conflicts(laptop.uow(), self.visit_id)):
                continue  # resolved itself meanwhile
            before = self._ids(laptop)
            keep = self.rng.random() < 0.5
            if conflict.kind in ("edit", "order"):
                resolve_conflict(laptop.uow(), conflict.id, take_incoming=keep)
            else:
                resolve_conflict(laptop.uow(), conflict.id, keep=keep)
                if keep:
                    self.revived.add(conflict.record_id)
                else:
                    self.deleted.add(conflict.record_id)
            after = self._ids(laptop)
            self.revived |= after - before
            self.deleted |= before - after
            resolved += 1
        self.figures.resolved += resolved
        return resolved

    # -- helpers --------------------------------------------------------------------------------
    def _merge(self, receiver: Laptop, package: Path) -> Any:
        before = self._ids(receiver)
        started = time.perf_counter()
        summary = receiver.unpack(package)
        self.figures.merge_seconds.append(time.perf_counter() - started)
        self._raised(summary)
        self._cascaded(receiver, before)
        return summary

    def _cascaded(self, receiver: Laptop, before: set[UUID]) -> None:
        """Absences go with their member: one the other laptop never had goes when the
        member's deletion arrives (a deletion too, though no user picked that absence)."""
        gone = before - self._ids(receiver)
        with receiver.uow() as uow:
            members = {m.id for m in uow.delegation.all(visit_id=self.visit_id)}
            for tombstone in uow.tombstones.all(record_id=list(gone)):
                if tombstone.kind == "absences":
                    absence = self._absences.get(tombstone.record_id)
                    if absence is None or absence.member_id not in members:
                        self.deleted.add(tombstone.record_id)

    def _raised(self, summary: Any) -> None:
        self.conflict_ids |= {c.id for c in summary.conflicts}
        self.order_conflict_ids |= {c.id for c in summary.conflicts if c.kind == "order"}
        self.figures.conflicts = len(self.conflict_ids)
        self.figures.order_conflicts = len(self.order_conflict_ids)

    def _orders(self, laptop: Laptop) -> dict[str, list[tuple[int, UUID]]]:
        """Each ordered list of the visit as (number, id), in order."""
        uow = laptop.uow()
        return {
            "stops": sorted((s.position, s.id) for s in itinerary.list_stops(uow, self.visit_id)),
            "notes": sorted((n.position, n.id) for n in notes.list_notes(uow, self.visit_id)),
            "delegation": sorted((m.protocol_order, m.id)
                                 for m in delegation.list_members(uow, self.visit_id)),
        }

    def _ids(self, laptop: Laptop) -> set[UUID]:
        with laptop.uow() as uow:
            return {r.id for kind in KINDS if hasattr(kind, "__dataclass_fields__")
                    and "visit_id" in kind.__dataclass_fields__
                    for r in uow.repository(kind).all(visit_id=self.visit_id)}

    def _remember(self) -> None:
        for laptop in self.laptops:
            self.seen |= self._ids(laptop)
            self._absences.update((a.id, a) for a in laptop.all(e.Absence, self.visit_id))


def simulate(laptops: list[Laptop], steps: int, seed: int) -> tuple[Simulation, Figures]:
    """Load the reference visit on the first laptop, send it to the others, run, check."""
    from fieldvisit.services.sample import load_reference_visit

    first = laptops[0]
    visit_id = load_reference_visit(first.uow()).visit_id
    package = first.pack(visit_id)
    for other in laptops[1:]:
        other.unpack(package)
    simulation = Simulation(laptops, visit_id, seed)
    figures = simulation.run(steps)
    simulation.check()
    return simulation, figures
