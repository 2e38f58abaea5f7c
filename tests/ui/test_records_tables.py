"""Issue 11, defect 9: the Notes tab's key figures and follow-ups are edited in place, marked
done, deleted, with undo; each scenario drives the window with the keyboard and the mouse and
reads the database afterwards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QTableView,
    QToolButton,
)

from fieldvisit.domain.entities import KeyFigure
from fieldvisit.domain.enums import FigureQualifier, FollowUpStatus
from fieldvisit.services import directory, notes, visits
from fieldvisit.ui.models.editable_table_model import EditableColumn, EditableRecordModel

pytestmark = pytest.mark.both_databases  # figures and follow-ups on a server too

EDITING = QAbstractItemView.State.EditingState


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Message boxes are answered Cancel and listed (one would block the test); none is
    expected."""
    shown: list[str] = []

    def answer(*args, **_kwargs):
        shown.append(str(args[2]) if len(args) > 2 else "a message box")
        return QMessageBox.StandardButton.Cancel

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(answer))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(None, None, box.text()))
    yield shown
    assert not shown, f"unexpected message box: {shown}"


# -- driving the window as a user would ------------------------------------------------------
def lower_table(window, name: str) -> QTableView:
    """The Notes tab, with the lower tab holding the table called ``name`` in front."""
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    window.activateWindow()
    view = next(v for v in tab.findChildren(QTableView) if v.accessibleName() == name)
    tabs = tab.lower_tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count())
                              if tabs.widget(i) is view or tabs.widget(i).isAncestorOf(view)))
    view.setFocus()
    return view


def go_to(view: QTableView, row: int, column: int) -> None:
    view.setCurrentIndex(view.model().index(row, column))


def start_editing(qtbot, view: QTableView, key=Qt.Key.Key_F2):
    qtbot.keyClick(view, key)
    assert view.state() == EDITING, "the cell did not open for editing"
    return QApplication.focusWidget()


def commit(qtbot, view: QTableView) -> None:
    """Enter in the open editor; the table commits it on its next turn of the event loop."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != EDITING)
    assert view.hasFocus(), "after Enter the keyboard stays in the table"


def replace_text(qtbot, view: QTableView, text: str) -> None:
    editor = start_editing(qtbot, view)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    commit(qtbot, view)


def choose(qtbot, view: QTableView, key: Qt.Key) -> QComboBox:
    combo = start_editing(qtbot, view)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, key)
    commit(qtbot, view)
    return combo


def button(window, text: str) -> QToolButton:
    found = [b for b in window.findChildren(QToolButton)
             if b.text().replace("&", "") == text and b.isVisibleTo(window)]
    assert found, f"no button “{text}”"
    return found[0]


def row_of(view: QTableView, record_id) -> int:
    model = view.model()
    return next(r for r in range(model.rowCount())
                if model.index(r, 0).data(Qt.ItemDataRole.UserRole).id == record_id)


def current_id(view: QTableView):
    return view.model().index(view.currentIndex().row(), 0).data(Qt.ItemDataRole.UserRole).id


def _find(lister, uow, record_id):
    visit = visits.list_visits(uow)[0].id
    return next((r for r in lister(uow, visit) if r.id == record_id), None)


def same(record, other) -> bool:
    """Equal but for the time of the last change."""
    return replace(record, updated_at=other.updated_at) == other


def refusal(window) -> QLabel | None:
    """The visible line saying what was not saved."""
    return next((label for label in window.findChildren(QLabel)
                 if label.text().startswith("Not saved") and label.isVisibleTo(window)), None)


# -- key figures -----------------------------------------------------------------------------
def test_key_figures_are_edited_in_place_with_undo(sample_window, qtbot, uow, sample_visit_id):
    view = lower_table(sample_window, "Key figures")
    stack = sample_window.undo_stack
    served = notes.list_figures(uow, sample_visit_id)[1]
    assert (served.label, served.value) == ("骑士驿站累计服务", "6000")
    before = stack.count()

    go_to(view, 1, 1)  # the label: F2, select all, type, Enter
    replace_text(qtbot, view, "Riders served")
    assert _find(notes.list_figures, uow, served.id).label == "Riders served"
    assert stack.count() == before + 1
    assert stack.undoText() == "Edit the figure “骑士驿站累计服务”"
    assert current_id(view) == served.id and view.currentIndex().column() == 1

    go_to(view, 1, 3)  # the value: typing starts the edit and replaces what was there
    editor = start_editing(qtbot, view, Qt.Key.Key_6)
    qtbot.keyClicks(editor, "500")
    commit(qtbot, view)
    assert _find(notes.list_figures, uow, served.id).value == "6500"
    assert view.model().index(1, 3).data() == "6,500"

    go_to(view, 1, 2)  # the qualifier: more than → about, from a list
    choose(qtbot, view, Qt.Key.Key_Down)
    assert _find(notes.list_figures, uow, served.id).qualifier is FigureQualifier.ABOUT

    go_to(view, 1, 0)  # the stop: the last choice is the whole visit
    combo = choose(qtbot, view, Qt.Key.Key_End)
    assert combo.itemText(combo.count() - 1) == "Whole visit"
    assert combo.count() == 4  # three stops and the whole visit
    assert _find(notes.list_figures, uow, served.id).stop_id is None
    assert stack.count() == before + 4  # one step per change

    go_to(view, 1, 4)  # the unit
    replace_text(qtbot, view, "visits")
    assert _find(notes.list_figures, uow, served.id).unit == "visits"

    go_to(view, 0, 2)  # another record, another table: undo comes back to the edited one
    lower_table(sample_window, "Follow-ups")
    for _ in range(2):
        sample_window.actions.undo.trigger()
    assert view.isVisible() and current_id(view) == served.id
    restored = _find(notes.list_figures, uow, served.id)
    assert (restored.stop_id, restored.unit) == (served.stop_id, "人次")
    sample_window.actions.redo.trigger()
    assert _find(notes.list_figures, uow, served.id).stop_id is None
    assert current_id(view) == served.id
    for _ in range(4):
        sample_window.actions.undo.trigger()
    assert same(_find(notes.list_figures, uow, served.id), served)  # all the way back
    assert stack.count() == before + 5


def test_a_figure_without_label_or_value_is_refused(sample_window, qtbot, uow,
                                                    sample_visit_id):
    view = lower_table(sample_window, "Key figures")
    stored = notes.list_figures(uow, sample_visit_id)
    steps = sample_window.undo_stack.count()
    go_to(view, 2, 1)
    replace_text(qtbot, view, "")
    message = refusal(sample_window)
    assert message is not None and message.text() == "Not saved: label must not be empty"
    go_to(view, 2, 3)
    replace_text(qtbot, view, "")
    assert message.text() == "Not saved: value must not be empty"
    assert notes.list_figures(uow, sample_visit_id) == stored
    assert sample_window.undo_stack.count() == steps
    replace_text(qtbot, view, "55")  # a good value clears the complaint
    assert refusal(sample_window) is None
    assert _find(notes.list_figures, uow, stored[2].id).value == "55"


def test_a_figure_is_deleted_with_the_delete_key_the_toolbar_and_the_menu(
        sample_window, qtbot, uow, sample_visit_id, message_boxes):
    view = lower_table(sample_window, "Key figures")
    figures = notes.list_figures(uow, sample_visit_id)
    go_to(view, 3, 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not message_boxes, "Delete in the table offered to delete the visit"
    assert [f.id for f in notes.list_figures(uow, sample_visit_id)] == \
        [f.id for f in figures if f.id != figures[3].id]
    assert visits.list_visits(uow), "Delete in the table must not delete the visit"
    assert sample_window.undo_stack.undoText() == "Delete the figure “饿了么（北京）妇委会成立”"
    assert current_id(view) == figures[4].id  # the next one, ready for another Delete

    qtbot.mouseClick(button(sample_window, "Delete Figure"), Qt.MouseButton.LeftButton)
    assert len(notes.list_figures(uow, sample_visit_id)) == len(figures) - 2
    menu = [a for a in view.actions() if a.text().replace("&", "") == "Delete Figure"]
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu and menu
    go_to(view, 0, 0)
    menu[0].trigger()
    assert len(notes.list_figures(uow, sample_visit_id)) == len(figures) - 3

    for _ in range(3):
        sample_window.actions.undo.trigger()
    assert notes.list_figures(uow, sample_visit_id) == figures  # back, in their places
    assert current_id(view) == figures[3].id


# -- follow-ups ------------------------------------------------------------------------------
def test_follow_ups_are_edited_in_place(sample_window, qtbot, uow, sample_visit_id):
    view = lower_table(sample_window, "Follow-ups")
    view.parentWidget().today = lambda: date(2023, 6, 1)  # the panel's clock
    first = notes.list_follow_ups(uow, sample_visit_id)[0]
    organizations = directory.list_organizations(uow)

    go_to(view, 0, 0)
    replace_text(qtbot, view, "Call the driving schools")
    assert _find(notes.list_follow_ups, uow, first.id).action == "Call the driving schools"
    assert sample_window.undo_stack.undoText().startswith("Edit the follow-up “进一步统筹")

    go_to(view, 0, 1)  # responsible: none, then the last organization of the directory
    combo = choose(qtbot, view, Qt.Key.Key_Home)
    assert combo.itemText(0) == "(not decided)" and combo.count() == len(organizations) + 1
    assert _find(notes.list_follow_ups, uow, first.id).responsible_organization_id is None
    choose(qtbot, view, Qt.Key.Key_End)
    assert _find(notes.list_follow_ups, uow, first.id).responsible_organization_id == \
        organizations[-1].id
    assert view.model().index(0, 1).data() == organizations[-1].display_name

    go_to(view, 0, 2)  # the due date: typed in the locale's format
    editor = start_editing(qtbot, view)
    assert editor.text() == "No due date"
    qtbot.keyClicks(editor, "30/06/2023")
    commit(qtbot, view)
    assert _find(notes.list_follow_ups, uow, first.id).due_date == date(2023, 6, 30)
    editor = start_editing(qtbot, view)  # typed over
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "15/07/2023")
    commit(qtbot, view)
    assert _find(notes.list_follow_ups, uow, first.id).due_date == date(2023, 7, 15)
    editor = start_editing(qtbot, view)  # Delete: no due date
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "No due date"
    commit(qtbot, view)
    assert _find(notes.list_follow_ups, uow, first.id).due_date is None
    editor = start_editing(qtbot, view)  # from no date, the arrow starts at today
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    commit(qtbot, view)
    assert _find(notes.list_follow_ups, uow, first.id).due_date == date(2023, 6, 1)

    assert current_id(view) == first.id  # a due date puts it last: the table follows it
    dated = _find(notes.list_follow_ups, uow, first.id)
    menu = [a.text().replace("&", "") for a in view.actions()]
    assert menu == ["Mark Done", "Clear Due Date", "Delete Follow-up"]  # the context menu
    qtbot.mouseClick(button(sample_window, "Clear Due Date"), Qt.MouseButton.LeftButton)
    assert _find(notes.list_follow_ups, uow, first.id).due_date is None
    assert not button(sample_window, "Clear Due Date").isEnabled()
    sample_window.actions.undo.trigger()
    assert _find(notes.list_follow_ups, uow, first.id).due_date == dated.due_date
    assert current_id(view) == first.id
    go_to(view, row_of(view, first.id), 3)  # the status, from a list
    choose(qtbot, view, Qt.Key.Key_Down)
    assert _find(notes.list_follow_ups, uow, first.id).status is FollowUpStatus.IN_PROGRESS

    steps = sample_window.undo_stack.count()
    go_to(view, row_of(view, first.id), 0)
    replace_text(qtbot, view, "")
    assert refusal(sample_window).text() == "Not saved: action must not be empty"
    assert sample_window.undo_stack.count() == steps

    for _ in range(steps):
        if not sample_window.undo_stack.canUndo():
            break
        sample_window.actions.undo.trigger()
    assert same(_find(notes.list_follow_ups, uow, first.id), first)


def test_a_follow_up_is_marked_done_reopened_and_deleted(sample_window, qtbot, uow,
                                                         sample_visit_id, message_boxes):
    view = lower_table(sample_window, "Follow-ups")
    follow_ups = notes.list_follow_ups(uow, sample_visit_id)
    second = follow_ups[1]
    go_to(view, 1, 0)
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _find(notes.list_follow_ups, uow, second.id).status is FollowUpStatus.DONE
    assert view.model().index(1, 3).data() == "Done"
    assert sample_window.undo_stack.undoText().startswith("Mark the follow-up “面向有考取")
    assert current_id(view) == second.id

    reopen = button(sample_window, "Reopen")  # the same button now takes it back
    qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
    assert _find(notes.list_follow_ups, uow, second.id).status is FollowUpStatus.OPEN
    assert button(sample_window, "Mark Done") is reopen

    sample_window.actions.undo.trigger()
    assert _find(notes.list_follow_ups, uow, second.id).status is FollowUpStatus.DONE
    sample_window.actions.undo.trigger()
    assert _find(notes.list_follow_ups, uow, second.id).status is FollowUpStatus.OPEN

    view.setFocus()
    go_to(view, 1, 2)
    follow_ups = notes.list_follow_ups(uow, sample_visit_id)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not message_boxes, "Delete in the table offered to delete the visit"
    assert [f.id for f in notes.list_follow_ups(uow, sample_visit_id)] == \
        [follow_ups[0].id, follow_ups[2].id]
    assert visits.list_visits(uow), "Delete in the table must not delete the visit"
    go_to(view, 0, 0)
    sample_window.actions.undo.trigger()
    assert notes.list_follow_ups(uow, sample_visit_id) == follow_ups
    assert current_id(view) == second.id


def test_overdue_follow_ups_are_marked(sample_window, qtbot, uow, sample_visit_id):
    follow_ups = notes.list_follow_ups(uow, sample_visit_id)
    notes.update_follow_up(uow, follow_ups[0].id, due_date=date(2023, 6, 30))
    notes.update_follow_up(uow, follow_ups[1].id, due_date=date(2023, 6, 30),
                           status=FollowUpStatus.DONE)
    notes.update_follow_up(uow, follow_ups[2].id, due_date=date(2023, 8, 31))
    view = lower_table(sample_window, "Follow-ups")
    view.parentWidget().today = lambda: date(2023, 7, 1)
    sample_window.refresh(sample_visit_id)
    model = view.model()
    rows = {model.index(r, 0).data(Qt.ItemDataRole.UserRole).id: r
            for r in range(model.rowCount())}
    colour = [model.index(rows[f.id], 2).data(Qt.ItemDataRole.ForegroundRole)
              for f in follow_ups]
    assert colour[0] is not None and colour[0].name() == "#b00020"  # open and late
    assert colour[1] is None and colour[2] is None  # done; not due yet
    assert "Overdue" in model.index(rows[follow_ups[0].id], 2).data(
        Qt.ItemDataRole.ToolTipRole)


# -- the models ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Key figures", "Follow-ups"])
def test_the_editable_models_pass_the_model_tester(sample_window, qtmodeltester, uow,
                                                   sample_visit_id, name):
    view = lower_table(sample_window, name)
    model = view.model()
    qtmodeltester.check(model, force_py=True)
    for column in range(model.columnCount()):
        assert model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    follow_up = notes.list_follow_ups(uow, sample_visit_id)[2]  # changes under the tester
    notes.update_follow_up(uow, follow_up.id, due_date=date(2023, 6, 1))
    sample_window.refresh(sample_visit_id)
    qtmodeltester.check(model, force_py=True)


def test_an_editable_model_reports_edits_and_keeps_its_rows(qtmodeltester):
    visit = uuid4()
    rows = [KeyFigure(visit_id=visit, label=f"数据{i}", value=str(i)) for i in range(3)]
    model = EditableRecordModel([
        EditableColumn(lambda: "Figure", lambda f: f.label, field="label"),
        EditableColumn(lambda: "Value", lambda f: f.value, align_right=True),
    ])
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    requested = []
    model.edit_requested.connect(lambda *args: requested.append(args))
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(1, 0), Qt.ItemDataRole.EditRole) == "数据1"
    assert not model.setData(model.index(0, 0), "x", Qt.ItemDataRole.DisplayRole)
    assert not model.setData(model.index(0, 1), "9")  # read-only column
    assert model.setData(model.index(2, 0), "新")
    assert requested == [(rows[2], "label", "新")]
    assert model.index(2, 0).data() == "数据2"  # the model waits for the new rows

    current = QPersistentModelIndex(model.index(2, 0))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows([rows[2], rows[0], rows[1]])  # the same records in another order
    assert current.row() == 0 and not resets
    model.set_rows(rows[:2])
    assert resets and model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
