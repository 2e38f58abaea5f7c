"""The note editor: kind, interviewees, speaker, text, tags, confidential. It reports changes
after a pause in typing and when focus leaves it; the tab saves them (no save button).

The editor belongs to one visit at a time (``visit_id``): its stop list is that visit's, and a
new note goes there. It never saves by itself and never changes what it shows while the user
has unsaved changes: ``adopt`` decides how a stored version that came back is taken in."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.entities import Note
from fieldvisit.domain.enums import NoteKind
from fieldvisit.ui import formats
from fieldvisit.ui.labels import label
from fieldvisit.ui.save_pacing import SavePacing
from fieldvisit.ui.views.conflict_bar import conflict_bar


def split_tags(text: str) -> tuple[str, ...]:
    cleaned = text
    for separator in ("，", "、", ";", "；", "#"):
        cleaned = cleaned.replace(separator, ",")
    return tuple(dict.fromkeys(t.strip() for t in cleaned.split(",") if t.strip()))


class NoteEditor(QWidget):
    changed = Signal()  # the fields differ from the note they show: time to save
    keep_mine = Signal()  # after a conflict: write the typed version over the stored one
    take_stored = Signal()  # after a conflict: show the stored version, drop the typed one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_id: UUID | None = None  # whose stops are listed; where a new note goes
        self.note: Note | None = None  # None: a new note, created when it gets text
        self.identity = ""  # who this window writes as; a note changed by anyone else says so
        self.stop = QComboBox()
        self.kind = QComboBox()
        for kind in NoteKind:
            self.kind.addItem(label(kind), kind)
        self.group = QComboBox(editable=True)
        self.group.lineEdit().setPlaceholderText(self.tr("e.g. 外卖送餐员"))
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("anonymous"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was seen or said… (saved as you type)"))
        self.tags = QLineEdit()
        for widget, name in ((self.stop, self.tr("Stop")), (self.kind, self.tr("Kind")),
                             (self.group, self.tr("Interviewees")),
                             (self.speaker, self.tr("Speaker")),
                             (self.text, self.tr("Note text")), (self.tags, self.tr("Tags"))):
            widget.setAccessibleName(name)
        self.tags.setPlaceholderText(self.tr("themes, separated by commas, e.g. 需求, 权益保障"))
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.confidential = QCheckBox(self.tr("Confidential (left out of reports)"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.conflict = self._conflict_bar()
        form = QFormLayout(self)
        form.addRow(self.tr("S&top:"), self.stop)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Interviewees:"), self.group)
        form.addRow(self.tr("S&peaker:"), self.speaker)
        form.addRow(self.conflict)
        form.addRow(self.text)
        form.addRow(self.tr("T&ags:"), self.tags)
        form.addRow(self.confidential)
        form.addRow(self.state)
        self.pacing = SavePacing(self)
        self.pacing.due.connect(self.changed.emit)
        for signal in (self.text.textChanged, self.speaker.textEdited, self.tags.textEdited,
                       self.group.editTextChanged):
            signal.connect(self._edited)
        for signal in (self.kind.activated, self.stop.activated, self.confidential.toggled):
            signal.connect(lambda *_: self._edited())
        self._loading = False
        self.failure = ""  # why the last save failed ("" when it did not)

    def _conflict_bar(self) -> QWidget:
        bar, self.conflict_message = conflict_bar(
            self.tr("&Keep My Text"), self.tr("Show the &Saved Note"), self.keep_mine.emit,
            self.take_stored.emit)
        return bar

    def _edited(self) -> None:
        """Save after a pause in typing, and at least every SAVE_DELAY_MS while typing on
        (``SavePacing``)."""
        if self._loading:
            return
        if not self.failure and self.conflict.isHidden():
            self.state.setText(self.tr("Editing…"))
        self.pacing.edited()

    # -- what it shows ---------------------------------------------------------------------
    def set_visit(self, visit_id: UUID | None, stops: list[tuple[UUID | None, str]],
                  stop_id: UUID | None = None) -> None:
        """Belong to ``visit_id``, listing its ``stops``; show an empty new note at
        ``stop_id``. Whatever was shown is dropped: save it before."""
        self.visit_id = visit_id
        self.set_stops(stops)
        self.show_note(None, stop_id)

    def set_stops(self, stops: list[tuple[UUID | None, str]]) -> None:
        """The stops of the editor's visit (after they changed); the chosen one stays."""
        self._loading = True
        current = self.stop.currentData()
        self.stop.clear()
        for stop_id, text in stops:  # ids as text: QComboBox.findData cannot match UUIDs
            self.stop.addItem(text, str(stop_id) if stop_id else "")
        self.stop.setCurrentIndex(max(0, self.stop.findData(current)))
        self._loading = False

    def set_suggestions(self, groups: list[str], tags: list[str]) -> None:
        self._loading = True
        typed = self.group.currentText()
        self.group.clear()
        self.group.addItems(groups)
        self.group.setEditText(typed)
        self._tag_words.setStringList(tags)
        self._loading = False

    def show_note(self, note: Note | None, stop_id: UUID | None = None) -> None:
        """Show ``note`` (None: an empty new note at ``stop_id``); unsaved edits are dropped."""
        assert note is None or note.visit_id == self.visit_id, "a note of another visit"
        self._loading = True
        self.pacing.forget()
        self.failure = ""
        self.conflict.hide()
        self.note = note
        wanted = note.stop_id if note else stop_id
        self.stop.setCurrentIndex(max(0, self.stop.findData(str(wanted) if wanted else "")))
        self.kind.setCurrentIndex(self.kind.findData(note.kind if note else NoteKind.OBSERVATION))
        self.group.setEditText(note.interviewee_group if note else "")
        self.speaker.setText(note.speaker if note else "")
        if self.text.toPlainText() != (note.text if note else ""):
            self.text.setPlainText(note.text if note else "")
        self.tags.setText(formats.join_list(note.tags) if note else "")
        self.confidential.setChecked(bool(note and note.confidential))
        self._show_state(self._saved() if note else self.tr("New note"))
        self._loading = False

    def adopt(self, stored: Note) -> None:
        """Take in ``stored``, a new version of the shown note: our own save coming back is
        just recorded; a change made elsewhere is shown if nothing is typed, else the typed
        text stays (the next save reports the conflict)."""
        assert self.note is not None and stored.id == self.note.id
        if self._differs(stored, self.values()):
            if self.changes():  # typed on: keep the old base, so a save is refused as stale
                if self._differs(stored, {k: getattr(self.note, k) for k in self.values()}):
                    self.mark_conflict()  # changed elsewhere: say so now, not at the save
                return
            self.show_note(stored)
        else:
            self.note = stored

    # -- what it holds ---------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"stop_id": self.stop_id(), "kind": NoteKind(self.kind.currentData()),
                "interviewee_group": self.group.currentText().strip(),
                "speaker": self.speaker.text().strip(), "text": self.text.toPlainText(),
                "tags": split_tags(self.tags.text()),
                "confidential": self.confidential.isChecked()}

    def stop_id(self) -> UUID | None:
        data = self.stop.currentData()
        return UUID(data) if data else None

    def changes(self) -> dict[str, Any]:
        """What differs from the shown note (everything, for a new note with text)."""
        values = self.values()
        if self.note is None:
            return values if values["text"].strip() else {}
        return {k: v for k, v in values.items() if getattr(self.note, k) != v}

    @staticmethod
    def _differs(note: Note, values: dict[str, Any]) -> bool:
        return any(getattr(note, k) != v for k, v in values.items())

    # -- saving state ----------------------------------------------------------------------
    def mark_saved(self) -> None:
        self.pacing.saved()
        self.failure = ""
        self.conflict.hide()
        self._show_state(self._saved())

    def _saved(self) -> str:
        """"Saved", and who changed the note last when it was someone else."""
        who = self.note.changed_by if self.note is not None else ""
        if who and who != self.identity:
            return self.tr("Saved · last changed by %1").replace("%1", who)
        return self.tr("Saved")

    def mark_failed(self, reason: str) -> None:
        """The last save failed: say so where the user looks, keep the text."""
        self.pacing.saved()
        self.failure = reason
        self._show_state(self.tr("Not saved: %1").replace("%1", reason), alarm=True)

    def mark_conflict(self, changed_by: str = "") -> None:
        """The stored note changed since it was shown (by ``changed_by``, when known): the
        typed text stays, unsaved, until the user keeps it or takes the stored note."""
        self.pacing.saved()
        self.conflict_message.setText(
            self.tr("This note was changed by %1 while you were writing. Your text is still "
                    "here, not saved.").replace("%1", changed_by) if changed_by else
            self.tr("This note was changed elsewhere (an undo, an import) while you were "
                    "writing. Your text is still here, not saved."))
        self.conflict.show()
        self._show_state(self.tr("Not saved: changed by %1").replace("%1", changed_by)
                         if changed_by else self.tr("Not saved: changed elsewhere"), alarm=True)

    def hint(self, text: str) -> None:
        self._show_state(text, alarm=True)

    def _show_state(self, text: str, alarm: bool = False) -> None:
        self.state.setText(text)
        self.state.setStyleSheet("color: #b00020" if alarm else "")
