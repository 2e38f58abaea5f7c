"""Issue 13: the interface cannot store what a visit document would refuse. The editors take
their limits from ``domain/limits.py``: the travel speeds, a new stop's day and stay, and the
durations typed in the itinerary (a stay, delay or leg of more than a day is refused)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldvisit.domain import limits
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.services import itinerary
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.models.stops_model import COLUMNS
from fieldvisit.ui.views.travel_form import TravelSpeedsForm
from tests.ui.scenario_steps import on_tab

COLUMN = {name: i for i, name in enumerate(COLUMNS)}


def test_the_travel_form_allows_exactly_the_domain_ranges(qtbot):
    form = TravelSpeedsForm(TravelSettings())
    qtbot.addWidget(form)
    for box, name in ((form.detour, "detour_factor"), (form.walk, "walk_kmh"),
                      (form.car, "car_kmh"), (form.minibus, "minibus_kmh"),
                      (form.public, "public_transport_kmh")):
        assert (box.minimum(), box.maximum()) == limits.RANGES[name]
        box.setValue(box.maximum())
        box.setValue(box.minimum())
    TravelSettings(**{**vars(form.settings())})  # the extremes are accepted


def test_a_new_stop_keeps_to_the_ranges(window, qtbot):
    dialog = AddStopDialog(window.database, None, day=1)
    qtbot.addWidget(dialog)
    assert (dialog.day.minimum(), dialog.day.maximum()) == limits.RANGES["day"]
    assert (dialog.dwell.minimum(), dialog.dwell.maximum()) == limits.RANGES["dwell_minutes"]


@pytest.mark.parametrize(("column", "typed"), [("dwell_minutes", "24:01"),
                                               ("delay_minutes", "100000"),
                                               ("travel_minutes", "99999999999999999999"),
                                               ("day", "367")])
def test_typing_beyond_a_day_is_refused_and_nothing_changes(sample_window, uow,
                                                            sample_visit_id, monkeypatch,
                                                            column, typed):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    before = itinerary.list_stops(uow, sample_visit_id)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert not tab.model.setData(tab.model.index(0, COLUMN[column]), typed)
    assert shown and typed in shown[0]
    assert itinerary.list_stops(uow, sample_visit_id) == before
    assert tab.model.setData(tab.model.index(0, COLUMN[column]), "1")  # within: taken
