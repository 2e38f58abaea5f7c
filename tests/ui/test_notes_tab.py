"""The Notes tab: writing without a save button, one-shortcut notes, figure candidates,
follow-ups, filters, themes and clashes."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from fieldvisit.domain.enums import NoteKind
from fieldvisit.services import notes
from fieldvisit.ui.dialogs.follow_up_dialog import FollowUpDialog
from tests.ui.scenario_steps import wait_for_save

pytestmark = pytest.mark.both_databases  # themes counted and notes re-read by the server


def notes_tab(window):
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    window.activateWindow()
    return tab


def test_a_new_note_is_saved_while_typing_and_undone_in_one_step(sample_window, qtbot, uow,
                                                                 sample_visit_id):
    tab = notes_tab(sample_window)
    before = len(notes.list_notes(uow, sample_visit_id))
    tab.notes_view.setFocus()
    qtbot.keyClick(tab.notes_view, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.editor.note is None and tab.editor.text.hasFocus()
    tab.editor.text.insertPlainText("驿站累计服务6000余人次")  # typed (QTest cannot type CJK)
    wait_for_save(qtbot)
    saved = notes.list_notes(uow, sample_visit_id)
    assert len(saved) == before + 1
    assert saved[-1].text == "驿站累计服务6000余人次"
    assert tab.editor.state.text() == "Saved"
    tab.editor.text.insertPlainText("，开展活动50余场")
    wait_for_save(qtbot)
    assert notes.get_note(uow, saved[-1].id).text.endswith("50余场")
    assert tab.editor.text.toPlainText().endswith("50余场")  # typing was not disturbed
    sample_window.actions.undo.trigger()
    assert notes.get_note(uow, saved[-1].id).text == "驿站累计服务6000余人次"
    sample_window.actions.undo.trigger()
    assert len(notes.list_notes(uow, sample_visit_id)) == before


def test_leaving_the_editor_saves_at_once(sample_window, qtbot, uow, sample_visit_id):
    tab = notes_tab(sample_window)
    note = tab.editor.note
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    tab.editor.text.insertPlainText("（补充）")
    tab.notes_view.setFocus()  # focus moves away: no waiting for the timer
    assert notes.get_note(uow, note.id).text.endswith("（补充）")


def test_figure_candidates_are_recorded_with_one_click(sample_window, qtbot, uow,
                                                       sample_visit_id):
    tab = notes_tab(sample_window)
    tab.new_note()
    tab.editor.text.insertPlainText("服务中心面积约1200平方米，联系了20家企业")
    tab.save()
    texts = [tab.candidates.item(i).text() for i in range(tab.candidates.count())]
    assert any("1200平方米" in t for t in texts) and any("20家" in t for t in texts)
    tab.accept_candidate(tab.candidates.item(0))
    figures = notes.list_figures(uow, sample_visit_id)
    recorded = [f for f in figures if f.note_id == tab.editor.note.id]
    assert [(f.value, f.unit) for f in recorded] == [("1200", "平方米")]
    assert tab.candidates.count() == len(texts) - 1  # a recorded figure is not offered again


def test_follow_up_from_a_note(sample_window, monkeypatch, uow, sample_visit_id):
    tab = notes_tab(sample_window)

    def answer(dialog: FollowUpDialog) -> int:
        dialog.action.setPlainText("协调驾校扩大优惠名额")
        return 1

    monkeypatch.setattr(FollowUpDialog, "exec", answer)
    note = tab.editor.note
    tab.follow_up()
    created = [f for f in notes.list_follow_ups(uow, sample_visit_id)
               if f.action == "协调驾校扩大优惠名额"]
    assert created and created[0].note_id == note.id
    assert tab.follow_ups_model.rowCount() == 4


def test_filters_themes_and_clashes(sample_window, uow, sample_visit_id, qtmodeltester):
    tab = notes_tab(sample_window)
    kinds = tab.filters["kind"]
    kinds.setCurrentIndex(kinds.findData(NoteKind.INTERVIEW.value))
    tab._apply_filters()
    assert tab.notes_model.rowCount() == 1
    assert tab.notes_model.row_at(0).interviewee_group == "外卖送餐员、环卫工人"
    themes = tab.tables.themes_model
    assert themes.rowCount() > 5
    assert themes.headerData(0, Qt.Orientation.Vertical) == "权益保障"
    for model in (tab.notes_model, tab.figures_model, tab.follow_ups_model, themes):
        qtmodeltester.check(model, force_py=True)
    figure = notes.list_figures(uow, sample_visit_id)[1]
    notes.add_figure(uow, sample_visit_id, figure.label, "7000", unit=figure.unit,
                     stop_id=figure.stop_id)
    sample_window.refresh()
    assert "骑士驿站累计服务" in tab.clashes.text() and tab.clashes.isVisibleTo(tab)


def test_the_current_stop_follows_the_clock(qtbot, database, sample_visit_id):
    from fieldvisit.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    tab = window.workspace.notes_tab
    tab.clock = lambda: datetime(2023, 5, 25, 11, 0)  # during the second stop
    window.workspace.tabs.setCurrentWidget(tab)
    window.refresh(sample_visit_id)
    tab.new_note()
    assert tab.editor.stop.currentText().startswith("2. 东湖街道")


def test_a_search_hit_opens_its_note(sample_window, uow, sample_visit_id):
    from fieldvisit.services.search import search

    search_window = sample_window.show_search()
    assert search_window.isVisible()
    hit = search(uow, "驾照").hits[0]
    tab = sample_window.workspace.notes_tab
    kinds = tab.filters["kind"]
    kinds.setCurrentIndex(kinds.findData(NoteKind.OBSERVATION.value))  # a filter hiding it
    tab._apply_filters()
    sample_window.open_note(hit.visit_id, hit.note_id or hit.record_id)
    assert sample_window.workspace.tabs.currentWidget() is tab
    assert tab.editor.note is not None and "驾照" in tab.editor.text.toPlainText()
