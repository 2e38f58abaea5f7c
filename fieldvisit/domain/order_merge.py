"""Merging two orders of one list (the stops of an itinerary, the notes of a visit, the
protocol order of a delegation) against the order both sides last shared. Clock-free and
deterministic: the same inputs give the same order on every laptop.

The *relative* order of the records both sides hold is what counts (renumbering after a
removal is no reorder). If only one side changed it since the base, that side's order is
taken; if both changed it differently, ours stays and the merge reports a conflict. Records
only one side holds keep their place after the nearest record before them that both hold;
several at one place are ordered by their distance from it, then by id, so both laptops put
two records added at the same place in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Generic, Hashable, Mapping, Sequence, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class OrderMerge(Generic[K]):
    order: tuple[K, ...]
    """Every present record once, first to last."""
    conflict: bool
    """Both sides changed the order of the records they share, differently."""


def merge_order(mine: Sequence[K], theirs: Sequence[K], base: Mapping[K, int],
                present: Collection[K]) -> OrderMerge[K]:
    """``mine`` and ``theirs``: each side's records in its order; ``base``: the place of a
    shared record in the latest version both sides knew (where known); ``present``: the
    records the merged list holds."""
    present = set(present)
    theirs_set = set(theirs)
    common = [k for k in mine if k in theirs_set and k in present]
    shared = set(common)
    mine_c = common
    theirs_c = [k for k in theirs if k in shared]
    conflict = False
    spine = mine_c
    if mine_c != theirs_c:
        known = [k for k in common if k in base]
        base_seq = sorted(known, key=lambda k: (base[k], str(k)))
        mine_moved = [k for k in mine_c if k in base] != base_seq
        theirs_moved = [k for k in theirs_c if k in base] != base_seq
        if theirs_moved and not mine_moved:
            spine = theirs_c
        elif mine_moved == theirs_moved:
            conflict = True
    return OrderMerge(tuple(arrange(spine, mine, theirs, present)), conflict)


def arrange(spine: Sequence[K], mine: Sequence[K], theirs: Sequence[K],
            present: Collection[K]) -> list[K]:
    """``spine`` (present records both sides hold) in its order, with every other present
    record after the nearest ``spine`` record before it on its own side."""
    present = set(present)
    anchored: dict[K | None, list[tuple[int, str, K]]] = {}
    on_spine = set(spine)
    placed = set(spine)
    for side in (mine, theirs):
        anchor: K | None = None
        distance = 0
        for key in (k for k in side if k in present):
            if key in on_spine:
                anchor, distance = key, 0
                continue
            distance += 1
            if key not in placed:
                anchored.setdefault(anchor, []).append((distance, str(key), key))
                placed.add(key)
    rest = sorted((str(k), k) for k in present if k not in placed)
    order: list[K] = [k for _d, _s, k in sorted(anchored.get(None, []))]
    for key in spine:
        order.append(key)
        order.extend(k for _d, _s, k in sorted(anchored.get(key, [])))
    order.extend(k for _s, k in rest)
    return order
