"""Table models of the Delegation tab: members in protocol order (roles editable, rows
draggable) and the member × stop attendance grid. Both report what the user asked for
through signals; the tab turns requests into undo commands and reloads the models."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services.delegation_view import MemberLine, StopColumn
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.row_moves import RowMoves
from fieldvisit.ui.models.table_model import ModelIndex, RowRole

MEMBER_MIME = "application/x-fieldvisit-member"
ROLE_COLUMN = 4


class DelegationModel(RowMoves, QAbstractTableModel):
    MIME = MEMBER_MIME
    role_change_requested = Signal(object, object)  # member id, DelegationRole
    move_requested = Signal(object, int)  # member id, row it should stand in

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[MemberLine] = []

    def set_members(self, members: tuple[MemberLine, ...]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member_at(self, row: int) -> MemberLine:
        return self._members[row]

    def row_of(self, member_id: UUID) -> int:
        return next((i for i, m in enumerate(self._members) if m.member_id == member_id), -1)

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Name"), self.tr("Title"), self.tr("Organization"),
                self.tr("Role"), self.tr("Contact")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [str(member.protocol_order), member.name, member.title, member.organization,
                    label(member.role), "★" if member.is_contact else ""][index.column()]
        if role == Qt.ItemDataRole.EditRole and index.column() == ROLE_COLUMN:
            return member.role.value
        if role == RowRole:
            return member
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < 6:
            return self.headers()[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsDragEnabled)
        if index.column() == ROLE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != ROLE_COLUMN \
                or not index.isValid():
            return False
        member = self._members[index.row()]
        new_role = DelegationRole(value)
        if new_role != member.role:
            self.role_change_requested.emit(member.member_id, new_role)
        return True

    def row_id(self, row: int) -> UUID:
        return self._members[row].member_id


class AttendanceModel(QAbstractTableModel):
    """Rows are members, columns are stops; a ticked cell means the member goes there."""

    attendance_toggled = Signal(object, object, bool)  # member id, stop id, attends

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[MemberLine] = []
        self._stops: list[StopColumn] = []
        self._absent: frozenset[tuple[UUID, UUID]] = frozenset()

    def set_grid(self, members: tuple[MemberLine, ...], stops: tuple[StopColumn, ...],
                 absent: frozenset[tuple[UUID, UUID]]) -> None:
        self.beginResetModel()
        self._members, self._stops, self._absent = list(members), list(stops), absent
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._stops)

    def _key(self, index: ModelIndex) -> tuple[UUID, UUID]:
        return self._members[index.row()].member_id, self._stops[index.column()].stop_id

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._members) \
                or index.column() >= len(self._stops):
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            absent = self._key(index) in self._absent
            return Qt.CheckState.Unchecked if absent else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._members[index.row()].name} — {self._stops[index.column()].label}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._stops):
            return self._stops[section].label
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._members):
            return self._members[section].name
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.CheckStateRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        attends = Qt.CheckState(value) == Qt.CheckState.Checked
        member_id, stop_id = self._key(index)
        self.attendance_toggled.emit(member_id, stop_id, attends)
        return True
