"""The Report tab's writing: the report's and brief's texts of the shown visit, saved like
notes (after a pause in typing, when focus leaves them, before any other command, before
another visit is shown or the window closes), one undoable step a burst of typing.

The draft each section follows until the writer edits it is assembled from the visit's data
(``services/report_draft.py``) off the GUI thread (half a second for a visit of 2,000 notes),
and again when that data changes; a refresh never writes, and typed text is only ever saved
into the record of the visit it was typed for."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from fieldvisit.domain.errors import StaleEditError
from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services.changes import Area, Change
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.report_writing import report_writing
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.errors import short_reason, show_error
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.tasks import Task
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.views.writing_editor import WritingEditor
from fieldvisit.ui.writing_commands import SaveWritingCommand

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

DRAFT_AREAS = frozenset(Area) - {Area.WRITING, Area.PHOTOS}
"""What the draft is made of: a change of these reads it again."""


def read_draft(database: Database, visit_id: UUID, options: ReportOptions) -> ReportWriting:
    """The draft of every section, from the visit's data as the report would show it."""
    from fieldvisit.services.report_data import report_data
    from fieldvisit.services.report_draft import draft_writing

    data = report_data(database.unit_of_work(), visit_id, replace(options, photos=False),
                       None)
    return draft_writing(data, visit_id)


class WritingPanel(QWidget):
    def __init__(self, database: Database, undo_stack: UndoStack,
                 context: Callable[[], CommandContext], options: Callable[[], ReportOptions],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context, self._options = \
            database, undo_stack, context, options
        self.editor = WritingEditor()
        self.editor.identity = database.identity
        self.editor.changed.connect(self.save)
        self.editor.keep_mine.connect(self._keep_mine)
        self.editor.take_stored.connect(self._take_stored)
        self.editor.regenerate.connect(self.regenerate)
        self.sections = self.editor.sections
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self._saving = False
        self._last_failure = ""
        self._draft_task: Task | None = None
        self._draft_wanted: tuple | None = None  # (visit, options, count): the newest asked
        self._draft_count = 0
        QApplication.instance().focusChanged.connect(self._focus_changed)

    @property
    def visit_id(self) -> UUID | None:
        return self.editor.visit_id

    # -- showing ---------------------------------------------------------------------------
    def show_visit(self, visit_id: UUID | None) -> None:
        """Show ``visit_id``'s texts from fresh data (None: nothing). Writes nothing: the
        window saved the editor before it switched; the same visit again keeps typed text."""
        if visit_id is None:
            self._draft_wanted = None
            self.editor.show_writing(None, None)
            return
        stored = report_writing(self.database.unit_of_work(), visit_id)
        if visit_id == self.visit_id:
            self.editor.adopt(stored, self.editor.draft)
        else:
            self.editor.show_writing(stored, None)  # the draft follows
        self.reload_draft()

    def apply(self, change: Change) -> None:
        """Re-read what ``change`` names: the stored texts now, the draft in the background.
        Writes nothing."""
        visit_id = self.visit_id
        if visit_id is None or change.visit_id not in (None, visit_id):
            return
        if change.touches(Area.WRITING):
            self.editor.adopt(report_writing(self.database.unit_of_work(), visit_id),
                              self.editor.draft)
        if not change.areas.isdisjoint(DRAFT_AREAS):
            self.reload_draft()

    def reload_draft(self) -> Task | None:
        """Assemble the draft again off the GUI thread (the data or the report's options
        changed); the editor takes it in if it still shows that visit and no newer draft was
        asked for meanwhile."""
        visit_id = self.visit_id
        if visit_id is None:
            return None
        self._draft_count += 1
        options = self._options()
        key = self._draft_wanted = (visit_id, options, self._draft_count)

        def done(draft: ReportWriting) -> None:
            if self._draft_wanted == key and self.visit_id == visit_id:
                self._draft_wanted = None
                self.editor.adopt(self.editor.stored, draft)

        def failed(error: BaseException) -> None:
            if self._draft_wanted == key:
                self._draft_wanted = None
                self.editor.mark_failed(error_text(error))

        task = self._draft_task = Task(self, None, lambda _token: read_draft(
            self.database, visit_id, options), done, failed)
        task.finished.connect(task.deleteLater)
        return task.start()

    def drafting(self) -> bool:
        """Whether a draft is being assembled for the editor."""
        return self._draft_wanted is not None

    # -- saving ----------------------------------------------------------------------------
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and self.editor.isAncestorOf(old) and \
                (new is None or not self.editor.isAncestorOf(new)):
            self.save()

    def has_unsaved(self) -> str:
        """What is typed but not saved, in words ("" when nothing)."""
        return self.tr("the report text you are writing") if self.editor.changes() else ""

    def save(self) -> bool:
        """Write what was typed into the shown visit's texts. True when nothing typed is left
        unsaved."""
        editor = self.editor
        editor.pacing.saving_now()
        changes = editor.changes()
        if not changes or editor.base is None or self._saving:
            return True
        if not editor.conflict.isHidden():  # the writer chooses first
            return False
        if self.undo_stack.showing_change:  # a refresh never writes: save right after it
            QTimer.singleShot(0, self.save)
            return False
        return self._push(changes)

    def _push(self, changes: dict[str, Any], text: str | None = None) -> bool:
        base = self.editor.base
        assert base is not None
        self._saving = True  # the push saves open editors first: not this one again
        try:
            context = replace(self._context(), report=self._save_failed)
            command = SaveWritingCommand(context, base, changes, text)
            self.undo_stack.push(command)
        finally:
            self._saving = False
        if command.error is not None:
            return False
        if command.result is not None and command.result.visit_id == self.visit_id:
            self.editor.mark_saved(command.result, changes)
        return True

    def _save_failed(self, error: Exception) -> None:
        """Say where the writer looks that the text is not saved; a dialog once per cause."""
        if isinstance(error, StaleEditError):
            if self.editor.changes():  # typed text meets newer texts: the writer chooses
                self.editor.mark_conflict(error.changed_by)
            else:
                show_error(self, error)
            return
        text = error_text(error)
        self.editor.mark_failed(short_reason(error) or text)
        if text != self._last_failure:
            self._last_failure = text
            show_error(self, error)

    def _keep_mine(self) -> None:
        """After a conflict: the typed texts replace the stored ones (one undoable step)."""
        editor = self.editor
        if editor.visit_id is None:
            return
        editor.stored = report_writing(self.database.unit_of_work(), editor.visit_id)
        editor.base = editor.stored
        editor.conflict.hide()
        self.save()

    def _take_stored(self) -> None:
        visit_id = self.visit_id
        if visit_id is not None:
            self.editor.show_writing(report_writing(self.database.unit_of_work(), visit_id),
                                     self.editor.draft)

    # -- regenerate ------------------------------------------------------------------------
    def regenerate(self, name: str) -> bool:
        """Give ``name`` back to the draft, after the writer agreed to lose their text (Undo
        brings it back). True if it was done."""
        section = self.sections[name]
        if self.visit_id is None or not self.save():
            return False
        stored = self.editor.stored
        if stored is None or getattr(stored, name) is None:
            return False  # follows the draft already
        answer = QMessageBox.question(
            self, self.tr("Regenerate “%1”").replace("%1", section.caption),
            self.tr("Replace your text of “%1” with a new draft from the visit's data? "
                    "Edit ▸ Undo brings your text back.").replace("%1", section.caption),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._push({name: None}, self.tr("Regenerate “%1”").replace(
            "%1", section.caption))
