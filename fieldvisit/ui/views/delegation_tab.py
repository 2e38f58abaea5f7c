"""Delegation tab: assemble who goes, in protocol order, from which organization, to which
stop; with the checks shown live. Every change is an undo command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable
from uuid import UUID

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services.delegation_view import DelegationDetails, MemberLine, roster
from fieldvisit.ui import delegation_commands as commands
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog
from fieldvisit.ui.directory_commands import DirectoryEdits
from fieldvisit.ui.labels import label
from fieldvisit.ui.models.delegation_model import ROLE_COLUMN, AttendanceModel, DelegationModel
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.reorder import drop_target, moved, step_target
from fieldvisit.ui.views.delegation_panels import ChecksPanel, copy_roster
from fieldvisit.ui.views.organizations_panel import OrganizationsTree, confirm_withdrawal
from fieldvisit.ui.views.tab_actions import tab_action
from fieldvisit.ui.views.tables import WrappingHeader, fit_columns, make_table

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


class RoleDelegate(QStyledItemDelegate):
    """Edits a member's role with a list of roles."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QComboBox(parent)
        for role in DelegationRole:
            editor.addItem(label(role), role.value)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DelegationTab(QWidget):
    def __init__(self, database: Database, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context = database, undo_stack, context
        self.details: DelegationDetails | None = None
        self.delegation_model = DelegationModel(self)
        self.accompanying_model = DelegationModel(self)
        self.attendance_model = AttendanceModel(self)
        self.delegation_view = self._member_table(self.delegation_model)
        self.accompanying_view = self._member_table(self.accompanying_model)
        self.attendance_view = make_table(self.attendance_model)
        self.attendance_view.verticalHeader().setVisible(True)
        stops_header = WrappingHeader(self.attendance_view)  # long stop names on two lines
        self.attendance_view.setHorizontalHeader(stops_header)
        stops_header.setStretchLastSection(True)
        self.attendance_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.organizations = OrganizationsTree()
        self.checks = ChecksPanel()
        for widget, name in ((self.delegation_view, self.tr("Delegation")),
                             (self.accompanying_view, self.tr("Accompanying host officials")),
                             (self.attendance_view, self.tr("Who goes to which stop")),
                             (self.organizations, self.tr("Organizations taking part")),
                             (self.checks, self.tr("Checks"))):
            widget.setAccessibleName(name)
        self.summary = QLabel()
        self.toolbar = QToolBar()
        self._build_actions()
        self._layout()
        for model in (self.delegation_model, self.accompanying_model):
            model.role_change_requested.connect(self.change_role)
            model.move_requested.connect(self.move_member_to)
        self.attendance_model.attendance_toggled.connect(self.set_attendance)
        for view in (self.delegation_view, self.accompanying_view):
            on_delete(view, lambda: self.tr("&Remove Member"), self.remove_member)
        on_delete(self.organizations, lambda: self.tr("&Withdraw Organization…"),
                  self.withdraw_organization)
        self.setEnabled(False)

    # -- building ------------------------------------------------------------------------------
    def _member_table(self, model: DelegationModel) -> QTableView:
        view = make_table(model)
        view.setItemDelegateForColumn(ROLE_COLUMN, RoleDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragDropOverwriteMode(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], None],
                tip: str = "") -> QAction:
        return tab_action(self, self.toolbar, text, shortcut, slot, tip)

    def _build_actions(self) -> None:
        self.add_action = self._action(self.tr("&Add Member…"), "Ctrl+Shift+A", self.add_member,
                                       self.tr("Add someone from the directory"))
        self.remove_action = self._action(self.tr("&Remove"), "Ctrl+Shift+Backspace",
                                          self.remove_member,
                                          self.tr("Remove the selected member"))
        self.toolbar.addSeparator()
        self.up_action = self._action(self.tr("Move &Up"), "Ctrl+Up", lambda: self.move(-1))
        self.down_action = self._action(self.tr("Move &Down"), "Ctrl+Down", lambda: self.move(1))
        self.sort_action = self._action(self.tr("&Sort by Role"), "Ctrl+Shift+R",
                                        self.sort_by_role,
                                        self.tr("Leaders first, then by rank of role"))
        self.toolbar.addSeparator()
        self.contact_action = self._action(
            self.tr("&Contact Person"), "Ctrl+Shift+K", self.toggle_contact,
            self.tr("Make the selected member the contact of their organization"))
        self.copy_action = self._action(
            self.tr("&Copy Roster"), "Ctrl+Shift+C", self.copy_roster,
            self.tr("Copy the delegation in protocol order as a table"))
        self.withdraw_action = tab_action(  # in the organizations' context menu, not the bar
            self, None, self.tr("&Withdraw Organization…"), "Ctrl+Shift+W",
            self.withdraw_organization,
            self.tr("Withdraw the chosen organization from the visit, with its members"))
        self.organizations.add_organization_action(self.withdraw_action)
        self.organizations.setToolTip(self.tr(
            "Right-click an organization to withdraw it from the visit (%1)").replace(
            "%1", self.withdraw_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    def _layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.delegation_view, 3)
        left_layout.addWidget(QLabel(self.tr("Accompanying host officials")))
        left_layout.addWidget(self.accompanying_view, 1)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(self.organizations)
        top.setSizes([630, 270])  # both fit at 1200×760: all columns and the tree
        bottom = QSplitter(Qt.Orientation.Horizontal)
        attendance = QWidget()
        attendance_layout = QVBoxLayout(attendance)
        attendance_layout.setContentsMargins(0, 0, 0, 0)
        attendance_layout.addWidget(QLabel(self.tr("Who goes to which stop")))
        attendance_layout.addWidget(self.attendance_view)
        bottom.addWidget(attendance)
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(QLabel(self.tr("Checks")))
        checks_layout.addWidget(self.checks)
        bottom.addWidget(checks)
        bottom.setSizes([560, 340])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(split)

    # -- showing ---------------------------------------------------------------------------
    def show_details(self, details: DelegationDetails | None) -> None:
        keep = self.selected_member()
        self.details = details
        self.setEnabled(details is not None)
        empty: tuple[MemberLine, ...] = ()
        self.delegation_model.set_members(details.delegation if details else empty)
        self.accompanying_model.set_members(details.accompanying if details else empty)
        self.attendance_model.set_grid(details.members if details else empty,
                                       details.stops if details else (),
                                       details.absences if details else frozenset())
        self.attendance_view.setVisible(bool(details and details.stops))
        self.organizations.show_organizations(details.organizations if details else ())
        self.checks.show_problems(details.problems if details else ())
        count = len(details.delegation) if details else 0
        organizations = len(details.organizations) if details else 0
        self.summary.setText(self.tr("Delegation in protocol order: %n people", "", count)
                             + self.tr(", %n organizations taking part", "", organizations))
        for view in (self.delegation_view, self.accompanying_view, self.attendance_view):
            fit_columns(view)
        if keep:
            self.select_member(keep.member_id, focus=False)

    def selected_member(self) -> MemberLine | None:
        for view in (self.delegation_view, self.accompanying_view):
            if view.hasFocus() or view.currentIndex().isValid():
                index = view.currentIndex()
                if index.isValid():
                    return index.data(RowRole)
        return None

    def select_member(self, member_id: UUID, focus: bool = True) -> None:
        """Make the member current; with ``focus`` also move the keyboard focus there (not
        when the tab only shows the data again: the user may be typing elsewhere)."""
        for view, model in ((self.delegation_view, self.delegation_model),
                            (self.accompanying_view, self.accompanying_model)):
            row = model.row_of(member_id)
            if row >= 0:
                view.setCurrentIndex(model.index(row, 1))
                if focus:
                    view.setFocus()
                return

    # -- slots: collect input, push one command --------------------------------------------
    def add_member(self) -> None:
        assert self.details is not None
        dialog = AddMemberDialog(self.database,
                                 frozenset(m.person_id for m in self.details.members), self,
                                 DirectoryEdits(self.undo_stack, self._context))
        if dialog.exec() and dialog.chosen_people():
            command = commands.AddMemberCommand(
                self._context(), self.details.visit_id,
                [(e.person.id, e.person.name) for e in dialog.chosen_people()],
                dialog.chosen_role())
            self.undo_stack.push(command)
            if command.member_id:
                self.select_member(command.member_id)

    def remove_member(self) -> None:
        member = self.selected_member()
        if member and self.details:
            self.undo_stack.push(commands.RemoveMemberCommand(
                self._context(), self.details.visit_id, member.member_id, member.name))

    def change_role(self, member_id: UUID, role: DelegationRole) -> None:
        assert self.details is not None
        member = next(m for m in self.details.members if m.member_id == member_id)
        self.undo_stack.push(commands.SetRoleCommand(
            self._context(), self.details.visit_id, member_id, member.name, member.role, role,
            member.version))

    def _order(self) -> list[UUID]:
        assert self.details is not None
        return [m.member_id for m in self.details.members]

    def move(self, step: int) -> None:
        member = self.selected_member()
        if member is None or self.details is None:
            return
        group = self._group_of(member.member_id)
        target = step_target(group, member.member_id, step)
        if target is None:
            return
        text = (self.tr("Move %1 up") if step < 0 else self.tr("Move %1 down")).replace(
            "%1", member.name)
        self._reorder_within(group, member.member_id, target, text)

    def move_member_to(self, member_id: UUID, row: int) -> None:
        assert self.details is not None
        member = next(m for m in self.details.members if m.member_id == member_id)
        group = self._group_of(member_id)
        self._reorder_within(group, member_id, drop_target(group, member_id, row),
                             self.tr("Move %1").replace("%1", member.name))

    def _group_of(self, member_id: UUID) -> list[UUID]:
        """The members ``member_id`` moves among: the accompanying officials, or the rest."""
        assert self.details is not None
        member = next(m for m in self.details.members if m.member_id == member_id)
        accompanying = member.role is DelegationRole.ACCOMPANYING_OFFICIAL
        return [m.member_id for m in (self.details.accompanying if accompanying
                                      else self.details.delegation)]

    def _reorder_within(self, group: list[UUID], member_id: UUID, target: int,
                        text: str) -> None:
        assert self.details is not None
        before = self._order()
        after = moved(before, member_id, target, group)
        if after != before:
            self.undo_stack.push(commands.ReorderCommand(
                self._context(), self.details.visit_id, text, before, after))
            self.select_member(member_id)

    def sort_by_role(self) -> None:
        if self.details is None:
            return
        from fieldvisit.services.delegation import protocol_order

        before = self._order()
        after = protocol_order(self.database.unit_of_work(), self.details.visit_id)
        if after != before:
            self.undo_stack.push(commands.ReorderCommand(
                self._context(), self.details.visit_id,
                self.tr("Sort the delegation by role"), before, after))

    def toggle_contact(self) -> None:
        member = self.selected_member()
        if member is None or self.details is None or member.organization_id is None:
            return
        line = next((o for o in self.details.organizations
                     if o.organization_id == member.organization_id), None)
        if line is None:
            return
        after = None if line.contact_person_id == member.person_id else member.person_id
        self.undo_stack.push(commands.SetContactCommand(
            self._context(), self.details.visit_id, line.organization_id, line.name,
            line.contact_person_id, after, member.name, line.participation_id, line.version))

    def set_attendance(self, member_id: UUID, stop_id: UUID, attends: bool) -> None:
        assert self.details is not None
        member = next(m for m in self.details.members if m.member_id == member_id)
        stop = next(s for s in self.details.stops if s.stop_id == stop_id)
        self.undo_stack.push(commands.SetAttendanceCommand(
            self._context(), self.details.visit_id, member_id, stop_id, attends, member.name,
            stop.label))

    def withdraw_organization(self) -> None:
        line = self.organizations.selected()
        if line is None or self.details is None or not confirm_withdrawal(self, line):
            return
        self.undo_stack.push(commands.WithdrawOrganizationCommand(
            self._context(), self.details.visit_id, line.organization_id, line.name))

    def copy_roster(self) -> None:
        if self.details is not None:
            copy_roster(roster(self.database.unit_of_work(), self.details.visit_id))
