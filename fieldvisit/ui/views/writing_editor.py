"""The writer's texts of a visit's report and brief: one field a section (报告标题, 导语, …,
成文日期; the brief's 标题, 正文, 报头, 期号, 编印单位, 报送), each showing the writer's text or,
while it follows the draft, the draft, and saying which ("Draft (follows the data)" /
"Edited"). Like the note editor it reports changes after a pause in typing; the Report tab
saves them. It never saves by itself and never replaces what the writer typed and has not
saved yet: ``adopt`` decides how a new stored record or a new draft is taken in."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.report_writing import BRIEF_SECTIONS, REPORT_SECTIONS, ReportWriting
from fieldvisit.ui.save_pacing import SavePacing
from fieldvisit.ui.views.conflict_bar import conflict_bar

FIELDS = (*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS)
SINGLE_LINE = frozenset({"title", "brief_title", "brief_masthead", "brief_issue",
                         "brief_compiled_by", "brief_send_to"})
SHORT_TEXT = frozenset({"signed_by"})
NO_DATE = QDate(1900, 1, 1)  # the date edit's "no date" (shown blank)


def section_names() -> dict[str, str]:
    """Each field's name as the writer knows it."""
    return {
        "title": QCoreApplication.translate("WritingEditor", "Report title"),
        "lead": QCoreApplication.translate("WritingEditor", "Lead paragraph"),
        "basics": QCoreApplication.translate("WritingEditor", "Basic situation"),
        "practices": QCoreApplication.translate("WritingEditor", "Main practices and results"),
        "problems": QCoreApplication.translate("WritingEditor", "Problems"),
        "suggestions": QCoreApplication.translate("WritingEditor", "Suggestions"),
        "signed_by": QCoreApplication.translate("WritingEditor", "Signed by"),
        "signed_on": QCoreApplication.translate("WritingEditor", "Date written"),
        "brief_title": QCoreApplication.translate("WritingEditor", "Brief title"),
        "brief_text": QCoreApplication.translate("WritingEditor", "Brief text"),
        "brief_masthead": QCoreApplication.translate("WritingEditor", "Masthead"),
        "brief_issue": QCoreApplication.translate("WritingEditor", "Issue"),
        "brief_compiled_by": QCoreApplication.translate("WritingEditor", "Compiled by"),
        "brief_send_to": QCoreApplication.translate("WritingEditor", "Sent to"),
    }


class Section(QWidget):
    """One field: its name, its state, "Regenerate", and the text (or date) itself."""

    edited = Signal()
    regenerate = Signal(str)  # the field's name

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.caption = name, caption
        self.input: QWidget
        if name == "signed_on":
            self.input = QDateEdit(calendarPopup=True)
            self.input.setDisplayFormat("yyyy-MM-dd")
            self.input.setMinimumDate(NO_DATE)
            self.input.setSpecialValueText(" ")
            self.input.dateChanged.connect(lambda _d: self.edited.emit())
        elif name in SINGLE_LINE:
            self.input = QLineEdit()
            self.input.textEdited.connect(lambda _t: self.edited.emit())
        else:
            self.input = QPlainTextEdit()
            self.input.setTabChangesFocus(True)
            self.input.textChanged.connect(self.edited.emit)
            # as tall as its text (one scroll bar for the page, not one a section)
            self.input.textChanged.connect(self._fit)
            self.input.installEventFilter(self)
            self._fit()
        self.input.setAccessibleName(caption)
        self.heading = QLabel(f"<b>{caption}</b>")
        self.heading.setBuddy(self.input)
        self.state = QLabel()
        self.state.setStyleSheet("color: #666")
        metrics = self.state.fontMetrics()  # room for every state: a change moves nothing
        self.state.setMinimumWidth(max(metrics.horizontalAdvance(text) for text in (
            self.tr("Edited"), self.tr("Writing the draft…"),
            self.tr("Draft (follows the data)"))) + 4)
        self.regenerate_button = QPushButton(self.tr("Regenerate…"))
        self.regenerate_button.setToolTip(self.tr("Replace this section with a new draft "
                                                  "from the visit's data"))
        self.regenerate_button.clicked.connect(lambda: self.regenerate.emit(self.name))
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.heading)
        header.addWidget(self.state)
        header.addStretch(1)
        header.addWidget(self.regenerate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(header)
        layout.addWidget(self.input)

    def _fit(self) -> None:
        """As tall as the text wrapped at the field's width: at least 2 lines (signature)
        or 4, at most 30 (then it scrolls)."""
        edit = self.input
        assert isinstance(edit, QPlainTextEdit)
        metrics = edit.fontMetrics()
        width = max(edit.viewport().width() - 2 * int(edit.document().documentMargin()), 50)
        flags = int(Qt.TextFlag.TextWordWrap.value | Qt.TextFlag.TextWrapAnywhere.value)
        lines = sum(max(1, -(-metrics.boundingRect(0, 0, width, 10**6, flags, text).height()
                             // metrics.lineSpacing()))
                    for text in (edit.toPlainText() or " ").split("\n"))
        least = 2 if self.name in SHORT_TEXT else 4
        lines = min(max(lines, least), 30)
        margins = edit.contentsMargins()
        height = (lines * metrics.lineSpacing() + int(2 * edit.document().documentMargin())
                  + margins.top() + margins.bottom() + 2)
        if edit.height() != height:
            edit.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def value(self) -> Any:
        if isinstance(self.input, QDateEdit):
            shown = self.input.date()
            return None if shown == NO_DATE else shown.toPython()
        if isinstance(self.input, QLineEdit):
            return self.input.text()
        return self.input.toPlainText()

    def normalized(self, value: Any) -> Any:
        """``value`` as ``value()`` gives it back once shown (None text: "")."""
        if isinstance(self.input, QDateEdit):
            return value if isinstance(value, date) else None
        return value or ""

    def set_value(self, value: Any) -> None:
        if isinstance(self.input, QDateEdit):
            self.input.setDate(QDate(value) if isinstance(value, date) else NO_DATE)
        elif isinstance(self.input, QLineEdit):
            if self.input.text() != (value or ""):
                self.input.setText(value or "")
        elif self.input.toPlainText() != (value or ""):
            self.input.setPlainText(value or "")

    def show_state(self, edited: bool, waiting: bool = False) -> None:
        """Edited, or following the draft; ``waiting``: the draft is being written (the
        field can be typed into once it is there)."""
        self.state.setText(self.tr("Edited") if edited else self.tr("Writing the draft…")
                           if waiting else self.tr("Draft (follows the data)"))
        self.state.setStyleSheet("color: #1a5fb4" if edited else "color: #666")
        self.regenerate_button.setEnabled(edited)
        self.input.setReadOnly(waiting and not edited)


class WritingEditor(QWidget):
    changed = Signal()  # the fields differ from what they show: time to save
    keep_mine = Signal()  # after a conflict: write the typed texts over the stored ones
    take_stored = Signal()  # after a conflict: show the stored texts, drop the typed ones
    regenerate = Signal(str)  # the writer asks for a new draft of this field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity = ""  # who this window writes as
        self.base: ReportWriting | None = None
        """The stored record the typed text was written on (its version is the one a save
        replaces); None: no visit."""
        self.stored: ReportWriting | None = None  # the newest stored record seen
        self.draft: ReportWriting | None = None  # the newest draft
        self.shown: dict[str, Any] = {}  # what each field was last set to
        names = section_names()
        self.sections = {name: Section(name, names[name]) for name in FIELDS}
        self.pages = QTabWidget()
        self.pages.addTab(self._page((*REPORT_SECTIONS, "signed_on")), self.tr("Report"))
        self.pages.addTab(self._page(BRIEF_SECTIONS), self.tr("Brief"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.conflict = self._conflict_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.conflict)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.state)
        self.pacing = SavePacing(self)
        self.pacing.due.connect(self.changed.emit)
        for section in self.sections.values():
            section.edited.connect(self._edited)
            section.regenerate.connect(self.regenerate.emit)
        self._loading = False
        self.failure = ""

    def _page(self, names: tuple[str, ...]) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for name in names:
            column.addWidget(self.sections[name])
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _conflict_bar(self) -> QWidget:
        bar, self.conflict_message = conflict_bar(
            self.tr("&Keep My Text"), self.tr("Show the &Saved Text"), self.keep_mine.emit,
            self.take_stored.emit)
        return bar

    def _edited(self) -> None:
        """Save after a pause in typing, and at least every SAVE_DELAY_MS while typing on
        (``SavePacing``)."""
        if self._loading:
            return
        self._show_states()
        if not self.failure and self.conflict.isHidden():
            self._show_state(self.tr("Editing…"))
        self.pacing.edited()

    # -- what it shows ---------------------------------------------------------------------
    @property
    def visit_id(self):
        return self.base.visit_id if self.base is not None else None

    def show_writing(self, stored: ReportWriting | None, draft: ReportWriting | None) -> None:
        """Show ``stored`` over ``draft`` (None: no visit); typed text is dropped."""
        self.pacing.forget()
        self.failure = ""
        self.conflict.hide()
        self.base, self.stored, self.draft = stored, stored, draft
        self._loading = True
        for name, section in self.sections.items():
            section.set_value(self._value_of(name))
            self.shown[name] = section.value()
        self._loading = False
        self.setEnabled(stored is not None)
        self._show_states()
        self._show_state("")

    def adopt(self, stored: ReportWriting, draft: ReportWriting) -> None:
        """Take in a new stored record (our own save coming back, an undo, someone else's
        change) and the newest draft: a field nobody typed into shows the new value; typed
        text stays. A typed field that someone else changed meanwhile is a conflict: the old
        base is kept, so that its save is refused, and the writer chooses."""
        assert self.base is not None and stored.visit_id == self.base.visit_id
        self.stored, self.draft = stored, draft
        clash = False
        self._loading = True
        for name, section in self.sections.items():
            typed, new = section.value(), section.normalized(self._value_of(name))
            if typed == self.shown[name]:
                section.set_value(new)
                self.shown[name] = new
            elif typed == new:
                self.shown[name] = new
            elif getattr(stored, name) != getattr(self.base, name):
                clash = True
        self._loading = False
        if clash:
            self.mark_conflict(stored.changed_by if stored.changed_by != self.identity else "")
        else:
            self.base = stored
        self._show_states()

    def _value_of(self, name: str) -> Any:
        """What ``name`` shows of the newest stored record over the newest draft."""
        own = getattr(self.stored, name) if self.stored is not None else None
        if own is not None:
            return own
        return getattr(self.draft, name) if self.draft is not None else None

    def _show_states(self) -> None:
        typed = self.changes()
        for name, section in self.sections.items():
            section.show_state(name in typed or (self.stored is not None
                                                 and getattr(self.stored, name) is not None),
                               waiting=self.draft is None)

    # -- what it holds ---------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        """The fields typed since they were shown, with their typed values."""
        if self.base is None:
            return {}
        return {name: section.value() for name, section in self.sections.items()
                if section.value() != self.shown.get(name)}

    # -- saving state ----------------------------------------------------------------------
    def mark_saved(self, stored: ReportWriting, saved: dict[str, Any]) -> None:
        """``saved`` was written: ``stored`` is the record now."""
        self.pacing.saved()
        self.failure = ""
        self.conflict.hide()
        self.base = self.stored = stored
        for name in saved:
            self.shown[name] = self.sections[name].normalized(self._value_of(name))
        self._show_states()
        who = stored.changed_by
        self._show_state(self.tr("Saved · last changed by %1").replace("%1", who)
                         if who and who != self.identity else self.tr("Saved"))

    def mark_failed(self, reason: str) -> None:
        self.pacing.saved()
        self.failure = reason
        self._show_state(self.tr("Not saved: %1").replace("%1", reason), alarm=True)

    def mark_conflict(self, changed_by: str = "") -> None:
        """The stored texts changed since they were shown: the typed text stays, unsaved,
        until the writer keeps it or takes the stored texts."""
        self.pacing.saved()
        self.conflict_message.setText(
            self.tr("The report text was changed by %1 while you were writing. Your text is "
                    "still here, not saved.").replace("%1", changed_by) if changed_by else
            self.tr("The report text was changed elsewhere (an undo, an import) while you "
                    "were writing. Your text is still here, not saved."))
        self.conflict.show()
        self._show_state(self.tr("Not saved: changed by %1").replace("%1", changed_by)
                         if changed_by else self.tr("Not saved: changed elsewhere"), alarm=True)

    def _show_state(self, text: str, alarm: bool = False) -> None:
        self.state.setText(text)
        self.state.setStyleSheet("color: #b00020" if alarm else "")
