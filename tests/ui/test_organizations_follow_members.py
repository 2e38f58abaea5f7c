"""Issue 11.6 in the window: organizations follow their members. Removing the last member of
an organization withdraws it, undo brings it back; an organization is withdrawn from the
"Organizations taking part" tree (Ctrl+Shift+W or its context menu), after a confirmation
when it still has members; a withdrawn organization is not counted or warned about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldvisit.services import delegation, directory
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def taking_part(uow, visit_id) -> dict[str, object]:
    """What the database says: organization name → contact person id."""
    names = {o.id: o.name for o in directory.list_organizations(uow)}
    return {names[p.organization_id]: p.contact_person_id
            for p in delegation.list_participations(uow, visit_id)}


def members(uow, visit_id) -> list[str]:
    people = {p.id: p.name for p in directory.list_people(uow)}
    return [people[m.person_id] for m in delegation.list_members(uow, visit_id)]


def tree_names(tab) -> list[str]:
    tree = tab.organizations
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def checks(tab) -> list[str]:
    return [tab.checks.item(i).text() for i in range(tab.checks.count())]


def choose_organization(qtbot, tab, name: str) -> None:
    """Click the organization in the tree, as a user would."""
    tree = tab.organizations
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == name)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert tree.selected().name == name


@pytest.fixture
def tab(sample_window, qtbot):
    sample_window.activateWindow()
    qtbot.keyClick(sample_window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Delegation
    tab = sample_window.workspace.delegation_tab
    assert sample_window.workspace.tabs.currentWidget() is tab
    return tab


@pytest.fixture
def answers(monkeypatch):
    """The confirmation: records each question and answers with the next queued button."""
    asked: list[str] = []
    queue: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, queue


def test_removing_the_last_member_withdraws_the_organization(tab, sample_window, qtbot, uow,
                                                             sample_visit_id, monkeypatch):
    union = "北京市总工会"
    pan = next(m for m in tab.details.delegation if m.name == "潘建新")
    tab.select_member(pan.member_id)
    tab.contact_action.trigger()  # 潘建新 becomes the union's contact
    assert taking_part(uow, sample_visit_id)[union] == pan.person_id

    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_Backspace, CTRL_SHIFT)  # Remove
    assert "潘建新" not in members(uow, sample_visit_id)
    assert union not in taking_part(uow, sample_visit_id)
    assert union not in tree_names(tab)
    assert tab.summary.text() == \
        "Delegation in protocol order: 5 people, 5 organizations taking part"
    assert not any(union in text for text in checks(tab))

    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert members(uow, sample_visit_id)[1] == "潘建新"  # back in place, with the union
    assert taking_part(uow, sample_visit_id)[union] == pan.person_id  # and its contact
    assert union in tree_names(tab)

    # adding him again brings the union back; undoing the addition withdraws it again
    sample_window.actions.redo.trigger()
    assert union not in taking_part(uow, sample_visit_id)

    def pick(dialog: AddMemberDialog) -> int:
        dialog.search.setText("pjx")
        assert dialog.chosen().person.name == "潘建新"
        return 1

    monkeypatch.setattr(AddMemberDialog, "exec", pick)
    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_A, CTRL_SHIFT)  # Add Member…
    assert taking_part(uow, sample_visit_id)[union] is None
    assert members(uow, sample_visit_id)[-1] == "潘建新"  # added at the end
    sample_window.actions.undo.trigger()
    assert union not in taking_part(uow, sample_visit_id)
    assert "潘建新" not in members(uow, sample_visit_id)


def test_withdrawing_an_organization_with_members_asks_and_undo_restores(
        tab, sample_window, qtbot, uow, sample_visit_id, answers):
    asked, queue = answers
    league = "共青团北京市委"
    tree = tab.organizations
    assert not tab.withdraw_action.isEnabled()  # nothing chosen yet
    choose_organization(qtbot, tab, league)
    assert tab.withdraw_action in tree.actions()  # the tree's context menu
    assert tree.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert tab.withdraw_action.isEnabled()

    queue.append(QMessageBox.StandardButton.Cancel)  # first the user thinks better of it
    qtbot.keyClick(tree, Qt.Key.Key_W, CTRL_SHIFT)
    assert asked == ["共青团北京市委 still has 1 member in the delegation: 钟棉棉. Withdraw "
                     "the organization and remove them from the delegation?"]
    assert league in taking_part(uow, sample_visit_id)
    assert "钟棉棉" in members(uow, sample_visit_id)

    queue.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tree, Qt.Key.Key_W, CTRL_SHIFT)
    assert league not in taking_part(uow, sample_visit_id)
    assert members(uow, sample_visit_id) == ["冯建国", "潘建新", "韦江", "温宇", "刘欣欣",
                                             "朝阳区有关负责同志"]
    assert league not in tree_names(tab) and "钟棉棉" not in \
        [m.name for m in tab.details.members]
    assert tab.summary.text().endswith("5 organizations taking part")
    assert sample_window.actions.undo.text().endswith("Withdraw 共青团北京市委 from the visit")

    sample_window.actions.undo.trigger()  # one step brings back the organization and member
    assert league in taking_part(uow, sample_visit_id)
    assert members(uow, sample_visit_id)[2] == "钟棉棉"
    assert tree_names(tab).count(league) == 1


def test_an_organization_with_nobody_is_warned_about_until_withdrawn(
        tab, sample_window, qtbot, uow, sample_visit_id, answers):
    asked, _queue = answers
    streets = next(o for o in directory.list_organizations(uow) if o.name == "东湖街道工委")
    delegation.add_participation(uow, sample_visit_id, streets.id)  # e.g. by a visit document
    sample_window.refresh(sample_visit_id)
    warning = "东湖街道工委 takes part but has nobody in the delegation."
    assert warning in checks(tab)
    assert tab.summary.text().endswith("7 organizations taking part")

    choose_organization(qtbot, tab, "东湖街道工委")
    qtbot.keyClick(tab.organizations, Qt.Key.Key_W, CTRL_SHIFT)
    assert asked == []  # nobody to remove: no question
    assert "东湖街道工委" not in taking_part(uow, sample_visit_id)
    assert warning not in checks(tab)
    assert tab.summary.text().endswith("6 organizations taking part")

    sample_window.actions.undo.trigger()
    assert "东湖街道工委" in taking_part(uow, sample_visit_id)
    assert warning in checks(tab)


def test_several_people_are_added_in_one_step(tab, sample_window, qtbot, uow, sample_visit_id,
                                              monkeypatch):
    """Ctrl-click picks several people in Add to Delegation; they join in the list's order with
    the chosen role and their organizations, and one Undo takes them all out again."""
    from fieldvisit.domain.enums import DelegationRole
    from fieldvisit.ui.dialogs.person_dialog import PersonDialog

    before = members(uow, sample_visit_id)
    for name in ("甲调研员", "乙调研员"):
        directory.create_person(uow, name, title="干事")
    bureau = directory.create_organization(uow, "朝阳区人社局")
    directory.create_person(uow, "丙调研员", organization_id=bureau.id)
    monkeypatch.setattr(PersonDialog, "exec", lambda d: 0)

    def pick(dialog: AddMemberDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.search.setText("调研员")
        view = dialog.view
        assert dialog.proxy.rowCount() == 3
        for row in (0, 2):
            rect = view.visualRect(dialog.proxy.index(row, 0))
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.ControlModifier if row else
                             Qt.KeyboardModifier.NoModifier, rect.center())
        assert [e.person.name for e in dialog.chosen_people()] == [
            dialog.proxy.index(0, 0).data(), dialog.proxy.index(2, 0).data()]
        dialog.role.setCurrentIndex(dialog.role.findData(DelegationRole.NOTE_TAKER))
        dialog.hide()
        return 1

    monkeypatch.setattr(AddMemberDialog, "exec", pick)
    qtbot.mouseClick(tab.delegation_view.viewport(), Qt.MouseButton.LeftButton)  # focus there
    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_A, CTRL_SHIFT)  # Add Member…
    added = [n for n in members(uow, sample_visit_id) if n not in before]
    assert added == ["丙调研员", "乙调研员"]  # rows 0 and 2 in pinyin order: bing, jia, yi
    people = {p.id: p.name for p in directory.list_people(uow)}
    assert {people[m.person_id]: m.role for m in delegation.list_members(uow, sample_visit_id)
            if people[m.person_id] in added} == {name: DelegationRole.NOTE_TAKER
                                                 for name in added}
    assert "朝阳区人社局" in taking_part(uow, sample_visit_id)
    assert sample_window.undo_stack.undoText().startswith("Add ")
    sample_window.actions.undo.trigger()
    assert members(uow, sample_visit_id) == before
    assert "朝阳区人社局" not in taking_part(uow, sample_visit_id)
    sample_window.actions.redo.trigger()
    assert [n for n in members(uow, sample_visit_id) if n not in before] == added
