"""Merge conflicts of visit packages: a record edited on two laptops, both versions side by side;
the user keeps this database's version or takes the other one."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.services.package_merge import ConflictView, list_conflicts, resolve_conflict
from fieldvisit.ui.errors import show_error

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class ConflictsDialog(QDialog):
    changed = Signal()
    """A conflict was resolved (records may have changed)."""

    def __init__(self, database: Database, parent: QWidget | None = None,
                 visit_id: UUID | None = None) -> None:
        super().__init__(parent)
        self.database, self.visit_id = database, visit_id
        self.setWindowTitle(self.tr("Merge Conflicts"))
        self.resize(860, 520)
        self.conflicts: list[ConflictView] = []

        self.intro = QLabel(self.tr(
            "These records were changed both here and on the other laptop. This database's "
            "version is kept until you choose."))
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.mine = QPlainTextEdit(readOnly=True)
        self.theirs = QPlainTextEdit(readOnly=True)
        self.keep_mine = QPushButton(self.tr("&Keep Mine"))
        self.take_theirs = QPushButton(self.tr("&Take Theirs"))
        self.empty = QLabel(self.tr("No conflicts to resolve."))

        sides = QGridLayout()
        sides.addWidget(QLabel(self.tr("Mine (this database)")), 0, 0)
        sides.addWidget(QLabel(self.tr("Theirs (the package)")), 0, 1)
        sides.addWidget(self.mine, 1, 0)
        sides.addWidget(self.theirs, 1, 1)
        sides.addWidget(self.keep_mine, 2, 0)
        sides.addWidget(self.take_theirs, 2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(sides, 2)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._show_current)
        self.keep_mine.clicked.connect(lambda: self.resolve(take_theirs=False))
        self.take_theirs.clicked.connect(lambda: self.resolve(take_theirs=True))
        self.reload()

    def reload(self) -> None:
        self.conflicts = list_conflicts(self.database.unit_of_work(), self.visit_id)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(f"{conflict.record_type} · {conflict.label}")
            item.setData(Qt.ItemDataRole.UserRole, str(conflict.id))
            self.list.addItem(item)
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show_current(-1)

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_current(self, _row: int) -> None:
        conflict = self.current()
        self.mine.setPlainText(conflict.mine if conflict else "")
        self.theirs.setPlainText(conflict.theirs if conflict else "")
        self.keep_mine.setEnabled(conflict is not None)
        self.take_theirs.setEnabled(conflict is not None)

    def resolve(self, take_theirs: bool) -> None:
        conflict = self.current()
        if conflict is None:
            return
        row = self.list.currentRow()
        try:
            resolve_conflict(self.database.unit_of_work(), conflict.id, take_theirs)
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self.changed.emit()
        self.reload()
        if self.conflicts:
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
