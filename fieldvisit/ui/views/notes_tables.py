"""The lists of the Notes tab: notes, key figures (with clashes flagged), follow-ups, and the
themes × stops table."""

from __future__ import annotations

from typing import Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QTableView

from fieldvisit.domain.entities import Note, Organization
from fieldvisit.services import note_taking
from fieldvisit.services.notes import VisitRecords
from fieldvisit.ui import formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, ModelIndex, RecordTableModel
from fieldvisit.ui.views.records_tables import FiguresPanel, FollowUpsPanel
from fieldvisit.ui.views.tables import WrappingHeader, make_table


class ThemesModel(QAbstractTableModel):
    """Rows are themes (tags), columns are stops; cells count the notes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: note_taking.ThemeTable | None = None
        self.stop_names: dict[UUID | None, str] = {}

    def set_table(self, table: note_taking.ThemeTable | None,
                  stop_names: dict[UUID | None, str]) -> None:
        self.beginResetModel()
        self.table, self.stop_names = table, stop_names
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.tags)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.stop_ids) + 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid() or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        if not (0 <= index.row() < len(self.table.tags)
                and 0 <= index.column() <= len(self.table.stop_ids)):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        tag = self.table.tags[index.row()]
        if index.column() == len(self.table.stop_ids):
            return str(self.table.total(tag))
        count = self.table.counts.get((tag, self.table.stop_ids[index.column()]), 0)
        return str(count) if count else ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.table.tags):
            return self.table.tags[section]
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.table.stop_ids):
                return self.stop_names.get(self.table.stop_ids[section], "")
            if section == len(self.table.stop_ids):
                return self.tr("Total")
        return None


class NotesTables(QObject):
    def __init__(self, parent: QObject, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext],
                 organizations: Callable[[], Sequence[Organization]]) -> None:
        """``organizations``: the directory's, offered as responsible for a follow-up."""
        super().__init__(parent)
        self.stop_names: dict[UUID | None, str] = {}
        self.organizations: dict[UUID, str] = {}
        self.notes_model: RecordTableModel[Note] = RecordTableModel([
            Column(lambda: self.tr("#"), self._stop_number,
                   tooltip=lambda n: self.stop_names.get(n.stop_id, "")),
            Column(lambda: self.tr("Kind"), lambda n: label(n.kind)),
            Column(lambda: self.tr("Text"), lambda n: n.text.replace("\n", " "),
                   tooltip=self._note_tooltip),
            Column(lambda: self.tr("Tags"), lambda n: formats.join_list(n.tags)),
        ], self)
        # key figures and follow-ups: tables edited in place, in records_tables.py
        self.figures_panel = FiguresPanel(undo_stack, context)
        self.follow_ups_panel = FollowUpsPanel(undo_stack, context, organizations)
        self.figures_model = self.figures_panel.model
        self.follow_ups_model = self.follow_ups_panel.model
        self.themes_model = ThemesModel(self)
        self.themes_view: QTableView = make_table(self.themes_model)
        self.themes_view.setHorizontalHeader(WrappingHeader(self.themes_view))  # stop names
        self.themes_view.horizontalHeader().setStretchLastSection(False)
        self.themes_view.verticalHeader().setVisible(True)
        self.clashes = QLabel()
        self.clashes.setStyleSheet("color: #b00020")
        self.clashes.setWordWrap(True)

    def _stop_number(self, note: Note) -> str:
        """The stop's number in the itinerary ("–": the whole visit)."""
        name = self.stop_names.get(note.stop_id, "")
        return name.split(".", 1)[0] if note.stop_id is not None else "–"

    def _note_tooltip(self, note: Note) -> str:
        """The whole text, with who was interviewed and the themes."""
        facts = [self.stop_names.get(note.stop_id, ""), note.interviewee_group,
                 formats.join_list(note.tags)]
        return "\n".join([note.text, " · ".join(f for f in facts if f)])

    def show(self, stops: list[tuple[UUID | None, str]], records: VisitRecords | None,
             themes: note_taking.ThemeTable | None) -> None:
        self.stop_names = dict(stops)
        self.organizations = {k: o.display_name
                              for k, o in (records.organizations if records else {}).items()}
        self.figures_panel.show_figures(records.figures if records else (), stops)
        self.follow_ups_panel.show_follow_ups(records.follow_ups if records else (),
                                              self.organizations)
        self.themes_model.set_table(themes, self.stop_names)
        header = self.themes_view.horizontalHeader()
        for column in range(self.themes_model.columnCount()):  # counts are narrower than names
            header.resizeSection(column, header.sectionSizeHint(column))
        clashes = note_taking.figure_clashes(records.figures if records else [])
        self.clashes.setText("\n".join(
            self.tr("“%1” has different values at %2: %3").replace("%1", c.label)
            .replace("%2", self.stop_names.get(c.stop_id, ""))
            .replace("%3", formats.join_list(c.values))
            for c in clashes))
        self.clashes.setVisible(bool(clashes))
