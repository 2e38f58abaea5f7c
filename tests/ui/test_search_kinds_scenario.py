"""Scenario (issue 16): search finds speakers, interviewee groups, sites and people; the
window says what each hit is, and opening one goes where it belongs: a speaker's note on the
Notes tab, a site's stop on the Itinerary tab, a person (or a site no visit stops at) in the
Directory. Show More brings the next page (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldvisit.services import directory, itinerary, notes
from fieldvisit.ui.models.table_model import RowRole
from tests.ui.test_search_window import type_text

pytestmark = pytest.mark.both_databases


def shown(window) -> list[tuple[str, str, str]]:
    """(visit, kind, text) of every row as the window shows it."""
    model = window.model
    return [tuple(model.index(row, column).data() for column in (0, 2, 3))
            for row in range(model.rowCount())]


def search_for(qtbot, window, text: str) -> None:
    window.search_box.clear()
    type_text(qtbot, window.search_box, text)
    qtbot.waitUntil(lambda: window.results is not None and window.results.query == text,
                    timeout=5000)


def open_row(qtbot, window, kind: str) -> None:
    row = next(row for row in range(window.model.rowCount())
               if window.model.index(row, 2).data() == kind)
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(row, 0))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)


def test_each_hit_says_what_it_is_and_opens_where_it_belongs(qtbot, sample_window, uow,
                                                            sample_visit_id):
    with uow:
        stop = uow.stops.all(visit_id=sample_visit_id)[1]
        site = uow.sites.get(stop.site_id)
    note = notes.add_note(uow, sample_visit_id, "充电难。", stop_id=stop.id, speaker="欧阳师傅",
                          interviewee_group="欧阳家的骑手")
    person = directory.create_person(uow, "欧阳明")
    lonely = itinerary.create_site(uow, "欧阳驿站")
    window = sample_window.show_search()
    search_for(qtbot, window, "欧阳")
    rows = shown(window)
    assert sorted((kind, text) for _visit, kind, text in rows) == sorted([
        ("Speaker", "欧阳师傅"), ("Interviewee group", "欧阳家的骑手"), ("Person", "欧阳明"),
        ("Site", "欧阳驿站")])
    assert {kind: visit for visit, kind, _text in rows}["Person"] == "Directory"
    assert {kind: visit for visit, kind, _text in rows}["Site"] == "Directory"  # no stop

    open_row(qtbot, window, "Speaker")  # the note the speaker was heard in
    tab = sample_window.workspace.notes_tab
    assert sample_window.workspace.tabs.currentWidget() is tab
    assert tab.editor.note is not None and tab.editor.note.id == note.id

    open_row(qtbot, window, "Person")
    directory_window = sample_window._directory  # as the hit left it
    assert directory_window.tabs.currentWidget() is directory_window.people
    assert [entry.person.id for entry in directory_window.people.selected()] == [person.id]

    open_row(qtbot, window, "Site")  # no visit stops there: the Directory's Sites
    assert directory_window.tabs.currentWidget() is directory_window.sites
    assert [s.id for s in directory_window.sites.selected()] == [lonely.id]

    search_for(qtbot, window, site.name)
    open_row(qtbot, window, "Site")  # a site of the visit: its stop on the Itinerary tab
    itinerary_tab = sample_window.workspace.itinerary_tab
    assert sample_window.workspace.tabs.currentWidget() is itinerary_tab
    assert itinerary_tab.selected().stop.id == stop.id
    assert sample_window.current_visit_id() == sample_visit_id


def test_show_more_brings_the_next_page(qtbot, sample_window, uow, sample_visit_id,
                                        monkeypatch):
    from fieldvisit.ui.views import search_window as module

    monkeypatch.setattr(module, "LIMIT", 3)
    window = sample_window.show_search()
    search_for(qtbot, window, "骑")
    assert window.model.rowCount() == 3 and window.more.isVisible()
    first = [window.model.index(row, 0).data(RowRole) for row in range(3)]
    window.more.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=5000)
    rows = [window.model.index(row, 0).data(RowRole) for row in range(6)]
    assert rows[:3] == first and len({(h.kind, h.record_id) for h in rows}) == 6
    assert list(window.results.hits) == rows
