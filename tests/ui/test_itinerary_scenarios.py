"""Issue 11 on the Itinerary tab, driven as a user would through the real window at its first
size (1200×760): day hours validated, Ctrl+Z after a dialog, nothing stale after switching
visits, the columns a coordinator needs with durations as h:mm, the day timeline."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt, QTime, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QMessageBox,
)

from fieldvisit.domain.enums import CoordinateDatum
from fieldvisit.services import itinerary, visits
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.dialogs.route_dialog import RouteDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.models.stops_model import COLUMNS

COLUMN = {name: i for i, name in enumerate(COLUMNS)}
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def tab(sample_window, qtbot):
    tab = sample_window.workspace.itinerary_tab
    sample_window.workspace.tabs.setCurrentWidget(tab)
    sample_window.activateWindow()
    qtbot.waitActive(sample_window)
    return tab


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *rest: shown.append(text))
    return shown


def type_time(qtbot, editor, hours: str, minutes: str) -> None:
    """Click into a time field, type the hours and minutes, press Enter."""
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=QPoint(8, editor.height() // 2))
    editor.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(editor, hours)
    editor.setSelectedSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClicks(editor, minutes)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def edit_cell(qtbot, tab, row: int, column: str, text: str) -> None:
    """Go to a cell with the keyboard, F2, type over what is there, Enter."""
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(row, COLUMN[column]))
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # what an input method (a Chinese keyboard) sends
        typed = QInputMethodEvent()
        typed.setCommitString(text)
        QApplication.sendEvent(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState)


def stored_hours(uow, visit_id) -> tuple[time, time | None]:
    visit = visits.get_visit(uow, visit_id)
    return visit.day_start, visit.day_end


def order(uow, visit_id) -> list[str]:
    sites = {s.id: s.name for s in itinerary.list_sites(uow)}
    return [sites[s.site_id] for s in itinerary.list_stops(uow, visit_id)]


# -- 7. the day's end must come after its start ----------------------------------------------

def test_a_day_end_before_or_at_the_start_is_refused_and_the_fields_go_back(
        tab, qtbot, uow, sample_visit_id, warnings):
    type_time(qtbot, tab.day_end, "08", "00")
    assert warnings == ["day end 08:00 must be later than day start 09:30"]
    assert tab.day_end.time() == QTime(18, 0)  # the stored value again
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), time(18, 0))

    type_time(qtbot, tab.day_start, "18", "00")  # a start at the end: refused as well
    assert warnings[-1] == "day end 18:00 must be later than day start 18:00"
    assert tab.day_start.time() == QTime(9, 30)
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), time(18, 0))
    assert tab.view.model().index(2, COLUMN["slack"]).data() == "3:00"  # no 921-minute slack

    type_time(qtbot, tab.day_end, "17", "00")  # a good end is saved …
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), time(17, 0))
    assert len(warnings) == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)  # … and undone from the field
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), time(18, 0))
    assert tab.day_end.time() == QTime(18, 0)


def test_ticking_day_ends_at_proposes_an_end_after_the_start(tab, qtbot, uow, sample_visit_id,
                                                             warnings):
    qtbot.mouseClick(tab.has_day_end, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, tab.has_day_end.height() // 2))
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), None)
    tab.day_end.setTime(QTime(0, 0))  # what the field shows does not matter while unticked
    qtbot.mouseClick(tab.has_day_end, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, tab.has_day_end.height() // 2))
    assert warnings == []
    assert stored_hours(uow, sample_visit_id) == (time(9, 30), time(18, 0))


# -- 8. Ctrl+Z after a dialog -------------------------------------------------------------------

@pytest.fixture
def route_visit(window, uow, qtbot):
    visit = visits.create_visit(uow, "路线")
    places = [itinerary.create_site(uow, f"点{i}", latitude=39.9, longitude=116.40 + 0.02 * i,
                                    datum=CoordinateDatum.WGS84) for i in range(4)]
    for i in (0, 3, 1, 2):
        itinerary.add_stop(uow, visit.id, places[i].id, pinned=(i == 0))
    window.refresh(visit.id)
    tab = window.workspace.itinerary_tab
    window.workspace.tabs.setCurrentWidget(tab)
    window.activateWindow()
    qtbot.waitActive(window)
    return visit.id, tab


def test_ctrl_z_after_suggest_route_apply_undoes_wherever_focus_lands(
        window, route_visit, qtbot, monkeypatch, uow):
    visit_id, tab = route_visit

    def wait_and_apply(dialog: RouteDialog) -> int:
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10000)
        return 1

    monkeypatch.setattr(RouteDialog, "exec", wait_and_apply)
    qtbot.mouseClick(tab.day_start, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert QApplication.focusWidget() is tab.day_start
    qtbot.keyClick(tab.day_start, Qt.Key.Key_R, CTRL | SHIFT)  # Suggest Route… ▸ Apply
    assert order(uow, visit_id) == ["点0", "点1", "点2", "点3"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert order(uow, visit_id) == ["点0", "点3", "点1", "点2"]
    assert QApplication.focusWidget() is tab.view  # focus went back to the stops
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert order(uow, visit_id) == ["点0", "点1", "点2", "点3"]

    # even from a time field, which used to keep Ctrl+Z for itself
    qtbot.mouseClick(tab.day_end, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    qtbot.keyClick(tab.day_end, Qt.Key.Key_Z, CTRL)
    assert order(uow, visit_id) == ["点0", "点3", "点1", "点2"]


def test_a_cell_editor_keeps_its_own_undo_until_it_has_none(tab, qtbot, uow, sample_visit_id):
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(0, COLUMN["dwell_minutes"]))
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text() == "0:50"
    editor.selectAll()
    qtbot.keyClicks(editor, "1:05")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # undoes the typing in the cell …
    assert editor.text() == "0:50"
    assert itinerary.list_stops(uow, sample_visit_id)[0].dwell_minutes == 50
    assert tab.window().undo_stack.count() == 0  # … and nothing in the window


def test_after_add_stop_focus_is_on_the_stops(tab, qtbot, monkeypatch, uow, sample_visit_id):
    def choose(dialog: AddStopDialog) -> int:
        dialog.search.setText("dhjd")
        dialog.day.setValue(2)
        return 1

    monkeypatch.setattr(AddStopDialog, "exec", choose)
    qtbot.mouseClick(tab.day_start, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    qtbot.keyClick(tab.day_start, Qt.Key.Key_A, CTRL | SHIFT)
    assert len(itinerary.list_stops(uow, sample_visit_id)) == 4
    assert QApplication.focusWidget() is tab.view
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert len(itinerary.list_stops(uow, sample_visit_id)) == 3


# -- 10. nothing stale after switching visits --------------------------------------------------

def test_a_new_visit_shows_nothing_of_the_previous_one(sample_window, tab, qtbot, monkeypatch,
                                                       uow, sample_visit_id):
    tab.view.selectRow(1)
    assert "东湖街道" in tab.details.toPlainText()

    def fill(dialog: VisitDialog) -> int:
        dialog.title.setText("环卫工人驿站调研")
        return 1

    monkeypatch.setattr(VisitDialog, "exec", fill)
    qtbot.keyClick(sample_window.visits_view, Qt.Key.Key_N, CTRL)  # File ▸ New Visit
    assert sample_window.current_visit_id() != sample_visit_id
    assert tab.model.rowCount() == 0
    assert tab.details.toPlainText() == ""
    assert tab.map.route is None and tab.timeline.layout().bars == ()

    sample_window.visits_view.setFocus()  # back to the reference visit with the keyboard
    row = next(r for r in range(sample_window.visits_model.rowCount())
               if sample_window.visits_model.row_at(r).id == sample_visit_id)
    sample_window.visits_view.selectRow(row)
    assert "饿了么北京CBD骑士驿站" in tab.details.toPlainText()
    assert len(tab.timeline.layout().bars) == 3


def test_the_details_follow_every_change_of_the_selected_stop(tab, qtbot, uow, sample_visit_id):
    edit_cell(qtbot, tab, 2, "dwell_minutes", "1:30")
    assert itinerary.list_stops(uow, sample_visit_id)[2].dwell_minutes == 90
    assert "14:00–15:30 (1:30)" in tab.details.toPlainText()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert "14:00–15:00 (1:00)" in tab.details.toPlainText()
    assert tab.timeline.selected == tab.model.line_at(2).stop.id


# -- layout at 1200×760: the columns a coordinator needs, durations as h:mm --------------------

def right_click(header) -> None:
    """What a right click on the header sends (the menu's exec is replaced by the test)."""
    where = QPoint(20, 5)
    QApplication.sendEvent(header.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, header.viewport().mapToGlobal(where)))


def visible(tab) -> list[str]:
    return [name for i, name in enumerate(COLUMNS) if not tab.view.isColumnHidden(i)]


def test_default_columns_fit_without_scrolling_and_show_h_mm(sample_window, tab, qtbot):
    assert sample_window.size().width() == 1200 and sample_window.size().height() == 760
    qtbot.waitUntil(lambda: tab.view.viewport().width() > 300)
    assert visible(tab) == ["position", "site", "arrival", "departure", "dwell_minutes",
                            "travel_minutes", "slack", "conflicts"]
    assert not tab.view.horizontalScrollBar().isVisible()
    header = tab.view.horizontalHeader()
    assert header.length() <= tab.view.viewport().width()
    cells = [[tab.model.index(r, COLUMN[c]).data() for c in ("dwell_minutes", "travel_minutes",
                                                            "slack")] for r in range(3)]
    assert cells == [["0:50", "0:30", "7:40"], ["0:50", "0:20", "6:20"], ["1:00", "", "3:00"]]
    assert tab.summary.text() == "Travel 0:50 · Conflicts: 0"
    assert tab.timeline.isVisible()  # above the table
    assert tab.timeline.mapTo(tab, QPoint(0, tab.timeline.height())).y() \
        <= tab.view.mapTo(tab, QPoint(0, 0)).y()
    assert tab.map.isVisible() and tab.map.width() >= 240


def test_typed_durations_accept_minutes_and_h_mm(tab, qtbot, uow, sample_visit_id, warnings):
    edit_cell(qtbot, tab, 0, "dwell_minutes", "70")
    edit_cell(qtbot, tab, 1, "dwell_minutes", "1:15")
    edit_cell(qtbot, tab, 0, "travel_minutes", "0：40")  # a full-width colon, as in Chinese
    stops = itinerary.list_stops(uow, sample_visit_id)
    assert [s.dwell_minutes for s in stops] == [70, 75, 60]
    assert stops[0].travel_minutes == 40
    assert tab.model.index(0, COLUMN["dwell_minutes"]).data() == "1:10"
    edit_cell(qtbot, tab, 2, "dwell_minutes", "an hour")
    assert warnings == ["“an hour” is not a valid Stay."]
    assert itinerary.list_stops(uow, sample_visit_id)[2].dwell_minutes == 60


def test_the_header_menu_shows_and_hides_columns_and_remembers(
        sample_window, tab, qtbot, database, sample_visit_id):
    header = tab.view.horizontalHeader()

    def choose(text: str) -> None:
        """Right-click the header, then pick ``text`` in the menu with the keyboard."""
        def pick() -> None:
            menu = QApplication.activePopupWidget()
            menu.setActiveAction(next(a for a in menu.actions() if a.text() == text))
            qtbot.keyClick(menu, Qt.Key.Key_Return)

        QTimer.singleShot(0, pick)
        right_click(header)

    choose("Appointment")
    assert "fixed_arrival" in visible(tab)
    assert tab.model.index(2, COLUMN["fixed_arrival"]).data() == "14:00"
    choose("Slack")
    assert "slack" not in visible(tab)

    from fieldvisit.ui.main_window import MainWindow

    again = MainWindow(database)  # a new window remembers the choice
    qtbot.addWidget(again)
    again.refresh(sample_visit_id)
    again.workspace.tabs.setCurrentWidget(again.workspace.itinerary_tab)
    columns = [n for i, n in enumerate(COLUMNS)
               if not again.workspace.itinerary_tab.view.isColumnHidden(i)]
    assert "fixed_arrival" in columns and "slack" not in columns
    assert QSettings().value("itinerary/columns/slack") in (False, "false")

    choose("Default Columns")
    assert "fixed_arrival" not in visible(tab) and "slack" in visible(tab)


def test_the_day_column_shows_for_a_visit_of_several_days(tab, qtbot, monkeypatch):
    assert "day" not in visible(tab)

    def second_day(dialog: AddStopDialog) -> int:
        dialog.search.setText("dhjd")
        dialog.day.setValue(2)
        return 1

    monkeypatch.setattr(AddStopDialog, "exec", second_day)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_A, CTRL | SHIFT)
    assert "day" in visible(tab)
    assert [row.day for row in tab.timeline.layout().rows] == [1, 2]
    assert tab.timeline.layout().rows[1].label == "Day 2"
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert "day" not in visible(tab)


# -- the day timeline ---------------------------------------------------------------------------

def test_the_timeline_shows_the_day_and_selects_a_clicked_stop(tab, qtbot):
    timeline = tab.timeline
    assert timeline.accessibleName() == "Day timeline"
    layout = timeline.layout()
    bars = layout.bars
    assert [bar.label.split(" ")[0] for bar in bars] == ["1", "2", "3"]
    assert bars[0].rect.right() < bars[1].rect.left() < bars[2].rect.left()
    assert [span.kind for span in layout.spans] == ["travel", "travel", "wait"]
    assert layout.spans[0].tooltip.startswith("Travel 0:30")
    assert "Waiting" in layout.spans[2].tooltip and "14:00" in layout.spans[2].tooltip
    (row,) = layout.rows
    assert row.end_x is not None and bars[2].rect.right() < row.end_x  # ends before 18:00
    assert not any(bar.conflicted for bar in bars)
    assert "1. 饿了么北京CBD骑士驿站" in bars[0].tooltip and "09:30–10:20 (0:50)" in bars[0].tooltip

    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=bars[2].rect.center().toPoint())
    assert tab.view.currentIndex().row() == 2
    assert QApplication.focusWidget() is tab.view
    assert "“小哥加油站”社区青年汇" in tab.details.toPlainText()
    assert timeline.selected == tab.model.line_at(2).stop.id


def test_the_timeline_marks_a_conflict_and_the_days_end(tab, qtbot, uow, sample_visit_id):
    type_time(qtbot, tab.day_end, "14", "30")
    assert stored_hours(uow, sample_visit_id)[1] == time(14, 30)
    layout = tab.timeline.layout()
    third = layout.bars[2]
    assert third.conflicted and "overruns the day's end by 30 min" in third.tooltip
    assert tab.timeline.tooltip_at(third.rect.center()) == third.tooltip
    end_x = layout.rows[0].end_x
    assert third.rect.left() < end_x < third.rect.right()
    beyond = QPointF(layout.rows[0].rect.right() - 1, layout.rows[0].rect.bottom() - 1)
    assert tab.timeline.tooltip_at(beyond) == "The day ends at 14:30"


@pytest.mark.parametrize("width", [300, 700, 1400])
def test_the_timeline_resizes_and_keeps_bars_inside(tab, width):
    tab.timeline.resize(width, tab.timeline.height())
    layout = tab.timeline.layout()
    for bar in layout.bars:
        assert 0 <= bar.rect.left() and bar.rect.right() <= width
        assert bar.rect.bottom() <= tab.timeline.height()
    assert [x for x, _ in layout.ticks] == sorted(x for x, _ in layout.ticks)
    assert all(bar.label == "" or bar.label.startswith(str(i)) for i, bar in
               enumerate(layout.bars, start=1))
