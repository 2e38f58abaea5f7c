"""A team server in the window: a colleague's changes show without a restart, and the note
being written is never overwritten by them (issue 12)."""

from __future__ import annotations

import pytest

from fieldvisit.services import notes, visits
from fieldvisit.services.sample import load_reference_visit
from tests.pg import fresh_postgres, needs_postgres
from tests.ui.scenario_steps import notes_tab, type_text

pytestmark = needs_postgres


@pytest.fixture
def team(qtbot):
    """This window and a colleague's client on one PostgreSQL database."""
    from fieldvisit.persistence.db import open_database
    from fieldvisit.ui.main_window import MainWindow

    with fresh_postgres() as url:
        mine, colleague = open_database(url), open_database(url)
        visit_id = load_reference_visit(mine.unit_of_work()).visit_id
        window = MainWindow(mine)
        qtbot.addWidget(window)
        window.refresh(visit_id)
        window.show()
        yield window, colleague.unit_of_work(), visit_id
        window.close()
        mine.dispose()
        colleague.dispose()


def _poll(qtbot, window):
    task = window.live_updates.poll()
    if task is not None:
        with qtbot.waitSignal(task.finished, timeout=10000):
            pass


def test_a_colleagues_notes_show_in_the_open_visit(team, qtbot):
    window, colleague, visit_id = team
    tab = notes_tab(window)
    shown = tab.editor.note
    notes.update_note(colleague, shown.id, text="同事补充后的文字")
    added = notes.add_note(colleague, visit_id, "同事在第二站的新记录")
    visits.update_visit(colleague, visit_id, region="北京市朝阳区东湖街道")
    _poll(qtbot, window)
    assert tab.editor.text.toPlainText() == "同事补充后的文字"  # nothing typed: it follows
    assert tab.list.note(added.id) is not None
    assert "东湖街道" in window.workspace.header.text()
    notes.delete_note(colleague, added.id)
    _poll(qtbot, window)
    assert tab.list.note(added.id) is None
    assert window.undo_stack.count() == 0  # showing their changes wrote nothing


def test_the_note_being_written_is_flagged_not_overwritten(team, qtbot):
    window, colleague, visit_id = team
    tab = notes_tab(window)
    note = tab.editor.note
    tab.editor.text.setFocus()
    tab.editor.text.moveCursor(tab.editor.text.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor.text, "（我正在写）")
    tab.editor.pacing.timer.stop()  # their change lands before my pause in typing
    notes.update_note(colleague, note.id, text="同事改过的文字")
    _poll(qtbot, window)
    assert tab.editor.conflict.isVisibleTo(tab)  # told at once
    assert tab.editor.text.toPlainText().endswith("（我正在写）")
    tab.save()
    assert notes.get_note(colleague, note.id).text == "同事改过的文字"  # not overwritten
    tab.editor.keep_mine.emit()
    assert notes.get_note(colleague, note.id).text.endswith("（我正在写）")


def test_a_colleagues_photo_shows_with_its_picture(team, qtbot, tmp_path):
    from fieldvisit.services import photos as photo_service
    from tests.integration.package_tools import make_jpeg

    window, colleague, visit_id = team
    panel = notes_tab(window).photos_panel
    added = photo_service.import_photo(colleague, tmp_path / "their-photos", visit_id,
                                       make_jpeg(tmp_path / "驿站.jpg", size=(320, 240))).photo
    _poll(qtbot, window)
    assert panel.model.row_of(added.id) >= 0
    key = panel._key(added)
    qtbot.waitUntil(lambda: panel.thumbnails.icon(key) is not False, timeout=10000)
    assert panel.thumbnails.icon(key) is not None  # the picture, not "file missing"
    assert photo_service.photo_files(panel.root, added)[1].is_file()
