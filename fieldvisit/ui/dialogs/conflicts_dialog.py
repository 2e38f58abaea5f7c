"""Merge conflicts of visit packages and documents, both sides side by side: a record edited on
two laptops (the user keeps this database's fields in conflict or takes the other laptop's),
deleted on one and edited on the other (the user keeps the record or deletes it), or a list
(the stops, the notes, the delegation) reordered on both (this database's order or the other
laptop's, each shown as "1. 工人文化宫" a line). One click resolves, in one step."""

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
from fieldvisit.ui.labels import field_label

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
            "These records were changed both here and on the other laptop, or deleted on one "
            "and changed on the other. This database's version is kept until you choose."))
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        self.mine = QPlainTextEdit(readOnly=True)
        self.theirs = QPlainTextEdit(readOnly=True)
        for side in (self.mine, self.theirs):
            side.setPlaceholderText(self.tr("(deleted)"))
        self.keep_mine = QPushButton(self.tr("&Keep Mine"))
        self.take_theirs = QPushButton(self.tr("&Take Theirs"))
        self.keep_record = QPushButton(self.tr("&Keep"))
        self.delete_record = QPushButton(self.tr("&Delete"))
        self.empty = QLabel(self.tr("No conflicts to resolve."))

        sides = QGridLayout()
        sides.addWidget(QLabel(self.tr("Mine (this database)")), 0, 0)
        sides.addWidget(QLabel(self.tr("Theirs (the package)")), 0, 1)
        sides.addWidget(self.mine, 1, 0)
        sides.addWidget(self.theirs, 1, 1)
        sides.addWidget(self.keep_mine, 2, 0)
        sides.addWidget(self.take_theirs, 2, 1)
        sides.addWidget(self.keep_record, 3, 0)
        sides.addWidget(self.delete_record, 3, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.kind)
        layout.addLayout(sides, 2)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._show_current)
        self.keep_mine.clicked.connect(lambda: self.resolve(take_theirs=False))
        self.take_theirs.clicked.connect(lambda: self.resolve(take_theirs=True))
        self.keep_record.clicked.connect(lambda: self.resolve(keep=True))
        self.delete_record.clicked.connect(lambda: self.resolve(keep=False))
        self.reload()

    def reload(self) -> None:
        self.conflicts = list_conflicts(self.database.unit_of_work(), self.visit_id)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(f"{self.section_name(conflict.record_type)} · "
                                   f"{conflict.label} — "
                                   f"{self.kind_text(conflict.kind)}")
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

    def kind_text(self, kind: str) -> str:
        texts = {
            "edit": self.tr("Changed on both laptops"),
            "deleted_there": self.tr("Deleted on the other laptop, edited here"),
            "deleted_here": self.tr("Deleted here, edited on the other laptop"),
            "order": self.tr("Reordered on both laptops"),
        }
        return texts.get(kind, kind)

    def section_name(self, section: str) -> str:
        """What the records of a visit document's section are, in words."""
        names = {
            "visit": self.tr("Visit"), "organizations": self.tr("Organization"),
            "people": self.tr("Person"), "sites": self.tr("Site"),
            "participations": self.tr("Participating organization"),
            "delegation": self.tr("Delegation"), "stops": self.tr("Itinerary"),
            "absences": self.tr("Absence"), "notes": self.tr("Note"),
            "key_figures": self.tr("Key figure"), "follow_ups": self.tr("Follow-up"),
            "photos": self.tr("Photo"), "report_writing": self.tr("Report text"),
        }
        return names.get(section, section)

    def order_explanation(self, section: str) -> str:
        texts = {
            "stops": self.tr("Both laptops changed the order of the stops. This database's "
                             "itinerary order is kept until you choose: Keep Mine, or Take "
                             "Theirs to put the stops in the other laptop's order."),
            "notes": self.tr("Both laptops changed the order of the notes. This database's "
                             "order is kept until you choose: Keep Mine, or Take Theirs to put "
                             "the notes in the other laptop's order."),
            "delegation": self.tr("Both laptops changed the protocol order of the delegation. "
                                  "This database's order is kept until you choose: Keep Mine, "
                                  "or Take Theirs to put the members in the other laptop's "
                                  "order."),
        }
        return texts.get(section, section)

    def explanation(self, conflict: ConflictView) -> str:
        if conflict.kind == "order":
            return self.order_explanation(conflict.record_type)
        if conflict.kind == "edit":
            return self.tr("Changed on both laptops. Only these fields differ; the others are "
                           "merged already: %1").replace(
                "%1", ", ".join(field_label(name) for name in conflict.fields) or "—")
        sentences = [self.tr("Deleted on the other laptop, edited here.")
                     if conflict.kind == "deleted_there"
                     else self.tr("Deleted here, edited on the other laptop.")]
        if conflict.fields and conflict.kind == "deleted_there":
            sentences.append(self.tr("Records here still belong to it."))
        elif conflict.fields:
            sentences.append(self.tr("Records of the other laptop still belong to it."))
        sentences.append(self.tr("Keep the record, or delete it on this laptop too."))
        return " ".join(sentences)

    def _show_current(self, _row: int) -> None:
        conflict = self.current()
        self.mine.setPlainText(conflict.mine if conflict else "")
        self.theirs.setPlainText(conflict.theirs if conflict else "")
        self.kind.setText(self.explanation(conflict) if conflict else "")
        deletion = conflict is not None and conflict.kind not in ("edit", "order")
        for button in (self.keep_mine, self.take_theirs):
            button.setVisible(not deletion)
            button.setEnabled(conflict is not None)
        for button in (self.keep_record, self.delete_record):
            button.setVisible(deletion)
            button.setEnabled(deletion)

    def resolve(self, take_theirs: bool | None = None, keep: bool | None = None) -> None:
        """Apply the choice for the current conflict, in one step."""
        conflict = self.current()
        if conflict is None:
            return
        row = self.list.currentRow()
        try:
            if keep is None:
                resolve_conflict(self.database.unit_of_work(), conflict.id, take_theirs)
            else:
                resolve_conflict(self.database.unit_of_work(), conflict.id, keep=keep)
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self.changed.emit()
        self.reload()
        if self.conflicts:
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
