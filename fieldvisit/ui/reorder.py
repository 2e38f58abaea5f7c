"""Moving one row of an ordered list — the delegation's protocol order, the itinerary's stops —
up, down or by dragging it: the new order (``moved``), where a drop or a step lands
(``drop_target``, ``step_target``), and the one undo command that writes either order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Callable
from uuid import UUID

from fieldvisit.services.changes import Area
from fieldvisit.ui.commands import CommandContext, ServiceCommand

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

Reorder = Callable[["UnitOfWork", UUID, list[UUID]], object]
"""A service writing a visit's order (``reorder_members``, ``reorder_stops``)."""


def moved(order: Sequence[UUID], record_id: UUID, target: int,
          group: Sequence[UUID] | None = None) -> list[UUID]:
    """``order`` with ``record_id`` at place ``target`` of ``group`` (a part of the order
    moved among itself, e.g. the accompanying officials; default: the whole order). The
    group's records keep the slots the group has in the order."""
    group = list(order if group is None else group)
    within = [r for r in group if r != record_id]
    within.insert(max(0, min(target, len(within))), record_id)
    slots = iter(within)
    members = set(group)
    return [next(slots) if r in members else r for r in order]


def step_target(group: Sequence[UUID], record_id: UUID, step: int) -> int | None:
    """Where one step up (-1) or down (+1) takes ``record_id``; None past either end."""
    target = list(group).index(record_id) + step
    return target if 0 <= target < len(group) else None


def drop_target(group: Sequence[UUID], record_id: UUID, row: int) -> int:
    """Where a drop before row ``row`` (of ``group``'s rows) puts ``record_id``: the rows
    after the dragged one move up by one once it is lifted out."""
    target = row - (1 if row > list(group).index(record_id) else 0)
    return max(0, min(target, len(group) - 1))


class ReorderCommand(ServiceCommand):
    """A new order of a visit's records (a move up or down, a drag, a sort): ``reorder``
    writes ``after`` on redo and ``before`` on undo."""

    def __init__(self, context: CommandContext, visit_id: UUID, text: str,
                 before: list[UUID], after: list[UUID], reorder: Reorder,
                 area: Area) -> None:
        super().__init__(context, text)
        self.AREAS = frozenset({area})
        self.visit_id, self.before, self.after, self.reorder = visit_id, before, after, reorder

    def apply(self) -> None:
        self.reorder(self.uow(), self.visit_id, self.after)
        self.changed(self.visit_id)

    def revert(self) -> None:
        self.reorder(self.uow(), self.visit_id, self.before)
        self.changed(self.visit_id)
