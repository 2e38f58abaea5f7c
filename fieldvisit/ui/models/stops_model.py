"""The Itinerary tab's table: one row per stop with its computed times. Edits and drags are
reported as requests; the tab turns them into undo commands."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from fieldvisit.domain import limits
from fieldvisit.domain.enums import TravelMode
from fieldvisit.domain.timeline import day_date
from fieldvisit.services.itinerary_view import StopLine
from fieldvisit.ui import formats
from fieldvisit.ui.itinerary_labels import conflict_text
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.row_moves import RowMoves
from fieldvisit.ui.models.table_model import ModelIndex, RowRole

STOP_MIME = "application/x-fieldvisit-stop"
COLUMNS = ("position", "day", "site", "arrival", "departure", "dwell_minutes", "fixed_arrival",
           "delay_minutes", "travel_mode", "travel_minutes", "slack", "conflicts", "activities",
           "pinned")
EDITABLE = {"day", "dwell_minutes", "fixed_arrival", "delay_minutes", "travel_mode",
            "travel_minutes", "activities"}
DURATIONS = {"dwell_minutes", "delay_minutes", "travel_minutes"}
"""Shown and edited as h:mm; typed as minutes ("50") or h:mm ("0:50")."""


_clock = formats.clock


class StopsModel(RowMoves, QAbstractTableModel):
    MIME = STOP_MIME
    edit_requested = Signal(object, str, object)  # stop id, field, new value (domain type)
    move_requested = Signal(object, int)  # stop id, row it should stand in
    input_rejected = Signal(str)  # what was wrong with typed input

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[StopLine] = []
        self._first_day: date | None = None

    def set_lines(self, lines: tuple[StopLine, ...], first_day: date | None = None) -> None:
        """The stops to show; ``first_day``: the visit's start date (None: undated)."""
        self.beginResetModel()
        self._lines, self._first_day = list(lines), first_day
        self.endResetModel()

    def line_at(self, row: int) -> StopLine:
        return self._lines[row]

    def row_of(self, stop_id: UUID) -> int:
        return next((i for i, line in enumerate(self._lines) if line.stop.id == stop_id), -1)

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Day"), self.tr("Site"), self.tr("Arrive"),
                self.tr("Leave"), self.tr("Stay"), self.tr("Appointment"),
                self.tr("Delay"), self.tr("Travel by"), self.tr("Travel"),
                self.tr("Slack"), self.tr("Conflicts"), self.tr("Activities"), self.tr("Pinned")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def _on_day(self, moment: datetime, day: int) -> str:
        return formats.clock_on(moment, day_date(self._first_day, day),
                                self._first_day is not None)

    def _display(self, line: StopLine, column: str) -> str:
        stop, timed = line.stop, line.timed
        slack = [v for v in (timed.slack_to_closing, timed.slack_to_day_end) if v is not None]
        travel = formats.duration(timed.travel_minutes)
        return {
            "position": str(stop.position), "day": str(stop.day), "site": line.site.name,
            "arrival": self._on_day(timed.arrival, stop.day),
            "departure": self._on_day(timed.departure, stop.day),
            "dwell_minutes": formats.duration(stop.dwell_minutes),
            "fixed_arrival": _clock(stop.fixed_arrival),
            "delay_minutes": formats.duration(stop.delay_minutes) if stop.delay_minutes else "",
            "travel_mode": label(stop.travel_mode),
            "travel_minutes": (f"≈{travel}" if timed.travel_estimated else travel),
            "slack": formats.duration(min(slack)) if slack else "",
            "conflicts": formats.join_clauses(conflict_text(c) for c in timed.conflicts),
            "activities": stop.activities.replace("\n", " "),
            "pinned": "",
        }[column]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            value = getattr(line.stop, column)
            if column == "fixed_arrival":
                return _clock(value)
            if column == "travel_mode":
                return value.value if value else ""
            if column in DURATIONS:
                return formats.duration(value)
            return "" if value is None else value
        if role == Qt.ItemDataRole.CheckStateRole and column == "pinned":
            return Qt.CheckState.Checked if line.stop.pinned else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and line.timed.conflicts:
            return QBrush(QColor("#fde8e8"))
        if role == Qt.ItemDataRole.FontRole and column == "travel_minutes" \
                and line.timed.travel_estimated:
            font = QFont()
            font.setItalic(True)
            return font
        if role == RowRole:
            return line
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return self.headers()[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsDragEnabled)
        column = COLUMNS[index.column()]
        if column in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column == "pinned":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line, column = self._lines[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "pinned":
            self.edit_requested.emit(line.stop.id, "pinned",
                                     Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE:
            return False
        try:
            parsed = self._parse(line, column, value)
        except ValueError:
            self.input_rejected.emit(self.tr("“%1” is not a valid %2.").replace(
                "%1", str(value)).replace("%2", self.headers()[index.column()]))
            return False
        self.edit_requested.emit(line.stop.id, column, parsed)
        return True

    def _parse(self, line: StopLine, column: str, value: Any) -> Any:
        """Turn an editor's text into the field's value; ValueError for what cannot be."""
        text = str(value).strip() if value is not None else ""
        if column == "day":
            return _within(int(text or 1), column)
        if column in DURATIONS:
            if not text:
                return None if column == "travel_minutes" else 0
            return _within(formats.parse_duration(text), column)
        if column == "travel_mode":
            return TravelMode(text) if text else None
        if column == "fixed_arrival":
            if not text:
                return None
            return datetime.combine(line.timed.arrival.date(), formats.parse_clock(text))
        return str(value)

    def row_id(self, row: int) -> UUID:
        return self._lines[row].stop.id


def _within(value: int, column: str) -> int:
    """``value`` if a stop may hold it in ``column`` (``domain/limits.py``); else ValueError."""
    smallest, largest = limits.RANGES[column]
    if not smallest <= value <= largest:
        raise ValueError(value)
    return value
