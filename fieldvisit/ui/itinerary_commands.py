"""Undo commands of the Itinerary tab; each calls services."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.entities import Stop
from fieldvisit.services import itinerary, route_suggestion
from fieldvisit.services.changes import Area
from fieldvisit.services.route_suggestion import RouteProposal
from fieldvisit.ui import reorder
from fieldvisit.ui.commands import (
    CommandContext,
    ServiceCommand,
    SetValuesCommand,
    update_with,
)

translate = QCoreApplication.translate


class AddStopCommand(ServiceCommand):
    AREAS = frozenset({Area.STOPS})

    def __init__(self, context: CommandContext, visit_id: UUID, site_id: UUID, name: str,
                 fields: dict[str, Any]) -> None:
        super().__init__(context, translate("ItineraryCommands", "Add stop %1").replace(
            "%1", name))
        self.visit_id, self.site_id, self.fields = visit_id, site_id, fields
        self.stop: Stop | None = None
        self._order: list[UUID] = []

    def apply(self) -> None:
        uow = self.uow()
        if self.stop is None:
            self.stop = itinerary.add_stop(uow, self.visit_id, self.site_id, **self.fields)
        else:
            itinerary.restore_stop(uow, self.stop, self._order)
        self.changed(self.visit_id)

    def revert(self) -> None:
        assert self.stop is not None
        uow = self.uow()
        self._order = [s.id for s in itinerary.list_stops(uow, self.visit_id)]
        itinerary.remove_stop(uow, self.stop.id)
        self.changed(self.visit_id)


class RemoveStopCommand(ServiceCommand):
    AREAS = frozenset({Area.STOPS})

    def __init__(self, context: CommandContext, stop: Stop, name: str) -> None:
        super().__init__(context, translate("ItineraryCommands", "Remove stop %1").replace(
            "%1", name))
        self.stop = stop
        self._order: list[UUID] = []

    def apply(self) -> None:
        uow = self.uow()
        self._order = [s.id for s in itinerary.list_stops(uow, self.stop.visit_id)]
        self.stop = next(s for s in itinerary.list_stops(uow, self.stop.visit_id)
                         if s.id == self.stop.id)
        itinerary.remove_stop(uow, self.stop.id)
        self.changed(self.stop.visit_id)

    def revert(self) -> None:
        itinerary.restore_stop(self.uow(), self.stop, self._order)
        self.changed(self.stop.visit_id)


class EditStopCommand(SetValuesCommand):
    AREAS = frozenset({Area.STOPS})

    def __init__(self, context: CommandContext, stop: Stop, name: str, field: str,
                 value: Any, text: str) -> None:
        super().__init__(context, text.replace("%1", name), stop.id, stop.visit_id,
                         {field: getattr(stop, field)}, {field: value},
                         update_with(itinerary.update_stop), stop.version)


class ReorderStopsCommand(reorder.ReorderCommand):
    """A move up or down or a drag: one undoable step."""

    def __init__(self, context: CommandContext, visit_id: UUID, text: str,
                 before: list[UUID], after: list[UUID]) -> None:
        super().__init__(context, visit_id, text, before, after, itinerary.reorder_stops,
                         Area.STOPS)


class ApplyRouteCommand(ServiceCommand):
    """An accepted route suggestion: the new order, and typed travel times that no longer
    describe a leg cleared; undo restores both."""
    AREAS = frozenset({Area.STOPS})


    def __init__(self, context: CommandContext, proposal: RouteProposal) -> None:
        super().__init__(context, translate("ItineraryCommands", "Apply the suggested route"))
        self.proposal = proposal
        self.cleared: dict[UUID, int] = {}

    def apply(self) -> None:
        self.cleared = route_suggestion.apply_suggestion(self.uow(), self.proposal)
        self.changed(self.proposal.visit_id)

    def revert(self) -> None:
        route_suggestion.undo_suggestion(self.uow(), self.proposal, self.cleared)
        self.changed(self.proposal.visit_id)
