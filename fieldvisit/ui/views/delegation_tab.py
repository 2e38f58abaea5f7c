"""Delegation tab: who goes, grouped by organization in protocol order (read-only for now)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services.views import OrganizationGroup, VisitOverview
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class MemberRow:
    order: int
    name: str
    title: str
    organization: str
    role: DelegationRole


def member_rows(groups: tuple[OrganizationGroup, ...]) -> list[MemberRow]:
    return [MemberRow(m.protocol_order, m.name, m.title,
                      g.organization.name if g.organization else "", m.role)
            for g in groups for m in g.members]


def make_table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


class DelegationTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(lambda: self.tr("Organization"), lambda r: r.organization),
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Title"), lambda r: r.title),
            Column(lambda: self.tr("Role"), lambda r: label(r.role)),
        ]
        self.delegation_model: RecordTableModel[MemberRow] = RecordTableModel(columns, self)
        self.accompanying_model: RecordTableModel[MemberRow] = RecordTableModel(columns, self)
        self.delegation_view = make_table(self.delegation_model)
        self.accompanying_view = make_table(self.accompanying_model)
        layout = QVBoxLayout(self)
        self._delegation_label = QLabel()
        layout.addWidget(self._delegation_label)
        layout.addWidget(self.delegation_view, 3)
        layout.addWidget(QLabel(self.tr("Accompanying host officials")))
        layout.addWidget(self.accompanying_view, 1)

    def show_overview(self, overview: VisitOverview | None) -> None:
        delegation = member_rows(overview.delegation) if overview else []
        self.delegation_model.set_rows(delegation)
        self.accompanying_model.set_rows(member_rows(overview.accompanying) if overview else [])
        organizations = len(overview.delegation) if overview else 0
        self._delegation_label.setText(
            self.tr("Delegation: %n people", "", len(delegation))
            + self.tr(" from %n organizations", "", organizations))
        for view in (self.delegation_view, self.accompanying_view):
            view.resizeColumnsToContents()
