"""Rows that the user drags to a new place. The model does not move anything itself: a drop
is reported as ``move_requested(id, row)`` and becomes an undo command."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from fieldvisit.ui.models.table_model import ModelIndex


class RowMoves:
    """Mixin for a QAbstractTableModel with a ``move_requested`` signal. Subclasses name their
    MIME type and say which record id stands in a row."""

    MIME = "application/x-fieldvisit-row"

    def row_id(self, row: int) -> UUID:
        raise NotImplementedError

    def row_of(self, record_id: UUID) -> int:
        raise NotImplementedError

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(self.MIME, QByteArray(str(self.row_id(rows[0])).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(self.MIME):
            return False
        record_id = UUID(bytes(data.data(self.MIME).data()).decode())
        if self.row_of(record_id) < 0:
            return False
        count = self.rowCount()  # type: ignore[attr-defined]
        target = row if row >= 0 else parent.row() if parent.isValid() else count
        self.move_requested.emit(record_id, target)  # type: ignore[attr-defined]
        return False  # the move happens through an undo command, not inside the view
