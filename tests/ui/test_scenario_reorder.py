"""Issue 17 item 6: one reorder helper for the delegation and the itinerary. In both tabs a row
moves down with Ctrl+Down and is dragged to another place; undo and redo take back and repeat
each move, and the database holds the order shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services import delegation, itinerary
from tests.ui.scenario_steps import on_tab


def drag(model, record_row: int, before_row: int) -> None:
    """Drop the row ``record_row`` before ``before_row`` as the view does on a drag."""
    data = model.mimeData([model.index(record_row, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, before_row, 0, QModelIndex())



def undo_both_then_redo(w, stored, order, after_step, after_drag) -> None:
    """Edit ▸ Undo takes back the drag, then the step; Redo twice puts both back."""
    w.actions.undo.trigger()
    assert stored() == after_step
    w.actions.undo.trigger()
    assert stored() == order
    w.actions.redo.trigger()
    w.actions.redo.trigger()
    assert stored() == after_drag


def test_stops_move_down_and_are_dragged_undone_and_redone(sample_window, uow,
                                                           sample_visit_id):
    w = sample_window
    tab = on_tab(w.workspace.itinerary_tab)
    stops = itinerary.list_stops(uow, sample_visit_id)
    first_day = [s.id for s in stops if s.day == stops[0].day]
    assert len(first_day) >= 3
    order = [s.id for s in stops]

    def stored() -> list:
        return [s.id for s in itinerary.list_stops(uow, sample_visit_id)]

    tab.select(first_day[0])
    tab.down_action.trigger()
    after_step = [first_day[1], first_day[0], *order[2:]]
    assert stored() == after_step
    assert tab.selected().stop.id == first_day[0]
    drag(tab.model, tab.model.row_of(first_day[2]), 0)  # the third stop dragged to the top
    after_drag = [first_day[2], first_day[1], first_day[0], *order[3:]]
    assert stored() == after_drag
    assert [tab.model.line_at(r).stop.id for r in range(3)] == after_drag[:3]
    undo_both_then_redo(w, stored, order, after_step, after_drag)


def test_members_move_down_and_are_dragged_within_their_group(sample_window, uow,
                                                              sample_visit_id):
    w = sample_window
    tab = on_tab(w.workspace.delegation_tab)

    def stored() -> list:
        return [m.id for m in delegation.list_members(uow, sample_visit_id)]

    order = stored()
    group = [m.id for m in delegation.list_members(uow, sample_visit_id)
             if m.role is not DelegationRole.ACCOMPANYING_OFFICIAL]
    assert len(group) >= 3
    tab.select_member(group[0])
    tab.down_action.trigger()
    after_step = stored()
    assert [m for m in after_step if m in group] == [group[1], group[0], *group[2:]]
    assert [m for m in after_step if m not in group] == [m for m in order if m not in group]
    model = tab.delegation_model
    drag(model, model.row_of(group[2]), 0)  # dropped before the first row of its table
    after_drag = stored()
    assert [m for m in after_drag if m in group] == [group[2], group[1], group[0], *group[3:]]
    undo_both_then_redo(w, stored, order, after_step, after_drag)
