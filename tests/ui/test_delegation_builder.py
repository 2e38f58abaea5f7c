"""Build the reference delegation from an empty database through the GUI, as a coordinator
would: directory, search by pinyin, add, roles, reorder, undo and redo."""

from __future__ import annotations

from collections import deque

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from fieldvisit.domain.enums import DelegationRole, OrganizationKind
from fieldvisit.services.delegation_view import roster
from fieldvisit.services.sample import reference_document
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog
from fieldvisit.ui.dialogs.organization_dialog import OrganizationDialog
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.models.delegation_model import MEMBER_MIME, ROLE_COLUMN


def expected_roster() -> list[tuple[str, str, str, DelegationRole]]:
    document = reference_document()
    people = {p["id"]: p for p in document["people"]}
    organizations = {o["id"]: o for o in document["organizations"]}
    members = sorted(document["delegation"], key=lambda m: m["protocol_order"])
    return [(people[m["person_id"]]["name"], people[m["person_id"]]["title"],
             organizations[people[m["person_id"]]["organization_id"]]["name"],
             DelegationRole(m["role"])) for m in members]


class Answers:
    """Plays the user's part in modal dialogs: each exec() takes the next answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.queue: deque = deque()
        for dialog in (VisitDialog, OrganizationDialog, PersonDialog, AddMemberDialog):
            monkeypatch.setattr(dialog, "exec", lambda d: self._answer(d))

    def add(self, fill) -> None:
        self.queue.append(fill)

    def _answer(self, dialog) -> int:
        return int(self.queue.popleft()(dialog) is not False)


def fill_organization(name: str, short: str, kind: OrganizationKind):
    def fill(dialog: OrganizationDialog) -> None:
        dialog.name.setText(name)
        dialog.short_name.setText(short)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    return fill


def fill_person(name: str, title: str, organization: str):
    def fill(dialog: PersonDialog) -> None:
        dialog.name.setText(name)
        dialog.title.setText(title)
        index = next(i for i in range(dialog.organization.count())
                     if dialog.organization.itemText(i).startswith(organization))
        dialog.organization.setCurrentIndex(index)
    return fill


def pick(query: str, expected_name: str, role: DelegationRole):
    def fill(dialog: AddMemberDialog) -> None:
        dialog.search.setText(query)
        chosen = dialog.chosen()
        assert chosen is not None and chosen.person.name == expected_name, query
        dialog.role.setCurrentIndex(dialog.role.findData(role))
    return fill


ORGANIZATIONS = [
    ("市委主题教育第六巡回指导组", "第六巡回指导组", OrganizationKind.WORKING_GROUP),
    ("北京市总工会", "市总工会", OrganizationKind.TRADE_UNION_FEDERATION),
    ("共青团北京市委", "团市委", OrganizationKind.YOUTH_LEAGUE),
    ("北京市妇女联合会", "市妇联", OrganizationKind.WOMENS_FEDERATION),
    ("市委主题教育办公室", "", OrganizationKind.PARTY_GOVERNMENT_OFFICE),
    ("本报", "", OrganizationKind.MEDIA),
    ("朝阳区有关部门", "朝阳区", OrganizationKind.PARTY_GOVERNMENT_OFFICE),
]


def test_build_the_reference_delegation_through_the_gui(window, monkeypatch, uow):
    answers = Answers(monkeypatch)
    title = "市委主题教育第六巡回指导组、市总工会、团市委、市妇联赴朝阳区联合调研"
    answers.add(lambda d: d.title.setText(title))
    window.actions.new_visit.trigger()
    visit_id = window.current_visit_id()

    directory = window.show_directory()
    for organization in ORGANIZATIONS:
        answers.add(fill_organization(*organization))
        directory.new_organization()
    for name, title, organization, _role in expected_roster():
        answers.add(fill_person(name, title, organization))
        directory.new_person()
    directory.people.filter.setText("pjx")  # pinyin initials find 潘建新 in the directory
    assert [e.person.name for e in directory.people.selected() or
            [directory.people.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole)]] == ["潘建新"]
    assert directory.people.proxy.rowCount() == 1

    tab = window.workspace.delegation_tab
    # added in a muddled order, by pinyin, initials, characters and title
    for query, name, role in [("liuxinxin", "刘欣欣", DelegationRole.PRESS),
                              ("pjx", "潘建新", DelegationRole.MEMBER),
                              ("韦江", "韦江", DelegationRole.MEMBER),
                              ("fengjg", "冯建国", DelegationRole.MEMBER),
                              ("zmm", "钟棉棉", DelegationRole.MEMBER),
                              ("wy", "温宇", DelegationRole.MEMBER),
                              ("陪同", "朝阳区有关负责同志", DelegationRole.ACCOMPANYING_OFFICIAL)]:
        answers.add(pick(query, name, role))
        tab.add_action.trigger()
    names = lambda: [m.name for m in tab.details.delegation]  # noqa: E731
    assert names() == ["刘欣欣", "潘建新", "韦江", "冯建国", "钟棉棉", "温宇"]
    assert [m.name for m in tab.details.accompanying] == ["朝阳区有关负责同志"]

    # roles through the role column's editor value
    model = tab.delegation_model
    model.setData(model.index(model.row_of(tab.details.delegation[3].member_id), ROLE_COLUMN),
                  DelegationRole.LEADER.value)
    model.setData(model.index(model.row_of(tab.details.delegation[5].member_id), ROLE_COLUMN),
                  DelegationRole.LIAISON.value)
    assert window.actions.undo.text().endswith("Make 温宇 Liaison")  # Edit ▸ Undo says what
    tab.sort_by_role()
    assert names() == ["冯建国", "潘建新", "韦江", "钟棉棉", "温宇", "刘欣欣"]

    # 韦江 and 钟棉棉 stand the wrong way round: one by keyboard, then undo, then by dragging
    tab.select_member(tab.details.delegation[2].member_id)
    tab.down_action.trigger()
    assert names() == ["冯建国", "潘建新", "钟棉棉", "韦江", "温宇", "刘欣欣"]
    window.actions.undo.trigger()
    assert names() == ["冯建国", "潘建新", "韦江", "钟棉棉", "温宇", "刘欣欣"]
    window.actions.redo.trigger()
    assert names() == ["冯建国", "潘建新", "钟棉棉", "韦江", "温宇", "刘欣欣"]

    # undo and redo of a removal bring the member back in place
    tab.select_member(tab.details.delegation[4].member_id)
    tab.remove_action.trigger()
    assert "温宇" not in names()
    window.actions.undo.trigger()
    assert names()[4] == "温宇"
    window.actions.redo.trigger()
    window.actions.undo.trigger()

    got = [(line.name, line.title, line.organization, line.role)
           for line in roster(uow, visit_id)]
    assert got == expected_roster()


def test_drag_and_drop_moves_a_member(sample_window):
    tab = sample_window.workspace.delegation_tab
    model = tab.delegation_model
    press = model.index(5, 1)
    assert press.data() == "刘欣欣"
    data = model.mimeData([press])
    assert data.hasFormat(MEMBER_MIME)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert [m.name for m in tab.details.delegation][:2] == ["冯建国", "刘欣欣"]
    sample_window.actions.undo.trigger()
    assert [m.name for m in tab.details.delegation][1] == "潘建新"


def test_attendance_contact_and_checks(sample_window):
    tab = sample_window.workspace.delegation_tab
    grid = tab.attendance_model
    assert grid.columnCount() == 3 and grid.rowCount() == 7
    assert grid.index(0, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    grid.setData(grid.index(0, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert grid.index(0, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    sample_window.actions.undo.trigger()
    assert grid.index(0, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    texts = [tab.checks.item(i).text() for i in range(tab.checks.count())]
    assert len(texts) == 3 and all("note-taker" in t for t in texts)
    member = tab.delegation_model.index(5, 1)  # 刘欣欣 becomes note-taker: the checks clear
    tab.delegation_model.setData(member.siblingAtColumn(ROLE_COLUMN), "note_taker")
    assert [tab.checks.item(i).text() for i in range(tab.checks.count())] == \
        ["No problems found."]
    sample_window.actions.undo.trigger()

    tab.select_member(tab.details.delegation[1].member_id)  # 潘建新 for 北京市总工会
    tab.contact_action.trigger()
    union = next(o for o in tab.details.organizations if o.name == "北京市总工会")
    assert union.contact_name == "潘建新" and tab.details.delegation[1].is_contact
    tab.contact_action.trigger()  # again: clears it
    assert not next(o for o in tab.details.organizations if o.name == "北京市总工会").contact_name


def test_copy_roster_puts_a_table_on_the_clipboard(sample_window):
    sample_window.workspace.delegation_tab.copy_action.trigger()
    clipboard = QApplication.clipboard().mimeData()
    lines = clipboard.text().splitlines()
    assert lines[0].split("\t") == ["Name", "Title", "Organization", "Role"]
    assert lines[1].split("\t")[:2] == ["冯建国", "市委主题教育第六巡回指导组副组长"]
    assert len(lines) == 8 and "<table" in clipboard.html()


def test_delegation_models_pass_the_model_tester(sample_window, qtmodeltester):
    tab = sample_window.workspace.delegation_tab
    for model in (tab.delegation_model, tab.accompanying_model, tab.attendance_model):
        qtmodeltester.check(model, force_py=True)


def test_keyboard_moves_and_role_editing(sample_window, qtbot):
    tab = sample_window.workspace.delegation_tab
    sample_window.activateWindow()
    view = tab.delegation_view
    tab.select_member(tab.details.delegation[2].member_id)  # 钟棉棉
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [m.name for m in tab.details.delegation][1:3] == ["钟棉棉", "潘建新"]
    assert view.currentIndex().data() == "钟棉棉"  # the moved member stays selected
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [m.name for m in tab.details.delegation][1:3] == ["潘建新", "钟棉棉"]
