"""The Itinerary tab on the reference visit: live timeline, edits, moves, pins, day hours,
adding and removing stops, the route map and the calendar export — all undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from fieldvisit.services import itinerary, notes
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.formats import parse_duration
from fieldvisit.ui.models.stops_model import COLUMNS
from tests.ui.scenario_steps import on_tab

pytestmark = pytest.mark.both_databases  # the sample visit's stops and sites on a server too

COLUMN = {name: i for i, name in enumerate(COLUMNS)}


def times(tab) -> list[tuple[str, str]]:
    model = tab.model
    return [(model.index(r, COLUMN["arrival"]).data(), model.index(r, COLUMN["departure"]).data())
            for r in range(model.rowCount())]


def sites(tab) -> list[str]:
    return [tab.model.index(r, COLUMN["site"]).data() for r in range(tab.model.rowCount())]


def test_timeline_shows_and_passes_the_model_tester(sample_window, qtmodeltester):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    assert times(tab) == [("09:30", "10:20"), ("10:50", "11:40"), ("14:00", "15:00")]
    assert "Travel 0:50 · Conflicts: 0" == tab.summary.text()
    assert tab.map.route is not None and len(tab.map.route.points) == 3
    assert not tab.map.grab().isNull()
    qtmodeltester.check(tab.model, force_py=True)


def test_editing_the_stay_shifts_the_rest_and_undo_restores(sample_window, monkeypatch):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    model = tab.model
    model.setData(model.index(0, COLUMN["dwell_minutes"]), "60")
    assert times(tab)[:2] == [("09:30", "10:30"), ("11:00", "11:50")]
    assert sample_window.actions.undo.text().endswith("Change the stay at 饿了么北京CBD骑士驿站")
    sample_window.actions.undo.trigger()
    assert times(tab)[0] == ("09:30", "10:20")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert not model.setData(model.index(0, COLUMN["dwell_minutes"]), "an hour")
    assert shown and "an hour" in shown[0]
    model.setData(model.index(1, COLUMN["delay_minutes"]), "20")  # "we are 20 min late"
    assert times(tab)[1] == ("11:10", "12:00")


def test_overrunning_the_day_is_flagged_live(sample_window):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    tab.has_day_end.setChecked(True)
    tab.day_end.setTime(QTime(14, 30))
    tab.change_day()
    conflicts = tab.model.index(2, COLUMN["conflicts"]).data()
    assert "overruns the day's end by 30 min" in conflicts
    assert tab.summary.text() == "Travel 0:50 · Conflicts: 1"
    sample_window.actions.undo.trigger()
    assert tab.model.index(2, COLUMN["conflicts"]).data() == ""


def test_day_start_moves_every_stop(sample_window):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    tab.day_start.setTime(QTime(8, 0))
    tab.change_day()
    assert times(tab)[:2] == [("08:00", "08:50"), ("09:20", "10:10")]
    sample_window.actions.undo.trigger()
    assert times(tab)[0] == ("09:30", "10:20")


def test_keyboard_drag_and_pin(sample_window, qtbot):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    sample_window.workspace.tabs.setCurrentWidget(tab)
    sample_window.activateWindow()
    tab.view.selectRow(1)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert sites(tab)[1:] == ["“小哥加油站”社区青年汇", "东湖街道商务楼宇党群服务中心"]
    sample_window.actions.undo.trigger()
    model = tab.model
    model.dropMimeData(model.mimeData([model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0,
                       QModelIndex())
    assert sites(tab)[0] == "“小哥加油站”社区青年汇"
    sample_window.actions.undo.trigger()
    assert sites(tab)[0] == "饿了么北京CBD骑士驿站"
    model.setData(model.index(1, COLUMN["pinned"]), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert tab.model.line_at(1).stop.pinned
    sample_window.actions.undo.trigger()
    assert not tab.model.line_at(1).stop.pinned


def test_add_and_remove_stops(sample_window, monkeypatch, uow, sample_visit_id):
    tab = on_tab(sample_window.workspace.itinerary_tab)

    def choose(dialog: AddStopDialog) -> int:
        dialog.search.setText("dhjd")  # pinyin initials of 东湖街道
        assert dialog.chosen().name == "东湖街道商务楼宇党群服务中心"
        dialog.dwell.setValue(20)
        return 1

    monkeypatch.setattr(AddStopDialog, "exec", choose)
    tab.add_action.trigger()
    assert len(sites(tab)) == 4 and times(tab)[3] == ("15:10", "15:30")  # +≈10 min travel
    assert tab.model.index(2, COLUMN["travel_minutes"]).data().startswith("≈")
    added = tab.model.line_at(3).stop.id
    sample_window.actions.undo.trigger()
    assert len(sites(tab)) == 3
    sample_window.actions.redo.trigger()
    assert tab.model.line_at(3).stop.id == added  # redo brings back the same stop
    tab.view.selectRow(3)
    tab.remove_action.trigger()
    assert len(sites(tab)) == 3

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    tab.view.selectRow(0)  # the first stop has notes: removing it is refused, nothing is lost
    tab.remove_action.trigger()
    assert shown and "notes" in shown[0]
    assert len(itinerary.list_stops(uow, sample_visit_id)) == 3
    assert len(notes.list_notes(uow, sample_visit_id)) == 13


def test_calendar_export(sample_window, monkeypatch, tmp_path: Path):
    import icalendar

    target = tmp_path / "visit.ics"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: target)
    on_tab(sample_window.workspace.itinerary_tab).ics_action.trigger()
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events][0] == "1. 饿了么北京CBD骑士驿站"
    _the_notice_opens_the_folder(sample_window, monkeypatch, target)


def _the_notice_opens_the_folder(window, monkeypatch, target: Path) -> None:
    """The status bar says where the file went; its link opens the folder, and when no file
    manager starts, a message names the folder instead."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QLabel

    from fieldvisit.ui.written_notice import NOTICE_NAME

    notice = window.statusBar().findChild(QLabel, NOTICE_NAME)
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.text() and "Open Folder" in notice.text()
    opened, told = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    notice.linkActivated.emit("folder")
    assert [u.toLocalFile() for u in opened] == [str(target.parent)]
    assert len(told) == 1 and str(target.parent) in told[0]


def test_travel_estimates_and_timeline_export(sample_window, monkeypatch, tmp_path: Path):
    import json

    from fieldvisit.ui.dialogs.travel_dialog import TravelDialog

    tab = on_tab(sample_window.workspace.itinerary_tab)
    tab.model.setData(tab.model.index(0, COLUMN["travel_minutes"]), "")  # estimate instead
    estimated = tab.model.index(0, COLUMN["travel_minutes"]).data()
    assert estimated.startswith("≈")

    def slower(dialog: TravelDialog) -> int:
        dialog.form.minibus.setValue(12.5)
        return 1

    monkeypatch.setattr(TravelDialog, "exec", slower)
    tab.travel_action.trigger()
    slow = tab.model.index(0, COLUMN["travel_minutes"]).data()
    assert parse_duration(slow[1:]) > parse_duration(estimated[1:])
    sample_window.actions.undo.trigger()
    assert tab.model.index(0, COLUMN["travel_minutes"]).data() == estimated

    target = tmp_path / "timeline.json"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: target)
    tab.json_action.trigger()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["stops"][0]["arrival"] == "2023-05-25T09:30"
    assert document["stops"][0]["travel_estimated"] is True
    _the_notice_opens_the_folder(sample_window, monkeypatch, target)


def test_suggest_route_applies_in_one_undoable_step(window, qtbot, monkeypatch, uow):
    from fieldvisit.domain.enums import CoordinateDatum
    from fieldvisit.services import visits
    from fieldvisit.ui.dialogs.route_dialog import RouteDialog

    visit = visits.create_visit(uow, "路线")
    places = [itinerary.create_site(uow, f"点{i}", latitude=39.9, longitude=116.40 + 0.02 * i,
                                    datum=CoordinateDatum.WGS84) for i in range(4)]
    stops = [itinerary.add_stop(uow, visit.id, places[i].id, pinned=(i == 0))
             for i in (0, 3, 1, 2)]
    itinerary.update_stop(uow, stops[2].id, travel_minutes=45)  # 点1 → 点2, typed
    window.refresh(visit.id)
    tab = on_tab(window.workspace.itinerary_tab)

    def wait_and_apply(dialog: RouteDialog) -> int:
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10000)
        assert dialog.apply_button.isEnabled()
        summary = dialog.summary.text()
        assert "every leg estimated the same way" in summary
        assert "typed travel times" in summary  # and the itinerary's own totals beside it
        table = dialog.details.toPlainText()
        assert "Now" in table and "Suggested" in table
        assert "→ 45 min (typed)" in table and "(estimated)" in table
        return 1

    monkeypatch.setattr(RouteDialog, "exec", wait_and_apply)
    tab.suggest_action.trigger()
    assert sites(tab) == ["点0", "点1", "点2", "点3"]
    assert {s.id: s.travel_minutes for s in itinerary.list_stops(uow, visit.id)}[stops[2].id] == 45
    assert window.actions.undo.text().endswith("Apply the suggested route")
    window.actions.undo.trigger()
    assert sites(tab) == ["点0", "点3", "点1", "点2"]


def test_times_past_midnight_carry_their_date(window, uow, qtbot):
    """Issue 16: a day that runs past midnight showed "05:39–06:14" with no date; the table,
    the details and the CLI give the date wherever it is not the stop's day."""
    from datetime import date
    from datetime import time as clock_time

    from fieldvisit.cli_itinerary import itinerary_text
    from fieldvisit.services import visits
    from fieldvisit.services.itinerary_view import itinerary as itinerary_view

    visit = visits.create_visit(uow, "夜间调研", start_date=date(2023, 5, 25),
                                day_start=clock_time(22, 0), day_end=None)
    for name, minutes in (("夜市", 90), ("环卫站", 60)):
        site = itinerary.create_site(uow, name)
        stop = itinerary.add_stop(uow, visit.id, site.id, dwell_minutes=minutes)
    itinerary.update_stop(uow, itinerary.list_stops(uow, visit.id)[0].id, travel_minutes=40)
    window.refresh(visit.id)
    tab = on_tab(window.workspace.itinerary_tab)
    assert times(tab)[0] == ("22:00", "23:30")
    arrival, departure = times(tab)[1]
    assert arrival.endswith("00:10") and departure.endswith("01:10")
    assert "26" in arrival and "26" in departure  # 26 May, not a bare morning time
    tab.view.selectRow(1)
    assert "26" in tab.details.toPlainText()
    text = itinerary_text(itinerary_view(uow, visit.id))
    assert "2. 05-26 00:10–05-26 01:10  环卫站" in text
    assert stop.day == 1
