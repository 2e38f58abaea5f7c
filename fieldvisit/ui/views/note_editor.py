"""The note editor: kind, interviewees, speaker, text, tags, confidential. It reports changes
after a pause in typing and when focus leaves it; the tab saves them (no save button)."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
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
from fieldvisit.ui.labels import label

SAVE_DELAY_MS = 700  # well inside the promise of losing at most the last second


def split_tags(text: str) -> tuple[str, ...]:
    cleaned = text
    for separator in ("，", "、", ";", "；", "#"):
        cleaned = cleaned.replace(separator, ",")
    return tuple(dict.fromkeys(t.strip() for t in cleaned.split(",") if t.strip()))


class NoteEditor(QWidget):
    changed = Signal()  # the fields differ from the note they show: time to save

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note: Note | None = None  # None: a new note, created when it gets text
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
        form = QFormLayout(self)
        form.addRow(self.tr("S&top:"), self.stop)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Interviewees:"), self.group)
        form.addRow(self.tr("S&peaker:"), self.speaker)
        form.addRow(self.text)
        form.addRow(self.tr("T&ags:"), self.tags)
        form.addRow(self.confidential)
        form.addRow(self.state)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.changed.emit)
        for signal in (self.text.textChanged, self.speaker.textEdited, self.tags.textEdited,
                       self.group.editTextChanged):
            signal.connect(self._edited)
        for signal in (self.kind.activated, self.stop.activated, self.confidential.toggled):
            signal.connect(lambda *_: self._edited())
        self._loading = False
        self._unsaved_since: float | None = None

    def _edited(self) -> None:
        """Save after a pause in typing, and at least every SAVE_DELAY_MS while typing on."""
        if self._loading:
            return
        self.state.setText(self.tr("Editing…"))
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if now - self._unsaved_since >= SAVE_DELAY_MS / 1000:
            self.timer.stop()
            self.changed.emit()
        else:
            self.timer.start()

    def set_choices(self, stops: list[tuple[UUID | None, str]], groups: list[str],
                    tags: list[str]) -> None:
        self._loading = True
        current = self.stop.currentData()
        self.stop.clear()
        for stop_id, text in stops:  # ids as text: QComboBox.findData cannot match UUIDs
            self.stop.addItem(text, str(stop_id) if stop_id else "")
        self.stop.setCurrentIndex(max(0, self.stop.findData(current)))
        typed = self.group.currentText()
        self.group.clear()
        self.group.addItems(groups)
        self.group.setEditText(typed)
        self._tag_words.setStringList(tags)
        self._loading = False

    def show_note(self, note: Note | None, stop_id: UUID | None = None) -> None:
        """Show ``note`` (None: an empty new note at ``stop_id``)."""
        self._loading = True
        self.timer.stop()
        self._unsaved_since = None
        self.note = note
        wanted = note.stop_id if note else stop_id
        self.stop.setCurrentIndex(max(0, self.stop.findData(str(wanted) if wanted else "")))
        self.kind.setCurrentIndex(self.kind.findData(note.kind if note else NoteKind.OBSERVATION))
        self.group.setEditText(note.interviewee_group if note else "")
        self.speaker.setText(note.speaker if note else "")
        self.text.setPlainText(note.text if note else "")
        self.tags.setText("、".join(note.tags) if note else "")
        self.confidential.setChecked(bool(note and note.confidential))
        self.state.setText(self.tr("Saved") if note else self.tr("New note"))
        self._loading = False

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

    def mark_saved(self) -> None:
        self._unsaved_since = None
        self.state.setText(self.tr("Saved"))
