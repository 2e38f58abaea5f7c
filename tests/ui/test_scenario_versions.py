"""Issue 12 item 2: an editor notices that its record changed underneath it. Another user of
the same database (here a second Database object with its own identity, as another process
or computer would be) saves a record the window shows; the window's next save of it shows the
conflict and who made the change, keeps both versions and overwrites nothing — on undo and
redo too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import itinerary, notes
from tests.ui.scenario_steps import notes_tab, on_tab, type_text, wait_for_save

THEIRS = "李娜 @ laptop-7"


@pytest.fixture
def other_user(db_path):
    """Someone else writing to the window's database, unseen by the window."""
    database = open_database(sqlite_url(db_path), identity=THEIRS)
    yield database
    database.dispose()


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def test_the_open_note_saved_by_someone_else_is_a_conflict_that_keeps_both_texts(
        sample_window, qtbot, uow, other_user):
    tab = notes_tab(sample_window)
    note = tab.editor.note
    assert tab.editor.state.text() == "Saved"
    notes.update_note(other_user.unit_of_work(), note.id, text="李娜补充的记录")
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（我的补充）")
    wait_for_save(qtbot)

    stored = notes.get_note(uow, note.id)
    assert (stored.text, stored.changed_by) == ("李娜补充的记录", THEIRS)  # not overwritten
    assert tab.editor.text.toPlainText() == note.text + "（我的补充）"  # mine still here
    assert tab.editor.conflict.isVisibleTo(tab)
    assert tab.editor.conflict_message.text().startswith(f"This note was changed by {THEIRS}")
    assert tab.editor.state.text() == f"Not saved: changed by {THEIRS}"

    tab.editor.take_stored.emit()  # Show the Saved Note: theirs, and who wrote it
    assert tab.editor.text.toPlainText() == "李娜补充的记录"
    assert tab.editor.state.text() == f"Saved · last changed by {THEIRS}"


def test_keep_my_text_writes_mine_over_the_version_i_have_seen(sample_window, qtbot, uow,
                                                                 other_user, database):
    tab = notes_tab(sample_window)
    note = tab.editor.note
    notes.update_note(other_user.unit_of_work(), note.id, text="李娜的版本")
    tab.editor.text.setFocus()
    type_text(qtbot, tab.editor.text, "我的版本：")
    wait_for_save(qtbot)
    assert tab.editor.conflict.isVisibleTo(tab)
    tab.editor.keep_mine.emit()
    stored = notes.get_note(uow, note.id)
    assert stored.text.startswith("我的版本：") and stored.changed_by == database.identity
    assert tab.editor.conflict.isHidden() and tab.editor.state.text() == "Saved"
    type_text(qtbot, tab.editor.text, "再写")  # saving goes on from the new version
    wait_for_save(qtbot)
    assert notes.get_note(uow, note.id).text.startswith("我的版本：再写")


def test_undo_of_a_note_edit_refuses_when_someone_else_changed_the_note_since(
        sample_window, qtbot, uow, other_user, warnings):
    tab = notes_tab(sample_window)
    note = tab.editor.note
    tab.editor.text.setFocus()
    type_text(qtbot, tab.editor.text, "先写")
    wait_for_save(qtbot)
    notes.update_note(other_user.unit_of_work(), note.id, tags=("后加的主题",))
    sample_window.actions.undo.trigger()
    stored = notes.get_note(uow, note.id)
    assert stored.text.startswith("先写") and stored.tags == ("后加的主题",)  # both kept
    assert warnings == [f"“Edit a note” cannot be undone: this note was changed by {THEIRS} "
                        "since you opened it; nothing was overwritten"]
    assert tab.editor.conflict.isHidden()  # nothing typed is waiting
    assert tab.editor.text.toPlainText() == stored.text


def test_undo_of_a_figure_edit_is_refused_with_who_changed_it(sample_window, uow,
                                                                sample_visit_id, other_user,
                                                                warnings):
    from fieldvisit.ui.records_commands import EditRecordCommand

    window = sample_window
    notes_tab(window)
    figure = notes.list_figures(uow, sample_visit_id)[1]
    context = window._command_context()
    window.undo_stack.push(EditRecordCommand(context, "Edit the figure", figure,
                                             {"value": "6500"}, lambda _id: None))
    assert notes.list_figures(uow, sample_visit_id)[1].value == "6500"
    notes.update_figure(other_user.unit_of_work(), figure.id, label="驿站服务人次")
    window.actions.undo.trigger()
    stored = next(f for f in notes.list_figures(uow, sample_visit_id) if f.id == figure.id)
    assert (stored.label, stored.value) == ("驿站服务人次", "6500")  # nothing overwritten
    assert warnings == [f"“Edit the figure” cannot be undone: this key figure was changed by "
                        f"{THEIRS} since you opened it; nothing was overwritten"]


def test_a_stop_edited_from_a_stale_view_is_refused(sample_window, uow, sample_visit_id,
                                                     other_user, warnings):
    tab = on_tab(sample_window.workspace.itinerary_tab)
    line = tab.model.line_at(0)
    itinerary.update_stop(other_user.unit_of_work(), line.stop.id, dwell_minutes=95)
    tab.edit_stop(line.stop.id, "activities", "座谈交流（改）")
    stored = itinerary.list_stops(uow, sample_visit_id)[0]
    assert (stored.dwell_minutes, stored.activities) == (95, line.stop.activities)
    assert len(warnings) == 1 and f"this stop was changed by {THEIRS}" in warnings[0]
    assert tab.model.line_at(0).stop.dwell_minutes == 95  # the window shows what is stored
    tab.edit_stop(line.stop.id, "activities", "座谈交流（改）")  # from what it shows: applies
    assert itinerary.list_stops(uow, sample_visit_id)[0].activities == "座谈交流（改）"


def test_the_windows_own_steps_still_undo_and_redo_in_a_chain(sample_window, qtbot, uow,
                                                               sample_visit_id, warnings):
    """Versions move at every step (a delete and its undo make a new row): the window's own
    history never counts as someone else's change."""
    tab = notes_tab(sample_window)
    note = tab.editor.note
    tab.editor.text.setFocus()
    type_text(qtbot, tab.editor.text, "一")
    wait_for_save(qtbot)
    tab.delete_note()
    sample_window.actions.undo.trigger()  # the note is back (a new row: version 1)
    sample_window.actions.undo.trigger()  # and its text as it was
    assert notes.get_note(uow, note.id).text == note.text
    sample_window.actions.redo.trigger()
    sample_window.actions.redo.trigger()
    assert notes.find_notes(uow, sample_visit_id, [note.id]) == []
    sample_window.actions.undo.trigger()
    assert notes.get_note(uow, note.id).text == "一" + note.text
    assert warnings == []


def test_an_update_merged_from_a_package_is_not_overwritten_by_the_open_editor(
        sample_window, qtbot, uow, sample_visit_id, other_user, make_db_path, tmp_path):
    """Issue 12 item 2: a package merged while the note is open (here by another client of
    the database) changed the note; the editor's next save shows the conflict instead of
    writing over the merged text."""
    from fieldvisit.persistence.db import photo_root
    from fieldvisit.services.package import pack_visit, unpack_visit

    tab = notes_tab(sample_window)
    note = tab.editor.note
    laptop = open_database(sqlite_url(make_db_path("laptop.sqlite3")))
    try:
        pack_visit(uow, photo_root(sample_window.database.url), sample_visit_id,
                   tmp_path / "out.fieldvisit")
        unpack_visit(laptop.unit_of_work(), photo_root(laptop.url), tmp_path / "out.fieldvisit")
        notes.update_note(laptop.unit_of_work(), note.id, text="笔记本上补记的内容")
        pack_visit(laptop.unit_of_work(), photo_root(laptop.url), sample_visit_id,
                   tmp_path / "back.fieldvisit")
    finally:
        laptop.dispose()
    merged = unpack_visit(other_user.unit_of_work(), photo_root(other_user.url),
                          tmp_path / "back.fieldvisit")
    assert merged.updated == {"notes": 1}
    tab.editor.text.setFocus()
    type_text(qtbot, tab.editor.text, "（窗口里写的）")
    wait_for_save(qtbot)
    assert notes.get_note(uow, note.id).text == "笔记本上补记的内容"
    assert tab.editor.text.toPlainText().startswith("（窗口里写的）")
    assert tab.editor.conflict.isVisibleTo(tab)
    assert THEIRS in tab.editor.conflict_message.text()
    tab.editor.take_stored.emit()  # Show the Saved Note: the merged text
    assert tab.editor.text.toPlainText() == "笔记本上补记的内容"
    assert tab.editor.state.text().startswith("Saved")
