"""Undo and redo of the note editor's steps, checked in the database (issue 17 item 4): the saves
of one stretch of typing in a note merge into one undo step; deleting a note is undone with the
same note, its tags and the key figures and follow-ups taken from it, and redone again."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from fieldvisit.services import notes
from tests.ui.scenario_steps import CTRL_SHIFT, click_row, notes_tab, type_text, wait_for_save

pytestmark = pytest.mark.both_databases


def show_note(qtbot, window, note_id):
    """Click the note's row in the Notes tab's list, as the user does."""
    tab = notes_tab(window)
    model = tab.notes_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == note_id)
    click_row(qtbot, tab.notes_view, row, 2)
    assert tab.editor.note.id == note_id
    return tab


def type_at_end(qtbot, tab, text: str) -> None:
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, text)


def essentials(note) -> dict:
    """What the user wrote and where the note stands; not its version or change stamps."""
    return {k: v for k, v in dataclasses.asdict(note).items()
            if k not in ("version", "created_at", "updated_at", "changed_by", "changed_at")}


def test_successive_saves_of_one_note_are_one_undo_step(sample_window, qtbot, uow,
                                                        sample_visit_id):
    w = sample_window
    note = notes.add_note(uow, sample_visit_id, "社区食堂每天供餐300份", tags=("助餐",))
    w.refresh(sample_visit_id)
    tab = show_note(qtbot, w, note.id)
    steps = w.undo_stack.count()
    type_at_end(qtbot, tab, "，老人")
    wait_for_save(qtbot)
    assert notes.get_note(uow, note.id).text == "社区食堂每天供餐300份，老人"
    type_at_end(qtbot, tab, "八折")  # a second save after a pause
    wait_for_save(qtbot)
    tags = tab.editor.tags
    tags.setFocus()  # leaving the text saves at once; the tags are saved after a pause
    tags.end(False)
    tags.insert("，养老")
    tags.textEdited.emit(tags.text())
    wait_for_save(qtbot)
    after = notes.get_note(uow, note.id)
    assert (after.text, after.tags) == ("社区食堂每天供餐300份，老人八折", ("助餐", "养老"))
    assert w.undo_stack.count() == steps + 1  # three saves, one step
    assert w.actions.undo.text().endswith("Edit a note")

    w.actions.undo.trigger()  # back to before the first save, text and tags alike
    undone = notes.get_note(uow, note.id)
    assert (undone.text, undone.tags) == ("社区食堂每天供餐300份", ("助餐",))
    assert tab.editor.text.toPlainText() == "社区食堂每天供餐300份"
    assert w.undo_stack.count() == steps + 1 and w.undo_stack.index() == steps

    w.actions.redo.trigger()  # to after the last one
    redone = notes.get_note(uow, note.id)
    assert (redone.text, redone.tags) == (after.text, after.tags)
    assert tab.editor.text.toPlainText() == after.text


def test_saves_of_another_note_are_a_step_of_their_own(sample_window, qtbot, uow,
                                                       sample_visit_id):
    w = sample_window
    first = notes.add_note(uow, sample_visit_id, "甲记录")
    second = notes.add_note(uow, sample_visit_id, "乙记录")
    w.refresh(sample_visit_id)
    steps = w.undo_stack.count()
    type_at_end(qtbot, show_note(qtbot, w, first.id), "一")
    wait_for_save(qtbot)
    type_at_end(qtbot, show_note(qtbot, w, second.id), "二")
    wait_for_save(qtbot)
    assert w.undo_stack.count() == steps + 2
    w.actions.undo.trigger()
    assert notes.get_note(uow, second.id).text == "乙记录"
    assert notes.get_note(uow, first.id).text == "甲记录一"


def test_deleting_a_note_is_undone_with_the_same_note_and_redone(sample_window, qtbot, uow,
                                                                 sample_visit_id):
    w = sample_window
    note = notes.add_note(uow, sample_visit_id, "驿站提供热水和充电", speaker="站长",
                          tags=("骑手", "驿站"), confidential=True)
    figure = notes.add_figure(uow, sample_visit_id, "驿站", "12", unit="个", note_id=note.id)
    follow_up = notes.add_follow_up(uow, sample_visit_id, "补充驿站名单", note_id=note.id)
    others = [n.id for n in notes.list_notes(uow, sample_visit_id) if n.id != note.id]
    stored = notes.get_note(uow, note.id)
    w.refresh(sample_visit_id)
    tab = show_note(qtbot, w, note.id)
    qtbot.keyClick(tab.notes_view, Qt.Key.Key_Backspace, CTRL_SHIFT)  # Delete Note
    wait_for_save(qtbot)

    def note_ids():
        return [n.id for n in notes.list_notes(uow, sample_visit_id)]

    def linked():
        return ([f.note_id for f in notes.list_figures(uow, sample_visit_id)
                 if f.id == figure.id],
                [f.note_id for f in notes.list_follow_ups(uow, sample_visit_id)
                 if f.id == follow_up.id])

    assert note_ids() == others
    assert linked() == ([None], [None])  # kept, no longer pointing at the deleted note
    assert w.actions.undo.text().endswith("Delete a note")

    w.actions.undo.trigger()
    assert note_ids() == [*others, note.id]  # in its old place
    restored = notes.get_note(uow, note.id)
    assert essentials(restored) == essentials(stored)
    assert restored.tags == ("骑手", "驿站") and restored.confidential
    assert linked() == ([note.id], [note.id])

    w.actions.redo.trigger()
    assert note_ids() == others
    assert linked() == ([None], [None])
    w.actions.undo.trigger()  # and back once more: still the same note
    assert essentials(notes.get_note(uow, note.id)) == essentials(stored)
