"""Steps a user takes in the main window, shared by the scenario tests: each drives the real
widgets (clicks, keys, typing) the way a person would."""

from __future__ import annotations

import time
from uuid import UUID

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from fieldvisit.ui.dialogs.add_stop_dialog import AddStopDialog
from fieldvisit.ui.dialogs.visit_dialog import VisitDialog
from fieldvisit.ui.save_pacing import SAVE_DELAY_MS
from fieldvisit.ui.views.note_editor import NoteEditor
from fieldvisit.ui.views.writing_editor import WritingEditor

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """Click a row of a table as a user does (focus moves to the table)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_visit(qtbot, window, visit_id: UUID) -> None:
    model = window.visits_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == visit_id)
    click_row(qtbot, window.visits_view, row)


def new_visit(window, monkeypatch, title: str) -> UUID:
    """File ▸ New Visit with ``title`` typed into the dialog."""

    def fill(dialog: VisitDialog) -> int:
        dialog.title.setText(title)
        return 1

    monkeypatch.setattr(VisitDialog, "exec", fill)
    window.actions.new_visit.trigger()
    monkeypatch.undo()
    visit_id = window.current_visit_id()
    assert visit_id is not None
    return visit_id


def add_stop(window, monkeypatch, search: str) -> UUID:
    """Itinerary ▸ Add Stop, choosing the first site the search finds."""
    tab = window.workspace.itinerary_tab
    window.workspace.tabs.setCurrentWidget(tab)

    def choose(dialog: AddStopDialog) -> int:
        dialog.search.setText(search)
        assert dialog.chosen() is not None
        return 1

    monkeypatch.setattr(AddStopDialog, "exec", choose)
    tab.add_action.trigger()
    monkeypatch.undo()
    return tab.selected().stop.id


def notes_tab(window):
    tab = window.workspace.notes_tab
    window.workspace.tabs.setCurrentWidget(tab)
    return tab


def start_new_note(qtbot, window, stop: int | None = None):
    """Notes tab, focus in the list, Ctrl+Shift+N: a new note, the cursor in its text; with
    ``stop``, the user picks that entry of the stop list first."""
    tab = notes_tab(window)
    tab.notes_view.setFocus()
    qtbot.keyClick(tab.notes_view, Qt.Key.Key_N, CTRL_SHIFT)
    assert tab.editor.text.hasFocus()
    if stop is not None:
        tab.editor.stop.setCurrentIndex(stop)
        tab.editor.stop.activated.emit(stop)
        tab.editor.text.setFocus()
    return tab


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` (QTest cannot send CJK key events: insert it the way an input method
    commits it, one character at a time, letting the event loop run)."""
    for character in text:
        widget.insertPlainText(character)
        QApplication.processEvents()


def unsaved_editors() -> list[QObject]:
    """The autosaving editors (notes, the report's texts) with typing whose save is still to
    come: their save timer runs, or a save was put off (``QTimer.singleShot(0, save)`` after a
    refresh). An editor whose save was refused (failed, a conflict) has nothing to come."""
    pending: list[QObject] = []
    for top in QApplication.topLevelWidgets():
        editors = [*top.findChildren(NoteEditor), *top.findChildren(WritingEditor)]
        for editor in editors:
            if editor.pacing.timer.isActive() or \
                    (editor.pacing.unsaved_since is not None and editor.changes()):
                pending.append(editor)
    return pending


def wait_for_save(qtbot) -> None:
    """Until every editor's autosave (after SAVE_DELAY_MS without typing) has run."""
    qtbot.waitUntil(lambda: not unsaved_editors(), timeout=SAVE_DELAY_MS + 10_000)


class StallMeter(QObject):
    """Measures the longest time the event loop did not run (a 10 ms timer's largest gap)."""

    def __init__(self) -> None:
        super().__init__(QApplication.instance())
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self, interval=10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        self._tick()
        return self.longest


def on_tab(tab):
    """Turn to ``tab`` in the workspace (a tab reads its data when it is shown)."""
    tab.parentWidget().parentWidget().setCurrentWidget(tab)
    return tab
