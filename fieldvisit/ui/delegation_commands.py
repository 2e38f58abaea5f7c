"""Undo commands of the Delegation tab. Each calls services; texts name what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.services import delegation
from fieldvisit.services.changes import Area
from fieldvisit.services.delegation import RemovedMember, WithdrawnOrganization
from fieldvisit.ui import reorder
from fieldvisit.ui.commands import CommandContext, ServiceCommand, SetValuesCommand
from fieldvisit.ui.formats import join_list
from fieldvisit.ui.labels import label

if TYPE_CHECKING:
    from fieldvisit.persistence.uow import UnitOfWork

translate = QCoreApplication.translate


class AddMemberCommand(ServiceCommand):
    """Adds one person or several (in the order given) as one step; undo also withdraws the
    organizations the addition brought along."""
    AREAS = frozenset({Area.DELEGATION})

    def __init__(self, context: CommandContext, visit_id: UUID,
                 people: Sequence[tuple[UUID, str]], role: DelegationRole) -> None:
        names = [name for _person_id, name in people]
        super().__init__(context, translate(
            "DelegationCommands", "Add %1 to the delegation").replace("%1", join_list(names))
            if len(names) <= 3 else translate(
            "DelegationCommands", "Add %n people to the delegation", "", len(names)))
        self.visit_id, self.people, self.role = visit_id, tuple(people), role
        self.member_ids: list[UUID] = []
        self._removed: list[RemovedMember] = []  # in the order of adding
        self._brought: list[bool] = []  # whether each addition made its organization take part

    @property
    def member_id(self) -> UUID | None:
        """The first added member (the one to select)."""
        return self.member_ids[0] if self.member_ids else None

    def apply(self) -> None:
        uow = self.uow()
        if self._removed:
            for removed in self._removed:
                delegation.restore_member(uow, removed)
            self._removed = []
        else:  # one transaction: a failure half way adds nobody
            for person_id, _name in self.people:
                before = len(delegation.list_participations(uow, self.visit_id))
                self.member_ids.append(delegation.add_member(
                    uow, self.visit_id, person_id, self.role).id)
                self._brought.append(
                    len(delegation.list_participations(uow, self.visit_id)) > before)
        self.changed(self.visit_id, tuple(self.member_ids))

    def revert(self) -> None:
        removed = [delegation.remove_member(self.uow(), member_id,
                                            withdraw_organization=brought)
                   for member_id, brought in reversed(list(zip(self.member_ids, self._brought,
                                                               strict=True)))]
        self._removed = removed[::-1]
        self.changed(self.visit_id, tuple(self.member_ids))


class RemoveMemberCommand(ServiceCommand):
    AREAS = frozenset({Area.DELEGATION})

    def __init__(self, context: CommandContext, visit_id: UUID, member_id: UUID,
                 name: str) -> None:
        super().__init__(context, translate("DelegationCommands",
                                            "Remove %1 from the delegation").replace("%1", name))
        self.visit_id, self.member_id = visit_id, member_id
        self._removed: RemovedMember | None = None

    def apply(self) -> None:
        self._removed = delegation.remove_member(self.uow(), self.member_id)
        self.changed(self.visit_id)

    def revert(self) -> None:
        assert self._removed is not None
        delegation.restore_member(self.uow(), self._removed)
        self.changed(self.visit_id)


class SetRoleCommand(SetValuesCommand):
    AREAS = frozenset({Area.DELEGATION})

    def __init__(self, context: CommandContext, visit_id: UUID, member_id: UUID, name: str,
                 before: DelegationRole, after: DelegationRole, version: int = 0) -> None:
        super().__init__(context, translate("DelegationCommands", "Make %1 %2")
                         .replace("%1", name).replace("%2", label(after)), member_id, visit_id,
                         {"role": before}, {"role": after}, _set_role, version)


def _set_role(uow: UnitOfWork, member_id: UUID, values: dict[str, DelegationRole],
              version: int | None) -> None:
    delegation.set_role(uow, member_id, values["role"], version)


class ReorderCommand(reorder.ReorderCommand):
    """Any change of the protocol order: a move up or down, a drag, sorting by role."""

    def __init__(self, context: CommandContext, visit_id: UUID, text: str,
                 before: list[UUID], after: list[UUID]) -> None:
        super().__init__(context, visit_id, text, before, after, delegation.reorder_members,
                         Area.DELEGATION)


class SetContactCommand(ServiceCommand):
    AREAS = frozenset({Area.DELEGATION})

    def __init__(self, context: CommandContext, visit_id: UUID, organization_id: UUID,
                 organization: str, before: UUID | None, after: UUID | None,
                 name: str, participation_id: UUID | None = None, version: int = 0) -> None:
        """``participation_id``, ``version``: the participation as the view read it."""
        text = (translate("DelegationCommands", "Make %1 the contact of %2").replace("%1", name)
                if after else translate("DelegationCommands", "Clear the contact of %2"))
        super().__init__(context, text.replace("%2", organization))
        self.visit_id, self.organization_id = visit_id, organization_id
        self.before, self.after = before, after
        self.participation_id, self.read_version = participation_id, version

    def apply(self) -> None:
        self._set(self.after)

    def revert(self) -> None:
        self._set(self.before)

    def _set(self, person_id: UUID | None) -> None:
        version = self.version_to_replace(self.participation_id, self.read_version) \
            if self.participation_id is not None else None
        delegation.set_contact(self.uow(), self.visit_id, self.organization_id,
                               person_id, version)
        self.changed(self.visit_id)


class SetAttendanceCommand(ServiceCommand):
    AREAS = frozenset({Area.DELEGATION})

    def __init__(self, context: CommandContext, visit_id: UUID, member_id: UUID,
                 stop_id: UUID, attends: bool, name: str, stop: str) -> None:
        text = (translate("DelegationCommands", "%1 goes to %2") if attends
                else translate("DelegationCommands", "%1 skips %2"))
        super().__init__(context, text.replace("%1", name).replace("%2", stop))
        self.visit_id, self.member_id, self.stop_id, self.attends = \
            visit_id, member_id, stop_id, attends

    def apply(self) -> None:
        delegation.set_attendance(self.uow(), self.member_id, self.stop_id,
                                  self.attends)
        self.changed(self.visit_id)

    def revert(self) -> None:
        delegation.set_attendance(self.uow(), self.member_id, self.stop_id,
                                  not self.attends)
        self.changed(self.visit_id)


class WithdrawOrganizationCommand(ServiceCommand):
    """Withdraws an organization with its contact and the members it still has; undo brings
    them all back, the members in their places."""
    AREAS = frozenset({Area.DELEGATION})


    def __init__(self, context: CommandContext, visit_id: UUID, organization_id: UUID,
                 name: str) -> None:
        super().__init__(context, translate("DelegationCommands",
                                            "Withdraw %1 from the visit").replace("%1", name))
        self.visit_id, self.organization_id = visit_id, organization_id
        self._withdrawn: WithdrawnOrganization | None = None

    def apply(self) -> None:
        self._withdrawn = delegation.withdraw_organization(self.uow(), self.visit_id,
                                                           self.organization_id)
        self.changed(self.visit_id)

    def revert(self) -> None:
        assert self._withdrawn is not None
        delegation.restore_organization(self.uow(), self._withdrawn)
        self.changed(self.visit_id)
