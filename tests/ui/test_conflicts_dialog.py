"""The conflicts dialog: both versions side by side; Keep Mine and Take Theirs resolve."""

from __future__ import annotations

import dataclasses

import pytest

from fieldvisit.domain.entities import utc_now
from fieldvisit.persistence.db import photo_root
from fieldvisit.services.package import pack_visit, unpack_visit
from fieldvisit.services.package_merge import list_conflicts
from fieldvisit.ui.dialogs.conflicts_dialog import ConflictsDialog

pytestmark = pytest.mark.both_databases


def edit(database, note_id, text):
    with database.unit_of_work() as uow:
        note = uow.notes.get(note_id)
        uow.notes.put(dataclasses.replace(note, text=text, updated_at=utc_now()))
        uow.commit()


def test_conflicts_are_shown_and_resolved(qtbot, database, sample_visit_id, make_database,
                                          tmp_path):
    other = make_database("other.sqlite3")  # another laptop, with a photo folder of its own
    mine, theirs = photo_root(database.url), tmp_path / "other-photos"
    package = tmp_path / "v.fieldvisit"
    pack_visit(database.unit_of_work(), mine, sample_visit_id, package)
    unpack_visit(other.unit_of_work(), theirs, package)
    with database.unit_of_work() as uow:
        first, second = (n.id for n in uow.notes.all(order_by=("position",),
                                                      visit_id=sample_visit_id)[:2])
    for note_id in (first, second):
        edit(database, note_id, f"我的版本 {note_id}")
        edit(other, note_id, f"他们的版本 {note_id}")
    pack_visit(other.unit_of_work(), theirs, sample_visit_id, package)
    summary = unpack_visit(database.unit_of_work(), mine, package)
    assert len(summary.conflicts) == 2

    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    assert dialog.list.count() == 2
    current = dialog.current()
    assert dialog.mine.toPlainText() == f"我的版本 {current.record_id}"
    assert dialog.theirs.toPlainText() == f"他们的版本 {current.record_id}"
    dialog.take_theirs.click()
    assert changed and dialog.list.count() == 1
    kept = dialog.current()
    dialog.keep_mine.click()
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)
    assert not dialog.keep_mine.isEnabled()
    assert list_conflicts(database.unit_of_work()) == []
    with database.unit_of_work() as uow:
        assert uow.notes.get(current.record_id).text == f"他们的版本 {current.record_id}"
        assert uow.notes.get(kept.record_id).text == f"我的版本 {kept.record_id}"


def test_a_deletion_conflict_offers_keep_or_delete_and_resolves_in_one_step(
        qtbot, database, sample_visit_id, make_database, tmp_path):
    from fieldvisit.services import notes

    other = make_database("other.sqlite3")
    try:
        package = tmp_path / "v.fieldvisit"
        pack_visit(database.unit_of_work(), photo_root(database.url), sample_visit_id, package)
        unpack_visit(other.unit_of_work(), photo_root(other.url), package)
        kept, dropped = notes.list_notes(database.unit_of_work(), sample_visit_id)[:2]
        for note in (kept, dropped):
            notes.delete_note(other.unit_of_work(), note.id)  # deleted on the other laptop
            edit(database, note.id, f"这里改过 {note.id}")  # edited here
        pack_visit(other.unit_of_work(), photo_root(other.url), sample_visit_id, package)
        summary = unpack_visit(database.unit_of_work(), photo_root(database.url), package)
        assert sorted(c.kind for c in summary.conflicts) == ["deleted_there"] * 2
    finally:
        other.dispose()

    dialog = ConflictsDialog(database, visit_id=sample_visit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 2
    assert "Deleted on the other laptop, edited here" in dialog.list.item(0).text()
    assert dialog.kind.text().startswith("Deleted on the other laptop, edited here.")
    assert dialog.keep_record.isVisible() and dialog.delete_record.isVisible()
    assert not dialog.keep_mine.isVisible() and not dialog.take_theirs.isVisible()
    first = dialog.current()
    assert dialog.mine.toPlainText() == f"这里改过 {first.record_id}"
    assert dialog.theirs.toPlainText() == "" and dialog.theirs.placeholderText() == "(deleted)"
    dialog.keep_record.click()
    second = dialog.current()
    dialog.delete_record.click()
    assert dialog.list.count() == 0
    with database.unit_of_work() as uow:
        assert uow.notes.get(first.record_id).text == f"这里改过 {first.record_id}"
        assert uow.notes.find(second.record_id) is None


def test_an_edit_conflict_names_only_the_fields_in_conflict(qtbot, database, sample_visit_id,
                                                             make_database, tmp_path):
    other = make_database("other.sqlite3")
    try:
        package = tmp_path / "v.fieldvisit"
        pack_visit(database.unit_of_work(), photo_root(database.url), sample_visit_id, package)
        unpack_visit(other.unit_of_work(), photo_root(other.url), package)
        with database.unit_of_work() as uow:
            note = uow.notes.all(visit_id=sample_visit_id)[0]
        edit(database, note.id, "我的版本")
        edit(other, note.id, "他们的版本")
        with other.unit_of_work() as uow:
            stored = uow.notes.get(note.id)
            uow.notes.put(dataclasses.replace(stored, tags=("他们的主题",)))
            uow.commit()
        pack_visit(other.unit_of_work(), photo_root(other.url), sample_visit_id, package)
        unpack_visit(database.unit_of_work(), photo_root(database.url), package)
    finally:
        other.dispose()
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.keep_mine.isVisible() and not dialog.keep_record.isVisible()
    assert dialog.kind.text().endswith("merged already: text")
    dialog.take_theirs.click()
    with database.unit_of_work() as uow:
        merged = uow.notes.get(note.id)
    assert (merged.text, merged.tags) == ("他们的版本", ("他们的主题",))


def test_stops_reordered_on_both_laptops_show_both_itineraries_and_take_theirs(
        qtbot, database, sample_visit_id, make_database, tmp_path):
    from fieldvisit.services import itinerary

    other = make_database("other.sqlite3")
    try:
        package = tmp_path / "v.fieldvisit"
        pack_visit(database.unit_of_work(), photo_root(database.url), sample_visit_id, package)
        unpack_visit(other.unit_of_work(), photo_root(other.url), package)
        first, second, third = (s.id for s in itinerary.list_stops(database.unit_of_work(),
                                                                      sample_visit_id))
        itinerary.reorder_stops(database.unit_of_work(), sample_visit_id,
                                [third, first, second])
        itinerary.reorder_stops(other.unit_of_work(), sample_visit_id, [second, first, third])
        pack_visit(other.unit_of_work(), photo_root(other.url), sample_visit_id, package)
        summary = unpack_visit(database.unit_of_work(), photo_root(database.url), package)
        assert [c.kind for c in summary.conflicts] == ["order"]
    finally:
        other.dispose()
    with database.unit_of_work() as uow:
        sites = {s.id: s.name for s in uow.sites.all()}
        stops = {s.id: sites[s.site_id] for s in uow.stops.all(visit_id=sample_visit_id)}

    dialog = ConflictsDialog(database, visit_id=sample_visit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    assert "Reordered on both laptops" in dialog.list.item(0).text()
    assert dialog.kind.text().startswith("Both laptops changed the order of the stops.")
    assert dialog.keep_mine.isVisible() and dialog.take_theirs.isVisible()
    assert not dialog.keep_record.isVisible()
    assert dialog.mine.toPlainText().splitlines() == [
        f"1. {stops[third]}", f"2. {stops[first]}", f"3. {stops[second]}"]
    assert dialog.theirs.toPlainText().splitlines() == [
        f"1. {stops[second]}", f"2. {stops[first]}", f"3. {stops[third]}"]
    dialog.take_theirs.click()
    assert dialog.list.count() == 0
    assert [s.id for s in itinerary.list_stops(database.unit_of_work(), sample_visit_id)] == \
        [second, first, third]


def test_a_report_text_written_differently_on_two_laptops_is_named_in_words(
        qtbot, database, sample_visit_id, make_database, tmp_path):
    from fieldvisit.services.report_writing import report_writing, update_report_writing

    other = make_database("other.sqlite3")
    package = tmp_path / "v.fieldvisit"
    update_report_writing(database.unit_of_work(), sample_visit_id, {"lead": "共同的导语"}, 0)
    pack_visit(database.unit_of_work(), photo_root(database.url), sample_visit_id, package)
    unpack_visit(other.unit_of_work(), photo_root(other.url), package)
    update_report_writing(database.unit_of_work(), sample_visit_id, {"lead": "我的导语"}, 1)
    update_report_writing(other.unit_of_work(), sample_visit_id, {"lead": "他们的导语"}, 1)
    pack_visit(other.unit_of_work(), photo_root(other.url), sample_visit_id, package)
    unpack_visit(database.unit_of_work(), photo_root(database.url), package)
    dialog = ConflictsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("Report text · 市委主题教育")
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == ("我的导语", "他们的导语")
    dialog.take_theirs.click()
    assert report_writing(database.unit_of_work(), sample_visit_id).lead == "他们的导语"
    assert list_conflicts(database.unit_of_work()) == []
