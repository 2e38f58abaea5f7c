"""The photos of a visit as a list model: one item per photo, its thumbnail, caption and time."""

from __future__ import annotations

from typing import Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from fieldvisit.domain.entities import Photo
from fieldvisit.ui import formats
from fieldvisit.ui.models.table_model import RowRole

ModelIndex = QModelIndex | QPersistentModelIndex


class PhotoListModel(QAbstractListModel):
    """One item per photo: its thumbnail (a placeholder until loaded), caption and time."""

    def __init__(self, thumbnail: Callable[[Photo], QIcon],
                 stop_name: Callable[[UUID | None], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbnail, self._stop_name = thumbnail, stop_name
        self._rows: list[Photo] = []

    def set_rows(self, rows: Sequence[Photo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Photo]:
        return list(self._rows)

    def row_at(self, row: int) -> Photo:
        return self._rows[row]

    def row_of(self, photo_id: UUID) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == photo_id), -1)

    def icon_changed(self, photo_id: UUID) -> None:
        row = self.row_of(photo_id)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        photo = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or (photo.stop_id and self._stop_name(photo.stop_id)) or (
                formats.date_time(photo.taken_at) if photo.taken_at
                else self.tr("No caption"))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.caption, photo.credit, self._stop_name(photo.stop_id),
                     formats.date_time(photo.taken_at) if photo.taken_at else ""]
            return "\n".join(line for line in lines if line)
        if role == RowRole:
            return photo
        return None
