"""Issue 17 item 3: the directory's changes are steps of the window's undo stack. New, edit and
delete in the Directory, and the "New Person…/New Site…" buttons of the delegation and
itinerary tabs, are undone with Ctrl+Z and redone with Ctrl+Shift+Z; undoing the creation of a
record something uses is refused in one clear line; a merge says it cannot be undone."""

from __future__ import annotations

from collections import deque

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from fieldvisit.services import delegation, directory, itinerary
from fieldvisit.ui import errors
from fieldvisit.ui.dialogs.add_member_dialog import AddMemberDialog
from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.dialogs.person_dialog import PersonDialog
from fieldvisit.ui.dialogs.site_dialog import SiteDialog
from fieldvisit.ui.views.directory_window import MergeDialog
from tests.ui.scenario_steps import CTRL_SHIFT, on_tab

pytestmark = pytest.mark.both_databases

CTRL = Qt.KeyboardModifier.ControlModifier


class Answers:
    """Plays the user's part in modal dialogs: each exec() takes the next answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.queue: deque = deque()
        for dialog in (PersonDialog, SiteDialog, AddMemberDialog, AddStopDialog, MergeDialog):
            monkeypatch.setattr(dialog, "exec", lambda d: self._answer(d))
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)

    def add(self, fill) -> None:
        self.queue.append(fill)

    def _answer(self, dialog) -> int:
        return int(self.queue.popleft()(dialog) is not False)


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda parent, title, text, *a: texts.append(text) or 0)
    return texts


def select(page, *names: str) -> None:
    page.view.clearSelection()
    for row in range(page.proxy.rowCount()):
        entry = page.proxy.index(row, 0).data(256)
        name = entry.person.name if hasattr(entry, "person") else entry.name
        if name in names:
            page.view.selectionModel().select(
                page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                | QItemSelectionModel.SelectionFlag.Rows)


def names_of_people(uow) -> set[str]:
    return {p.name for p in directory.list_people(uow)}


def press(qtbot, widget, modifiers) -> None:
    """Ctrl+Z (Ctrl+Shift+Z) typed in ``widget``, its window active."""
    widget.window().activateWindow()
    widget.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(widget, Qt.Key.Key_Z, modifiers)


def test_new_edit_delete_in_the_directory_are_undone_and_redone(
        sample_window, qtbot, monkeypatch, uow, shown):
    w = sample_window
    answers = Answers(monkeypatch)
    directory_window = w.show_directory()
    people = directory_window.people
    before = names_of_people(uow)

    def fill(name: str, title: str = ""):
        def step(dialog: PersonDialog) -> None:
            dialog.name.setText(name)
            dialog.title.setText(title)
        return step

    answers.add(fill("临时联系人", "联络员"))
    directory_window.new_person()
    assert names_of_people(uow) == before | {"临时联系人"}
    assert "临时联系人" in [people.proxy.index(r, 0).data() for r in range(people.proxy.rowCount())]
    answers.add(fill("正式联系人", "办公室主任"))
    select(people, "临时联系人")
    directory_window.edit_person()
    person = next(p for p in directory.list_people(uow) if p.name == "正式联系人")
    assert person.title == "办公室主任"
    steps = w.undo_stack.count()
    answers.add(lambda dialog: None)  # opened again, OK without a change: no step
    select(people, "正式联系人")
    directory_window.edit_person()
    assert w.undo_stack.count() == steps
    select(people, "正式联系人")
    directory_window.delete_people()
    assert names_of_people(uow) == before
    assert w.undo_stack.undoText() == "Delete 正式联系人 from the directory"

    press(qtbot, people.view, CTRL)  # the delete undone: back as stored
    assert names_of_people(uow) == before | {"正式联系人"}
    assert "正式联系人" in [people.proxy.index(r, 0).data()
                        for r in range(people.proxy.rowCount())]
    press(qtbot, people.view, CTRL)  # the edit undone
    restored = next(p for p in directory.list_people(uow) if p.id == person.id)
    assert (restored.name, restored.title) == ("临时联系人", "联络员")
    press(qtbot, people.view, CTRL)  # the creation undone: gone
    assert names_of_people(uow) == before
    press(qtbot, people.view, CTRL_SHIFT)  # redone: the same record again
    press(qtbot, people.view, CTRL_SHIFT)
    again = next(p for p in directory.list_people(uow) if p.id == person.id)
    assert (again.name, again.title) == ("正式联系人", "办公室主任")
    press(qtbot, people.view, CTRL_SHIFT)
    assert names_of_people(uow) == before
    assert shown == []

    # switch to the main window: its Edit ▸ Undo takes back the same steps
    w.workspace.tabs.setCurrentWidget(w.workspace.delegation_tab)
    w.actions.undo.trigger()
    assert names_of_people(uow) == before | {"正式联系人"}


def test_a_person_created_on_the_spot_is_undone_with_their_membership(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id, shown):
    w = sample_window
    answers = Answers(monkeypatch)
    tab = on_tab(w.workspace.delegation_tab)
    members = {m.person_id for m in delegation.list_members(uow, sample_visit_id)}

    def new_person(dialog: AddMemberDialog) -> None:
        def fill(person_dialog: PersonDialog) -> None:
            person_dialog.name.setText("新来的记录员")
        answers.queue.appendleft(fill)
        dialog.new_person.click()  # "New Person…" inside the Add dialog
        assert dialog.chosen_people()[0].person.name == "新来的记录员"

    answers.add(new_person)
    tab.add_member()
    person = next(p for p in directory.list_people(uow) if p.name == "新来的记录员")
    added = {m.person_id for m in delegation.list_members(uow, sample_visit_id)} - members
    assert added == {person.id}

    w.actions.undo.trigger()  # the membership goes first…
    assert {m.person_id for m in delegation.list_members(uow, sample_visit_id)} == members
    assert "新来的记录员" in names_of_people(uow)
    w.actions.undo.trigger()  # …then the person created on the spot
    assert "新来的记录员" not in names_of_people(uow)
    w.actions.redo.trigger()
    w.actions.redo.trigger()
    assert {m.person_id for m in delegation.list_members(uow, sample_visit_id)} \
        == members | {person.id}
    assert shown == []


def test_undoing_the_creation_of_a_site_in_use_is_refused_in_one_line(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id, shown):
    w = sample_window
    answers = Answers(monkeypatch)
    tab = on_tab(w.workspace.itinerary_tab)

    def new_site(dialog: AddStopDialog) -> bool:
        def fill(site_dialog: SiteDialog) -> None:
            site_dialog.name.setText("临时驿站")
        answers.queue.appendleft(fill)
        dialog.new_site.click()  # "New Site…" inside the Add Stop dialog
        return False  # then Cancel: the site stays, no stop is added

    answers.add(new_site)
    tab.add_action.trigger()
    site = next(s for s in itinerary.list_sites(uow) if s.name == "临时驿站")
    assert w.undo_stack.undoText() == "Add the site 临时驿站"
    itinerary.add_stop(uow, sample_visit_id, site.id)  # someone stops there meanwhile

    w.actions.undo.trigger()
    assert len(shown) == 1 and shown[0].startswith("“Add the site 临时驿站” cannot be undone") \
        and "visits stop there" in shown[0], shown
    assert any(s.id == site.id for s in itinerary.list_sites(uow))


def test_a_merge_says_it_cannot_be_undone_and_is_no_step(
        sample_window, qtbot, monkeypatch, uow, shown):
    w = sample_window
    answers = Answers(monkeypatch)
    directory.create_person(uow, "潘建新", phone="010-0000")
    directory_window = w.show_directory()
    explanation = []
    answers.add(lambda dialog: explanation.append(
        " ".join(label.text() for label in dialog.findChildren(QLabel))))
    select(directory_window.people, "潘建新")
    steps = w.undo_stack.count()
    directory_window.merge_people()
    assert "cannot be undone" in explanation[0]
    assert [p.name for p in directory.list_people(uow)].count("潘建新") == 1
    assert w.undo_stack.count() == steps and shown == []


def test_undoing_the_creation_of_a_person_merged_away_says_so(
        sample_window, qtbot, monkeypatch, uow, shown):
    w = sample_window
    answers = Answers(monkeypatch)
    directory_window = w.show_directory()
    older = {p.id for p in directory.list_people(uow)}
    answers.add(lambda dialog: dialog.name.setText("潘建新"))
    directory_window.new_person()
    created = {p.id for p in directory.list_people(uow)} - older
    answers.add(lambda dialog: dialog.choices.setCurrentRow(
        next(r for r in range(2) if directory_window.people.selected()[r].person.id
             not in created)))  # keep the older record: the new one is merged away
    select(directory_window.people, "潘建新")
    directory_window.merge_people()
    assert [p.name for p in directory.list_people(uow)].count("潘建新") == 1
    w.actions.undo.trigger()
    assert len(shown) == 1 and shown[0].startswith(
        "“Add 潘建新 to the directory” cannot be undone"), shown
    assert [p.name for p in directory.list_people(uow)].count("潘建新") == 1


def test_deleting_several_people_is_all_or_nothing(sample_window, qtbot, monkeypatch, uow,
                                                   sample_visit_id, shown):
    """The second of two people to delete turns out to be needed (someone put them in a
    delegation after the check): the first is not deleted either."""
    w = sample_window
    Answers(monkeypatch)
    directory.create_person(uow, "Aaron Temp")  # listed first: deleted first
    member = delegation.list_members(uow, sample_visit_id)[0]
    needed = next(p for p in directory.list_people(uow) if p.id == member.person_id)
    before = names_of_people(uow)
    directory_window = w.show_directory()
    monkeypatch.setattr(directory, "check_people_deletable", lambda *a: None)  # passed earlier
    select(directory_window.people, "Aaron Temp", needed.name)
    assert [e.person.name for e in directory_window.people.selected()] == ["Aaron Temp",
                                                                          needed.name]
    steps = w.undo_stack.count()
    directory_window.delete_people()
    assert names_of_people(uow) == before
    assert len(shown) == 1 and needed.name in shown[0] and "delegation" in shown[0], shown
    assert w.undo_stack.count() == steps
