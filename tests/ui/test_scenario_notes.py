"""Scenarios of issue 11 around notes: switching visits while a note is open, deleting notes,
quitting with unsaved text. Each drives the real window and checks the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldvisit.services import itinerary, notes
from tests.ui.scenario_steps import (
    CTRL_SHIFT,
    StallMeter,
    add_stop,
    click_row,
    click_visit,
    new_visit,
    notes_tab,
    start_new_note,
    type_text,
    unsaved_editors,
    wait_for_save,
)

pytestmark = pytest.mark.both_databases  # the sample visit's notes on a server too


def _snapshot(uow, visit_id):
    return {n.id: (n.visit_id, n.stop_id, n.text) for n in notes.list_notes(uow, visit_id)}


def test_switching_visits_while_typing_keeps_the_note_in_its_own_visit(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id):
    w = sample_window
    sample_before = _snapshot(uow, sample_visit_id)
    visit_id = new_visit(w, monkeypatch, "环卫工人驿站调研")
    stop_id = add_stop(w, monkeypatch, "dhjd")
    tab = start_new_note(qtbot, w, stop=0)
    assert tab.editor.stop_id() == stop_id
    meter = StallMeter()
    type_text(qtbot, tab.editor.text, "环卫工人反映午休场所不足")
    click_visit(qtbot, w, sample_visit_id)  # before the save delay is over
    wait_for_save(qtbot)
    assert meter.stop() < 1.0, "the window froze"
    assert w.current_visit_id() == sample_visit_id
    saved = notes.list_notes(uow, visit_id)
    assert [(n.text, n.stop_id) for n in saved] == [("环卫工人反映午休场所不足", stop_id)]
    assert _snapshot(uow, sample_visit_id) == sample_before
    assert tab.editor.note is not None and tab.editor.note.visit_id == sample_visit_id
    # the editor now shows a note of the sample: typing there saves there
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（补）")
    shown = tab.editor.note.id
    click_visit(qtbot, w, visit_id)
    wait_for_save(qtbot)
    assert notes.get_note(uow, shown).text.endswith("（补）")
    assert notes.get_note(uow, shown).visit_id == sample_visit_id
    assert [n.text for n in notes.list_notes(uow, visit_id)] == ["环卫工人反映午休场所不足"]


def test_a_refresh_never_saves(sample_window, qtbot, uow, sample_visit_id):
    """Reloading the window (as after any change elsewhere) writes nothing."""
    w = sample_window
    tab = notes_tab(w)
    pushed = []
    w.undo_stack.indexChanged.connect(pushed.append)
    for _ in range(3):
        w.refresh()
        QApplication.processEvents()  # what a refresh put off (a save would be) runs
        assert not unsaved_editors()  # and no save is pending
    assert pushed == []
    assert w.undo_stack.count() == 0
    assert tab.editor.note is not None


def test_three_visits_with_notes_at_stops_switched_while_typing(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id):
    w = sample_window
    visits = [sample_visit_id]
    stops = {sample_visit_id: {s.id for s in itinerary.list_stops(uow, sample_visit_id)}}
    for title, site in (("快递员之家调研", "dhjd"), ("网约车司机座谈", "xgjyz")):
        visit_id = new_visit(w, monkeypatch, title)
        add_stop(w, monkeypatch, "elm")
        add_stop(w, monkeypatch, site)
        visits.append(visit_id)
        stops[visit_id] = {s.id for s in itinerary.list_stops(uow, visit_id)}
    meter = StallMeter()
    typed: dict = {}
    for round_ in range(3):
        for visit_id in visits:
            click_visit(qtbot, w, visit_id)
            tab = start_new_note(qtbot, w, stop=round_ % 2)
            text = f"第{round_ + 1}轮：{w.windowTitle()[:6]}的记录"
            type_text(qtbot, tab.editor.text, text)
            typed[(visit_id, text)] = tab.editor.stop_id()
            if round_ == 1:  # switched after the save delay (else before it)
                wait_for_save(qtbot)
    wait_for_save(qtbot)
    assert meter.stop() < 1.0, "the event loop stalled"
    for (visit_id, text), stop_id in typed.items():
        found = [n for n in notes.list_notes(uow, visit_id) if n.text == text]
        assert len(found) == 1, text
        assert found[0].stop_id == stop_id and stop_id in stops[visit_id]
    for visit_id in visits:
        for note in notes.list_notes(uow, visit_id):
            assert note.stop_id is None or note.stop_id in stops[visit_id]


def test_delete_note_from_the_list_deletes_that_note(sample_window, qtbot, uow,
                                                     sample_visit_id):
    w = sample_window
    tab = notes_tab(w)
    before = notes.list_notes(uow, sample_visit_id)
    click_row(qtbot, tab.notes_view, 2, 2)
    chosen = tab.notes_model.row_at(2)
    assert tab.editor.note.id == chosen.id  # the list and the editor agree
    qtbot.keyClick(tab.notes_view, Qt.Key.Key_Backspace, CTRL_SHIFT)
    wait_for_save(qtbot)
    after = notes.list_notes(uow, sample_visit_id)
    assert [n.id for n in after] == [n.id for n in before if n.id != chosen.id]
    assert w.actions.undo.text().endswith("Delete a note")
    highlighted = tab.notes_model.row_at(tab.notes_view.currentIndex().row())
    assert tab.editor.note is not None and tab.editor.note.id == highlighted.id
    # the visible button deletes the highlighted note as well
    assert tab.delete_button.isVisibleTo(w)
    tab.delete_button.click()
    wait_for_save(qtbot)
    assert len(notes.list_notes(uow, sample_visit_id)) == len(before) - 2
    w.actions.undo.trigger()
    w.actions.undo.trigger()
    assert {n.id for n in notes.list_notes(uow, sample_visit_id)} == {n.id for n in before}


def test_deleting_a_note_while_its_text_is_unsaved_does_not_bring_it_back(
        sample_window, qtbot, uow, sample_visit_id):
    w = sample_window
    tab = start_new_note(qtbot, w)
    type_text(qtbot, tab.editor.text, "临时记录")
    wait_for_save(qtbot)
    made = [n for n in notes.list_notes(uow, sample_visit_id) if n.text == "临时记录"]
    assert len(made) == 1
    type_text(qtbot, tab.editor.text, "，再补一句")
    tab.delete_action.trigger()  # from the keyboard while still typing
    wait_for_save(qtbot)
    assert not [n for n in notes.list_notes(uow, sample_visit_id) if "临时记录" in n.text]


def test_quitting_saves_pending_text_and_says_so_truthfully(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id):
    w = sample_window
    tab = notes_tab(w)
    note = tab.editor.note
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（退出前补充）")
    w.close()  # before the save delay is over
    assert notes.get_note(uow, note.id).text.endswith("（退出前补充）")


def test_quitting_when_the_note_cannot_be_saved_asks_first(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id):
    w = sample_window
    tab = notes_tab(w)
    note = tab.editor.note
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（无法保存）")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notes, "update_note", broken)
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    monkeypatch.setattr(QMessageBox, "question", answer)
    w.close()
    assert w.isVisible(), "quit although the note was not saved"
    assert asked and "not" in asked[-1] and "saved" in asked[-1]
    assert tab.editor.text.toPlainText().endswith("（无法保存）")
    assert notes.get_note(uow, note.id).text == note.text
    assert "Not saved" in tab.editor.state.text()


def test_an_unexpected_error_does_not_claim_unsaved_work_is_saved(
        sample_window, qtbot, monkeypatch):
    from fieldvisit.ui import errors

    w = sample_window
    tab = notes_tab(w)
    tab.editor.text.setFocus()
    type_text(qtbot, tab.editor.text, "x")
    texts = []
    monkeypatch.setattr(errors.QMessageBox, "exec",
                        lambda box: texts.append(box.text() + box.informativeText()))
    errors.show_error(w, RuntimeError("boom"))
    errors.show_error(w, RuntimeError("boom again"))
    assert texts and "is safe" not in texts[0]
    assert "not saved yet" in texts[0]


@pytest.mark.parametrize("repeat", [1])
def test_errors_during_one_action_show_one_dialog(sample_window, qtbot, monkeypatch, repeat):
    from fieldvisit.ui import errors

    shown = []

    def exec_(box):
        shown.append(box.text())
        errors.show_error(sample_window, RuntimeError("while the first is open"))
        return 0

    monkeypatch.setattr(errors.QMessageBox, "exec", exec_)
    errors.show_error(sample_window, RuntimeError("first"))
    assert len(shown) == 1


def test_an_import_landing_while_typing_keeps_the_typed_text(
        sample_window, qtbot, tmp_path, uow, sample_visit_id):
    """File ▸ Import within the save delay: the typed text is saved before the import reads
    the data, and neither overwrites the other silently."""
    from fieldvisit.services import visit_document

    w = sample_window
    tab = notes_tab(w)
    note = tab.editor.note
    document = visit_document.export_visit(uow, sample_visit_id)
    other = next(n for n in document["notes"] if n["id"] != str(note.id))
    other["text"] += "（导入的补充）"
    path = tmp_path / "visit.json"
    path.write_text(visit_document.dumps(document), encoding="utf-8")
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（键入中）")
    task = w.run_import(path)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    wait_for_save(qtbot)
    assert notes.get_note(uow, note.id).text.endswith("（键入中）")
    assert tab.editor.text.toPlainText().endswith("（键入中）")
    assert tab.editor.conflict.isHidden()
    type_text(qtbot, tab.editor.text, "再补")
    wait_for_save(qtbot)
    assert notes.get_note(uow, note.id).text.endswith("（键入中）再补")
    assert "（导入的补充）" in tab.list.note(__import__("uuid").UUID(other["id"])).text


def test_a_note_changed_elsewhere_while_typing_is_a_conflict_not_an_overwrite(
        sample_window, qtbot, uow, sample_visit_id):
    from fieldvisit.services.changes import Area, Change

    w = sample_window
    tab = notes_tab(w)
    note = tab.editor.note
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    tab.editor.text.insertPlainText("（我的）")  # typed, not yet saved
    notes.update_note(uow, note.id, text="别处改过的文字")  # e.g. another window of a team
    w.announce(Change.of(Area.NOTES, visit_id=sample_visit_id, ids=[note.id]))
    assert tab.editor.text.toPlainText().endswith("（我的）")  # the typing is not replaced
    tab.save()
    assert notes.get_note(uow, note.id).text == "别处改过的文字"  # nothing overwritten
    assert tab.editor.conflict.isVisibleTo(tab)
    tab.editor.keep_mine.emit()
    assert notes.get_note(uow, note.id).text.endswith("（我的）")
    w.actions.undo.trigger()
    assert notes.get_note(uow, note.id).text == "别处改过的文字"


def test_a_command_pushed_while_the_window_shows_a_change_runs_after_it(
        sample_window, qtbot, uow, sample_visit_id):
    from fieldvisit.services import visits as visit_service
    from fieldvisit.ui.commands import EditVisitCommand

    w = sample_window
    ran_inside = []
    command = EditVisitCommand(w._command_context(), sample_visit_id, {"region": "北京市朝阳区"},
                               {"region": "朝阳区"})
    with w._showing_change():
        w.undo_stack.push(command)
        ran_inside.append(visit_service.get_visit(uow, sample_visit_id).region)
    assert ran_inside == ["北京市朝阳区"]  # nothing was written during the refresh
    qtbot.waitUntil(lambda: visit_service.get_visit(uow, sample_visit_id).region == "朝阳区")
    assert w.undo_stack.count() == 1


def test_new_note_shortcut_works_from_every_tab_and_the_visit_list(
        sample_window, qtbot, uow, sample_visit_id):
    """Ctrl+Shift+N is the window's: from the Itinerary tab or the visit list it opens the
    Notes tab with a new note, and what is typed is saved in the visit on screen."""
    w = sample_window
    before = len(notes.list_notes(uow, sample_visit_id))
    w.workspace.tabs.setCurrentWidget(w.workspace.itinerary_tab)
    w.visits_view.setFocus()
    qtbot.keyClick(w.visits_view, Qt.Key.Key_N, CTRL_SHIFT)
    tab = w.workspace.notes_tab
    assert w.workspace.tabs.currentWidget() is tab
    assert tab.editor.text.hasFocus() and tab.editor.note is None
    type_text(qtbot, tab.editor.text, "骑手反映充电难")
    wait_for_save(qtbot)
    w.workspace.tabs.setCurrentWidget(w.workspace.itinerary_tab)
    w.workspace.itinerary_tab.setFocus()
    qtbot.keyClick(w.workspace.itinerary_tab, Qt.Key.Key_N, CTRL_SHIFT)
    assert w.workspace.tabs.currentWidget() is tab and tab.editor.note is None
    type_text(qtbot, tab.editor.text, "驿站缺少微波炉")
    wait_for_save(qtbot)
    texts = [n.text for n in notes.list_notes(uow, sample_visit_id)]
    assert len(texts) == before + 2
    assert {"骑手反映充电难", "驿站缺少微波炉"} <= set(texts)
