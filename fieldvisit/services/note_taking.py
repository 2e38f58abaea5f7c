"""What note-takers need while writing: figure candidates from the text, follow-ups from a
note, the lists to pick from (interviewee groups, tags), the stop happening now, themes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Iterable
from uuid import UUID

from fieldvisit.domain.entities import FollowUp, KeyFigure, Note
from fieldvisit.domain.figure_extraction import FigureCandidate, find_figures
from fieldvisit.services import records

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork
    from fieldvisit.services.itinerary_view import ItineraryView

COMMON_GROUPS = ("外卖送餐员", "快递员", "网约车司机", "环卫工人", "货车司机", "网络主播",
                 "社区工作者", "企业负责人")


@dataclass(frozen=True)
class FigureClash:
    """Two or more figures with the same label but different values at one stop."""

    stop_id: UUID | None
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ThemeTable:
    """How often each tag was noted at each stop (None = the whole visit)."""

    tags: tuple[str, ...]  # most frequent first
    stop_ids: tuple[UUID | None, ...]
    counts: dict[tuple[str, UUID | None], int]

    def total(self, tag: str) -> int:
        return sum(self.counts.get((tag, stop), 0) for stop in self.stop_ids)


def figure_candidates(uow: UnitOfWork, note_id: UUID) -> list[FigureCandidate]:
    """Figures found in a note's text that are not recorded for it yet."""
    with uow:
        note = uow.notes.get(note_id)
        recorded = uow.figures.all(note_id=note_id)
    return unrecorded_figures(note, recorded)


def unrecorded_figures(note: Note, figures: Iterable[KeyFigure]) -> list[FigureCandidate]:
    """Figures found in ``note``'s text that none of ``figures`` records for it."""
    recorded = {(f.value, f.unit) for f in figures if f.note_id == note.id}
    return [c for c in find_figures(note.text) if (c.value, c.unit) not in recorded]


def accept_figure(uow: UnitOfWork, note_id: UUID, candidate: FigureCandidate,
                  label: str | None = None) -> KeyFigure:
    with uow:
        note = uow.notes.get(note_id)
    return records.add(uow, KeyFigure(
        visit_id=note.visit_id, stop_id=note.stop_id, note_id=note.id,
        label=(label or candidate.label or candidate.value).strip(), value=candidate.value,
        unit=candidate.unit, qualifier=candidate.qualifier))


def figure_clashes(figures: list[KeyFigure] | tuple[KeyFigure, ...]) -> list[FigureClash]:
    values: dict[tuple[UUID | None, str], list[str]] = {}
    for figure in figures:
        values.setdefault((figure.stop_id, figure.label.strip()), []).append(
            f"{figure.value}{figure.unit}")
    return [FigureClash(stop, label, tuple(dict.fromkeys(found)))
            for (stop, label), found in values.items() if len(set(found)) > 1]


def follow_up_from_note(uow: UnitOfWork, note_id: UUID, action: str,
                        **fields: Any) -> FollowUp:
    """Turn a need raised in a note into an action, linked back to the note."""
    with uow:
        note = uow.notes.get(note_id)
    return records.add(uow, FollowUp(visit_id=note.visit_id, note_id=note.id, action=action,
                                     **fields))


def interviewee_groups(uow: UnitOfWork) -> list[str]:
    """Groups already used (most used first), then the common ones."""
    with uow:
        used = uow.notes.count_by("interviewee_group")
    ranked = sorted((g for g in used if g), key=lambda g: -used[g])
    return list(dict.fromkeys(ranked + list(COMMON_GROUPS)))


def tags_in_use(uow: UnitOfWork, limit: int = 1000) -> list[str]:
    """The themes used on notes, the most used first (at most ``limit``)."""
    with uow:
        return list(uow.notes.item_counts("tags", limit))


def themes(uow: UnitOfWork, visit_id: UUID) -> ThemeTable:
    with uow:
        notes = uow.notes.all(visit_id=visit_id)
        stops = sorted(uow.stops.all(visit_id=visit_id), key=lambda s: (s.day, s.position))
    return theme_table(notes, [s.id for s in stops])


def theme_table(notes: list[Note] | tuple[Note, ...], stop_order: list[UUID]) -> ThemeTable:
    """Tag × stop counts of ``notes`` with the stops in ``stop_order``."""
    counts: Counter[tuple[str, UUID | None]] = Counter(
        (tag, note.stop_id) for note in notes for tag in dict.fromkeys(note.tags))
    totals = Counter(tag for (tag, _stop), n in counts.items() for _ in range(n))
    stop_ids: list[UUID | None] = list(stop_order)
    if any(stop is None for (_tag, stop) in counts):
        stop_ids.append(None)
    return ThemeTable(tuple(tag for tag, _ in sorted(totals.items(), key=lambda t: (-t[1], t[0]))),
                      tuple(stop_ids), dict(counts))


def current_stop(view: ItineraryView, now: datetime, margin_hours: int = 2) -> UUID | None:
    """The stop the delegation is at (or heading to) at ``now`` by the plan; None when ``now``
    is not within the visit (give or take ``margin_hours``)."""
    if not view.lines:
        return None
    first, last = view.lines[0].timed.arrival, view.lines[-1].timed.departure
    if not first - timedelta(hours=margin_hours) <= now <= last + timedelta(hours=margin_hours):
        return None
    for line in view.lines:
        if now < line.timed.departure:
            return line.stop.id
    return view.lines[-1].stop.id
