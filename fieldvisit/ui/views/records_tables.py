"""The Notes tab's key figures and follow-ups, edited in place.

Each panel shows plain records handed to it (``show_figures`` / ``show_follow_ups``; it never
reads the database to refresh) and turns what the user does into one undo command per change:
a cell edited (double-click, F2 or typing; Enter commits), a record deleted (toolbar, context
menu, or the Delete key while the table has focus), a follow-up marked done or reopened. After
a change, and after its undo or redo, the table stays on the record that changed. Input a
record cannot take (an empty label) is refused with the reason, and nothing is saved."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import FollowUp, KeyFigure, Organization
from fieldvisit.domain.enums import FigureQualifier, FollowUpStatus
from fieldvisit.domain.errors import ValidationError
from fieldvisit.services import records
from fieldvisit.ui import formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.labels import label
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.models.editable_table_model import EditableColumn, EditableRecordModel
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.records_commands import (
    DeleteRecordCommand,
    EditableRecord,
    EditRecordCommand,
)
from fieldvisit.ui.views.record_delegates import ChoiceDelegate, OptionalDateDelegate
from fieldvisit.ui.views.tables import make_table

translate = QCoreApplication.translate
OVERDUE = QColor("#b00020")
STILL_TO_DO = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)
MAX_WIDTH = 240  # a column fitted to its contents is no wider (a stop's long name)
SIZED_FROM_ROWS = 50  # columns are fitted to the first rows: a long list opens at once


def short(text: str, limit: int = 24) -> str:
    """A record named in an undo step: its first ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class RecordsPanel(QWidget):
    """A table of records with a toolbar, a context menu and a line saying what was refused."""

    delete_action: QAction  # made by each kind of panel, with its own text

    def __init__(self, undo_stack: QUndoStack, context: Callable[[], CommandContext],
                 columns: Sequence[EditableColumn[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack, self._context = undo_stack, context
        self.model: EditableRecordModel[Any] = EditableRecordModel(columns, self)
        self.view = make_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        on_delete(self.view, lambda: self.delete_action.text(), self.delete_selected)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.view)
        self.model.edit_requested.connect(self.edit)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
               slot: Callable[[], None]) -> QAction:
        """An action on the toolbar and in the table's context menu."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def hint(self, text: str) -> None:
        """How to edit, in grey after the toolbar's buttons."""
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        hint = QLabel(text)
        hint.setEnabled(False)
        self.toolbar.addWidget(hint)

    @staticmethod
    def tip(action: QAction, key: QKeySequence | None = None) -> None:
        """The action's text, with its shortcut (or ``key``), as its tooltip."""
        text = action.text().replace("&", "")
        shortcut = (key or action.shortcut()).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shortcut})" if shortcut else text)

    # -- showing ---------------------------------------------------------------------------
    def stretch(self, field: str) -> None:
        """The column of ``field`` takes the width the others leave (the long text)."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.model.column_of(field), QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """New rows; the record that was current stays current. The columns fit other
        records (another visit), and grow for a longer text."""
        current = self.view.currentIndex()
        kept = current.data(RowRole).id if current.isValid() else None
        other = {r.id for r in rows} != {r.id for r in self.model.rows()}
        self.model.set_rows(rows)
        row = self.model.row_of(kept) if kept else -1
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, current.column()))
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        for column in range(self.model.columnCount()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                wanted = min(max(self.view.sizeHintForColumn(column),
                                 header.sectionSizeHint(column)), MAX_WIDTH)
                if other or wanted > header.sectionSize(column):  # grows for a longer text
                    header.resizeSection(column, wanted)
        self.update_actions()

    def current(self) -> Any:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def show_record(self, record_id: UUID | None, fallback_row: int = 0) -> None:
        """Make a record (or, when it is gone, the row at ``fallback_row``) current and bring
        this panel to the front of its tabs: where undo and redo show what they changed."""
        row = self.model.row_of(record_id) if record_id else -1
        if row < 0:
            row = min(fallback_row, self.model.rowCount() - 1)
        if row >= 0:
            column = max(0, self.view.currentIndex().column())
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.scrollTo(self.view.currentIndex())
        parent = self.parentWidget()
        while parent is not None and not (isinstance(parent, QTabWidget)
                                          and parent.indexOf(self) >= 0):
            parent = parent.parentWidget()
        if parent is not None:
            parent.setCurrentWidget(self)
        self.update_actions()

    def _row_changed(self) -> None:
        self.message.setVisible(False)  # what was refused was about the other record
        self.update_actions()

    def update_actions(self) -> None:
        self.delete_action.setEnabled(self.current() is not None)

    def refuse(self, error: Exception) -> None:
        self.message.setText(translate("RecordsPanel", "Not saved: %1").replace(
            "%1", error_text(error)))
        self.message.setVisible(True)

    # -- changing --------------------------------------------------------------------------
    def edit(self, record: EditableRecord, field: str, value: Any) -> None:
        """One cell edited: checked, then one undo command if it changes anything."""
        try:
            updated = records.changed(record, {field: value})
        except ValidationError as error:
            self.refuse(error)
            return
        if getattr(updated, field) != getattr(record, field):
            self.push(EditRecordCommand(self._context(), self.edit_text(record), record,
                                        {field: getattr(updated, field)}, self.show_record))

    def delete_selected(self) -> None:
        record = self.current()
        if record is not None:
            row = self.view.currentIndex().row()
            self.push(DeleteRecordCommand(self._context(), self.delete_text(record), record,
                                          lambda kept: self.show_record(kept, row)))

    def push(self, command: EditRecordCommand | DeleteRecordCommand) -> None:
        self.undo_stack.push(command)
        if command.error is None:
            self.message.setVisible(False)

    def edit_text(self, record: Any) -> str:
        raise NotImplementedError

    def delete_text(self, record: Any) -> str:
        raise NotImplementedError


class FiguresPanel(RecordsPanel):
    """Key figures: stop, label, qualifier, value and unit, each edited in place."""

    def __init__(self, undo_stack: QUndoStack, context: Callable[[], CommandContext],
                 parent: QWidget | None = None) -> None:
        self.stops: list[tuple[UUID | None, str]] = []
        super().__init__(undo_stack, context, [  # headers as the Notes tab had them
            EditableColumn(lambda: translate("NotesTables", "Stop"),
                           lambda f: dict(self.stops).get(f.stop_id, ""), field="stop_id"),
            EditableColumn(lambda: translate("NotesTables", "Figure"), lambda f: f.label,
                           field="label"),
            EditableColumn(lambda: translate("NotesTables", "Qualifier"),
                           lambda f: label(f.qualifier), field="qualifier"),
            EditableColumn(lambda: translate("NotesTables", "Value"),
                           lambda f: formats.number(f.value), align_right=True, field="value"),
            EditableColumn(lambda: translate("NotesTables", "Unit"), lambda f: f.unit,
                           field="unit"),
        ], parent)
        self.view.setItemDelegateForColumn(
            self.model.column_of("stop_id"), ChoiceDelegate(lambda: self.stops, self.view))
        self.view.setItemDelegateForColumn(
            self.model.column_of("qualifier"),
            ChoiceDelegate(lambda: [(q.value, label(q)) for q in FigureQualifier], self.view))
        self.delete_action = self.action(self.tr("&Delete Figure"), None,
                                         self.delete_selected)  # the Delete key: on_delete
        self.tip(self.delete_action, QKeySequence(QKeySequence.StandardKey.Delete))
        self.stretch("label")
        self.view.setAccessibleName(self.tr("Key figures"))
        self.hint(self.tr("Double-click, F2 or type to change a figure; Enter saves"))
        self.update_actions()

    def show_figures(self, figures: Sequence[KeyFigure],
                     stops: Sequence[tuple[UUID | None, str]]) -> None:
        """A visit's figures; ``stops`` are (stop id, name) with (None, "Whole visit")."""
        self.stops = list(stops)
        self.set_rows(figures)

    def edit_text(self, record: KeyFigure) -> str:
        return self.tr("Edit the figure “%1”").replace("%1", short(record.label))

    def delete_text(self, record: KeyFigure) -> str:
        return self.tr("Delete the figure “%1”").replace("%1", short(record.label))


class FollowUpsPanel(RecordsPanel):
    """Follow-ups: action, responsible organization, due date and status, edited in place;
    marked done (and reopened) with one key; overdue ones in red."""

    def __init__(self, undo_stack: QUndoStack, context: Callable[[], CommandContext],
                 organizations: Callable[[], Sequence[Organization]],
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        self.names: dict[UUID, str] = {}
        self.today = today
        super().__init__(undo_stack, context, [  # headers as the Notes tab had them
            EditableColumn(lambda: translate("NotesTables", "Action"), lambda f: f.action,
                           field="action"),
            EditableColumn(lambda: translate("NotesTables", "Responsible"),
                           lambda f: self.names.get(f.responsible_organization_id, ""),
                           field="responsible_organization_id"),
            EditableColumn(lambda: translate("NotesTables", "Due"),
                           lambda f: formats.date_text(f.due_date), tooltip=self._due_tip,
                           field="due_date",
                           foreground=lambda f: OVERDUE if self.overdue(f) else None),
            EditableColumn(lambda: translate("NotesTables", "Status"), lambda f: label(f.status),
                           field="status"),
        ], parent)
        self.view.setItemDelegateForColumn(
            self.model.column_of("responsible_organization_id"), ChoiceDelegate(
                lambda: [(None, self.tr("(not decided)"))]
                + [(o.id, o.name) for o in organizations()], self.view))
        self.view.setItemDelegateForColumn(
            self.model.column_of("due_date"), OptionalDateDelegate(
                lambda: self.tr("No due date"),
                lambda: self.tr("Delete: no due date"), lambda: self.today(), self.view))
        self.view.setItemDelegateForColumn(
            self.model.column_of("status"),
            ChoiceDelegate(lambda: [(s.value, label(s)) for s in FollowUpStatus], self.view))
        self.done_action = self.action(self.tr("Mark &Done"), "Ctrl+D", self.toggle_done)
        self.clear_due_action = self.action(self.tr("&Clear Due Date"), None, self.clear_due)
        self.delete_action = self.action(self.tr("&Delete Follow-up"), None,
                                         self.delete_selected)  # the Delete key: on_delete
        self.tip(self.delete_action, QKeySequence(QKeySequence.StandardKey.Delete))
        self.stretch("action")
        self.view.setAccessibleName(self.tr("Follow-ups"))
        self.hint(self.tr("Double-click, F2 or type to change a follow-up; Enter saves"))
        self.update_actions()

    def show_follow_ups(self, follow_ups: Sequence[FollowUp], names: dict[UUID, str]) -> None:
        """A visit's follow-ups; ``names`` gives the organizations they name."""
        self.names = dict(names)
        self.set_rows(follow_ups)

    def overdue(self, follow_up: FollowUp) -> bool:
        return follow_up.due_date is not None and follow_up.status in STILL_TO_DO \
            and follow_up.due_date < self.today()

    def _due_tip(self, follow_up: FollowUp) -> str:
        if self.overdue(follow_up):
            return self.tr("Overdue: due %1").replace("%1", formats.date_text(follow_up.due_date))
        return formats.date_text(follow_up.due_date)

    def update_actions(self) -> None:
        super().update_actions()
        follow_up: FollowUp | None = self.current()
        done = follow_up is not None and follow_up.status is FollowUpStatus.DONE
        self.done_action.setText(self.tr("&Reopen") if done else self.tr("Mark &Done"))
        self.done_action.setEnabled(follow_up is not None)
        self.tip(self.done_action)
        self.clear_due_action.setEnabled(follow_up is not None and follow_up.due_date is not None)

    def toggle_done(self) -> None:
        follow_up: FollowUp | None = self.current()
        if follow_up is None:
            return
        done = follow_up.status is not FollowUpStatus.DONE
        text = self.tr("Mark the follow-up “%1” done") if done else \
            self.tr("Reopen the follow-up “%1”")
        self.push(EditRecordCommand(
            self._context(), text.replace("%1", short(follow_up.action)), follow_up,
            {"status": FollowUpStatus.DONE if done else FollowUpStatus.OPEN}, self.show_record))

    def clear_due(self) -> None:
        follow_up: FollowUp | None = self.current()
        if follow_up is not None and follow_up.due_date is not None:
            self.edit(follow_up, "due_date", None)

    def edit_text(self, record: FollowUp) -> str:
        return self.tr("Edit the follow-up “%1”").replace("%1", short(record.action))

    def delete_text(self, record: FollowUp) -> str:
        return self.tr("Delete the follow-up “%1”").replace("%1", short(record.action))
