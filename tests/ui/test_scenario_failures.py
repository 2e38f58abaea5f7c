"""Issue 13, part B in the window: a full disk while typing a note, and a database locked by
another process during File ▸ Import, each end in one dialog naming what happened and what was
kept; the database holds what it held, never half of a change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldvisit.services import concurrency, notes, visit_document
from fieldvisit.ui import errors, file_dialogs
from tests.integration.failing_storage import locked, make_full
from tests.ui.scenario_steps import notes_tab, type_text, wait_for_save


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "exec", lambda box: shown.append(
        f"{box.windowTitle()}|{box.text()}|{box.informativeText()}") or 0)
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda parent, title, text, *a:
                        shown.append(f"{title}|{text}|") or QMessageBox.StandardButton.Ok)
    return shown


def test_a_full_disk_while_typing_a_note_shows_one_dialog_and_keeps_the_text(
        sample_window, qtbot, uow, dialogs):
    w = sample_window
    tab = notes_tab(w)
    note = tab.editor.note
    stored = notes.get_note(uow, note.id).text
    free_space = make_full(w.database.engine)
    editor = tab.editor.text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("骑手反映" * 3000)  # pasted: the note needs new pages
    for _ in range(3):  # several saves fail while the user keeps typing
        type_text(qtbot, editor, "补充")
        wait_for_save(qtbot)
    assert len(dialogs) == 1, dialogs
    title, text, kept = dialogs[0].split("|")
    assert title == "FieldVisit" and text.startswith("the disk is full") \
        and "nothing was saved" in text and "Unexpected" not in text
    assert kept == ("Kept: everything saved before; the note you are writing stays on "
                    "screen, not saved yet.")
    assert tab.editor.state.text() == "Not saved: the disk is full"
    assert editor.toPlainText().endswith("补充" * 3)
    assert notes.get_note(uow, note.id).text == stored  # nothing half-written
    # space freed: the next save writes the whole text
    free_space()
    type_text(qtbot, editor, "。")
    wait_for_save(qtbot)
    assert tab.editor.state.text().startswith("Saved")
    assert notes.get_note(uow, note.id).text == editor.toPlainText()
    assert len(dialogs) == 1


def test_a_locked_database_during_file_import_shows_one_dialog_and_changes_nothing(
        sample_window, qtbot, uow, sample_visit_id, db_path, tmp_path, dialogs, monkeypatch):
    monkeypatch.setattr(concurrency, "ATTEMPTS", 1)  # each attempt waits out the 5 s timeout
    w = sample_window
    document = visit_document.export_visit(uow, sample_visit_id)
    document["notes"][0]["text"] += "（导入的补充）"
    path = tmp_path / "visit.json"
    path.write_text(visit_document.dumps(document), encoding="utf-8")
    before = visit_document.export_visit(uow, sample_visit_id)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: path)
    with locked(db_path):
        w.actions.import_visit.trigger()
        qtbot.waitUntil(lambda: not w._tasks, timeout=30000)  # noqa: SLF001
    assert len(dialogs) == 1, dialogs
    title, text, _ = dialogs[0].split("|")
    assert title == "FieldVisit"
    assert text.startswith("the database is busy with another writer") \
        and "nothing was saved, try again" in text
    assert visit_document.export_visit(uow, sample_visit_id) == before
