"""Create or edit a site of the catalog: where it is, who runs it, when it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldvisit.domain.entities import Site, SiteFact
from fieldvisit.domain.enums import CoordinateDatum, SiteKind
from fieldvisit.domain.errors import ValidationError
from fieldvisit.services import directory
from fieldvisit.ui.dialogs.input_problem import InputProblem
from fieldvisit.ui.models.table_model import find_data

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class SiteDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None,
                 site: Site | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Site") if site else self.tr("New Site"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.host = QComboBox()
        self.host.addItem(self.tr("(none)"), None)
        for organization in directory.list_organizations(database.unit_of_work()):
            self.host.addItem(organization.name, organization.id)
        self.kind = QComboBox()
        kinds = {SiteKind.SERVICE_STATION: self.tr("Service station"),
                 SiteKind.SERVICE_CENTRE: self.tr("Service centre"),
                 SiteKind.COMMUNITY_CLUB: self.tr("Community club"),
                 SiteKind.COMPANY: self.tr("Company"),
                 SiteKind.GOVERNMENT_OFFICE: self.tr("Government office"),
                 SiteKind.OTHER: self.tr("Other")}
        for kind, text in kinds.items():
            self.kind.addItem(text, kind)
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("e.g. 39.9087"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("e.g. 116.4605"))
        self.datum = QComboBox()
        self.datum.addItem(self.tr("WGS-84 (GPS)"), CoordinateDatum.WGS84)
        self.datum.addItem(self.tr("GCJ-02 (Chinese map apps)"), CoordinateDatum.GCJ02)
        self.hours_known = QCheckBox(self.tr("Opening hours known"))
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                self.tr("Sat"), self.tr("Sun")]
        self.hours = [QLineEdit() for _ in days]
        hours_grid = QGridLayout()
        for column, (day, edit) in enumerate(zip(days, self.hours, strict=True)):
            edit.setPlaceholderText(self.tr("closed"))
            hours_grid.addWidget(QLabel(day), 0, column)
            hours_grid.addWidget(edit, 1, column)
        self.contact = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.facts = QPlainTextEdit()
        self.facts.setTabChangesFocus(True)
        self.facts.setFixedHeight(70)
        self.facts.setPlaceholderText(self.tr("One per line, e.g. 建筑面积: 800平方米"))
        self.problem = InputProblem(lambda: Site(**self.values()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        coordinates.addWidget(self.datum)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Host organization:"), self.host)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Latitude, longitude:"), coordinates)
        form.addRow(self.hours_known)
        form.addRow(hours_grid)
        form.addRow(self.tr("&Contact:"), self.contact)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Facts:"), self.facts)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.hours_known.toggled.connect(lambda on: [e.setEnabled(on) for e in self.hours])
        self._fill(site)
        self.problem.watch(self)

    def _fill(self, site: Site | None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(site.kind if site else SiteKind.OTHER))
        self.hours_known.setChecked(bool(site and site.opening_hours))
        for edit in self.hours:
            edit.setEnabled(self.hours_known.isChecked())
        if site is None:
            return
        self.name.setText(site.name)
        self.address.setText(site.address)
        self.host.setCurrentIndex(max(0, find_data(self.host, site.host_organization_id)))
        if site.latitude is not None:
            self.latitude.setText(f"{site.latitude:g}")
            self.longitude.setText(f"{site.longitude:g}")
        self.datum.setCurrentIndex(self.datum.findData(site.datum))
        for edit, hours in zip(self.hours, site.opening_hours, strict=False):
            edit.setText(hours)
        self.contact.setText(site.contact)
        self.description.setPlainText(site.description)
        self.facts.setPlainText("\n".join(f"{f.label}: {f.value}" for f in site.facts))

    def values(self) -> dict[str, Any]:
        """The fields as typed; ValidationError names what cannot be read."""
        def number(edit: QLineEdit, field: str) -> float | None:
            text = edit.text().strip().replace("，", ".").replace(",", ".")
            if not text:
                return None
            try:
                return float(text)
            except ValueError:
                raise ValidationError(self.tr("%1 is not a number").replace(
                    "%1", edit.text()), field) from None

        facts = []
        for line in filter(None, (x.strip() for x in self.facts.toPlainText().splitlines())):
            label, _, value = line.replace("：", ":").partition(":")
            facts.append(SiteFact(label=label.strip(), value=value.strip()))
        host: UUID | None = self.host.currentData()
        return {
            "name": self.name.text().strip(), "address": self.address.text().strip(),
            "host_organization_id": host, "kind": SiteKind(self.kind.currentData()),
            "latitude": number(self.latitude, "latitude"),
            "longitude": number(self.longitude, "longitude"),
            "datum": CoordinateDatum(self.datum.currentData()),
            "opening_hours": tuple(e.text().strip().replace(" ", "") for e in self.hours)
            if self.hours_known.isChecked() else (),
            "contact": self.contact.text().strip(),
            "description": self.description.toPlainText().strip(),
            "facts": tuple(facts),
        }

    def accept(self) -> None:
        if self.problem.check():
            super().accept()
