"""What a use case changed: the kinds of data, the records and the visit. The window
announces a Change after every command, and each view re-reads only what it shows of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable
from uuid import UUID


class Area(Enum):
    VISIT_LIST = "visit_list"  # visits added, removed, or their title/status/dates changed
    VISIT = "visit"  # a visit's own fields (day hours, travel settings, narrative…)
    DELEGATION = "delegation"  # members, participating organizations, absences
    STOPS = "stops"  # stops: order, days, times
    NOTES = "notes"
    FIGURES = "figures"
    FOLLOW_UPS = "follow_ups"
    PHOTOS = "photos"
    WRITING = "writing"  # the writer's texts of the report and brief (``report_writing``)
    DIRECTORY = "directory"  # people, organizations, sites (shared by every visit)


ALL_AREAS = frozenset(Area)


@dataclass(frozen=True)
class Change:
    """``areas`` changed in ``visit_id`` (None: data shared by all visits, or several);
    ``ids`` names the records when known (empty: any record of those areas)."""

    areas: frozenset[Area]
    visit_id: UUID | None = None
    ids: frozenset[UUID] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: Area, visit_id: UUID | None = None,
           ids: Iterable[UUID | None] = ()) -> Change:
        return cls(frozenset(areas), visit_id, frozenset(i for i in ids if i is not None))

    @classmethod
    def everything(cls, visit_id: UUID | None = None) -> Change:
        return cls(ALL_AREAS, visit_id)

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)

    def names(self, record_id: UUID) -> bool:
        """Whether the change may concern ``record_id`` (no ids given: any record)."""
        return not self.ids or record_id in self.ids
