"""Report tab: the research report's options, export to PDF off the GUI thread (progress and
cancel), a preview of its first pages, and a summary of what the report is built from.

The PDF is built from the database through services (never from what a widget shows) and
opened in the system's viewer when it is written."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
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
from fieldvisit.paths import report_cache_dir
from fieldvisit.reporting.preview import page_images, preview_available
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.labels import label
from fieldvisit.ui.messages import error_text, message_text
from fieldvisit.ui.tasks import CancelToken, Task
from fieldvisit.ui.views.report_options import ReportOptionsPanel

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

PREVIEW_PAGES = 3


def open_file(path: Path) -> bool:
    """Open ``path`` in the system's viewer for its type."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def font_warnings(database: Database, visit_id: UUID, options: ReportOptions,
                  _token: CancelToken) -> list[str]:
    """What the chosen font lacks of the visit's characters (runs in a worker thread)."""
    from fieldvisit.reporting.visit_report import glyph_coverage
    from fieldvisit.services.report_data import report_data

    data = report_data(database.unit_of_work(), visit_id, replace(options, photos=False),
                       None)
    return [message_text(m) for m in glyph_coverage(data, options).messages()]


def build_pdf(database: Database, visit_id: UUID, options: ReportOptions,
              token: CancelToken) -> tuple[bytes, tuple[str, ...]]:
    """The report's PDF and the photo files that were not found (runs in a worker thread)."""
    from fieldvisit.reporting.visit_report import render_report
    from fieldvisit.services.report_data import report_data

    data = report_data(database.unit_of_work(), visit_id, options, database.photo_root)
    token.check()
    pdf = render_report(data, options, cache_dir=report_cache_dir(), checkpoint=token.check,
                        progress=lambda _step, done, total: token.progress(done, total))
    return pdf, data.missing_photos


class ReportTab(QWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._overview: VisitOverview | None = None
        self._tasks: list[Task] = []
        self.options = ReportOptionsPanel()
        self.options.changed.connect(self.check_font)
        self._font_check: Task | None = None
        self._font_checked: tuple | None = None
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.clicked.connect(self.export_pdf)
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.clicked.connect(self.run_preview)
        self.preview_button.setEnabled(preview_available())
        if not preview_available():
            self.preview_button.setToolTip(self.tr("The preview needs pdftoppm (poppler)."))
        self.open_when_done = QCheckBox(self.tr("Open the PDF when it is written"))
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
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        self.views = QTabWidget()
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
        if overview is None:
            self.browser.clear()
            return
        self.browser.setHtml(self._summary_html(overview))
        self.check_font(force=True)

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
        self.preview_button.setEnabled(enabled and preview_available())

    # -- export ------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        if self._overview is None:
            return
        title = self._overview.visit.title
        name = "".join(c for c in title[:60] if c not in '\\/:*?"<>|').strip() or "report"
        path = file_dialogs.save_file(self, "report", self.tr("Export Research Report"),
                                      f"{name}.pdf", self.tr("PDF documents (*.pdf)"))
        if path and not path.name.lower().endswith(".pdf"):
            path = path.with_name(path.name + ".pdf")
            if not file_dialogs.check_chosen(self, [path]):
                return
        if path:
            self.run_export(path)

    def run_export(self, path: Path) -> Task | None:
        if self._overview is None:
            return None
        visit_id, options = self._overview.visit.id, self.options.value()

        def work(token: CancelToken) -> tuple[Path, tuple[str, ...]]:
            pdf, missing = build_pdf(self.database, visit_id, options, token)
            token.check()
            write_bytes_atomically(path, pdf)
            return path, missing

        def done(result: tuple[Path, tuple[str, ...]]) -> None:
            written, missing = result
            self._report_status(self.tr("Wrote %1").replace("%1", str(written)), missing)
            if self.open_when_done.isChecked():
                open_file(written)

        return self._start(self.tr("Writing the research report…"), work, done)

    def run_preview(self) -> Task | None:
        if self._overview is None:
            return None
        visit_id, options = self._overview.visit.id, self.options.value()

        def work(token: CancelToken) -> tuple[list[bytes], tuple[str, ...]]:
            pdf, missing = build_pdf(self.database, visit_id, options, token)
            token.check()
            return page_images(pdf, 1, PREVIEW_PAGES), missing

        def done(result: tuple[list[bytes], tuple[str, ...]]) -> None:
            images, missing = result
            self._show_pages(images)
            self._report_status("", missing)

        return self._start(self.tr("Preparing the preview…"), work, done)

    def _start(self, text: str, work: Any, done: Any) -> Task:
        task = Task(self, text, work, done, lambda error: show_error(self, error))
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def _report_status(self, message: str, missing: tuple[str, ...]) -> None:
        if missing:
            message = " ".join(filter(None, [message, self.tr(
                "%n photo file(s) were not found and were left out: %1", "", len(missing))
                .replace("%1", join_list(missing[:5]))]))
        self.status.setText(message)

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
        self.views.setCurrentIndex(1)

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
