"""Search across all visits and the directory: a box that searches as you type (off the GUI
thread), the hits with what each is and their matches highlighted, Show More for the next page,
and Enter or a double-click to open a hit: a note, speaker, interviewee group, key figure or
follow-up opens its note; a site its stop on the Itinerary tab (or the Directory when no visit
stops there); a person the Directory."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.services.search import SearchHit, SearchResults, search
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.models.table_model import Column, ModelIndex, RecordTableModel, RowRole
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.views.tables import make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

HighlightRole = Qt.ItemDataRole.UserRole + 1
"""data(index, HighlightRole) on the Match column: the snippet as HTML, matches marked."""
MATCH_COLUMN = 3
HIGHLIGHT_STYLE = "background-color:#ffd54f;color:#000000;font-weight:600"
DEBOUNCE_MS = 250
LIMIT = 200


def highlighted_html(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet as HTML with every span in a highlighted <span>."""
    parts, last = [], 0
    for start, end in spans:
        parts.append(html.escape(snippet[last:start]))
        parts.append(f"<span style='{HIGHLIGHT_STYLE}'>{html.escape(snippet[start:end])}"
                     "</span>")
        last = end
    parts.append(html.escape(snippet[last:]))
    return "".join(parts)


class SearchResultsModel(RecordTableModel[SearchHit]):
    """The hits: visit, place, kind and the matching text; HighlightRole gives the HTML."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(lambda: self.tr("Visit"), self.visit_text),
            Column(lambda: self.tr("Where"), lambda hit: hit.stop_label),
            Column(lambda: self.tr("Kind"), self.kind_text),
            Column(lambda: self.tr("Match"), lambda hit: hit.snippet, lambda hit: hit.text),
        ], parent)

    def append_rows(self, hits: tuple[SearchHit, ...]) -> None:
        """The next page, after the rows shown (the selection stays)."""
        if hits:
            first = self.rowCount()
            self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
            self._rows.extend(hits)
            self.endInsertRows()

    def kind_text(self, hit: SearchHit) -> str:
        """"Note", or "Note · confidential" for what reports leave out."""
        kind = self.kind_label(hit.kind)
        return self.tr("%1 · confidential").replace("%1", kind) if hit.confidential else kind

    def kind_label(self, kind: str) -> str:
        return {"note": self.tr("Note"), "speaker": self.tr("Speaker"),
                "interviewees": self.tr("Interviewee group"), "figure": self.tr("Key figure"),
                "follow_up": self.tr("Follow-up"), "site": self.tr("Site"),
                "person": self.tr("Person")}[kind]

    def visit_text(self, hit: SearchHit) -> str:
        """The hit's visit, or "Directory" for a person or a site no visit stops at."""
        return hit.visit_title if hit.visit_id else self.tr("Directory")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == HighlightRole:
            if not index.isValid() or index.column() != MATCH_COLUMN \
                    or not 0 <= index.row() < self.rowCount():
                return None
            hit = self.row_at(index.row())
            return highlighted_html(hit.snippet, hit.spans)
        return super().data(index, role)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell's HighlightRole HTML on one line, over the usual item background."""

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rich = index.data(HighlightRole)
        if not rich:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        color = item.palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(item.font)
        no_wrap = QTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(no_wrap)
        document.setHtml(f"<span style='color:{color.name()}'>{rich}</span>")
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        shift = self._shift(index.data(RowRole), QFontMetricsF(item.font), area.width())
        painter.save()
        painter.setClipRect(area)
        top = area.top() + max(0.0, (area.height() - document.size().height()) / 2)
        painter.translate(QPointF(area.left() + 2 - shift, top))
        document.drawContents(painter, QRectF(shift, 0, area.width(), area.height()))
        painter.restore()

    @staticmethod
    def _shift(hit: SearchHit | None, metrics: QFontMetricsF, width: float) -> float:
        """How far to scroll the text so that its first match shows in a narrow column."""
        if not isinstance(hit, SearchHit) or not hit.spans:
            return 0.0
        start, end = hit.spans[0]
        before = metrics.horizontalAdvance(hit.snippet[:start])
        if before + metrics.horizontalAdvance(hit.snippet[start:end]) <= width - 8:
            return 0.0
        return max(0.0, before - width / 3)


class SearchWindow(QDialog):
    """``open_note(visit_id, note_id)`` is called when a hit of a note is activated (its text,
    speaker or interviewee group, or a key figure or follow-up taken from it; a figure or
    follow-up without a note passes its own id); ``open_stop(visit_id, stop_id)`` for a site
    a visit stops at; ``open_directory(kind, record_id)`` for a person or another site."""

    def __init__(self, database: Database, open_note: Callable[[UUID, UUID], None],
                 parent: QWidget | None = None,
                 open_stop: Callable[[UUID, UUID], None] | None = None,
                 open_directory: Callable[[str, UUID], None] | None = None) -> None:
        super().__init__(parent)
        self.database, self.open_note = database, open_note
        self.open_stop, self.open_directory = open_stop, open_directory
        self.setWindowTitle(self.tr("Search"))
        self.resize(900, 520)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr(
            "Find in the notes, speakers, interviewee groups, key figures and follow-ups of "
            "all visits, and in sites and people (骑手, riders…)"))
        self.search_box.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.view: QTableView = make_table(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setItemDelegateForColumn(MATCH_COLUMN, HighlightDelegate(self.view))
        header = self.view.horizontalHeader()
        for column in range(MATCH_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 220)
        header.resizeSection(1, 180)
        header.resizeSection(2, 80)
        self.status = QLabel(self.tr("Type to search all visits."))
        self.more = QPushButton(self.tr("Show &More"))
        self.more.setVisible(False)
        self.more.clicked.connect(lambda: self.run_search(more=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.more)
        layout.addLayout(footer)
        self.results: SearchResults | None = None
        self._generation = 0
        self._tasks: list[Task] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self._open_current_or_first)
        self.search_box.installEventFilter(self)
        self.view.activated.connect(self._activated)

    # -- searching ---------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        self.search_box.setText(text)
        self.search_box.selectAll()

    def focus_query(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self, more: bool = False) -> Task | None:
        """Search for the box's text now (``more``: its next page, added to the hits shown);
        results of earlier searches still running are ignored when they arrive."""
        self._timer.stop()
        self._generation += 1
        generation, query = self._generation, self.search_box.text()
        shown = self.results.hits if more and self.results else ()
        offset = len(shown)
        for task in self._tasks:
            task.token.cancel()
        if not query.strip():
            self._show(None)
            return None

        def work(token: CancelToken) -> SearchResults:
            token.check()  # superseded while it waited for a thread
            return search(self.database.unit_of_work(), query, LIMIT, offset)

        def done(results: SearchResults) -> None:
            if generation == self._generation:
                self._show(SearchResults(results.query, results.terms, shown + results.hits,
                                         results.truncated) if shown else results)

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(error, FieldVisitError):
                self.status.setText(error_text(error))
            else:
                show_error(self, error)

        self.status.setText(self.tr("Searching…"))
        task = Task(self, self.tr("Searching…"), work, done, failed)
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def _show(self, results: SearchResults | None) -> None:
        previous = self.results.hits if self.results else ()
        self.results = results
        self.more.setVisible(bool(results and results.truncated))
        if results and previous and results.hits[:len(previous)] == previous:
            self.model.append_rows(results.hits[len(previous):])  # the next page
            self._show_status(results)
            return
        self.model.set_rows(results.hits if results else [])
        self._show_status(results)
        if results and results.hits:
            self.view.selectRow(0)

    def _show_status(self, results: SearchResults | None) -> None:
        if results is None:
            self.status.setText(self.tr("Type to search all visits."))
        elif not results.hits:
            self.status.setText(self.tr("No matches."))
        elif results.truncated:
            self.status.setText(self.tr("The first %1 results, newest first; add words to "
                                        "narrow the search, or show more.")
                                .replace("%1", str(len(results.hits))))
        else:
            self.status.setText(self.tr("Results: %1").replace("%1", str(len(results.hits))))

    # -- opening -----------------------------------------------------------------------------
    def _activated(self, index: ModelIndex) -> None:
        hit: SearchHit | None = index.data(RowRole) if index.isValid() else None
        if hit is None:
            return
        if hit.kind in ("site", "person"):
            if hit.kind == "site" and hit.visit_id and hit.stop_id and self.open_stop:
                self.open_stop(hit.visit_id, hit.stop_id)
            elif self.open_directory:
                self.open_directory(hit.kind, hit.record_id)
        elif hit.visit_id:
            self.open_note(hit.visit_id, hit.note_id or hit.record_id)

    def _open_current_or_first(self) -> None:
        if self._timer.isActive() or not self.model.rowCount():
            self.run_search()  # Enter before the pause: search now, open nothing yet
            return
        index = self.view.currentIndex()
        self._activated(index if index.isValid() else self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                and self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)
