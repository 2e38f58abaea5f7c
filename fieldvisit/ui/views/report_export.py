"""Building the report and the brief as PDF or Word in a worker thread, and asking where
to write them (a save dialog offering both: the chosen name's extension decides)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from fieldvisit.paths import report_cache_dir
from fieldvisit.services.report_model import ReportOptions
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.tasks import CancelToken

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

FORMATS = (".pdf", ".docx")


def build_pdf(database: Database, visit_id: UUID, options: ReportOptions,
              token: CancelToken) -> Built:
    """The report's PDF, as ``build_report`` (runs in a worker thread)."""
    return build_report(database, visit_id, options, token, ".pdf")


@dataclass(frozen=True)
class Built:
    content: bytes
    missing: tuple[str, ...] = ()
    """Photo files that were not found."""
    warnings: tuple[str, ...] = ()
    """What the document's builder left out (repeated paragraphs, unreadable photos)."""


def build_report(database: Database, visit_id: UUID, options: ReportOptions,
                 token: CancelToken, suffix: str) -> Built:
    """The report as PDF (``suffix`` ".pdf") or Word (".docx"), the photo files that were
    not found and the builder's warnings (runs in a worker thread)."""
    from fieldvisit.services.report_data import report_data

    data = report_data(database.unit_of_work(), visit_id, options, database.photo_root)
    token.check()
    warnings: list[str] = []
    if suffix == ".docx":
        from fieldvisit.reporting.docx_writer import report_docx

        content = report_docx(data, options, cache_dir=report_cache_dir(),
                              checkpoint=token.check, warn=warnings.append,
                              progress=lambda _step, done, total: token.progress(done, total))
    else:
        from fieldvisit.reporting.visit_report import render_report

        content = render_report(data, options, cache_dir=report_cache_dir(),
                                checkpoint=token.check, warn=warnings.append,
                                progress=lambda _step, done, total: token.progress(done, total))
    return Built(content, data.missing_photos, tuple(warnings))


def build_brief(database: Database, visit_id: UUID, options: ReportOptions,
                token: CancelToken, suffix: str) -> Built:
    """The brief (简报) as PDF or Word (runs in a worker thread)."""
    from fieldvisit.services.report_data import report_data

    options = replace(options, photos=False)
    data = report_data(database.unit_of_work(), visit_id, options, database.photo_root)
    token.check()
    warnings: list[str] = []
    if suffix == ".docx":
        from fieldvisit.reporting.docx_writer import brief_docx

        content = brief_docx(data, options, checkpoint=token.check, warn=warnings.append)
    else:
        from fieldvisit.reporting.visit_report import render_brief

        content = render_brief(data, options, checkpoint=token.check, warn=warnings.append)
    return Built(content, warnings=tuple(warnings))


def export_path(parent: QWidget, caption: str, name: str) -> Path | None:
    """Where to write, asked with a save dialog offering PDF and Word: the chosen name's
    extension decides (none: PDF, added)."""
    last = str(QSettings().value("report/format", ".pdf"))
    filters = [QCoreApplication.translate("ReportExport", "PDF documents (*.pdf)"),
               QCoreApplication.translate("ReportExport", "Word documents (*.docx)")]
    if last == ".docx":
        filters.reverse()
    path = file_dialogs.save_file(parent, "report", caption,
                                  name + (last if last in FORMATS else ".pdf"),
                                  ";;".join(filters))
    if path and path.suffix.lower() not in FORMATS:
        path = path.with_name(path.name + ".pdf")
        if not file_dialogs.check_chosen(parent, [path]):
            return None
    if path:
        QSettings().setValue("report/format", path.suffix.lower())
    return path
