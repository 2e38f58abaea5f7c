"""A table model over plain records whose columns may be edited in place.

The model never changes its rows itself: an edit is reported with ``edit_requested(record,
field, value)``, the view turns it into an undo command, and the rows come back through
``set_rows`` once the command has run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Sequence, TypeVar
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from fieldvisit.ui.models.table_model import Column, ModelIndex, RecordTableModel

Row = TypeVar("Row")


@dataclass(frozen=True)
class EditableColumn(Column[Row]):
    field: str | None = None
    """The record's field this column edits; None: read-only."""
    foreground: Callable[[Row], QColor | None] | None = None


class EditableRecordModel(RecordTableModel[Row]):
    edit_requested = Signal(object, str, object)  # record, field, new value

    def __init__(self, columns: Sequence[EditableColumn[Row]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._editable = list(columns)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """New rows. The same records again (changed, or in another order) are announced as
        changed data or a new layout, not a reset: an open editor, the selection and the
        scroll position stay with their record."""
        rows = list(rows)
        old = [getattr(r, "id", None) for r in self._rows]
        new = [getattr(r, "id", None) for r in rows]
        if not rows or None in new or len(set(new)) != len(new) or set(new) != set(old):
            super().set_rows(rows)
        elif new == old:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, self.columnCount() - 1))
        else:
            self.layoutAboutToBeChanged.emit()
            position = {record_id: row for row, record_id in enumerate(new)}
            before = self.persistentIndexList()
            self._rows = rows
            self.changePersistentIndexList(before, [
                self.index(position[old[i.row()]], i.column()) for i in before])
            self.layoutChanged.emit()

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self._editable) if c.field == field)

    def row_of(self, record_id: UUID) -> int:
        """The row showing the record with this id, or -1."""
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == record_id),
                    -1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._editable[index.column()].field is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column, row = self._editable[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            if column.field is None:
                return None
            value = getattr(row, column.field)
            return value.value if isinstance(value, Enum) else value
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground(row) if column.foreground else None
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or not 0 <= index.row() < len(self._rows):
            return False
        field = self._editable[index.column()].field
        if field is None:
            return False
        self.edit_requested.emit(self._rows[index.row()], field, value)
        return True
