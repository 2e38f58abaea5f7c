"""Report tab: the writer's texts of the report and brief (``WritingPanel``), the report's
options, export of the report or the brief as PDF or Word off the GUI thread (progress and
cancel), a preview of the report's first pages, and a summary of what it is built from.

The files are built from the database through services (never from what a widget shows: the
texts are saved before an export starts) and opened in the system's viewer when written."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.files import write_bytes_atomically
from fieldvisit.reporting.preview import page_images, preview_available
from fieldvisit.services.changes import Area, Change
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.labels import label
from fieldvisit.ui.messages import error_text, message_text
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.undo_stack import UndoStack
from fieldvisit.ui.views.report_export import (
    Built,
    build_brief,
    build_pdf,
    build_report,
    export_path,
)
from fieldvisit.ui.views.report_options import ReportOptionsPanel
from fieldvisit.ui.views.writing_panel import WritingPanel
from fieldvisit.ui.written_notice import open_written, show_written

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

PREVIEW_PAGES = 3


def font_warnings(database: Database, visit_id: UUID, options: ReportOptions,
                  _token: CancelToken) -> list[str]:
    """What the chosen font lacks of the visit's characters (runs in a worker thread)."""
    from fieldvisit.reporting.visit_report import glyph_coverage
    from fieldvisit.services.report_data import report_data

    data = report_data(database.unit_of_work(), visit_id, replace(options, photos=False),
                       None)
    return [message_text(m) for m in glyph_coverage(data, options).messages()]


class ReportTab(QWidget):
    def __init__(self, database: Database, undo_stack: UndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = undo_stack
        self._overview: VisitOverview | None = None
        self._tasks: list[Task] = []
        self.options = ReportOptionsPanel()
        self.options.changed.connect(self.check_font)
        self._font_check: Task | None = None
        self._font_checked: tuple | None = None
        self.writing = WritingPanel(database, undo_stack, context, self.options.value)
        self.options.changed.connect(self._options_changed)
        self._drafted_with: ReportOptions | None = None
        self.export_button = QPushButton(self.tr("&Export Report…"))
        self.export_button.setToolTip(self.tr("As PDF or Word (.docx): the file name decides"))
        self.export_button.clicked.connect(self.export_pdf)
        self.brief_button = QPushButton(self.tr("Export &Brief…"))
        self.brief_button.setToolTip(self.tr("The brief (简报) as PDF or Word (.docx)"))
        self.brief_button.clicked.connect(self.export_brief)
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.clicked.connect(self.run_preview)
        self.preview_button.setEnabled(preview_available())
        if not preview_available():
            self.preview_button.setToolTip(self.tr("The preview needs pdftoppm (poppler)."))
        self.open_when_done = QCheckBox(self.tr("Open the file when it is written"))
        self.open_when_done.setChecked(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.brief_button)
        buttons.addWidget(self.preview_button)
        column.addLayout(buttons)
        column.addWidget(self.open_when_done)
        column.addWidget(self.status)
        column.addStretch(1)
        options_scroll = QScrollArea()  # the options scroll rather than make the window tall
        options_scroll.setWidgetResizable(True)
        options_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        options_scroll.setWidget(left)
        # never narrower than the options: they scroll only vertically
        options_scroll.setMinimumWidth(left.minimumSizeHint().width()
                                       + options_scroll.verticalScrollBar().sizeHint().width())
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Report preview"))
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = self.preview_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        self.views = QTabWidget()
        self.views.addTab(self.writing, self.tr("Writing"))
        self.views.addTab(self.browser, self.tr("Contents"))
        self.views.addTab(scroll, self.tr("Preview"))
        layout = QHBoxLayout(self)
        layout.addWidget(options_scroll)
        layout.addWidget(self.views, 1)
        self._set_enabled(False)

    # -- the visit ---------------------------------------------------------------------------
    def show_overview(self, overview: VisitOverview | None) -> None:
        changed = (overview and overview.visit.id) != (self._overview and self._overview.visit.id)
        self._overview = overview
        self._set_enabled(overview is not None)
        if changed:
            self._clear_preview()
            self.status.clear()
        self.writing.show_visit(overview.visit.id if overview else None)
        self._drafted_with = self.options.value()
        if overview is None:
            self.browser.clear()
            return
        self.browser.setHtml(self._summary_html(overview))
        self.check_font(force=True)

    def apply(self, change: Change, overview: VisitOverview) -> None:
        """Re-read what ``change`` names of the shown visit. Writes nothing."""
        if change.areas != {Area.WRITING}:
            self._overview = overview
            self.browser.setHtml(self._summary_html(overview))
        self.writing.apply(change)

    def save(self) -> bool:
        """Save the typed report texts (see WritingPanel.save)."""
        return self.writing.save()

    def _options_changed(self) -> None:
        """The draft follows the options it is written with (language, anonymity…)."""
        if self._overview is not None and self.options.value() != self._drafted_with:
            self._drafted_with = self.options.value()
            self.writing.reload_draft()

    # -- the font ----------------------------------------------------------------------------
    def check_font(self, force: bool = False) -> Task | None:
        """Say, under the font, which characters of the visit the chosen font lacks (checked
        off the GUI thread; again when the visit or the options change)."""
        if self._overview is None:
            self.options.show_font_warning("")
            return None
        visit_id, options = self._overview.visit.id, self.options.value()
        key = (visit_id, options)
        if not force and key == self._font_checked:
            return self._font_check
        self._font_checked = key

        def done(warnings: list[str]) -> None:
            if self._font_checked == key:
                self.options.show_font_warning("\n".join(warnings))

        def failed(error: BaseException) -> None:  # an unusable font: say why, here
            if self._font_checked == key:
                self.options.show_font_warning(error_text(error))

        task = Task(self, None, lambda token: font_warnings(self.database, visit_id, options,
                                                              token), done, failed)
        self._font_check = task
        return task.start()

    def _set_enabled(self, enabled: bool) -> None:
        self.export_button.setEnabled(enabled)
        self.brief_button.setEnabled(enabled)
        self.preview_button.setEnabled(enabled and preview_available())

    # -- export ------------------------------------------------------------------------------
    def _file_name(self, fallback: str) -> str:
        title = self._overview.visit.title if self._overview else ""
        return "".join(c for c in title[:60] if c not in '\\/:*?"<>|').strip() or fallback

    def export_pdf(self) -> None:
        """Export Report…: PDF or Word, as the chosen file name says."""
        if self._overview is None:
            return
        path = export_path(self, self.tr("Export Research Report"), self._file_name("report"))
        if path:
            self.run_export(path)

    def export_brief(self) -> None:
        if self._overview is None:
            return
        path = export_path(self, self.tr("Export Brief"),
                           self._file_name("brief") + self.tr(" (brief)"))
        if path:
            self.run_export(path, brief=True)

    def run_export(self, path: Path, brief: bool = False) -> Task | None:
        """Write the report (or the brief) to ``path``: Word for .docx, else PDF. The typed
        texts are saved first (if they cannot be, nothing is written)."""
        if self._overview is None or not self.writing.save():
            return None
        visit_id, options = self._overview.visit.id, self.options.value()
        suffix = ".docx" if path.suffix.lower() == ".docx" else ".pdf"

        def work(token: CancelToken) -> tuple[Path, Built]:
            build = build_brief if brief else build_report
            built = build(self.database, visit_id, options, token, suffix)
            token.check()
            write_bytes_atomically(path, built.content)
            return path, built

        def done(result: tuple[Path, Built]) -> None:
            written, built = result
            self._report_status(self.tr("Wrote %1").replace("%1", str(written)), built)
            show_written(self, written)
            if self.open_when_done.isChecked():
                open_written(self, written)

        return self._start(self.tr("Writing the brief…") if brief else
                           self.tr("Writing the research report…"), work, done)

    def run_preview(self) -> Task | None:
        if self._overview is None or not self.writing.save():
            return None
        visit_id, options = self._overview.visit.id, self.options.value()

        def work(token: CancelToken) -> tuple[list[bytes], Built]:
            built = build_pdf(self.database, visit_id, options, token)
            token.check()
            return page_images(built.content, 1, PREVIEW_PAGES), built

        def done(result: tuple[list[bytes], Built]) -> None:
            images, built = result
            self._show_pages(images)
            self._report_status("", built)

        return self._start(self.tr("Preparing the preview…"), work, done)

    def _start(self, text: str, work: Any, done: Any) -> Task:
        task = Task(self, text, work, done, lambda error: show_error(self, error))
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def _report_status(self, message: str, built: Built) -> None:
        """What was written, then what was left out: photo files not found, and the builder's
        warnings (in the report's language, as the report words them)."""
        missing = built.missing
        if missing:
            message = " ".join(filter(None, [message, self.tr(
                "%n photo file(s) were not found and were left out: %1", "", len(missing))
                .replace("%1", join_list(missing[:5]))]))
        self.status.setText(" ".join(filter(None, [message, *built.warnings])))

    # -- preview -----------------------------------------------------------------------------
    def _show_pages(self, images: list[bytes]) -> None:
        self._clear_preview()
        for data in images:
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            page = QLabel()
            page.setPixmap(pixmap)
            page.setStyleSheet("border: 1px solid #999; background: white;")
            self.pages_layout.addWidget(page)
        self.views.setCurrentWidget(self.preview_scroll)

    def _clear_preview(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def preview_page_count(self) -> int:
        return self.pages_layout.count()

    def _summary_html(self, overview: VisitOverview) -> str:
        """What the report will be built from: the visit's texts and counts."""
        visit, counts = overview.visit, overview.counts
        sections = [
            (self.tr("Theme"), visit.theme),
            (self.tr("Purpose"), visit.purpose),
            (self.tr("Methods"), join_list(label(m) for m in visit.methods)),
            (self.tr("Summary"), visit.summary),
            (self.tr("Conclusions"), visit.conclusions),
            (self.tr("Source"), visit.source),
            (self.tr("Remarks"), visit.remarks),
        ]
        parts = [f"<h2>{html.escape(visit.title)}</h2>"]
        for heading, text in sections:
            if text:
                body = html.escape(text).replace("\n", "<br>")
                parts.append(f"<h4>{html.escape(heading)}</h4><p>{body}</p>")
        parts.append("<p>" + html.escape(join_list([
            self.tr("%n note(s)", "", counts.notes),
            self.tr("%n key figure(s)", "", counts.figures),
            self.tr("%n follow-up(s)", "", counts.follow_ups),
            self.tr("%n photo(s)", "", counts.photos)])) + "</p>")
        return "".join(parts)
