"""Itinerary tab: the stops in order with their planned times and the selected site's details."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from fieldvisit.services.views import StopView, VisitOverview
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, RecordTableModel, RowRole
from fieldvisit.ui.views.tables import make_table


def _time(value: object) -> str:
    return value.strftime("%H:%M") if value is not None else ""  # type: ignore[attr-defined]


class ItineraryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[StopView] = RecordTableModel([
            Column(lambda: self.tr("#"), lambda s: s.stop.position, align_right=True),
            Column(lambda: self.tr("Site"), lambda s: s.site.name),
            Column(lambda: self.tr("Arrive"), lambda s: _time(s.timed.arrival)),
            Column(lambda: self.tr("Leave"), lambda s: _time(s.timed.departure)),
            Column(lambda: self.tr("Travel to next"), self._travel),
            Column(lambda: self.tr("Activities"), lambda s: s.stop.activities),
        ], self)
        self.view = make_table(self.model)
        self.details = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 200])
        QVBoxLayout(self).addWidget(splitter)
        self.view.selectionModel().currentRowChanged.connect(self._show_site)
        self._illustrative = False

    def _travel(self, stop_view: StopView) -> str:
        stop = stop_view.stop
        if stop.travel_minutes is None:
            return label(stop.travel_mode)
        return self.tr("%1 min").replace("%1", str(stop.travel_minutes)) + (
            f" ({label(stop.travel_mode)})" if stop.travel_mode else "")

    def show_overview(self, overview: VisitOverview | None) -> None:
        self.model.set_rows(overview.stops if overview else [])
        self.view.resizeColumnsToContents()
        self.details.clear()
        if overview and overview.stops:
            self.view.selectRow(0)

    def _show_site(self) -> None:
        index = self.view.currentIndex()
        stop_view: StopView | None = index.data(RowRole) if index.isValid() else None
        if stop_view is None:
            self.details.clear()
            return
        site, stop = stop_view.site, stop_view.stop
        parts = [f"<h3>{html.escape(site.name)}</h3>"]
        if site.address:
            parts.append(f"<p><b>{self.tr('Address')}:</b> {html.escape(site.address)}</p>")
        if stop.times_illustrative:
            parts.append(f"<p><i>{self.tr('Planned times are illustrative.')}</i></p>")
        if site.description:
            parts.append(f"<p>{html.escape(site.description)}</p>")
        if site.facts:
            rows = "".join(f"<tr><td><b>{html.escape(f.label)}</b></td>"
                           f"<td>{html.escape(f.value)}</td></tr>" for f in site.facts)
            parts.append(f"<table cellspacing='0' cellpadding='3'>{rows}</table>")
        self.details.setHtml("".join(parts))
