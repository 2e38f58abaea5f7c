"""Undo commands of the report's texts. Saving while typing merges into one step per field, so
Edit ▸ Undo takes back the last burst of writing in that field; "Regenerate" is a step of its
own (undo brings the writer's text back)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from fieldvisit.domain.report_writing import ReportWriting
from fieldvisit.services.changes import Area
from fieldvisit.services.report_writing import update_report_writing
from fieldvisit.ui.commands import CommandContext, ServiceCommand

translate = QCoreApplication.translate
SAVE_WRITING_ID = 5201


class SaveWritingCommand(ServiceCommand):
    """Changes of a visit's report texts (None: back to the draft). Each step writes only if
    the stored record is still the version it replaces (else StaleEditError): an edit never
    overwrites a change made elsewhere. ``result`` is the record as the step left it."""

    AREAS = frozenset({Area.WRITING})

    def __init__(self, context: CommandContext, writing: ReportWriting,
                 changes: dict[str, Any], text: str | None = None) -> None:
        super().__init__(context, text or translate("WritingCommands", "Edit the report text"))
        self.visit_id, self.record_id = writing.visit_id, writing.id
        self.before = {k: getattr(writing, k) for k in changes}
        self.after = dict(changes)
        self.read_version = writing.version
        self.merges = text is None  # typing merges; a regeneration stays a step of its own
        self.result: ReportWriting | None = None

    def id(self) -> int:
        return SAVE_WRITING_ID if self.merges else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SaveWritingCommand) or not other.merges \
                or other.visit_id != self.visit_id or other.error is not None \
                or set(other.after) != set(self.after):
            return False
        self.after.update(other.after)
        self.result = other.result
        return True

    def apply(self) -> None:
        self._write(self.after)

    def revert(self) -> None:
        self._write(self.before)

    def _write(self, values: dict[str, Any]) -> None:
        self.result = update_report_writing(self.uow(), self.visit_id, values,
                                            expected_version=self._version())
        self.changed(self.visit_id, (self.record_id,))

    def _version(self) -> int:
        """The version this step replaces: the one its editor read (0: nothing stored yet),
        on undo and redo the one this window's last write left."""
        if self._done_once:
            written = self.context.database.write_log.version_of(self.record_id)
            if written is not None:
                return written
        return self.read_version
