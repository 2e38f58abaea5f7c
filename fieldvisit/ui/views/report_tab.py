"""Report tab: what the research report will be built from (the PDF export comes later)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from fieldvisit.persistence.db import Database
from fieldvisit.services.views import VisitOverview
from fieldvisit.ui.labels import label


class ReportTab(QWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.browser = QTextBrowser()
        QVBoxLayout(self).addWidget(self.browser)

    def show_overview(self, overview: VisitOverview | None) -> None:
        if overview is None:
            self.browser.clear()
            return
        visit, counts = overview.visit, overview.counts
        sections = [
            (self.tr("Theme"), visit.theme),
            (self.tr("Purpose"), visit.purpose),
            (self.tr("Methods"), "、".join(label(m) for m in visit.methods)),
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
        parts.append("<p>" + html.escape(
            self.tr("%1 notes, %2 key figures, %3 follow-ups, %4 photos")
            .replace("%1", str(counts.notes)).replace("%2", str(counts.figures))
            .replace("%3", str(counts.follow_ups)).replace("%4", str(counts.photos))) + "</p>")
        self.browser.setHtml("".join(parts))
