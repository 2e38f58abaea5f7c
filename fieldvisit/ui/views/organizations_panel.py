"""The Delegation tab's "Organizations taking part": each organization with its contact and
its members, and withdrawing an organization from the visit (with a confirmation when it
still has members there)."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTreeWidget, QTreeWidgetItem, QWidget

from fieldvisit.services.delegation_view import OrganizationLine
from fieldvisit.ui.formats import join_list

translate = QCoreApplication.translate
OrganizationRole = Qt.ItemDataRole.UserRole


class OrganizationsTree(QTreeWidget):
    """Top-level items are the organizations (their id under ``OrganizationRole``), children
    their members; the actions added with ``add_organization_action`` form the context menu and
    are enabled only while an organization is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # texts of the Delegation tab's context, where they were translated before
        self.setHeaderLabels([translate("DelegationTab", "Organization"),
                              translate("DelegationTab", "Contact")])
        self.setRootIsDecorated(True)
        header = self.header()  # the contact always in view; names take the rest of the width
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.lines: dict[UUID, OrganizationLine] = {}
        self.currentItemChanged.connect(lambda *_: self._update_actions())

    def add_organization_action(self, action: QAction) -> None:
        self.addAction(action)
        self._update_actions()

    def show_organizations(self, lines: tuple[OrganizationLine, ...]) -> None:
        kept = self.selected()
        self.blockSignals(True)
        self.clear()
        self.lines = {line.organization_id: line for line in lines}
        for line in lines:
            item = QTreeWidgetItem([line.name, line.contact_name])
            item.setToolTip(0, line.name)
            item.setData(0, OrganizationRole, line.organization_id)
            for name in line.members:
                item.addChild(QTreeWidgetItem([name, ""]))
            if not line.members:
                item.addChild(QTreeWidgetItem([translate("DelegationTab", "(nobody yet)"), ""]))
            self.addTopLevelItem(item)
            if kept is not None and kept.organization_id == line.organization_id:
                self.setCurrentItem(item)
        self.blockSignals(False)
        self.expandAll()
        self._update_actions()

    def selected(self) -> OrganizationLine | None:
        """The organization of the current item (an organization or one of its members)."""
        item = self.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return self.lines.get(item.data(0, OrganizationRole)) if item is not None else None

    def select_organization(self, organization_id: UUID) -> None:
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item.data(0, OrganizationRole) == organization_id:
                self.setCurrentItem(item)

    def _update_actions(self) -> None:
        chosen = self.selected() is not None
        for action in self.actions():
            action.setEnabled(chosen)


def confirm_withdrawal(parent: QWidget, line: OrganizationLine) -> bool:
    """Ask before an organization leaves with members still in the delegation; an organization
    with nobody there goes without asking (undo brings it back either way)."""
    if not line.members:
        return True
    text = translate("OrganizationsPanel",
                     "%1 still has %n member(s) in the delegation: %2. Withdraw the "
                     "organization and remove them from the delegation?", "",
                     len(line.members)).replace("%1", line.name).replace(
        "%2", join_list(line.members))
    answer = QMessageBox.question(
        parent, translate("OrganizationsPanel", "Withdraw Organization"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
