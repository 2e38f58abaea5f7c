"""What the note editor offers to complete: the interviewee groups and themes used in any
visit. Read once, off the GUI thread (it scans every note of the database); afterwards kept
up to date from what is saved in this window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from fieldvisit.services import note_taking
from fieldvisit.ui.tasks import Task
from fieldvisit.ui.views.note_editor import NoteEditor

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class NoteSuggestions:
    def __init__(self, owner: QWidget, database: Database, editor: NoteEditor) -> None:
        self._owner, self._database, self._editor = owner, database, editor
        self._groups: list[str] = []
        self._tags: list[str] = []
        self._task: Task | None = None

    def load(self) -> None:
        """Read the suggestions (once) in the background; the editor gets them when ready."""
        if self._task is not None:
            return
        database = self._database

        def work(_token: object) -> tuple[list[str], list[str]]:
            uow = database.unit_of_work()
            return note_taking.interviewee_groups(uow), note_taking.tags_in_use(uow)

        def done(found: tuple[list[str], list[str]]) -> None:
            groups, tags = found
            self._groups = list(dict.fromkeys([*self._groups, *groups]))
            self._tags = list(dict.fromkeys([*self._tags, *tags]))
            self._editor.set_suggestions(self._groups, self._tags)

        self._task = Task(self._owner, None, work, done, lambda _error: None).start()

    def remember(self, saved: dict[str, Any]) -> None:
        """Values just saved become suggestions at once."""
        group = saved.get("interviewee_group")
        tags = [t for t in saved.get("tags", ()) if t not in self._tags]
        if (group and group not in self._groups) or tags:
            if group and group not in self._groups:
                self._groups.insert(0, group)
            self._tags.extend(tags)
            self._editor.set_suggestions(self._groups, self._tags)
