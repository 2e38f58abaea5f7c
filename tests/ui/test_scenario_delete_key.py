"""Scenario of issue 11: the Delete key acts on the item that has focus, never on the visit
unless the visit list has focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldvisit.services import delegation, itinerary, notes, visits
from tests.ui.scenario_steps import click_row, notes_tab


def _refuse_questions(monkeypatch):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_delete_removes_the_focused_member_stop_or_note_not_the_visit(
        sample_window, qtbot, monkeypatch, uow, sample_visit_id):
    w = sample_window
    asked = _refuse_questions(monkeypatch)
    members = delegation.list_members(uow, sample_visit_id)
    tab = w.workspace.delegation_tab
    w.workspace.tabs.setCurrentWidget(tab)
    click_row(qtbot, tab.delegation_view, 1, 1)
    chosen = tab.selected_member()
    assert w.actions.delete.text() == "&Remove Member"
    qtbot.keyClick(tab.delegation_view, Qt.Key.Key_Delete)
    left = delegation.list_members(uow, sample_visit_id)
    assert [m.id for m in left] == [m.id for m in members if m.id != chosen.member_id]
    assert not asked and visits.list_visits(uow)

    stops = itinerary.list_stops(uow, sample_visit_id)
    tab = w.workspace.itinerary_tab
    w.workspace.tabs.setCurrentWidget(tab)
    refused = []  # the stop at row 0 has notes: removing it is refused with a message
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: refused.append(a[2]))
    click_row(qtbot, tab.view, 0, 2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert refused and len(itinerary.list_stops(uow, sample_visit_id)) == len(stops)

    tab = notes_tab(w)
    before = notes.list_notes(uow, sample_visit_id)
    click_row(qtbot, tab.notes_view, 0, 2)
    first = tab.notes_model.row_at(0)
    assert w.actions.delete.text() == "&Delete Note"
    qtbot.keyClick(tab.notes_view, Qt.Key.Key_Delete)
    assert [n.id for n in notes.list_notes(uow, sample_visit_id)] == \
        [n.id for n in before if n.id != first.id]

    # in the note's text Delete deletes a character
    text = tab.editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.Start)
    typed = text.toPlainText()
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert text.toPlainText() == typed[1:]
    assert len(notes.list_notes(uow, sample_visit_id)) == len(before) - 1
    assert not asked

    # only in the visit list does Delete mean the visit, and it asks first
    w.visits_view.setFocus()
    click_row(qtbot, w.visits_view, 0)
    qtbot.keyClick(w.visits_view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Delete the visit" in asked[0]
    assert [v.id for v in visits.list_visits(uow)] == [sample_visit_id]

    # undo takes back each step in turn
    while w.undo_stack.canUndo():
        w.actions.undo.trigger()
    assert len(delegation.list_members(uow, sample_visit_id)) == len(members)
    assert [n.text for n in notes.list_notes(uow, sample_visit_id)] == [n.text for n in before]
