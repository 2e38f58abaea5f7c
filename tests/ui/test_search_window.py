"""The search window, driven as a user would: type, wait for the hits, see the matches
highlighted, open one with Enter or a double-click."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from fieldvisit.services import notes, visits
from fieldvisit.services.search import search
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.views import search_window as module
from fieldvisit.ui.views.search_window import (
    MATCH_COLUMN,
    HighlightRole,
    SearchResultsModel,
    SearchWindow,
    highlighted_html,
)

pytestmark = pytest.mark.both_databases  # PostgreSQL searches without the FTS index


@pytest.fixture
def opened():
    return []


@pytest.fixture
def window(qtbot, database, sample_visit_id, opened):
    window = SearchWindow(database, lambda visit_id, note_id: opened.append((visit_id, note_id)))
    qtbot.addWidget(window)
    window.show()
    return window


def hits(window) -> list:
    return [window.model.index(row, 0).data(RowRole) for row in range(window.model.rowCount())]


def type_text(qtbot, box, text: str) -> None:
    """Latin text key by key; Chinese as an input method commits it, one character at a
    time (QTest cannot send key clicks outside Latin-1)."""
    box.setFocus()
    for character in text:
        if character.isascii():
            qtbot.keyClicks(box, character)
        else:
            event = QInputMethodEvent()
            event.setCommitString(character)
            QApplication.sendEvent(box, event)


def type_and_wait(qtbot, window, text: str, rows: int) -> None:
    window.search_box.clear()
    type_text(qtbot, window.search_box, text)
    qtbot.waitUntil(lambda: window.results is not None and window.results.query == text
                    and window.model.rowCount() == rows, timeout=5000)


def test_typing_searches_and_highlights_the_matches(qtbot, window, uow):
    type_and_wait(qtbot, window, "骑手", 3)
    assert [h.kind for h in hits(window)] == ["follow_up", "note", "note"]  # newest first
    assert window.status.text() == "Results: 3"
    second, first = (row for row, hit in enumerate(hits(window)) if hit.kind == "note")
    index = window.model.index(first, MATCH_COLUMN)
    assert "女骑手休息" in index.data()
    rich = index.data(HighlightRole)
    assert f"<span style='{module.HIGHLIGHT_STYLE}'>骑手</span>" in rich
    assert rich.count("<span") == 1
    twice = window.model.index(second, MATCH_COLUMN).data(HighlightRole)
    assert twice.count(">骑手</span>") == 2  # 骑手班、…骑手子女
    assert window.model.index(first, 0).data().startswith("市委主题教育第六巡回指导组")
    assert window.model.index(first, 1).data() == "饿了么北京CBD骑士驿站"
    assert window.model.index(0, 2).data() == "Follow-up"
    assert window.model.index(0, 0).data(HighlightRole) is None
    window.view.grab()  # the delegate paints the highlighted snippet


def test_one_character_and_english_queries(qtbot, window, uow, sample_visit_id):
    visit = visits.create_visit(uow, "Rider survey", start_date=date(2024, 6, 1))
    notes.add_note(uow, visit.id, "Riders asked for charging points")
    type_and_wait(qtbot, window, "骑", len(search(uow, "骑").hits))
    type_and_wait(qtbot, window, "RIDERS", 1)
    assert window.model.index(0, MATCH_COLUMN).data(HighlightRole).startswith(
        f"<span style='{module.HIGHLIGHT_STYLE}'>Riders</span>")


def test_enter_opens_the_note_of_the_current_hit(qtbot, window, opened, uow, sample_visit_id):
    type_and_wait(qtbot, window, "外卖送餐员", len(search(uow, "外卖送餐员").hits))
    hit = hits(window)[0]
    window.activateWindow()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(window.view.hasFocus)
    assert window.view.currentIndex().row() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert opened == [(sample_visit_id, hit.note_id)]
    with uow:
        assert uow.notes.get(hit.note_id).visit_id == sample_visit_id


def test_enter_in_the_box_opens_the_first_hit(qtbot, window, opened, sample_visit_id):
    type_and_wait(qtbot, window, "平方米", 2)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert opened == [(sample_visit_id, hits(window)[0].note_id or hits(window)[0].record_id)]


def test_double_click_on_a_follow_up_opens_its_note(qtbot, window, opened, sample_visit_id):
    type_and_wait(qtbot, window, "驾照培训优惠", 2)
    follow_up = next(h for h in hits(window) if h.kind == "follow_up")
    row = hits(window).index(follow_up)
    rect = window.view.visualRect(window.model.index(row, MATCH_COLUMN))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [(sample_visit_id, follow_up.note_id)]
    assert follow_up.note_id == next(h.record_id for h in hits(window) if h.kind == "note")


def test_no_match_empty_box_and_hostile_text(qtbot, window):
    type_and_wait(qtbot, window, "量子计算机", 0)
    assert window.status.text() == "No matches."
    for text in ('"', "NEAR(", "%", "OR *"):
        type_and_wait(qtbot, window, text,
                      len(search(window.database.unit_of_work(), text).hits))
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.results is None and window.model.rowCount() == 0)
    assert window.status.text() == "Type to search all visits."


def test_only_the_latest_search_is_shown(qtbot, window, monkeypatch):
    """Results of a search overtaken by typing are ignored when they arrive."""
    window.search_box.blockSignals(True)
    window.search_box.setText("骑")
    first = window.run_search()
    window.search_box.setText("外卖送餐员")
    second = window.run_search()
    window.search_box.blockSignals(False)
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    assert window.results.query == "外卖送餐员"
    assert [h.text for h in hits(window)] and all("外卖送餐员" in h.text for h in hits(window))


def test_typing_is_debounced(qtbot, window, monkeypatch):
    started = []
    original = window.run_search
    monkeypatch.setattr(window, "run_search", lambda: started.append(1) or original())
    window._timer.timeout.disconnect()
    window._timer.timeout.connect(window.run_search)
    type_text(qtbot, window.search_box, "驿站服务")
    assert started == []
    qtbot.waitUntil(lambda: window.results is not None and window.results.query == "驿站服务",
                    timeout=5000)
    assert started == [1]


def test_the_result_model_passes_the_model_tester(qtbot, window, qtmodeltester, uow):
    type_and_wait(qtbot, window, "骑", len(search(uow, "骑").hits))
    qtmodeltester.check(window.model, force_py=True)
    model = SearchResultsModel()
    model.set_rows(search(uow, "驿站").hits)
    qtmodeltester.check(model, force_py=True)


def test_highlighted_html_escapes_the_text():
    assert highlighted_html("<b>骑手</b> & co", ((3, 5),)) == \
        f"&lt;b&gt;<span style='{module.HIGHLIGHT_STYLE}'>骑手</span>&lt;/b&gt; &amp; co"


def test_confidential_hits_are_marked(qtbot, window, uow, sample_visit_id):
    notes.add_note(uow, sample_visit_id, "保密：驿站租金每月一万二", confidential=True)
    type_and_wait(qtbot, window, "租金", 1)
    assert window.model.index(0, 2).data() == "Note · confidential"
