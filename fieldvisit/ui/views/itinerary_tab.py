"""Itinerary tab: the stops in order with a live timeline, the day's start and end, travel,
conflicts, the route map, route suggestion and calendar export. Every change is undoable."""

from __future__ import annotations

import json
from datetime import time
from typing import TYPE_CHECKING, Callable
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QTimeEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain import rules
from fieldvisit.domain.errors import ValidationError
from fieldvisit.files import write_bytes_atomically
from fieldvisit.services.calendar_export import visit_calendar
from fieldvisit.services.itinerary_view import ItineraryView, StopLine, itinerary_document
from fieldvisit.services.route_map import route_map
from fieldvisit.ui import file_dialogs, formats
from fieldvisit.ui import itinerary_commands as commands
from fieldvisit.ui.commands import CommandContext, EditVisitCommand
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.dialogs.route_dialog import RouteDialog
from fieldvisit.ui.dialogs.travel_dialog import TravelDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.models.stops_model import StopsModel
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.reorder import drop_target, moved, step_target
from fieldvisit.ui.views.day_timeline import DayTimeline
from fieldvisit.ui.views.route_map_widget import RouteMapWidget
from fieldvisit.ui.views.stop_columns import StopColumns
from fieldvisit.ui.views.stop_details import stop_details_html
from fieldvisit.ui.views.tab_actions import tab_action
from fieldvisit.ui.views.tables import make_table
from fieldvisit.ui.written_notice import show_written

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

translate = QCoreApplication.translate


def edit_text(field: str, value: object) -> str:
    """The Edit menu's text for changing ``field`` of stop %1."""
    texts = {
        "day": translate("ItineraryCommands", "Move %1 to another day"),
        "dwell_minutes": translate("ItineraryCommands", "Change the stay at %1"),
        "fixed_arrival": translate("ItineraryCommands", "Set the appointment at %1"),
        "delay_minutes": translate("ItineraryCommands", "Report a delay at %1"),
        "travel_mode": translate("ItineraryCommands", "Change how to travel from %1"),
        "travel_minutes": translate("ItineraryCommands", "Set the travel time from %1"),
        "activities": translate("ItineraryCommands", "Edit the activities at %1"),
        "pinned": translate("ItineraryCommands", "Pin %1") if value
        else translate("ItineraryCommands", "Unpin %1"),
    }
    return texts[field]


class ItineraryTab(QWidget):
    def __init__(self, database: Database, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context = database, undo_stack, context
        self.view_data: ItineraryView | None = None
        self.model = StopsModel(self)
        self.view = make_table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.columns = StopColumns(self.view, self.model)
        self.timeline = DayTimeline()
        self.map = RouteMapWidget()
        self.details = QTextBrowser()
        self.summary = QLabel()
        self.day_start = QTimeEdit(displayFormat=formats.time_edit_format())
        self.has_day_end = QCheckBox(self.tr("Day ends at"))
        self.day_end = QTimeEdit(displayFormat=formats.time_edit_format())
        for widget, name in ((self.view, self.tr("Stops")),
                             (self.details, self.tr("Details of the selected stop")),
                             (self.day_start, self.tr("Day starts at")),
                             (self.day_end, self.tr("Day ends at"))):
            widget.setAccessibleName(name)
        self.toolbar = QToolBar()
        self._build_actions()
        self._layout()
        self.model.edit_requested.connect(self.edit_stop)
        self.model.move_requested.connect(self.move_stop_to)
        self.model.input_rejected.connect(
            lambda text: QMessageBox.warning(self, self.tr("Itinerary"), text))
        self.view.selectionModel().currentRowChanged.connect(self._show_site)
        self.timeline.stop_clicked.connect(self._timeline_clicked)
        self.day_start.editingFinished.connect(self.change_day)
        self.day_end.editingFinished.connect(self.change_day)
        self.has_day_end.toggled.connect(self._day_end_toggled)
        on_delete(self.view, lambda: self.tr("&Remove Stop"), self.remove_stop)
        self.setEnabled(False)

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], None]) -> QAction:
        return tab_action(self, self.toolbar, text, shortcut, slot)

    def _build_actions(self) -> None:
        self.add_action = self._action(self.tr("&Add Stop…"), "Ctrl+Shift+A", self.add_stop)
        self.remove_action = self._action(self.tr("&Remove"), "Ctrl+Shift+Backspace",
                                          self.remove_stop)
        self.toolbar.addSeparator()
        self.up_action = self._action(self.tr("Move &Up"), "Ctrl+Up", lambda: self.move(-1))
        self.down_action = self._action(self.tr("Move &Down"), "Ctrl+Down",
                                        lambda: self.move(1))
        self.pin_action = self._action(self.tr("&Pin"), "Ctrl+Shift+P", self.toggle_pin)
        self.toolbar.addSeparator()
        self.suggest_action = self._action(self.tr("&Suggest Route…"), "Ctrl+Shift+R",
                                           self.suggest_route)
        self.travel_action = self._action(self.tr("&Travel Estimates…"), None,
                                          self.edit_travel)
        self.ics_action = self._action(self.tr("Export &Calendar…"), None, self.export_calendar)
        self.json_action = self._action(self.tr("Export &Timeline…"), None,
                                        self.export_timeline)

    def _layout(self) -> None:
        day = QHBoxLayout()
        day.addWidget(QLabel(self.tr("Day starts at")))
        day.addWidget(self.day_start)
        day.addSpacing(12)
        day.addWidget(self.has_day_end)
        day.addWidget(self.day_end)
        day.addStretch()
        day.addWidget(self.summary)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.map)
        side.addWidget(self.details)
        side.setSizes([300, 200])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setSizes([640, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(day)
        layout.addWidget(self.timeline)
        layout.addWidget(split, 1)

    # -- showing ---------------------------------------------------------------------------
    def show_itinerary(self, data: ItineraryView | None) -> None:
        keep = self.selected()
        self.view_data = data
        self.setEnabled(data is not None)
        self.model.set_lines(data.lines if data else (),
                             data.visit.start_date if data else None)
        self.map.show_route(route_map(data) if data else None)
        if data is not None:
            visit = data.visit
            self._show_day_hours(visit.day_start, visit.day_end)
            # "Conflicts: 1" reads right for any count, without a plural form
            self.summary.setText(self.tr("Travel %1 · Conflicts: %2")
                                 .replace("%1", formats.duration(data.total_travel_minutes))
                                 .replace("%2", str(data.conflicts)))
        self.timeline.show_itinerary(data)
        self.columns.apply(several_days=bool(data) and len(data.days) > 1)
        if keep is not None and self.model.row_of(keep.stop.id) >= 0:
            self.select(keep.stop.id)
        elif data and data.lines:
            self.view.selectRow(0)
        self._show_site()  # also when nothing is selected any more: nothing stale stays

    def _show_day_hours(self, start: time, end: time | None) -> None:
        for editor, value in ((self.day_start, start), (self.day_end, end)):
            editor.blockSignals(True)
            if value is not None:
                editor.setTime(QTime(value.hour, value.minute))
            editor.blockSignals(False)
        self.has_day_end.blockSignals(True)
        self.has_day_end.setChecked(end is not None)
        self.has_day_end.blockSignals(False)
        self.day_end.setEnabled(end is not None)

    def selected(self) -> StopLine | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def select(self, stop_id: UUID) -> None:
        row = self.model.row_of(stop_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 2))

    def _show_site(self) -> None:
        line = self.selected()
        self.timeline.set_selected(line.stop.id if line else None)
        if line is None:
            self.details.clear()
        else:
            self.details.setHtml(stop_details_html(
                line, self.view_data.visit.start_date if self.view_data else None))

    def _timeline_clicked(self, stop_id: UUID) -> None:
        self.select(stop_id)
        self.view.setFocus()

    # -- slots: collect input, push one command --------------------------------------------
    def add_stop(self) -> None:
        if self.view_data is None:
            return
        current = self.selected()
        dialog = AddStopDialog(self.database, self, day=current.stop.day if current else 1,
                               edits=DirectoryEdits(self.undo_stack, self._context))
        accepted = dialog.exec()
        self.view.setFocus()  # not wherever focus was before: Ctrl+Z works on at once
        if accepted and dialog.chosen():
            site = dialog.chosen()
            command = commands.AddStopCommand(
                self._context(), self.view_data.visit.id, site.id, site.name,
                {"day": dialog.day.value(), "dwell_minutes": dialog.dwell.value()})
            self.undo_stack.push(command)
            if command.stop:
                self.select(command.stop.id)

    def remove_stop(self) -> None:
        line = self.selected()
        if line is not None:
            self.undo_stack.push(commands.RemoveStopCommand(self._context(), line.stop,
                                                            line.site.name))

    def edit_stop(self, stop_id: UUID, field: str, value: object) -> None:
        line = self.model.line_at(self.model.row_of(stop_id))
        if getattr(line.stop, field) != value:
            self.undo_stack.push(commands.EditStopCommand(
                self._context(), line.stop, line.site.name, field, value,
                edit_text(field, value)))

    def toggle_pin(self) -> None:
        line = self.selected()
        if line is not None:
            self.edit_stop(line.stop.id, "pinned", not line.stop.pinned)

    def _order(self) -> list[UUID]:
        assert self.view_data is not None
        return [line.stop.id for line in self.view_data.lines]

    def move(self, step: int) -> None:
        line = self.selected()
        if line is None or self.view_data is None:
            return
        order = self._order()
        target = step_target(order, line.stop.id, step)
        if target is None:
            return
        if self.view_data.lines[target].stop.day != line.stop.day:
            self.edit_stop(line.stop.id, "day", self.view_data.lines[target].stop.day)
            return
        text = (self.tr("Move %1 up") if step < 0 else self.tr("Move %1 down")).replace(
            "%1", line.site.name)
        self._reorder(order, line.stop.id, target, text)

    def move_stop_to(self, stop_id: UUID, row: int) -> None:
        order = self._order()
        name = self.model.line_at(self.model.row_of(stop_id)).site.name
        self._reorder(order, stop_id, drop_target(order, stop_id, row),
                      self.tr("Move %1").replace("%1", name))

    def _reorder(self, order: list[UUID], stop_id: UUID, target: int, text: str) -> None:
        assert self.view_data is not None
        after = moved(order, stop_id, target)
        if after != order:
            self.undo_stack.push(commands.ReorderStopsCommand(
                self._context(), self.view_data.visit.id, text, order, after))
            self.select(stop_id)

    def suggest_route(self) -> None:
        if self.view_data is None or not self.view_data.lines:
            return
        dialog = RouteDialog(self.database, self.view_data.visit.id, self)
        accepted = dialog.exec()
        self.view.setFocus()
        if accepted and dialog.proposal and dialog.proposal.changes_order:
            self.undo_stack.push(commands.ApplyRouteCommand(self._context(), dialog.proposal))

    def change_day(self) -> None:
        if self.view_data is None:
            return
        visit = self.view_data.visit
        after = {"day_start": self.day_start.time().toPython(),
                 "day_end": self.day_end.time().toPython() if self.has_day_end.isChecked()
                 else None}
        before = {"day_start": visit.day_start, "day_end": visit.day_end}
        try:
            rules.check_day_hours(after["day_start"], after["day_end"])
        except ValidationError as error:
            self._show_day_hours(visit.day_start, visit.day_end)  # back to what is stored
            show_error(self, error)
            return
        if after != before:
            self.undo_stack.push(EditVisitCommand(self._context(), visit.id, before, after,
                                                  self.tr("Change the day's hours"),
                                                  visit.version))

    def _day_end_toggled(self, on: bool) -> None:
        self.day_end.setEnabled(on)
        start = self.day_start.time()
        if on and self.day_end.time() <= start:  # propose an end after the start
            self.day_end.setTime(max(QTime(18, 0), start.addSecs(3600)) if start.hour() < 23
                                 else QTime(23, 59))
        self.change_day()

    def edit_travel(self) -> None:
        if self.view_data is None:
            return
        visit = self.view_data.visit
        dialog = TravelDialog(visit.travel, self)
        accepted = dialog.exec()
        self.view.setFocus()
        if accepted and dialog.settings() != visit.travel:
            self.undo_stack.push(EditVisitCommand(
                self._context(), visit.id, {"travel": visit.travel},
                {"travel": dialog.settings()}, self.tr("Change the travel estimates"),
                visit.version))

    def export_timeline(self) -> None:
        if self.view_data is None:
            return
        path = file_dialogs.save_file(
            self, "itinerary", self.tr("Export Timeline"),
            f"{self.view_data.visit.title[:60]}-itinerary.json", self.tr("JSON files (*.json)"))
        if path:
            text = json.dumps(itinerary_document(self.view_data), ensure_ascii=False, indent=2)
            try:
                write_bytes_atomically(path, (text + "\n").encode("utf-8"))
            except OSError as error:
                show_error(self, error)
                return
            show_written(self, path)

    def export_calendar(self) -> None:
        if self.view_data is None:
            return
        path = file_dialogs.save_file(
            self, "itinerary", self.tr("Export Calendar"), f"{self.view_data.visit.title[:60]}.ics",
            self.tr("Calendar files (*.ics)"))
        if not path:
            return
        try:
            write_bytes_atomically(path, visit_calendar(self.database.unit_of_work(),
                                                              self.view_data.visit.id))
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        show_written(self, path)
