"""Search across all visits: a box that searches as you type (off the GUI thread), the hits
with their matches highlighted, and Enter or a double-click to open a hit's note."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
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
            Column(lambda: self.tr("Visit"), lambda hit: hit.visit_title),
            Column(lambda: self.tr("Where"), lambda hit: hit.stop_label),
            Column(lambda: self.tr("Kind"), self.kind_text),
            Column(lambda: self.tr("Match"), lambda hit: hit.snippet, lambda hit: hit.text),
        ], parent)

    def kind_text(self, hit: SearchHit) -> str:
        """"Note", or "Note · confidential" for what reports leave out."""
        kind = self.kind_label(hit.kind)
        return self.tr("%1 · confidential").replace("%1", kind) if hit.confidential else kind

    def kind_label(self, kind: str) -> str:
        if kind == "note":
            return self.tr("Note")
        return self.tr("Key figure") if kind == "figure" else self.tr("Follow-up")

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
    """``open_note(visit_id, note_id)`` is called when a hit is activated; for a key figure or
    follow-up taken from a note, that note's id, else the figure's or follow-up's own id."""

    def __init__(self, database: Database, open_note: Callable[[UUID, UUID], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.open_note = database, open_note
        self.setWindowTitle(self.tr("Search"))
        self.resize(900, 520)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr(
            "Find in the notes, key figures and follow-ups of all visits (骑手, riders…)"))
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
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

    def run_search(self) -> Task | None:
        """Search for the box's text now; results of earlier searches still running are
        ignored when they arrive."""
        self._timer.stop()
        self._generation += 1
        generation, query = self._generation, self.search_box.text()
        for task in self._tasks:
            task.token.cancel()
        if not query.strip():
            self._show(None)
            return None

        def work(token: CancelToken) -> SearchResults:
            token.check()  # superseded while it waited for a thread
            return search(self.database.unit_of_work(), query, LIMIT)

        def done(results: SearchResults) -> None:
            if generation == self._generation:
                self._show(results)

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
        self.results = results
        self.model.set_rows(results.hits if results else [])
        if results is None:
            self.status.setText(self.tr("Type to search all visits."))
        elif not results.hits:
            self.status.setText(self.tr("No matches."))
        elif results.truncated:
            self.status.setText(self.tr("The first %1 results; add words to narrow the search.")
                                .replace("%1", str(len(results.hits))))
        else:
            self.status.setText(self.tr("Results: %1").replace("%1", str(len(results.hits))))
        if results and results.hits:
            self.view.selectRow(0)

    # -- opening -----------------------------------------------------------------------------
    def _activated(self, index: ModelIndex) -> None:
        hit: SearchHit | None = index.data(RowRole) if index.isValid() else None
        if hit is not None:
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
