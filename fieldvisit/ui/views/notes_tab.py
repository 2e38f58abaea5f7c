"""Notes tab: notes per stop, key figures and follow-ups (read-only for now)."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from fieldvisit.domain.entities import FollowUp, KeyFigure, Note
from fieldvisit.services.notes import VisitRecords
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table


class NotesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stop_names: dict[UUID | None, str] = {}
        stop = lambda record: self._stop_names.get(record.stop_id, "")  # noqa: E731
        self.notes_model: RecordTableModel[Note] = RecordTableModel([
            Column(lambda: self.tr("Stop"), stop),
            Column(lambda: self.tr("Kind"), lambda n: label(n.kind)),
            Column(lambda: self.tr("Interviewees"), lambda n: n.interviewee_group),
            Column(lambda: self.tr("Tags"), lambda n: "、".join(n.tags)),
            Column(lambda: self.tr("Text"), lambda n: n.text.replace("\n", " ")),
        ], self)
        self.figures_model: RecordTableModel[KeyFigure] = RecordTableModel([
            Column(lambda: self.tr("Stop"), stop),
            Column(lambda: self.tr("Figure"), lambda f: f.label),
            Column(lambda: self.tr("Qualifier"), lambda f: label(f.qualifier)),
            Column(lambda: self.tr("Value"), lambda f: f.value, align_right=True),
            Column(lambda: self.tr("Unit"), lambda f: f.unit),
        ], self)
        self._organizations: dict[UUID, str] = {}
        self.follow_ups_model: RecordTableModel[FollowUp] = RecordTableModel([
            Column(lambda: self.tr("Action"), lambda f: f.action),
            Column(lambda: self.tr("Responsible"),
                   lambda f: self._organizations.get(f.responsible_organization_id, "")),
            Column(lambda: self.tr("Due"), lambda f: f.due_date or ""),
            Column(lambda: self.tr("Status"), lambda f: label(f.status)),
        ], self)
        self.notes_view = make_table(self.notes_model)
        self.note_text = QPlainTextEdit(readOnly=True)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.notes_view)
        top.addWidget(self.note_text)
        top.setSizes([600, 300])
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(make_table(self.figures_model), self.tr("Key figures"))
        self.lower_tabs.addTab(make_table(self.follow_ups_model), self.tr("Follow-ups"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.lower_tabs)
        splitter.setSizes([350, 200])
        QVBoxLayout(self).addWidget(splitter)
        self.notes_view.selectionModel().currentRowChanged.connect(self._show_note)

    def show_records(self, overview: VisitOverview | None, records: VisitRecords | None) -> None:
        self._stop_names = {s.stop.id: f"{s.stop.position}. {s.site.name}"
                            for s in (overview.stops if overview else ())}
        self._stop_names[None] = self.tr("Whole visit")
        self._organizations = {k: o.display_name
                               for k, o in (records.organizations if records else {}).items()}
        self.notes_model.set_rows(records.notes if records else [])
        self.figures_model.set_rows(records.figures if records else [])
        self.follow_ups_model.set_rows(records.follow_ups if records else [])
        self.note_text.clear()
        for index in range(self.lower_tabs.count()):
            self.lower_tabs.widget(index).resizeColumnsToContents()  # type: ignore[attr-defined]
        self.notes_view.resizeColumnsToContents()
        self.notes_view.setColumnWidth(4, 400)
        if self.notes_model.rowCount():
            self.notes_view.selectRow(0)

    def _show_note(self) -> None:
        index = self.notes_view.currentIndex()
        note: Note | None = index.data(RowRole) if index.isValid() else None
        self.note_text.setPlainText(note.text if note else "")
